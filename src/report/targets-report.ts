/**
 * The targets report: a scenario applied to the growth forecast, and every target judged
 * under it. Plain data that `targetcast targets`, `targetcast scenario` and the dashboard print.
 */
import { DataError } from '../core/errors.js';
import type { Dataset, Series } from '../core/types.js';
import { DEFAULT_SEED } from '../models/forecast.js';
import { forecastSeries, latestRun, type SeriesForecast } from '../evaluate/forecast-series.js';
import { applyScenario, type EconomyBase, type Outlook, type YearSummary } from '../scenarios/apply-scenario.js';
import { calibrationInputs, type TfpCalibration } from '../scenarios/growth-accounting.js';
import { investmentShareHistory } from '../scenarios/icor.js';
import { windowYears, type Scenario } from '../scenarios/types.js';
import { latestPerCapitaUsd, otherPerCapitaReading, roleValue, type DerivedFigure, type PerCapitaReading } from '../targets/derived.js';
import { evaluateTarget, type BridgeChoice, type TargetInputs, type TargetNowcast } from '../targets/evaluate-targets.js';
import { basisChain, growthHistory } from '../targets/growth-history.js';
import { fitGrowthPrior, PRIOR_MIN_YEARS, type GrowthPrior } from '../models/local-mean.js';
import { growthModel } from '../models/registry.js';
import type { Target, TargetResult } from '../targets/types.js';
import type { Provenance } from './forecast-report.js';

export interface TargetsRequest {
  readonly version: string;
  readonly seed?: number;
  /** Number of simulated paths (default DEFAULT_PATHS, the same in the CLI and the dashboard). */
  readonly paths?: number;
  /** Last year forecast (default: the latest target year, at least 5 years past the data). */
  readonly endYear?: number;
  /** The growth-rate series scenarios act on (default: declared in series.json, else the one the growth targets name). */
  readonly growthSeries?: string;
  /** The basis the future is on (default: declared in series.json, else the growth series' latest basis). */
  readonly futureBasis?: string;
  /** The first year whose figures cannot be out yet (default: the data's latest year + 1). */
  readonly asOf?: number;
  /**
   * The growth prior of the default growth model: 'panel' (shipped, Penn World Table 9.1) or
   * 'pooled' (fitted on this file's regions: partial pooling). Default 'panel'.
   */
  readonly prior?: PriorChoice;
  /** How a basis's missing years are filled for growth targets (default other-basis). */
  readonly bridge?: BridgeChoice;
  /** Which reading of GDP per capita is the base of the US$ outlook (default published; the region's profile may choose). */
  readonly perCapitaReading?: PerCapitaReading;
  /** Why that reading (the region's profile says). */
  readonly perCapitaReason?: string;
  /** Published averages of the growth series over periods (the region's context file), shown beside the computed ones. */
  readonly periodAverages?: TargetInputs['periodAverages'];
  /** Series the region nowcasts that have no partial-year figure for the year under way (said in the report). */
  readonly nowcastsMissing?: readonly string[];
  /** Nowcasts of the year under way from partial-year figures (the application layer builds them). */
  readonly nowcasts?: readonly (TargetNowcast & { readonly series: string; readonly basis: string; readonly year: number })[];
  /** The method of the pro-forma history in the data set (bridge pro-forma), for the report. */
  readonly proFormaMethod?: string;
}

export type PriorChoice = 'panel' | 'pooled';
export const PRIOR_CHOICES: readonly PriorChoice[] = ['panel', 'pooled'];

/**
 * Simulated paths behind every probability, in the CLI and the dashboard alike, so both print the
 * same P: at 10,000 paths the Monte Carlo standard error is at most 0.005.
 */
export const DEFAULT_PATHS = 10000;

/** The model growth targets are judged on unless a scenario or the user names another (bench/verdict.mjs). */
export const GROWTH_MODEL = 'local-mean';

