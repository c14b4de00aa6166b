/**
 * Judges each target: met or missed (and by how much) where its period has passed; otherwise
 * the constant growth it needs from the last actual, the probability the scenario's simulated
 * paths give of meeting it, the year the median path reaches it, and a verdict.
 */
import type { Dataset, Series, Status } from '../core/types.js';
import type { SeriesForecast } from '../evaluate/forecast-series.js';
import { column, quantiles } from '../core/quantiles.js';
import type { Outlook } from '../scenarios/apply-scenario.js';
import { otherPerCapitaReading, type DerivedFigure } from './derived.js';
import { averageGrowth, requiredAverageGrowth, requiredLevelGrowth } from './growth-math.js';
import { basisChain, bridgedYears, growthHistory, type GrowthHistory } from './growth-history.js';
import { OFF_TRACK, ON_TRACK, type Target, type TargetResult, type Verdict } from './types.js';

/**
 * How a basis's missing years are filled for growth targets: with the other basis's actual
 * figure (the merged city's 2025 rate for the old territory), or with the forecast from the
 * basis's own history. Either way the report lists the years and how.
 */
/**
 * How a basis's missing years are filled: the other basis's figure, the basis's own forecast, or
 * (where the region declares how it was formed) a pro-forma of its parts, derived by the tool and
 * otherwise as other-basis.
 */
export type BridgeChoice = 'other-basis' | 'forecast' | 'pro-forma';
export const BRIDGE_CHOICES: readonly BridgeChoice[] = ['other-basis', 'forecast', 'pro-forma'];

export interface TargetInputs {
  readonly dataset: Dataset;
  /** The region's growth series the scenario acts on (declared, see DatasetInfo.growthSeries). */
  readonly growthSeries: string;
  /** The scenario's outlook for the growth series on the current basis. */
  readonly outlook: Outlook;
  /**
   * The outlook a growth target on (series, basis) is judged on: the scenario's for the region's
   * growth series on its own chain of bases, else that series' own forecast on that basis alone
   * (another region in the file); null when it cannot be forecast.
   */
  readonly outlookFor: (series: string, basis: string) => { readonly outlook: Outlook; readonly note: string | null } | null;
  /** The first year whose figures cannot be out yet: a target period ending before it has passed. */
  readonly asOf: number;
  readonly bridge: BridgeChoice;
  /** Outlooks forecast from one basis's own history (used with bridge 'forecast'), by basis. */
  readonly ownOutlooks: ReadonlyMap<string, Outlook>;
  /** Base of the scenario's per-capita US$ paths (e.g. 2025, merged). */
  readonly perCapitaBase: DerivedFigure | null;
  /** Forecast (with paths) of another series, on its own basis, up to a year; null if it cannot be forecast. */
  readonly forecastOf: (series: Series, toYear: number) => SeriesForecast | null;
  /** Published averages over periods (the official 2021-2025 average growth), shown beside the computed ones. */
  readonly periodAverages?: readonly { readonly basis: string; readonly from: number; readonly to: number; readonly value: number; readonly source: string }[];
  /** A nowcast of a series' year from its partial-year figures, where the region has one (see nowcast.ts). */
  readonly nowcastOf?: (series: string, basis: string, year: number) => TargetNowcast | null;
}

/** What a one-year target is judged on when the year is under way and partial figures exist. */
export interface TargetNowcast {
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly probabilityAtLeast: (x: number) => number;
  /** Method, the partial figure it starts from, and the backtest error. */
  readonly note: string;
}

/** A one-year target of a year under way, judged on its nowcast: P from the nowcast's distribution (no simulation, SE 0). */
function openNowcast(t: Target, nc: TargetNowcast, required: number | null): TargetResult {
  const p = t.operator === '<=' ? 1 - nc.probabilityAtLeast(t.value) : nc.probabilityAtLeast(threshold(t));
  return {
    ...base(t),
    ...EMPTY,
    status: 'open',
    provisional: false,
    ...judged(p, Number.POSITIVE_INFINITY),
    requiredGrowth: required,
    note: `judged on the nowcast ${nc.mean.toFixed(2)} (80% ${nc.lo80.toFixed(2)} to ${nc.hi80.toFixed(2)}): ${nc.note}`,
  };
}

