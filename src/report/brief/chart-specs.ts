/**
 * The brief's charts as Vega-Lite specifications: plain JSON, built from the reports. Drawing them
 * is charts.ts's (the one module that loads vega); a chart without data to draw is null, never an
 * empty frame. Colours are the verdict palette shared with the page (every one ≥ 4.5:1 on white).
 */
import type { Dataset } from '../../core/types.js';
import type { AccountingSummary, YearSummary } from '../../scenarios/apply-scenario.js';
import { perCapitaUsd, roleSeries, roleValue } from '../../targets/derived.js';
import type { TargetResult, Verdict } from '../../targets/types.js';
import { formatProbability } from '../format-target.js';
import { formatLeverValue } from '../format-lever.js';
import type { TargetsReport } from '../targets-report.js';
import type { GoalSeekReport } from '../goal-seek.js';
import { assumptionLabel, verdictWord, word, type BriefLang } from './strings.js';

/** A Vega-Lite specification (kept untyped here so that only charts.ts depends on vega-lite). */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

export interface BriefChart {
  readonly id: string;
  readonly title: string;
  /** What the chart shows, in words: the SVG's <desc> and the figure's caption (its alt text). */
  readonly description: string;
  readonly spec: VegaLiteSpec;
}

export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = {
  met: '#0550ae',
  missed: '#82071e',
  'on track': '#1a7f37',
  'at risk': '#8a5a00',
  'off track': '#cf222e',
  'not judged': '#57606a',
};
const INK = '#24292f';
const MEDIAN = '#0969da';
const BANDS = { 50: '#8cbcf0', 80: '#b9d6f6', 95: '#deebfb' } as const;
const SCENARIO_COLOURS = ['#0969da', '#8250df', '#bc4c00', '#1a7f37', '#cf222e', '#57606a'];

const WIDTH = 560;
const HEIGHT = 260;
const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelFontSize: 13, titleFontSize: 13, labelColor: INK, titleColor: INK, gridColor: '#d8dee4', domainColor: '#57606a', tickColor: '#57606a' },
  legend: { labelFontSize: 13, titleFontSize: 13, labelColor: INK, titleColor: INK, orient: 'bottom', direction: 'horizontal', columns: 3, labelLimit: 220 },
};
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

const yearAxis = (lang: BriefLang, from: number, to: number) => ({
  field: 'year',
  type: 'quantitative',
  title: word('year', lang),
  // Half a year either side, so that a period target's bar (year − 0.4 to year + 0.4) stays inside.
  scale: { domain: [from - 0.5, to + 0.5], nice: false },
  axis: { format: 'd', tickMinStep: 1 },
});

/**
 * One chart: the line and band layers share one colour scale (one legend), the target markers
 * another (the verdicts' legend); independent scales only between the two groups.
 */
function frame(description: string, lines: readonly unknown[], markers: readonly unknown[] = []): VegaLiteSpec {
  const layer = markers.length ? [{ layer: lines }, { layer: markers }] : lines;
  return { $schema: SCHEMA, description, width: WIDTH, height: HEIGHT, config: CONFIG, layer, ...(markers.length ? { resolve: { scale: { color: 'independent' } } } : {}) };
}

/** Fan bands present in the summaries: 50% only when the engine gives its quartiles. */
function bandRows(outlook: readonly YearSummary[], lang: BriefLang): { rows: Record<string, unknown>[]; levels: (50 | 80 | 95)[] } {
  const rows: Record<string, unknown>[] = [];
  const levels: (50 | 80 | 95)[] = [95, 80];
  const q = outlook as readonly (YearSummary & { lo50?: number; hi50?: number })[];
  if (q.length > 0 && q.every((g) => typeof g.lo50 === 'number' && typeof g.hi50 === 'number')) levels.push(50);
  for (const level of levels) {
    for (const g of q) {
      const [lo, hi] = level === 95 ? [g.lo95, g.hi95] : level === 80 ? [g.lo80, g.hi80] : [g.lo50!, g.hi50!];
      rows.push({ year: g.year, lo, hi, what: word('band', lang, { level }) });
    }
  }
  return { rows, levels };
}