/** The region's growth series: declared in series.json, else the series most growth targets name. */
export function resolveGrowthSeries(dataset: Dataset, targets: readonly Target[], asked?: string): string | null {
  if (asked) return asked;
  if (dataset.info.growthSeries) return dataset.info.growthSeries;
  const present = new Set(dataset.series.map((s) => s.id));
  const counts = new Map<string, number>();
  for (const t of targets) {
    if ((t.kind === 'annual-growth' || t.kind === 'average-growth') && t.series && present.has(t.series)) counts.set(t.series, (counts.get(t.series) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** A scenario that changes nothing: the forecast itself (for regions other than the scenario's). */
const NEUTRAL: Scenario = { name: 'baseline', description: 'the forecast', growth: { mode: 'forecast' }, shocks: {}, investment: null, assumptions: {} };

export interface TargetsReport extends Provenance {
  readonly schemaVersion: 1;
  readonly kind: 'targets';
  readonly targetsFile: string;
  /** The bridge choice in force: 'other-basis' or 'forecast' (see BridgeChoice). */
  readonly bridge: BridgeChoice;
  /** Series the region nowcasts that have no partial-year figure (or too few past years) for the year under way. */
  readonly nowcastsMissing: readonly string[];
  /** Years under way judged on nowcasts from partial-year figures. */
  readonly nowcasts: readonly { readonly series: string; readonly basis: string; readonly year: number; readonly mean: number; readonly lo80: number; readonly hi80: number; readonly note: string }[];
  /** With bridge pro-forma: how the merged territory's earlier years were derived. */
  readonly proForma: string | null;
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly meanPath: string;
    readonly assumptions: readonly { readonly key: string; readonly label: string; readonly value: number; readonly unit: string; readonly source: string | null; readonly note: string | null }[];
    readonly added: Outlook['added'];
    /** Growth-accounting scenarios: the production function's inputs and TFP's calibration. */
    readonly accounting: Outlook['accounting'];
  };
  /** Simulated paths behind each probability, and the first year not yet over. */
  readonly paths: number;
  readonly asOf: number;
  /** The growth prior the growth model used ('panel' or 'pooled') and where it comes from. */
  readonly prior: { readonly choice: PriorChoice; readonly source: string; readonly longRunMean: number; readonly halfLifeYears: number } | null;
  readonly growth: {
    readonly series: string;
    readonly basis: string;
    readonly model: string;
    readonly modelReason: string | null;
    readonly history: readonly { readonly year: number; readonly value: number; readonly basis: string }[];
    readonly outlook: readonly YearSummary[];
  };
  readonly perCapitaUsd: {
    readonly base: DerivedFigure | null;
    /** The other reading of the base year's per capita, where the data give it, and why the base's reading was chosen. */
    readonly otherReading: DerivedFigure | null;
    readonly reason: string | null;
    readonly outlook: readonly YearSummary[];
    /** The outlook up to a year only (a function: JSON leaves it out). */
    readonly outlookTo?: (year: number) => readonly YearSummary[];
  };
  readonly targets: readonly TargetResult[];
  readonly notFound: readonly { readonly id: string; readonly indicator: string; readonly period: string }[];
}

/** What the growth accounting and the US$ conversion start from, read off the series playing each role. */
export function economyBase(dataset: Dataset, basis: string, year: number, growth: number, reading: PerCapitaReading = 'published'): EconomyBase {
  const nominal = roleValue(dataset, 'gdp_nominal', year, basis);
  const invest = roleValue(dataset, 'investment', year, basis);
  const usd = roleValue(dataset, 'gdp_nominal_usd', year, basis);
  const labour = roleValue(dataset, 'labour_force', year, basis);
  const pc = latestPerCapitaUsd(dataset, basis, reading);
  return {
    year,
    growth,
    grdpUsdBn: usd ? usd.value / 1e9 : null,
    // Both in single units of the local currency (the series' own scale words applied).
    investmentShare: nominal && invest ? invest.value / nominal.value : null,
    labourThousand: labour ? labour.value / 1000 : null,
    perCapitaUsd: pc && pc.year === year ? pc.value : null,
    investmentShares: investmentShareHistory(dataset, basisChain(dataset, basis), basis),
  };
}

export type TargetsFileData = { readonly file: string; readonly targets: readonly Target[]; readonly proxies: readonly Target[]; readonly notFound: TargetsReport['notFound'] };

/**
 * The targets engine: forecasts (the expensive part: model fits, backtests, simulated paths) are
 * made once per history, model and horizon and kept; applying a scenario and judging the targets
 * (cheap) is redone for every scenario or edit. The dashboard calls report() on every key press.
 */
export interface ReportOptions {
  readonly model?: string;
  readonly bridge?: BridgeChoice;
  /** Judge only these target ids (a goal-seek judges one target many times). */
  readonly only?: readonly string[];
  /** Judge only targets on this series (the dashboard shows one series' targets per key press). */
  readonly series?: string;
}

export interface TargetsEngine {
  /** Judges every target under `scenario`; `model` overrides the growth model (default: the scenario's, else auto). */
  readonly report: (scenario: Scenario, options?: ReportOptions) => TargetsReport;
  /** The region's growth series the engine judges growth targets and scenarios on (declared or inferred). */
  readonly growthSeries: string;
  /** The basis the future is on (declared, else the growth series' latest). */
  readonly futureBasis: string;
  /** A memoised forecast (with paths) of any series of the data set, up to a year. */
  readonly forecastOf: (series: Series, toYear: number, model?: string) => SeriesForecast | null;
}

export function createTargetsEngine(dataset: Dataset, targets: TargetsFileData, request: TargetsRequest): TargetsEngine {
  const seed = request.seed ?? DEFAULT_SEED;
  const nPaths = request.paths ?? DEFAULT_PATHS;
  const allTargets = [...targets.targets, ...targets.proxies];
  const growthId = resolveGrowthSeries(dataset, allTargets, request.growthSeries);
  const known = [...new Set(dataset.series.map((x) => x.id))];
  if (!growthId) {
    throw new DataError(
      `no growth series to judge targets on: declare "growth_series" in series.json or name a series of this data set in a growth target (it has: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})`,
      { file: dataset.file },
    );
  }
  const growthParts = dataset.series.filter((x) => x.id === growthId);
  // Growth of −100% or less would make output zero or negative: an error in the data, not a forecast.
  for (const part of growthParts) {
    const bad = part.observations.find((o) => !(o.value > -100));
    if (bad) throw new DataError(`growth of ${bad.value}% in ${bad.year} (series ${growthId}) is impossible: output cannot fall by 100% or more`, { file: dataset.file, line: bad.line, column: 'value' });
  }
  const latestOf = (parts: readonly Series[]): Series | undefined => [...parts].sort((a, b) => b.years[b.years.length - 1]! - a.years[a.years.length - 1]! || a.basis.localeCompare(b.basis))[0];
  const futureBasis = request.futureBasis ?? dataset.info.currentBasis ?? latestOf(growthParts)?.basis ?? '';
  const history = growthHistory(dataset, growthId, futureBasis, basisChain(dataset, futureBasis));
  if (!history) {
    throw new DataError(
      `targets are judged on real growth series '${growthId}'${futureBasis ? ` on basis ${futureBasis}` : ''}, which this data set lacks (it has: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}); use targetcast forecast for other series`,
      { file: dataset.file },
    );
  }
  const dataEnd = Math.max(...dataset.series.map((x) => x.years[x.years.length - 1]!));
  const asOf = request.asOf ?? dataEnd + 1;
  const targetEnd = Math.max(0, ...allTargets.map((t) => (t.period ? t.period[1] : t.year ?? 0)));
  const endYear = request.endYear ?? Math.max(targetEnd, dataEnd + 5);
  // The growth prior: the shipped panel's, or pooled from this file's regions (every basis's own
  // history of the growth series: partial pooling by empirical Bayes).
  const priorChoice = request.prior ?? 'panel';
  let growthPrior: GrowthPrior | undefined;
  if (priorChoice === 'pooled') {
    const own = growthParts.map((x) => latestRun(x).values).filter((v) => v.length >= PRIOR_MIN_YEARS);
    if (own.length < 3) {
      throw new DataError(`--prior pooled needs at least 3 regions (bases) with ${PRIOR_MIN_YEARS}+ consecutive years of ${growthId}, this data set has ${own.length}; use --prior panel`, { file: dataset.file });
    }
    growthPrior = fitGrowthPrior(own, `pooled from the ${own.length} regions of ${dataset.file}`);
  }
  const priorUsed = growthPrior ?? growthModel.prior;
  if (history.years.length < 3) {
    throw new DataError(`targets need at least 3 years of '${growthId}' to forecast growth, the data set has ${history.years.length}`, { file: dataset.file });
  }
  const meta = dataset.series.find((x) => x.id === growthId)?.meta;
  const forecasts = new Map<string, SeriesForecast>();
  const growthForecast = (h: { years: readonly number[]; values: readonly number[] }, label: string, model: string): SeriesForecast => {
    const key = `${label}:${model}`;
    if (!forecasts.has(key)) {
      const series: Series = { id: growthId, basis: label, key: `${growthId} (${label})`, meta, years: h.years, values: h.values, observations: [] };
      forecasts.set(key, forecastSeries(series, { model, h: Math.max(1, endYear - h.years[h.years.length - 1]!), seed, paths: nPaths, growthPrior }));
    }
    return forecasts.get(key)!;
  };
  // What a growth-accounting scenario calibrates TFP on: the growth history over its window and
  // the labour series on the basis of the window's last year.
  const calibrations = new Map<string, TfpCalibration>();
  const calibrationFor = (scenario: Scenario, h: { years: readonly number[]; values: readonly number[]; bases?: readonly string[] }, basis: string): TfpCalibration | null => {
    const g = scenario.growth;
    if (g.mode !== 'accounting') return null;
    const { from, to } = windowYears(g, h.years[h.years.length - 1]!);
    const last = h.years.filter((y) => y <= to).length - 1;
    const labourBasis = h.bases?.[last] ?? basis;
    // The labour series: the scenario's own, else the data set's employed or labour_force role.
    const labourId = g.labour ?? dataset.info.roles?.employed ?? dataset.info.roles?.labour_force;
    if (!labourId) {
      throw new DataError(`scenario '${scenario.name}': growth accounting needs a labour series; declare roles.employed or roles.labour_force in series.json (or name one in the scenario's growth.labour)`, { file: scenario.file });
    }
    const key = `${from}:${to}:${labourId}:${labourBasis}:${h.years.length}`;
    if (!calibrations.has(key)) {
      // The window's own basis, else (a pro-forma year, say) the latest basis of the region's chain that has the series.
      const labour =
        dataset.series.find((x) => x.id === labourId && x.basis === labourBasis) ??
        [...basisChain(dataset, basis)].reverse().map((b) => dataset.series.find((x) => x.id === labourId && x.basis === b)).find((x) => x !== undefined) ??
        null;
      try {
        calibrations.set(key, calibrationInputs(h, labour, `${labourId}${labour && labour.key !== labour.id ? ` (${labour.basis})` : ''}`, from, to));
      } catch (e) {
        throw new DataError(`scenario '${scenario.name}': ${(e as Error).message}${labour ? '' : ` (no series '${labourId}'${labourBasis ? ` on basis ${labourBasis}` : ''} in ${dataset.file})`}`, { file: scenario.file });
      }
    }
    return calibrations.get(key)!;
  };
  // Apply the scenario to a growth history's forecast.
  const outlookFrom = (scenario: Scenario, h: { years: readonly number[]; values: readonly number[]; bases?: readonly string[] }, basis: string, label: string, model: string) => {
    const forecast = growthForecast(h, label, model);
    const last = h.years[h.years.length - 1]!;
    let outlook: Outlook;
    try {
      outlook = applyScenario(
        scenario,
        h,
        { years: forecast.forecast.map((f) => f.year), paths: forecast.paths },
        { ...economyBase(dataset, basis, last, h.values[h.values.length - 1]!, request.perCapitaReading), tfpCalibration: calibrationFor(scenario, h, basis) },
      );
    } catch (e) {
      // A scenario the data cannot carry (no investment rate, a capital stock that cannot start)
      // is an input problem: one line naming the scenario's file.
      if (e instanceof RangeError) throw new DataError(e.message, { file: scenario.file });
      throw e;
    }
    return { forecast, outlook };
  };
  const memo = new Map<string, SeriesForecast | null>();
  const forecastOf = (series: Series, toYear: number, model = 'auto'): SeriesForecast | null => {
    const key = `${series.key}:${toYear}:${model}`;
    if (!memo.has(key)) {
      let result: SeriesForecast | null = null;
      try {
        result = forecastSeries(series, { model, h: Math.max(1, toYear - series.years[series.years.length - 1]!), seed, paths: nPaths });
      } catch {
        result = null;
      }
      memo.set(key, result);
    }
    return memo.get(key)!;
  };
  const perCapitaBase = latestPerCapitaUsd(dataset, futureBasis, request.perCapitaReading);
  // Growth targets on another region (basis) or another growth series: that series' own forecast
  // on that basis alone, with no scenario (scenarios describe the region's growth series).
  const otherOutlooks = new Map<string, { outlook: Outlook; note: string | null } | null>();
  const otherOutlook = (series: string, basis: string, model: string) => {
    const key = `${series}@${basis}:${model}`;
    if (!otherOutlooks.has(key)) {
      const h = growthHistory(dataset, series, basis, basisChain(dataset, basis));
      let result: { outlook: Outlook; note: string | null } | null = null;
      if (h && h.years.length >= 3) {
        try {
          const run = latestRun(h);
          const { outlook } = outlookFrom(NEUTRAL, { years: run.years, values: run.values, bases: h.bases.slice(run.start) }, basis, `${series}@${basis}`, model);
          result = { outlook, note: `judged on the forecast of ${series}${basis ? ` (${basis})` : ''} alone, without the scenario` };
        } catch {
          result = null;
        }
      }
      otherOutlooks.set(key, result);
    }
    return otherOutlooks.get(key)!;
  };
  const chain = basisChain(dataset, futureBasis);
  const report = (scenario: Scenario, options: ReportOptions = {}): TargetsReport => {
    // `auto` for the region's growth series is the model the verdict benchmark chose (GROWTH_MODEL),
    // so the dashboard's default and the CLI judge on the same paths.
    const asked = options.model ?? (scenario.growth.mode === 'forecast' && scenario.growth.model ? scenario.growth.model : GROWTH_MODEL);
    const model = asked === 'auto' ? GROWTH_MODEL : asked;
    const { forecast: fc, outlook } = outlookFrom(scenario, history, futureBasis, 'bridged', model);
    const bridge = options.bridge ?? request.bridge ?? 'other-basis';
    const ownOutlooks = new Map<string, Outlook>();
    if (bridge === 'forecast') {
      for (const part of dataset.series.filter((x) => x.id === growthId && x.basis !== futureBasis && x.years.length >= 4)) {
        ownOutlooks.set(part.basis, outlookFrom(scenario, part, part.basis, part.basis, model).outlook);
      }
    }
    const inputs = {
      dataset,
      growthSeries: growthId,
      outlook,
      outlookFor: (series: string, basis: string) => (series === growthId && chain.includes(basis) ? { outlook, note: null } : otherOutlook(series, basis, model)),
      asOf,
      bridge,
      ownOutlooks,
      perCapitaBase,
      forecastOf: (s: Series, y: number) => forecastOf(s, y),
      periodAverages: request.periodAverages,
      nowcastOf: (series: string, basis: string, year: number) => request.nowcasts?.find((n) => n.series === series && n.basis === basis && n.year === year) ?? null,
    };
    return {
      schemaVersion: 1,
      kind: 'targets',
      tool: { name: 'targetcast', version: request.version },
      seed,
      input: { file: dataset.file, sha256: dataset.hash, ...(dataset.included?.length ? { included: dataset.included } : {}) },
      targetsFile: targets.file,
      bridge,
      nowcastsMissing: request.nowcastsMissing ?? [],
      nowcasts: (request.nowcasts ?? []).map((n) => ({ series: n.series, basis: n.basis, year: n.year, mean: n.mean, lo80: n.lo80, hi80: n.hi80, note: n.note })),
      proForma: bridge === 'pro-forma' ? (request.proFormaMethod ?? null) : null,
      paths: nPaths,
      asOf,
      prior: fc.model === 'local-mean'
        ? { choice: priorChoice, source: priorUsed.source, longRunMean: priorUsed.mean, halfLifeYears: Math.log(2) / -Math.log(priorUsed.lambda) }
        : null,
      scenario: {
        name: scenario.name,
        description: scenario.description,
        meanPath: outlook.meanPath,
        assumptions: Object.entries(scenario.assumptions).map(([key, a]) => ({ key, label: a.label, value: a.value, unit: a.unit, source: a.source, note: a.note ?? null })),
        added: outlook.added,
        accounting: outlook.accounting,
      },
      growth: {
        series: growthId,
        basis: futureBasis,
        model: fc.model,
        modelReason: fc.reason,
        history: history.years.map((year, i) => ({ year, value: history.values[i]!, basis: history.bases[i]! })),
        outlook: outlook.growth,
      },
      // A getter: built when read (JSON output, the per-capita chart), not for every judgement.
      perCapitaUsd: {
        base: perCapitaBase,
        otherReading: perCapitaBase ? otherPerCapitaReading(dataset, perCapitaBase) : null,
        reason: request.perCapitaReason ?? null,
        get outlook() {
          return outlook.perCapitaUsd;
        },
        outlookTo: outlook.perCapitaUsdTo,
      },
      targets: [...targets.targets, ...targets.proxies]
        .filter((t) => (!options.only || options.only.includes(t.id)) && (options.series === undefined || t.series === options.series))
        .map((t) => evaluateTarget(t, inputs)),
      notFound: targets.notFound,
    };
  };
  return { report, forecastOf, growthSeries: growthId, futureBasis };
}

export function buildTargetsReport(dataset: Dataset, targets: TargetsFileData, scenario: Scenario, request: TargetsRequest): TargetsReport {
  return createTargetsEngine(dataset, targets, request).report(scenario);
}