const UNIT_SUFFIX: Record<string, string> = { 'annual-growth': '%', 'average-growth': '%/yr' };

/** The value a target must reach: the lower bound for ranges and "about" targets (see README). */
function threshold(t: Target): number {
  return t.value;
}

function meets(t: Target, x: number): boolean {
  if (t.operator === '<=') return x <= t.value;
  if (t.operator === '>') return x > t.value;
  return x >= threshold(t);
}

function describe(t: Target): string {
  const op = t.operator === 'range' ? '' : t.operator === 'approx' ? '≈ ' : t.operator === '>=' ? '≥ ' : `${t.operator} `;
  const v = t.operator === 'range' && t.upper !== null ? `${t.value}-${t.upper}` : String(t.value);
  return `${op}${v} ${UNIT_SUFFIX[t.kind] ?? t.unit}`.trim();
}

function verdictOf(p: number): Verdict {
  return p >= ON_TRACK ? 'on track' : p < OFF_TRACK ? 'off track' : 'at risk';
}

/**
 * P read off `paths` simulated paths, its binomial Monte Carlo standard error √(P(1 − P)/paths),
 * and whether it lies within 2 standard errors of a verdict threshold (then another seed could
 * move the verdict, and the report says so).
 */
function judged(probability: number, paths: number): Pick<TargetResult, 'probability' | 'probabilitySe' | 'borderline' | 'verdict'> {
  const se = Math.sqrt((probability * (1 - probability)) / paths);
  const borderline = Math.abs(probability - ON_TRACK) < 2 * se || Math.abs(probability - OFF_TRACK) < 2 * se;
  return { probability, probabilitySe: se, borderline, verdict: verdictOf(probability) };
}

function base(t: Target): Omit<TargetResult, 'status' | 'verdict' | 'actual' | 'gap' | 'requiredGrowth' | 'bestGrowth' | 'recentGrowth' | 'probability' | 'probabilitySe' | 'borderline' | 'provisional' | 'reachYear' | 'bridged' | 'note'> {
  return {
    id: t.id,
    indicator: t.indicator,
    document: t.document,
    series: t.series,
    basis: t.basis,
    kind: t.kind,
    when: t.period ? `${t.period[0]}-${t.period[1]}` : String(t.year),
    threshold: describe(t),
    unit: t.unit,
    goal: threshold(t),
    years: t.period ? [t.period[0], t.period[1]] : [t.year!, t.year!],
    proxy: t.proxy === true,
    source: t.source,
    wordingVi: t.wordingVi,
  };
}

/** "pre-merger " for a basis, "" for none: messages never show a double space. */
const basisWord = (basis: string): string => (basis ? `${basis} ` : '');
const basisName = (basis: string): string => basis || '(no basis)';

const EMPTY = { provisional: false, actual: null, gap: null, requiredGrowth: null, bestGrowth: null, recentGrowth: null, probability: null, probabilitySe: null, borderline: false, reachYear: null, bridged: [] as string[] };

/** Why a passed period has no figure on its basis, naming the bases that do have one (a bridge could use them). */
function passedWithoutFigure(t: Target, inputs: TargetInputs, year: number): TargetResult {
  const others = inputs.dataset.series.filter((s) => s.id === t.series && s.basis !== t.basis && s.years.includes(year)).map((s) => basisName(s.basis));
  const own = inputs.dataset.series.filter((s) => s.id === t.series && s.basis === t.basis);
  const lastOwn = own.length ? Math.max(...own.map((s) => s.years[s.years.length - 1]!)) : inputs.asOf - 1;
  return notJudged(
    t,
    `not judged: no ${year} figure on basis ${basisName(t.basis)}, and ${year} has passed (the ${basisWord(t.basis)}data run to ${Math.min(lastOwn, inputs.asOf - 1)})${others.length ? `; a ${others.join(', ')} figure for ${year} exists (a bridge between the bases could judge it)` : ''}`,
  );
}