function lineScale(lang: BriefLang, levels: readonly number[], actualNames: readonly string[]) {
  const names = [...actualNames, word('median', lang), ...levels.map((l) => word('band', lang, { level: l }))];
  const colours = [...actualNames.map((_, i) => (i === 0 ? INK : '#6e7781')), MEDIAN, ...levels.map((l) => BANDS[l as 50 | 80 | 95])];
  return { domain: names, range: colours };
}

function verdictScale(targets: readonly TargetResult[], lang: BriefLang) {
  const verdicts = (Object.keys(VERDICT_COLOURS) as Verdict[]).filter((v) => targets.some((t) => t.verdict === v));
  return { domain: verdicts.map((v) => verdictWord(v, lang)), range: verdicts.map((v) => VERDICT_COLOURS[v]) };
}

function targetLayers(targets: readonly TargetResult[], lang: BriefLang, title: string) {
  const scale = verdictScale(targets, lang);
  const color = { field: 'verdict', type: 'nominal', title, scale };
  const row = (t: TargetResult) => ({ id: t.id, goal: t.goal, from: t.years[0] - 0.4, to: t.years[1] + 0.4, year: t.years[1], verdict: verdictWord(t.verdict, lang), p: formatProbability(t.probability) });
  const periods = targets.filter((t) => t.years[0] !== t.years[1]).map(row);
  const points = targets.filter((t) => t.years[0] === t.years[1] && !t.proxy).map(row);
  const proxies = targets.filter((t) => t.years[0] === t.years[1] && t.proxy).map(row);
  const layers: unknown[] = [];
  if (periods.length) layers.push({ data: { values: periods }, mark: { type: 'rule', strokeWidth: 3 }, encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' }, y: { field: 'goal', type: 'quantitative' }, color } });
  if (points.length) layers.push({ data: { values: points }, mark: { type: 'point', shape: 'diamond', filled: true, size: 110, stroke: '#ffffff', strokeWidth: 1 }, encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'goal', type: 'quantitative' }, color } });
  if (proxies.length) layers.push({ data: { values: proxies }, mark: { type: 'point', shape: 'diamond', filled: false, size: 110, strokeWidth: 2 }, encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'goal', type: 'quantitative' }, color } });
  return layers;
}

/** Last chart year for the growth fan: the open growth targets' last year, at least 4 years past the data, at most 10. */
function growthEnd(report: TargetsReport, targets: readonly TargetResult[]): number {
  const last = report.growth.history[report.growth.history.length - 1]?.year ?? report.asOf - 1;
  const wanted = Math.max(last + 5, ...targets.filter((t) => t.status === 'open').map((t) => t.years[1]));
  const available = report.growth.outlook[report.growth.outlook.length - 1]?.year ?? last;
  return Math.min(wanted, last + 10, available);
}

const fmt1 = (v: number, lang: BriefLang) => (lang === 'vi' ? v.toFixed(1).replace('.', ',') : v.toFixed(1));

