/**
 * What the dashboard shows for one state (series, model, scenario and its edits, horizon,
 * language): plain data, rebuilt on every key press from memoised forecasts (TargetsEngine), so
 * a redraw costs a scenario application and the target judgements, never a model fit.
 */
import type { Assumption, Scenario } from '../scenarios/types.js';
import { editAssumption } from '../scenarios/edit-assumption.js';
import type { Dataset, Series } from '../core/types.js';
import type { TargetResult } from '../targets/types.js';
import type { TargetsEngine, TargetsReport } from './targets-report.js';
import { latestRun } from '../evaluate/forecast-series.js';

/** A year the dashboard's chart runs to; the region's profile lists the ones `h` cycles through. */
export type Horizon = number;
export type Lang = 'en' | 'vi';

export interface DashboardState {
  readonly seriesIndex: number;
  readonly model: string;
  readonly scenarioIndex: number;
  /** Edited assumption values, by key (reset with r). */
  readonly edits: Readonly<Record<string, number>>;
  readonly horizon: Horizon;
  readonly lang: Lang;
}

/** A series the dashboard can show: the scenario-driven growth and per-capita US$, or a data series. */
export type DashboardSeries =
  | { readonly kind: 'growth'; readonly id: string }
  | { readonly kind: 'per-capita'; readonly id: string }
  | { readonly kind: 'data'; readonly id: string; readonly series: Series };

export interface ChartData {
  readonly years: readonly number[];
  readonly history: readonly (number | null)[];
  readonly mean: readonly (number | null)[];
  readonly lo80: readonly (number | null)[];
  readonly hi80: readonly (number | null)[];
  readonly markers: readonly { readonly fromYear: number; readonly toYear: number; readonly value: number; readonly met: boolean | null }[];
  readonly lastActual: number | null;
  readonly unit: string;
}

export interface AssumptionRow extends Assumption {
  readonly key: string;
  readonly edited: boolean;
}

export interface DashboardView {
  readonly dataset: string;
  readonly seriesLabel: string;
  readonly seriesCount: number;
  readonly basis: string;
  readonly model: { readonly requested: string; readonly used: string; readonly reason: string | null };
  readonly scenario: { readonly name: string; readonly meanPath: string; readonly edited: boolean };
  readonly horizon: Horizon;
  readonly chart: ChartData;
  readonly targets: readonly TargetResult[];
  readonly assumptions: readonly AssumptionRow[];
  readonly report: TargetsReport;
}

/** The series the dashboard cycles through: growth, per-capita US$, then every data series some target is judged on. */
export function dashboardSeries(dataset: Dataset, targetSeries: readonly { readonly series: string | null; readonly basis: string }[], growthId: string): DashboardSeries[] {
  // Per capita in US$ only where the data set says which series it is (series.json roles).
  const perCapita = dataset.info.roles?.per_capita_usd;
  const out: DashboardSeries[] = [{ kind: 'growth', id: growthId }, ...(perCapita ? [{ kind: 'per-capita' as const, id: perCapita }] : [])];
  const seen = new Set<string>();
  for (const t of targetSeries) {
    if (!t.series || t.series === growthId || t.series === perCapita) continue;
    const s = dataset.series.find((x) => x.id === t.series && x.basis === t.basis);
    if (!s || seen.has(s.key) || latestRun(s).values.length < 3) continue;
    seen.add(s.key);
    out.push({ kind: 'data', id: s.id, series: s });
  }
  return out;
}

/**
 * The bases a growth history runs through, in order: "pre-merger ≤2024 + merged 2025" (the first
 * run up to its last year, later runs by their years).
 * @example describeBases([{ year: 2024, basis: 'a' }, { year: 2025, basis: 'b' }]) // "a ≤2024 + b 2025"
 */
export function describeBases(history: readonly { readonly year: number; readonly basis: string }[]): string {
  const runs: { basis: string; first: number; last: number }[] = [];
  for (const h of history) {
    const run = runs[runs.length - 1];
    if (run && run.basis === h.basis) run.last = h.year;
    else runs.push({ basis: h.basis, first: h.year, last: h.year });
  }
  if (runs.length <= 1) return runs[0]?.basis || '(no basis)';
  return runs.map((r, i) => `${r.basis || '(no basis)'} ${i === 0 ? `≤${r.last}` : r.first === r.last ? r.first : `${r.first}-${r.last}`}`).join(' + ');
}

/** Open targets first (soonest first): what can still be changed; then past ones, latest first. */
function openFirst(targets: readonly TargetResult[]): TargetResult[] {
  const open = targets.filter((t) => t.status === 'open').sort((a, b) => a.years[1] - b.years[1]);
  const past = targets.filter((t) => t.status !== 'open').sort((a, b) => b.years[1] - a.years[1]);
  return [...open, ...past];
}

/** Applies the edits to a scenario's assumptions (bounds are checked by the caller). */
export function editedScenario(scenario: Scenario, edits: Readonly<Record<string, number>>): Scenario {
  const assumptions: Record<string, Assumption> = {};
  // An edited value says so and keeps the original's source as history (saved that way too).
  for (const [k, a] of Object.entries(scenario.assumptions)) assumptions[k] = edits[k] === undefined ? a : editAssumption(a, edits[k]!);
  return { ...scenario, assumptions };
}

function name(dataset: Dataset, id: string, lang: Lang): string {
  const meta = dataset.series.find((s) => s.id === id)?.meta;
  return meta ? (lang === 'vi' ? meta.nameVi : meta.nameEn) : id;
}