function notJudged(t: Target, note: string, extra: Partial<TargetResult> = {}): TargetResult {
  return { ...base(t), ...EMPTY, status: 'not judged', verdict: 'not judged', note, ...extra };
}

/** A margin this small (a share of the goal) on a figure that is not final can still turn with the final figure. */
export const PROVISIONAL_MARGIN = 0.01;

/**
 * A passed period judged on its figure. When the figure (or one of the years it is made of) is a
 * pre-closing estimate, preliminary or derived, and it clears or misses the goal by less than 1%
 * of the goal, the verdict is provisional: "met (preliminary)", not plain met.
 */
function past(t: Target, actual: number, bridged: string[], note: string | null = null, statuses: readonly (Status | undefined)[] = []): TargetResult {
  const gap = actual - threshold(t);
  const unsettled = statuses.filter((s) => s === 'estimate' || s === 'preliminary' || s === 'derived');
  const provisional = unsettled.length > 0 && threshold(t) !== 0 && Math.abs(gap) < PROVISIONAL_MARGIN * Math.abs(threshold(t));
  const why = provisional ? `${meets(t, actual) ? 'met' : 'missed'} by ${((100 * Math.abs(gap)) / Math.abs(threshold(t))).toFixed(2)}% of the goal on a figure that is not final (${[...new Set(unsettled)].join(', ')}): the final figure may turn it` : null;
  return { ...base(t), ...EMPTY, status: 'past', verdict: meets(t, actual) ? 'met' : 'missed', provisional, actual, gap, bridged, note: [note, why].filter((x) => x !== null).join('; ') || null };
}

/** The status of series `id` on `basis` in each of `years` (undefined where there is none). */
function statusesOf(inputs: TargetInputs, id: string, basis: string, years: readonly number[]): (Status | undefined)[] {
  const s = inputs.dataset.series.find((x) => x.id === id && x.basis === basis);
  return years.map((y) => s?.observations[s.years.indexOf(y)]?.status);
}

function growthStats(h: GrowthHistory): { best: number; recent: number } {
  const recent = h.values.slice(-5);
  return { best: Math.max(...h.values), recent: averageGrowth(recent) };
}

function share(paths: readonly Float64Array[], f: (p: Float64Array) => boolean): number {
  let k = 0;
  for (const p of paths) if (f(p)) k += 1;
  return k / paths.length;
}

const logSums = new WeakMap<Outlook, Map<string, Float64Array>>();

/**
 * Per path, Σ log(1 + g/100) over the forecast years `idx`: the tight loop of an average-growth
 * target (10,000 paths per key press), made once per outlook and period and shared by every
 * target over the same years.
 */
function pathLogSums(outlook: Outlook, idx: readonly number[]): Float64Array {
  let byPeriod = logSums.get(outlook);
  if (!byPeriod) logSums.set(outlook, (byPeriod = new Map()));
  const key = idx.join(',');
  let sums = byPeriod.get(key);
  if (!sums) {
    const { basePaths, shift } = outlook;
    sums = new Float64Array(basePaths.length);
    basePaths.forEach((p, k) => {
      let log = 0;
      for (const i of idx) log += Math.log1p((p[i]! + shift[i]!) / 100);
      sums![k] = log;
    });
    byPeriod.set(key, sums);
  }
  return sums;
}