/** Growth history, the scenario's fan and the growth targets on the growth series. */
export function growthChart(report: TargetsReport, lang: BriefLang): BriefChart | null {
  const history = report.growth.history;
  if (history.length === 0) return null;
  const bases = new Set(history.map((h) => h.basis));
  bases.add(report.growth.basis);
  const targets = report.targets.filter(
    (t) => (t.kind === 'annual-growth' || t.kind === 'average-growth') && t.series === report.growth.series && bases.has(t.basis) && t.status !== 'not judged',
  );
  const end = growthEnd(report, targets);
  const from = Math.min(history[0]!.year, ...targets.map((t) => t.years[0]));
  const shownTargets = targets.filter((t) => t.years[1] <= end);
  const outlook = report.growth.outlook.filter((g) => g.year <= end);
  const { rows: bands, levels } = bandRows(outlook, lang);
  const last = history[history.length - 1]!;
  const actual = word('actual', lang);
  const median = [{ year: last.year, value: last.value, what: word('median', lang) }, ...outlook.map((g) => ({ year: g.year, value: g.median, what: word('median', lang) }))];
  const color = { field: 'what', type: 'nominal', title: null, scale: lineScale(lang, levels, [actual]) };
  const x = yearAxis(lang, from, end);
  const layer: unknown[] = [
    ...(bands.length ? [{ data: { values: bands }, mark: { type: 'area', opacity: 1 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: word('growthAxis', lang) }, y2: { field: 'hi' }, color } }] : []),
    { data: { values: history.map((h) => ({ year: h.year, value: h.value, what: actual })) }, mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: word('growthAxis', lang) }, color } },
    ...(outlook.length ? [{ data: { values: median }, mark: { type: 'line', strokeDash: [6, 3], strokeWidth: 2 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color } }] : []),
  ];
  const markers = targetLayers(shownTargets, lang, word('verdictLegend', lang));
  const first = outlook[0];
  const description = word('chartGrowthDesc', lang, {
    series: report.growth.series,
    from: history[0]!.year,
    to: last.year,
    scenario: report.scenario.name,
    bands: levels.map((l) => `${l}%`).join('/'),
    end,
    firstYear: first?.year ?? '',
    firstMedian: first ? fmt1(first.median, lang) : '',
    lo80: first ? fmt1(first.lo80, lang) : '',
    hi80: first ? fmt1(first.hi80, lang) : '',
  });
  return { id: 'growth', title: word('chartGrowth', lang), description, spec: frame(description, layer, markers) };
}

/** GRDP per capita in US$: the derived history on every basis, the scenario's fan and the per-capita targets. */
export function perCapitaChart(report: TargetsReport, dataset: Dataset, lang: BriefLang): BriefChart | null {
  const outlookAll = report.perCapitaUsd.outlook;
  const id = roleSeries(dataset, 'per_capita_usd');
  if (outlookAll.length === 0 || !id) return null;
  const targets = report.targets.filter((t) => t.series === id && t.kind === 'level' && t.status !== 'not judged');
  const end = Math.max(report.asOf + 4, ...targets.map((t) => t.years[1]));
  const outlook = outlookAll.filter((g) => g.year <= end);
  // History on the bases the growth history chains (e.g. pre-merger then merged), never another
  // region's basis that the data set happens to include.
  const chained = new Set([...report.growth.history.map((h) => h.basis), report.growth.basis]);
  const localId = roleSeries(dataset, 'per_capita_local');
  const basesOrder = [...new Set(dataset.series.filter((s) => (s.id === id || s.id === localId) && chained.has(s.basis)).map((s) => s.basis))];
  const actualName = (basis: string) => (basis ? `${word('actual', lang)} (${basis})` : word('actual', lang));
  const history: { year: number; value: number; what: string }[] = [];
  for (const basis of basesOrder) {
    const years = new Set<number>();
    for (const s of dataset.series) if ((s.id === id || s.id === localId) && s.basis === basis) s.years.forEach((y) => years.add(y));
    for (const y of [...years].sort((a, b) => a - b)) {
      const f = perCapitaUsd(dataset, y, basis);
      if (f) history.push({ year: y, value: f.value, what: actualName(basis) });
    }
  }
  const { rows: bands, levels } = bandRows(outlook, lang);
  // The future basis first: its history is the solid line the fan continues.
  const futureFirst = [report.growth.basis, ...basesOrder.filter((b) => b !== report.growth.basis)].filter((b) => history.some((h) => h.what === actualName(b)));
  const actualNames = futureFirst.map(actualName);
  const color = { field: 'what', type: 'nominal', title: null, scale: lineScale(lang, levels, actualNames) };
  const from = Math.min(end - 1, ...history.map((h) => h.year));
  const x = yearAxis(lang, from, end);
  const base = report.perCapitaUsd.base;
  const median = [...(base ? [{ year: base.year, value: base.value }] : []), ...outlook.map((g) => ({ year: g.year, value: g.median }))].map((r) => ({ ...r, what: word('median', lang) }));
  const layer: unknown[] = [
    { data: { values: bands }, mark: { type: 'area', opacity: 1 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: word('usdAxis', lang), axis: { format: ',.0f' } }, y2: { field: 'hi' }, color } },
    ...(history.length ? [{ data: { values: history }, mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color } }] : []),
    { data: { values: median }, mark: { type: 'line', strokeDash: [6, 3], strokeWidth: 2 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color } },
  ];
  const markers = targetLayers(targets, lang, word('verdictLegend', lang));
  const lastYear = outlook[outlook.length - 1];
  const description = word('chartPerCapitaDesc', lang, {
    scenario: report.scenario.name,
    end,
    year: lastYear?.year ?? '',
    median: lastYear ? Math.round(lastYear.median).toLocaleString(lang === 'vi' ? 'de-DE' : 'en-US') : '',
  });
  return { id: 'per-capita', title: word('chartPerCapita', lang), description, spec: frame(description, layer, markers) };
}

