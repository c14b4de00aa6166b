/**
 * Applies a scenario to the baseline growth forecast. The scenario sets the mean path (the
 * forecast itself, an official path, or recent performance), adds shocks and the growth from
 * extra investment and jobs; the spread around the mean is the baseline's simulated paths',
 * so every scenario is judged with the same, calibrated uncertainty. Real growth is then turned
 * into GRDP per capita in current US$ with the deflator, exchange-rate and population paths.
 */
import { windowYears, type Assumption, type Scenario } from './types.js';
import { column, quantiles } from '../core/quantiles.js';
import { averageGrowth } from '../targets/growth-math.js';
import { accountingGrowth, calibratedTfp, type TfpCalibration } from './growth-accounting.js';
import { icorFromHistory, type IcorEstimate, type InvestmentShare } from './icor.js';

export interface EconomyBase {
  /** Last year with actual growth; the scenario starts the year after. */
  readonly year: number;
  /** GRDP in US$ billions in `year` (for investment as a share of GRDP). */
  readonly grdpUsdBn: number | null;
  /** Investment / GRDP in `year` (a fraction), for the perpetual-inventory capital stock. */
  readonly investmentShare: number | null;
  /** Growth in `year` (%), for the steady-state initial capital stock. */
  readonly growth: number;
  /** Labour force in `year`, thousand persons. */
  readonly labourThousand: number | null;
  /** GRDP per capita in US$ in `year`, if known. */
  readonly perCapitaUsd: number | null;
  /** What TFP is calibrated on, for growth-accounting scenarios (null when the data cannot say). */
  readonly tfpCalibration?: TfpCalibration | null;
  /** Investment / nominal GDP in every year the data have both (the ICOR and the goal-seek's history). */
  readonly investmentShares?: readonly InvestmentShare[];
}

/** The production function a growth-accounting scenario ran, with the calibration it stands on. */
export interface AccountingSummary {
  readonly calibration: TfpCalibration;
  readonly capitalShare: number;
  /** TFP growth calibrated on history, %/yr, and the total used (plus tfpExtra). */
  readonly calibratedTfp: number;
  readonly tfpGrowth: number;
  /** Investment, % of GRDP, from the first forecast year; the data's, which the capital stock starts from. */
  readonly investmentRate: number;
  readonly initialInvestmentRate: number;
  readonly depreciation: number;
  readonly labourGrowth: number;
  /**
   * What the "TFP" is: with no capital stock in the data, the residual implied by assuming capital
   * grew with output over the calibration years, ≈ (1 − α)(g_Y − g_L); not a measured residual.
   */
  readonly tfpKind: 'implied by balanced growth';
  /** The implied TFP at α 0.4, 0.5 and 0.6 (it moves with α; growth with nothing changed does not). */
  readonly tfpByAlpha: readonly { readonly alpha: number; readonly tfp: number }[];
  /** Whether the labour series' years lie outside the calibration window (said in the text). */
  readonly labourOutsideWindow: boolean;
  /** Investment as % of GRDP in every year the data have it (goal-seek's history). */
  readonly investmentRates: readonly { readonly year: number; readonly rate: number }[];
}

/** The capital shares growth-accounting answers are shown at (α 0.4-0.6, see the README). */
export const ALPHA_RANGE = [0.4, 0.5, 0.6] as const;

export interface BaselineGrowth {
  /** Forecast years, consecutive, starting base.year + 1. */
  readonly years: readonly number[];
  /** Simulated growth paths (%), paths[p][i] for years[i]. */
  readonly paths: readonly Float64Array[];
}