function evaluateGrowth(t: Target, inputs: TargetInputs): TargetResult {
  const full = growthHistory(inputs.dataset, t.series!, t.basis, basisChain(inputs.dataset, t.basis));
  if (!full) {
    const any = inputs.dataset.series.filter((s) => s.id === t.series).map((s) => basisName(s.basis));
    return notJudged(t, any.length ? `no ${basisWord(t.basis)}figures for ${t.series} in this data set (only ${any.join(', ')}); bases are not blended` : `no data for series ${t.series}`);
  }
  const own = inputs.bridge === 'forecast' ? inputs.ownOutlooks.get(t.basis) : undefined;
  const h = own ? ownYearsOnly(full, t.basis) : full;
  // Bridging fills years a basis lacks at its ends (pre-merger ↔ merged); a basis with no
  // figures of its own (another territory) is never judged on someone else's.
  if (!h.bases.includes(t.basis)) {
    return notJudged(t, `no ${basisWord(t.basis)}figures for ${t.series} in this data set (only ${[...new Set(h.bases)].map(basisName).join(', ')}); bases are not blended`);
  }
  const [from, to] = t.kind === 'average-growth' ? t.period! : [t.year!, t.year!];
  // A year under way with partial-year figures: judged on its nowcast, not the forecast.
  const nc = t.kind === 'annual-growth' && t.year! >= inputs.asOf ? inputs.nowcastOf?.(t.series!, t.basis, t.year!) : null;
  if (nc) return openNowcast(t, nc, threshold(t));
  const bridged = bridgedYears(h, t.basis, from, to);
  // Pro-forma years (derived by the tool from the territory's parts) are named as such.
  const mine = inputs.dataset.series.find((s) => s.id === t.series && s.basis === t.basis);
  for (const o of mine?.observations ?? []) {
    if (o.status === 'derived' && o.year >= from && o.year <= to && h.years.includes(o.year)) bridged.push(`${o.year}: pro-forma ${t.basis} figure ${o.value}% (derived: ${o.note ?? 'computed by targetcast'})`);
  }
  if (own) {
    const ownLast = h.years[h.years.length - 1]!;
    for (let y = Math.max(from, ownLast + 1); y <= Math.min(to, full.years[full.years.length - 1]!); y += 1) {
      bridged.push(`${y}: forecast from the ${t.basis} history (the bridge choice 'forecast')`);
    }
  }
  const stats = growthStats(h);
  const actual: number[] = [];
  for (let y = from; y <= Math.min(to, h.years[h.years.length - 1]!); y += 1) {
    const i = h.years.indexOf(y);
    if (i < 0) return notJudged(t, `no actual growth for ${y} on any basis (a gap stays a gap)`, { bridged });
    actual.push(h.values[i]!);
  }
  const lastYear = h.years[h.years.length - 1]!;
  if (to <= lastYear) {
    // Each year's status on the basis its figure came from.
    const statuses = Array.from({ length: to - from + 1 }, (_, k) => from + k).map((y) => statusesOf(inputs, t.series!, h.bases[h.years.indexOf(y)]!, [y])[0]);
    const computed = averageGrowth(actual);
    const official = inputs.periodAverages?.find((a) => a.from === from && a.to === to && (a.basis === t.basis || a.basis === ''));
    const note = official
      ? `the verdict uses the average of the annual figures, ${computed.toFixed(2)}%/yr; the published ${from}-${to} average is ${official.value}%/yr (${official.source}), ${meets(t, official.value) ? 'which meets it too' : meets(t, computed) ? 'which would miss it' : 'which misses it too'}`
      : null;
    return past(t, computed, bridged, note, statuses);
  }
  if (to < inputs.asOf) return passedWithoutFigure(t, inputs, lastYear + 1);
  const judgedOn = own ? { outlook: own, note: null } : inputs.outlookFor(t.series!, t.basis);
  if (!judgedOn) return notJudged(t, `${t.series} on basis ${basisName(t.basis)} cannot be forecast (too short a history)`, { bridged });
  const outlook = judgedOn.outlook;
  const remaining = to - Math.max(lastYear, from - 1);
  const required = requiredAverageGrowth(threshold(t), actual, remaining);
  const idx = Array.from({ length: remaining }, (_, k) => outlook.years.indexOf(Math.max(lastYear, from - 1) + 1 + k));
  if (idx.some((i) => i < 0)) return notJudged(t, `the forecast does not reach ${to}`, { bridged, requiredGrowth: required });
  // Average growth of actual + path years, from log sums (a tight loop: 10,000 paths per key press).
  let logActual = 0;
  for (const g of actual) logActual += Math.log1p(g / 100);
  const years = actual.length + idx.length;
  const sums = pathLogSums(outlook, idx);
  let hits = 0;
  for (const sum of sums) if (meets(t, 100 * Math.expm1((logActual + sum) / years))) hits += 1;
  // A published average over the period's passed years (the official 2021-2025 growth): the growth needed on it too.
  const passedEnd = Math.max(lastYear, from - 1);
  const official = actual.length ? inputs.periodAverages?.find((a) => a.from === from && a.to === passedEnd && (a.basis === t.basis || a.basis === '')) : undefined;
  const officialNote = official
    ? `the published ${from}-${passedEnd} average is ${official.value}%/yr (${official.source}) against ${averageGrowth(actual).toFixed(2)}%/yr from the annual figures, which the verdict uses; on the published one the growth needed is ${requiredAverageGrowth(threshold(t), Array.from({ length: actual.length }, () => official.value), remaining).toFixed(2)}%/yr`
    : null;
  const notes = [bridged.length ? 'bridged years are a labelled choice (see bridged)' : null, judgedOn.note, officialNote].filter((x) => x !== null);
  const note = notes.length ? notes.join('; ') : null;
  return {
    ...base(t),
    status: 'open',
    provisional: false,
    ...judged(hits / sums.length, sums.length),
    actual: actual.length ? averageGrowth(actual) : null,
    gap: null,
    requiredGrowth: required,
    bestGrowth: stats.best,
    recentGrowth: stats.recent,
    reachYear: null,
    bridged,
    note,
  };
}