/** Each scenario's mean growth path after the actual years (only when two or more scenarios ran). */
export function scenarioChart(report: TargetsReport, runs: readonly TargetsReport[], lang: BriefLang): BriefChart | null {
  if (runs.length < 2) return null;
  const history = report.growth.history;
  const targets = report.targets.filter((t) => (t.kind === 'annual-growth' || t.kind === 'average-growth') && t.series === report.growth.series);
  const end = growthEnd(report, targets);
  const recent = history.slice(-8);
  const last = history[history.length - 1];
  const actual = word('actual', lang);
  const names = runs.map((r) => r.scenario.name);
  const rows = [
    ...recent.map((h) => ({ year: h.year, value: h.value, what: actual })),
    ...runs.flatMap((r) => [
      ...(last ? [{ year: last.year, value: last.value, what: r.scenario.name }] : []),
      ...r.growth.outlook.filter((g) => g.year <= end).map((g) => ({ year: g.year, value: g.mean, what: r.scenario.name })),
    ]),
  ];
  const from = recent[0]?.year ?? report.asOf;
  const color = { field: 'what', type: 'nominal', title: word('scenarioLegend', lang), scale: { domain: [actual, ...names], range: [INK, ...names.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!)] } };
  const layer = [
    {
      data: { values: rows },
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: { x: yearAxis(lang, from, end), y: { field: 'value', type: 'quantitative', title: word('growthAxis', lang) }, color, strokeDash: { field: 'what', type: 'nominal', legend: null, scale: { domain: [actual, ...names], range: [[1, 0], ...names.map((_, i) => (i === 0 ? [1, 0] : [6, 3]))] } } },
    },
  ];
  const description = word('chartScenariosDesc', lang, { names: names.join(', ') });
  return { id: 'scenarios', title: word('chartScenarios', lang), description, spec: frame(description, layer) };
}

/** Year-on-year growth (%) of a level series, consecutive years only. */
function yoy(years: readonly number[], values: readonly number[]): { year: number; value: number }[] {
  const out: { year: number; value: number }[] = [];
  for (let i = 1; i < years.length; i += 1) {
    if (years[i] === years[i - 1]! + 1 && values[i - 1]! > 0) out.push({ year: years[i]!, value: 100 * (values[i]! / values[i - 1]! - 1) });
  }
  return out;
}