export interface YearSummary {
  readonly year: number;
  readonly mean: number;
  readonly median: number;
  /** The middle half of the paths (quartiles), then 80% and 95% bands. */
  readonly lo50: number;
  readonly hi50: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

export interface Outlook {
  readonly scenario: string;
  readonly years: readonly number[];
  /**
   * Growth (%) per path per year is basePaths[p][i] + shift[i]: the scenario moves every path of
   * the baseline by the same amount in a year (kept apart so that a key press allocates nothing).
   */
  readonly basePaths: readonly Float64Array[];
  readonly shift: readonly number[];
  readonly growth: readonly YearSummary[];
  /** Percentage points the scenario adds each year on top of its mean path (shocks + investment). */
  readonly added: readonly { readonly year: number; readonly shock: number; readonly investment: number }[];
  /** GRDP per capita in current US$ per path per year (empty when the base level is unknown). */
  readonly perCapitaUsdPaths: readonly Float64Array[];
  readonly perCapitaUsd: readonly YearSummary[];
  /** The same summary for the years up to `year` only (a chart to 2030 need not summarise 2045). */
  readonly perCapitaUsdTo: (year: number) => readonly YearSummary[];
  /** What the mean path is, in words. */
  readonly meanPath: string;
  /** For growth-accounting scenarios: the production function's inputs; else null. */
  readonly accounting: AccountingSummary | null;
}

function num(a: Readonly<Record<string, Assumption>>, key: string, fallback: number): number {
  return a[key]?.value ?? fallback;
}

const summaries = new WeakMap<readonly Float64Array[], YearSummary[]>();

/** Mean and 80%/95% quantiles of column i of the paths (`scratch`: a reusable column buffer). */
function summariseColumn(paths: readonly Float64Array[], i: number, year: number, scratch: Float64Array): YearSummary {
  const col = column(paths, i, scratch);
  let sum = 0;
  for (const v of col) sum += v;
  const [lo95, lo80, lo50, median, hi50, hi80, hi95] = quantiles(col, [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975]) as [number, number, number, number, number, number, number];
  return { year, mean: sum / col.length, median, lo50, hi50, lo80, hi80, lo95, hi95 };
}

/** Mean and 80%/95% quantiles of the paths year by year; memoised per paths array. */
export function summarisePaths(years: readonly number[], paths: readonly Float64Array[]): YearSummary[] {
  const known = summaries.get(paths);
  if (known && known.length === years.length) return known;
  // One scratch column for every year: quantiles reorder it, and nothing keeps it.
  const scratch = new Float64Array(paths.length);
  const out = years.map((year, i) => summariseColumn(paths, i, year, scratch));
  summaries.set(paths, out);
  return out;
}

/**
 * The scenario's extra inflows year by year (US$ bn). Registered capital, a one-off project
 * (`extraInvestment`, registered in `firstYear`) and a sustained extra FDI registration every year
 * from `firstYear` (`extraFdi`), is disbursed at `fdiDisbursement` % of registration (default 100),
 * evenly over `investmentYears` years starting with the registration year:
 *   D_t = r · Σ_{v = t−n+1..t} R_v / n.
 * Jobs are a fraction of the base year's labour force, spread over the same years from `firstYear`.
 */
export function extraInflows(scenario: Scenario, base: EconomyBase, years: readonly number[]): { investment: number[]; labour: number[]; registered: number[] } {
  const spec = scenario.investment;
  if (!spec) return { investment: years.map(() => 0), labour: years.map(() => 0), registered: years.map(() => 0) };
  const a = scenario.assumptions;
  const extra = num(a, 'extraInvestment', 0);
  const span = Math.max(1, Math.round(num(a, 'investmentYears', 1)));
  const fdi = num(a, 'extraFdi', 0);
  const ratio = num(a, 'fdiDisbursement', 100) / 100;
  const jobs = num(a, 'jobs', 0);
  const firstYear = spec.firstYear ?? base.year + 1;
  const registeredIn = (year: number): number => (year === firstYear ? extra : 0) + (year >= firstYear ? fdi : 0);
  const inWindow = (year: number): boolean => year >= firstYear && year < firstYear + span;
  return {
    registered: years.map(registeredIn),
    investment: years.map((year) => {
      let d = 0;
      for (let v = year - span + 1; v <= year; v += 1) d += registeredIn(v);
      return (ratio * d) / span;
    }),
    labour: years.map((year) => (base.labourThousand && inWindow(year) ? jobs / span / (base.labourThousand * 1000) : 0)),
  };
}

/** The ICOR the data give for the scenario's lag (null without investment and GDP figures). */
export function dataIcor(scenario: Scenario, base: EconomyBase, history: { readonly years: readonly number[]; readonly values: readonly number[] }): IcorEstimate | null {
  if (!base.investmentShares?.length) return null;
  return icorFromHistory(base.investmentShares, history, Math.max(0, Math.round(num(scenario.assumptions, 'icorLag', 0))));
}

/**
 * Extra growth (pp) from the investment scenario on top of a mean path (see extraInflows).
 * - ICOR rule (Vietnamese planning practice): the capital disbursed in year t − L adds
 *   D_{t−L} / ICOR to output in year t, so Δg_t = 100 · D_{t−L} / (ICOR · Y_{t−1}) with Y on the
 *   mean path (Y_{t−1} = the base year's GRDP for the first year). The ICOR credits all of output
 *   growth to investment, so jobs add nothing here: counting labour's share of them as well would
 *   count the same growth twice.
 * - Cobb-Douglas: Δg = 100 · α · ΔK_t / K_{t−1}, the extra capital E_t = (1 − δ)E_{t−1} + D_t
 *   (perpetual inventory) over a capital stock started at its steady state K = I / (g + δ)
 *   (Harberger 1978) and growing with GRDP, plus the jobs' labour contribution (1 − α) · ΔL/L.
 * `icor`: the ICOR used when the scenario has no `icor` assumption (the data's, see dataIcor).
 */
export function investmentGrowth(scenario: Scenario, base: EconomyBase, years: readonly number[], meanGrowth: readonly number[], icorFallback = 4): number[] {
  const spec = scenario.investment;
  if (!spec) return years.map(() => 0);
  const a = scenario.assumptions;
  const alpha = num(a, 'capitalShare', 0.4);
  const delta = num(a, 'depreciation', 5) / 100;
  const icor = num(a, 'icor', icorFallback);
  const lag = Math.max(0, Math.round(num(a, 'icorLag', 0)));
  const inflows = extraInflows(scenario, base, years);
  const y0 = base.grdpUsdBn ?? NaN;
  const out: number[] = [];
  // gdpBefore[i]: GRDP (US$ bn) of the year before years[i], on the mean path.
  let gdp = y0;
  let extraCapital = 0;
  const share = base.investmentShare ?? NaN;
  let capital = (share * y0) / (base.growth / 100 + delta);
  years.forEach((_, i) => {
    let pp: number;
    if (spec.method === 'icor') {
      const dI = i - lag >= 0 ? inflows.investment[i - lag]! : 0;
      pp = (100 * dI) / (icor * gdp);
      out.push(Number.isFinite(pp) ? pp : 0);
    } else {
      const before = extraCapital;
      extraCapital = (1 - delta) * extraCapital + inflows.investment[i]!;
      pp = (100 * alpha * (extraCapital - before)) / capital;
      const labour = 100 * (1 - alpha) * inflows.labour[i]!;
      out.push(Number.isFinite(pp) ? pp + labour : labour);
    }
    // The economy the extra investment is measured against grows with the mean path (nominal
    // US$ growth ≈ real growth here; the ratio matters, not the units).
    const g = 1 + (meanGrowth[i] ?? 0) / 100;
    gdp *= g;
    capital *= g;
  });
  return out;
}

/**
 * GRDP per capita in current US$ along every path: one buffer for all paths (views into it), so
 * that a key press allocates one array rather than ten thousand.
 */
function perCapitaPaths(paths: readonly Float64Array[], shift: readonly number[], start: number, nominalUsd: number): Float64Array[] {
  const h = paths[0]?.length ?? 0;
  const buffer = new Float64Array(paths.length * h);
  return paths.map((p, k) => {
    const out = buffer.subarray(k * h, (k + 1) * h);
    let level = start;
    for (let i = 0; i < h; i += 1) out[i] = level *= (1 + (p[i]! + shift[i]!) / 100) * nominalUsd;
    return out;
  });
}

/**
 * A growth-accounting scenario's mean path (the production function without the extras) and the
 * growth the extra investment, FDI and jobs add to it (the same function with them, minus it).
 * @throws RangeError when the data cannot calibrate TFP or start the capital stock
 */
function accountingPaths(scenario: Scenario, base: EconomyBase, years: readonly number[]): { mean: number[]; invest: number[]; accounting: AccountingSummary } {
  const calibration = base.tfpCalibration;
  if (!calibration) throw new RangeError(`scenario '${scenario.name}': growth accounting needs real growth and a labour series to calibrate TFP on`);
  const a = scenario.assumptions;
  const capitalShare = num(a, 'capitalShare', 0.4);
  const baseTfp = calibratedTfp(calibration, capitalShare);
  // The capital stock starts in steady state with the investment rate the data show, and the
  // levers are changes from the data's values, so that with nothing changed the model continues
  // the calibration growth on any data set and basis.
  const initial = base.investmentShare;
  if (initial === null || !Number.isFinite(initial)) {
    throw new RangeError(`scenario '${scenario.name}': growth accounting needs the investment rate in ${base.year} (the data set's investment and gdp_nominal roles in series.json)`);
  }
  const share = 100 * initial + num(a, 'investmentRateExtra', 0);
  const accounting: AccountingSummary = {
    calibration,
    capitalShare,
    calibratedTfp: baseTfp,
    tfpGrowth: baseTfp + num(a, 'tfpExtra', 0),
    investmentRate: share,
    initialInvestmentRate: 100 * initial,
    depreciation: num(a, 'depreciation', 5),
    labourGrowth: calibration.labourGrowth + num(a, 'labourGrowthExtra', 0),
    tfpKind: 'implied by balanced growth',
    tfpByAlpha: ALPHA_RANGE.map((alpha) => ({ alpha, tfp: calibratedTfp(calibration, alpha) })),
    labourOutsideWindow: calibration.labourFrom < calibration.from || calibration.labourTo > calibration.to,
    investmentRates: (base.investmentShares ?? []).map((x) => ({ year: x.year, rate: 100 * x.share })),
  };
  const inputs = {
    capitalShare,
    depreciation: accounting.depreciation / 100,
    investmentRate: share / 100,
    initialInvestmentRate: initial,
    labourGrowth: accounting.labourGrowth,
    tfpGrowth: accounting.tfpGrowth,
    steadyGrowth: calibration.growth,
    // Only ratios matter without extras; with them, GRDP in US$ bn measures the extra US$ bn.
    gdp: base.grdpUsdBn ?? 1,
  };
  // The mean path is the calibration's continuation (no lever moved); every lever's effect, the
  // investment rate, labour and TFP changes as much as the extra investment, FDI and jobs, is
  // what the scenario adds (so ADDED counts them all).
  const mean = accountingGrowth(years, { ...inputs, investmentRate: initial, labourGrowth: calibration.labourGrowth, tfpGrowth: baseTfp });
  const withLevers = !scenario.investment || base.grdpUsdBn === null
    ? accountingGrowth(years, inputs)
    : (() => {
        const inflows = extraInflows(scenario, base, years);
        return accountingGrowth(years, inputs, inflows.investment, inflows.labour);
      })();
  return { mean, invest: withLevers.map((g, i) => g - mean[i]!), accounting };
}

/**
 * @throws RangeError when the scenario's mean path needs history it does not have
 */
export function applyScenario(
  scenario: Scenario,
  history: { readonly years: readonly number[]; readonly values: readonly number[] },
  baseline: BaselineGrowth,
  base: EconomyBase,
): Outlook {
  const { years, paths } = baseline;
  const baseSummary = summarisePaths(years, paths);
  const baseMean = baseSummary.map((s) => s.mean);
  let mean: number[];
  let meanPath: string;
  const g = scenario.growth;
  if (g.mode === 'forecast') {
    mean = baseMean;
    meanPath = 'the baseline forecast';
  } else if (g.mode === 'path') {
    // Years before the path's first year (a forecast bridging a basis's missing years) keep the
    // baseline's mean; later years without a figure take `after`.
    const first = Math.min(...Object.keys(g.path).map(Number).filter((y) => y >= years[0]!), Infinity);
    mean = years.map((y, i) => g.path[String(y)] ?? (y < first ? baseMean[i]! : g.after));
    meanPath = `the official path (${Object.entries(g.path).map(([y, v]) => `${y}: ${v}%`).join(', ')}; later years ${g.after}%)`;
  } else if (g.mode === 'recent') {
    const { from, to } = windowYears(g, history.years[history.years.length - 1]!);
    const sel = history.values.filter((_, i) => history.years[i]! >= from && history.years[i]! <= to);
    if (sel.length === 0) throw new RangeError(`scenario '${scenario.name}': no actual growth in ${from}-${to}`);
    const avg = averageGrowth(sel);
    mean = years.map(() => avg);
    meanPath = `${from}-${to} average growth (${avg.toFixed(2)}%/yr) continues`;
  } else {
    mean = [];
    meanPath = '';
  }
  const shocks = years.map((y) => scenario.shocks[String(y)] ?? 0);
  let invest: number[];
  let accounting: AccountingSummary | null = null;
  if (g.mode === 'accounting') {
    ({ mean, invest, accounting } = accountingPaths(scenario, base, years));
    const c = accounting.calibration;
    meanPath = `growth accounting: implied TFP ${accounting.tfpGrowth.toFixed(2)}%/yr (${accounting.calibratedTfp.toFixed(2)}%/yr implied by ${c.from}-${c.to} growth of ${c.growth.toFixed(2)}%/yr and ${c.labourSeries} growth of ${c.labourGrowth.toFixed(2)}%/yr in ${c.labourFrom}-${c.labourTo}${accounting.labourOutsideWindow ? ', outside the calibration years' : ''}, assuming capital grew with output: a residual, not measured; α ${accounting.capitalShare}, at α ${accounting.tfpByAlpha.map((x) => `${x.alpha}: ${x.tfp.toFixed(2)}`).join(', ')}), investment ${accounting.investmentRate.toFixed(1)}% of GRDP (${accounting.initialInvestmentRate.toFixed(1)}% in ${base.year}), labour ${accounting.labourGrowth.toFixed(2)}%/yr, δ ${accounting.depreciation}%`;
  } else {
    const icor = scenario.investment?.method === 'icor' ? dataIcor(scenario, base, history) : null;
    invest = investmentGrowth(scenario, base, years, mean, icor?.value);
    if (scenario.investment?.method === 'icor') {
      const used = scenario.assumptions.icor?.value ?? icor?.value ?? 4;
      const fromData = icor ? `the data give ${icor.description}` : 'the data give no ICOR';
      meanPath += ` plus the growth from extra investment by the ICOR rule (ICOR ${used.toFixed(2)}; ${fromData}); jobs add nothing on top (the ICOR credits all growth to investment)`;
    }
  }
  if (scenario.investment && g.mode === 'accounting') meanPath += ' plus the extra investment, FDI and jobs through the production function';
  else if (scenario.investment?.method === 'cobb-douglas') meanPath += " plus the growth from extra investment (Cobb-Douglas) and labour's share of the jobs";
  if (scenario.investment && (scenario.assumptions.extraFdi || scenario.assumptions.extraInvestment)) {
    meanPath += `; registered capital disbursed at ${num(scenario.assumptions, 'fdiDisbursement', 100).toFixed(1).replace(/\.0$/, '')}% over ${Math.max(1, Math.round(num(scenario.assumptions, 'investmentYears', 1)))} years`;
  }
  if (shocks.some((x) => x !== 0)) meanPath += ' with shocks';
  const shift = years.map((_, i) => mean[i]! - baseMean[i]! + shocks[i]! + invest[i]!);
  // Output cannot fall by 100% or more in a year: a mean path there is an impossible scenario.
  const impossible = years.findIndex((_, i) => !(baseMean[i]! + shift[i]! > -100));
  if (impossible >= 0) {
    throw new RangeError(`scenario '${scenario.name}': growth in ${years[impossible]} would be ${(baseMean[impossible]! + shift[impossible]!).toFixed(1)}%, and output cannot fall by 100% or more`);
  }

  const a = scenario.assumptions;
  const deflator = num(a, 'deflator', 0);
  const fx = num(a, 'fxChange', 0);
  const pop = num(a, 'populationGrowth', 0);
  const nominalUsd = ((1 + deflator / 100) / (1 + fx / 100)) / (1 + pop / 100);
  // Per-capita paths are made only when read (a level target or the per-capita chart), and their
  // year-by-year summary only when that is read: a key press or a goal-seek trial on a growth
  // target pays for neither, a trial on a per-capita target only for the paths.
  let pcPaths: Float64Array[] | null = null;
  const pcYears: YearSummary[] = [];
  const perCapitaPathsOnce = (): Float64Array[] => (pcPaths ??= base.perCapitaUsd === null ? [] : perCapitaPaths(paths, shift, base.perCapitaUsd, nominalUsd));
  const perCapitaTo = (last: number): YearSummary[] => {
    const all = perCapitaPathsOnce();
    if (all.length === 0) return [];
    const upTo = years.filter((y) => y <= last);
    // Summarise only the years not yet summarised.
    const scratch = new Float64Array(all.length);
    for (let i = pcYears.length; i < upTo.length; i += 1) pcYears.push(summariseColumn(all, i, years[i]!, scratch));
    return pcYears.slice(0, upTo.length);
  };
  return {
    scenario: scenario.name,
    years,
    basePaths: paths,
    shift,
    // Shifting every path by the same amount in a year shifts its quantiles by that amount.
    growth: baseSummary.map((s, i) => ({ year: s.year, mean: s.mean + shift[i]!, median: s.median + shift[i]!, lo50: s.lo50 + shift[i]!, hi50: s.hi50 + shift[i]!, lo80: s.lo80 + shift[i]!, hi80: s.hi80 + shift[i]!, lo95: s.lo95 + shift[i]!, hi95: s.hi95 + shift[i]! })),
    added: years.map((year, i) => ({ year, shock: shocks[i]!, investment: invest[i]! })),
    get perCapitaUsdPaths() {
      return perCapitaPathsOnce();
    },
    get perCapitaUsd() {
      return perCapitaTo(Infinity);
    },
    perCapitaUsdTo: perCapitaTo,
    meanPath,
    accounting,
  };
}