/** The history cut to the basis's own years, plus other-basis years before them (the past it grew from). */
function ownYearsOnly(h: GrowthHistory, basis: string): GrowthHistory {
  const last = h.years.reduce((m, y, i) => (h.bases[i] === basis ? y : m), -Infinity);
  const keep = h.years.map((y) => y <= last);
  return { id: h.id, years: h.years.filter((_, i) => keep[i]), values: h.values.filter((_, i) => keep[i]), bases: h.bases.filter((_, i) => keep[i]) };
}

/** The first year whose median meets the target; medians are taken one year at a time, as needed. */
function firstYearMedianMeets(t: Target, years: readonly number[], medianAt: (i: number) => number): number | null {
  for (let i = 0; i < years.length; i += 1) if (meets(t, medianAt(i))) return years[i]!;
  return null;
}

const medianCache = new WeakMap<readonly Float64Array[], Map<number, number>>();

/** Median of the paths in year index i; memoised per paths array (shared by every target on them). */
function median(paths: readonly Float64Array[], i: number): number {
  let byYear = medianCache.get(paths);
  if (!byYear) medianCache.set(paths, (byYear = new Map()));
  let m = byYear.get(i);
  if (m === undefined) {
    m = quantiles(column(paths, i), [0.5])[0]!;
    byYear.set(i, m);
  }
  return m;
}