/** Investment as a share of GDP (%) by year and basis, from the series playing those roles. */
function investmentRates(dataset: Dataset): { year: number; value: number; basis: string }[] {
  const id = roleSeries(dataset, 'investment');
  if (!id) return [];
  return dataset.series
    .filter((s) => s.id === id)
    .flatMap((s) =>
      s.years.flatMap((year) => {
        const inv = roleValue(dataset, 'investment', year, s.basis);
        const gdp = roleValue(dataset, 'gdp_nominal', year, s.basis);
        return inv && gdp && gdp.value > 0 ? [{ year, value: (100 * inv.value) / gdp.value, basis: s.basis }] : [];
      }),
    )
    .sort((a, b) => a.year - b.year || a.basis.localeCompare(b.basis));
}

/**
 * For a goal-seek (the brief's first that ran): each growth-accounting lever with a history in the
 * data (investment rate, labour growth) against that history, with the value assumed now and the value needed.
 */
export function leverCharts(seek: GoalSeekReport | null, accounting: AccountingSummary | null, dataset: Dataset, goal: number, lang: BriefLang): BriefChart[] {
  if (!seek || !accounting) return [];
  const charts: BriefChart[] = [];
  const labourId = accounting.calibration.labourSeries.split(' ')[0]!;
  const candidates = [
    { key: 'investmentRateExtra', base: accounting.investmentRate, history: investmentRates(dataset), historyLabel: word('investmentRateHistory', lang) },
    {
      key: 'labourGrowthExtra',
      base: accounting.labourGrowth,
      history: dataset.series.filter((s) => s.id === labourId).flatMap((s) => yoy(s.years, s.values).map((r) => ({ ...r, basis: s.basis }))).sort((a, b) => a.year - b.year),
      historyLabel: word('labourGrowthHistory', lang, { series: labourId }),
    },
  ];
  for (const c of candidates) {
    const lever = seek.levers.find((l) => l.key === c.key);
    if (!lever || c.history.length < 2 || lever.status !== 'reached' || lever.value === null) continue;
    const now = c.base + lever.current;
    const needed = c.base + lever.value;
    const unit = lever.unit;
    const nowText = formatLeverValue(Number(now.toFixed(2)), '', 0.01);
    const neededText = formatLeverValue(Number(needed.toFixed(2)), '', 0.01);
    const description = word('chartLeverDesc', lang, { history: c.historyLabel, now: `${nowText}`, id: seek.target.id, goal: formatProbability(goal), needed: `${neededText}; ${lever.direction === 'at least' ? '+' : ''}${formatLeverValue(lever.value, unit, lever.resolution)}` });
    const bases = [...new Set(c.history.map((h) => h.basis))];
    const layer = [
      {
        data: { values: c.history.map((h) => ({ ...h, basis: h.basis || word('actual', lang) })) },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'year', type: 'ordinal', title: word('year', lang) },
          xOffset: bases.length > 1 ? { field: 'basis' } : undefined,
          y: { field: 'value', type: 'quantitative', title: c.historyLabel },
          color: { field: 'basis', type: 'nominal', title: null, scale: { range: ['#57606a', '#8c959f', '#0969da'] } },
        },
      },
      { data: { values: [{ v: now }] }, mark: { type: 'rule', strokeDash: [6, 3], strokeWidth: 2, color: INK }, encoding: { y: { field: 'v', type: 'quantitative' } } },
      { data: { values: [{ v: needed }] }, mark: { type: 'rule', strokeWidth: 2, color: VERDICT_COLOURS['off track'] }, encoding: { y: { field: 'v', type: 'quantitative' } } },
      {
        data: { values: [{ v: now, label: `${word('now', lang)} ${nowText}` }, { v: needed, label: `${word('needed', lang)} ${neededText}` }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 13, color: INK },
        encoding: { y: { field: 'v', type: 'quantitative' }, x: { value: WIDTH }, text: { field: 'label' } },
      },
    ];
    charts.push({ id: `lever-${c.key}`, title: word('chartLever', lang, { label: assumptionLabel(lever.key, lever.label, lang) }), description, spec: frame(description, layer) });
  }
  return charts;
}