export function buildDashboardView(
  dataset: Dataset,
  engine: TargetsEngine,
  scenarios: readonly Scenario[],
  list: readonly DashboardSeries[],
  state: DashboardState,
): DashboardView {
  const scenario = editedScenario(scenarios[state.scenarioIndex]!, state.edits);
  const chosen = list[state.seriesIndex]!;
  // Only the chosen series' targets are shown, so only they are judged on a key press.
  const report = engine.report(scenario, { model: chosen.kind === 'growth' || chosen.kind === 'per-capita' ? state.model : undefined, series: chosen.kind === 'data' ? chosen.series.id : chosen.id });
  const end = state.horizon;
  const yearsTo = (from: number): number[] => Array.from({ length: Math.max(0, end - from + 1) }, (_, i) => from + i);
  let chart: ChartData;
  let targets: TargetResult[];
  let model = { requested: state.model, used: report.growth.model, reason: report.growth.modelReason };
  let basis: string;
  let label: string;
  const marker = (t: TargetResult) => {
    return { fromYear: t.years[0], toYear: t.years[1], value: t.goal, met: t.verdict === 'met' || t.verdict === 'on track' ? true : t.verdict === 'missed' || t.verdict === 'off track' ? false : null };
  };
  const within = (years: readonly number[]) => (m: ReturnType<typeof marker>) => Number.isFinite(m.value) && m.fromYear >= years[0]! && m.toYear <= years[years.length - 1]!;
  // Markers: one-year targets (plan against outcome), and multi-year targets still open; past
  // multi-year averages would only clutter the chart (they are in the table).
  const charted = (t: TargetResult): boolean => t.years[0] === t.years[1] || t.status === 'open';
  if (chosen.kind === 'growth' || chosen.kind === 'per-capita') {
    const growth = chosen.kind === 'growth';
    const hist = growth ? report.growth.history : report.perCapitaUsd.base ? [{ year: report.perCapitaUsd.base.year, value: report.perCapitaUsd.base.value }] : [];
    const perCapita = report.perCapitaUsd.outlookTo?.(end) ?? report.perCapitaUsd.outlook;
    const outlook = (growth ? report.growth.outlook : perCapita).filter((o) => o.year <= end);
    const first = hist[0]?.year ?? outlook[0]?.year ?? end;
    const last = hist[hist.length - 1]?.year ?? first;
    const years = yearsTo(first);
    const at = <T extends { year: number }>(arr: readonly T[], y: number) => arr.find((o) => o.year === y);
    chart = {
      years,
      history: years.map((y) => at(hist, y)?.value ?? null),
      // The forecast line starts at the last actual, so history and forecast join.
      mean: years.map((y) => (y === last ? at(hist, y)?.value ?? null : at(outlook, y)?.mean ?? null)),
      lo80: years.map((y) => at(outlook, y)?.lo80 ?? null),
      hi80: years.map((y) => at(outlook, y)?.hi80 ?? null),
      markers: [],
      lastActual: last,
      unit: growth ? '% y/y' : 'US$ per person (current)',
    };
    targets = openFirst(report.targets.filter((t) => t.series === chosen.id && t.status !== 'not judged'));
    chart = { ...chart, markers: targets.filter(charted).map(marker).filter(within(years)) };
    basis = growth ? describeBases(report.growth.history) : report.perCapitaUsd.base?.basis ?? report.growth.basis;
    label = growth ? name(dataset, chosen.id, state.lang) : state.lang === 'vi' ? 'GRDP bình quân đầu người (USD, giá hiện hành)' : 'GRDP per capita (current US$)';
  } else {
    const s = chosen.series;
    const fc = engine.forecastOf(s, Math.max(end, s.years[s.years.length - 1]! + 1), state.model);
    const first = s.years[0]!;
    const years = yearsTo(first).filter((y) => y <= Math.max(end, s.years[s.years.length - 1]!));
    const last = s.years[s.years.length - 1]!;
    const f = (y: number) => fc?.forecast.find((x) => x.year === y);
    chart = {
      years,
      history: years.map((y) => (s.years.includes(y) ? s.values[s.years.indexOf(y)]! : null)),
      mean: years.map((y) => (y === last ? s.values[s.values.length - 1]! : f(y)?.mean ?? null)),
      lo80: years.map((y) => f(y)?.lo80 ?? null),
      hi80: years.map((y) => f(y)?.hi80 ?? null),
      markers: [],
      lastActual: last,
      unit: s.meta?.unit ?? '',
    };
    targets = openFirst(report.targets.filter((t) => t.series === s.id && t.basis === s.basis && t.status !== 'not judged'));
    chart = { ...chart, markers: targets.filter(charted).map(marker).filter(within(years)) };
    model = { requested: state.model, used: fc?.model ?? 'none', reason: fc?.reason ?? (fc ? null : 'cannot be forecast') };
    basis = s.basis;
    label = name(dataset, s.id, state.lang);
  }
  const source = scenarios[state.scenarioIndex]!;
  return {
    dataset: state.lang === 'vi' ? dataset.info.nameVi : dataset.info.nameEn,
    seriesLabel: label,
    seriesCount: list.length,
    basis,
    model,
    scenario: { name: scenario.name, meanPath: report.scenario.meanPath, edited: Object.keys(state.edits).length > 0 },
    horizon: end,
    chart,
    targets,
    assumptions: Object.entries(scenario.assumptions).map(([key, a]) => ({ ...a, key, edited: source.assumptions[key]!.value !== a.value })),
    report,
  };
}