function evaluateLevel(t: Target, inputs: TargetInputs): TargetResult {
  const year = t.kind === 'cumulative' ? t.period![1] : t.year!;
  if (t.series !== null && t.series === inputs.dataset.info.roles?.per_capita_usd && inputs.perCapitaBase && inputs.perCapitaBase.basis === t.basis && inputs.outlook.perCapitaUsdPaths.length) {
    const b = inputs.perCapitaBase;
    // The other reading of per capita (published vs GDP / population), where the data give both:
    // the same paths scaled to its base, so the verdict under it is reported too.
    const alt = otherPerCapitaReading(inputs.dataset, b);
    const reading = (f: DerivedFigure): string => (f.reading === 'population' ? 'GDP / population' : 'published per capita');
    if (year === b.year) {
      const r = past(t, b.value, [], `${reading(b)}: ${b.derivation}`);
      if (!alt) return r;
      return { ...r, note: `${r.note}; the other reading (${reading(alt)}: US$${alt.value.toFixed(0)}, ${alt.derivation}) ${meets(t, alt.value) ? 'meets' : 'misses'} it` };
    }
    if (year < b.year) return notJudged(t, `no ${basisWord(t.basis)}per-capita US$ figure for ${year} (the first derivable year is ${b.year})`);
    const i = inputs.outlook.years.indexOf(year);
    const required = requiredLevelGrowth(b.value, threshold(t), year - b.year);
    if (i < 0) return notJudged(t, `the forecast does not reach ${year}`, { requiredGrowth: required });
    const paths = inputs.outlook.perCapitaUsdPaths;
    let note = `from US$${b.value.toFixed(0)} in ${b.year} (${reading(b)}: ${b.derivation}); required growth is in current US$`;
    if (alt) {
      const factor = alt.value / b.value;
      const pAlt = share(paths, (p) => meets(t, p[i]! * factor));
      const vAlt = pAlt >= ON_TRACK ? 'on track' : pAlt < OFF_TRACK ? 'off track' : 'at risk';
      note += `; under the other reading (${reading(alt)}: US$${alt.value.toFixed(0)} in ${alt.year}, ${alt.derivation}) it needs ${requiredLevelGrowth(alt.value, threshold(t), year - alt.year).toFixed(1)}%/yr: P ${(100 * pAlt).toFixed(1)}%, ${vAlt}`;
    }
    return openLevel(t, paths, i, inputs.outlook.years, (k) => median(paths, k), required, note);
  }
  const series = inputs.dataset.series.find((s) => s.id === t.series && s.basis === t.basis) ?? inputs.dataset.series.find((s) => s.id === t.series && s.basis === '');
  if (!series) {
    const others = inputs.dataset.series.filter((s) => s.id === t.series).map((s) => s.basis);
    return notJudged(t, others.length ? `no ${basisWord(t.basis)}data for ${t.series} (only ${others.map(basisName).join(', ')}); bases are not blended` : `no data for ${t.series}`);
  }
  const last = series.years.length - 1;
  const lastYear = series.years[last]!;
  const lastValue = series.values[last]!;
  if (t.kind === 'cumulative') return evaluateCumulative(t, series, inputs);
  const at = series.years.indexOf(year);
  if (at >= 0) return past(t, series.values[at]!, [], null, [series.observations[at]?.status]);
  if (year < lastYear) return notJudged(t, `no ${basisWord(t.basis)}figure for ${year} (a gap stays a gap)`);
  if (year < inputs.asOf) return passedWithoutFigure(t, inputs, year);
  const required = t.kind === 'level' && lastValue > 0 && threshold(t) > 0 ? requiredLevelGrowth(lastValue, threshold(t), year - lastYear) : null;
  const nc = t.kind === 'level' ? inputs.nowcastOf?.(t.series!, t.basis, year) : null;
  if (nc) return openNowcast(t, nc, required);
  const fc = inputs.forecastOf(series, year);
  if (!fc || fc.paths.length === 0) {
    return notJudged(t, `${series.key} cannot be forecast (${series.years.length} observations, last ${lastYear}); required growth from ${lastYear} shown`, { requiredGrowth: required });
  }
  const i = fc.forecast.findIndex((f) => f.year === year);
  const note = `${series.key} forecast by ${fc.model} from ${lastYear} (${lastValue} ${series.meta?.unit ?? ''})`.trim();
  return openLevel(t, fc.paths, i, fc.forecast.map((f) => f.year), (k) => median(fc.paths, k), required, note);
}

/**
 * A sum over a period (FDI over 2021-2025): actual years summed, the rest from the series'
 * forecast paths, P = the share of paths whose total meets the target. Every actual year of the
 * period must be there: a sum with a gap in it is not judged (a gap stays a gap).
 */
function evaluateCumulative(t: Target, series: Series, inputs: TargetInputs): TargetResult {
  const [from, to] = t.period!;
  const lastYear = series.years[series.years.length - 1]!;
  const unit = series.meta?.unit ?? t.unit;
  const actualYears: number[] = [];
  let actualSum = 0;
  for (let y = from; y <= Math.min(to, lastYear); y += 1) {
    const at = series.years.indexOf(y);
    if (at < 0) return notJudged(t, `no ${basisWord(t.basis)}figure for ${y}: a sum over ${from}-${to} needs every year (a gap stays a gap)`);
    actualSum += series.values[at]!;
    actualYears.push(y);
  }
  if (to <= lastYear) return past(t, actualSum, [], `sum of ${series.key} over ${from}-${to}`);
  if (to < inputs.asOf) return passedWithoutFigure(t, inputs, lastYear + 1);
  const fc = inputs.forecastOf(series, to);
  const remaining = to - Math.max(lastYear, from - 1);
  const perYear = (threshold(t) - actualSum) / remaining;
  const need = `needs ${Number(perYear.toPrecision(4))} ${unit} a year on average in ${Math.max(lastYear + 1, from)}-${to}${actualYears.length ? ` after ${Number(actualSum.toPrecision(6))} in ${from}-${lastYear}` : ''}`;
  if (!fc || fc.paths.length === 0) return notJudged(t, `${series.key} cannot be forecast (${series.years.length} observations, last ${lastYear}); ${need}`);
  const idx = fc.forecast.map((f, k) => (f.year >= from && f.year <= to ? k : -1)).filter((k) => k >= 0);
  if (fc.forecast[fc.forecast.length - 1]!.year < to || idx.length !== remaining) return notJudged(t, `the forecast of ${series.key} does not cover ${from}-${to}; ${need}`);
  // Running totals per path, year by year: P from the last, the reach year from their medians.
  const totals = fc.paths.map(() => actualSum);
  let reachYear: number | null = null;
  for (const k of idx) {
    fc.paths.forEach((p, n) => (totals[n] = totals[n]! + p[k]!));
    if (reachYear === null && meets(t, quantiles(Float64Array.from(totals), [0.5])[0]!)) reachYear = fc.forecast[k]!.year;
  }
  let hits = 0;
  for (const total of totals) if (meets(t, total)) hits += 1;
  return {
    ...base(t),
    ...EMPTY,
    status: 'open',
    provisional: false,
    ...judged(hits / totals.length, totals.length),
    reachYear,
    note: `${need}; ${series.key} forecast by ${fc.model} from ${lastYear}`,
  };
}

/** An open level target: P(met) in year index i from the paths, and the year the median meets it. */
function openLevel(
  t: Target,
  paths: readonly Float64Array[],
  i: number,
  years: readonly number[],
  medianAt: (i: number) => number,
  required: number | null,
  note: string,
): TargetResult {
  const probability = share(paths, (p) => meets(t, p[i]!));
  return {
    ...base(t),
    ...EMPTY,
    status: 'open',
    provisional: false,
    ...judged(probability, paths.length),
    requiredGrowth: required,
    reachYear: firstYearMedianMeets(t, years, medianAt),
    note,
  };
}

/** Judges one target. Targets without a series, or of a kind that needs missing data, are 'not judged' with the reason. */
export function evaluateTarget(t: Target, inputs: TargetInputs): TargetResult {
  const judged = t.series === null ? notJudged(t, 'no series in the data set measures this indicator') : t.kind === 'annual-growth' || t.kind === 'average-growth' ? evaluateGrowth(t, inputs) : evaluateLevel(t, inputs);
  return judged.status === 'not judged' ? byDocument(t, judged, inputs) : judged;
}

/**
 * A passed target the data cannot judge, whose outcome an official document states (a year-end
 * review that lists it as not achieved): judged on that statement, with no figure and no margin,
 * and saying so. A figure in the data always comes first.
 */
function byDocument(t: Target, result: TargetResult, inputs: TargetInputs): TargetResult {
  const end = t.period ? t.period[1] : t.year!;
  if (!t.outcome || end >= inputs.asOf) return result;
  const o = t.outcome;
  return {
    ...result,
    status: 'past',
    verdict: o.verdict,
    note: `judged on the document, no figure in the data: '${o.quote}' (${o.source}${o.date ? `, ${o.date}` : ''}); margin unknown. Without it: ${result.note ?? 'not judged'}`,
  };
}
