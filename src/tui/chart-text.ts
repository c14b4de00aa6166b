/**
 * The main chart as text: history, forecast mean, the 80% band, target lines and markers,
 * a split between actual and forecast years, y labels with the unit, a year axis and a legend
 * with an entry for every mark drawn. asciichart draws each contiguous segment (it cannot take
 * gaps: PITFALLS); the segments are overlaid on one grid here, resampled to the panel width
 * (asciichart draws one column a point). Actual, forecast and band use different characters, so
 * that they read apart without colour.
 */
import asciichart from 'asciichart';
import type { ChartData, Lang } from '../report/dashboard-report.js';
import { t } from './strings.js';
import type { Theme, Token } from './theme.js';

export interface ChartLine {
  /** One value per year of ChartInput.years; null where there is none (a gap stays blank). */
  readonly values: readonly (number | null)[];
  /** history: the actual line; forecast: the forecast line; band: a band edge (dotted). */
  readonly token: Token;
}

/** What was drawn, for the legend: which marks appear and the notes of merged targets. */
export interface ChartMarks {
  readonly actual: boolean;
  /** The actual values were drawn as lone points only (a single year of data): the legend shows the point. */
  readonly actualPointsOnly: boolean;
  readonly forecast: boolean;
  readonly band: boolean;
  readonly split: boolean;
  readonly target: boolean;
  readonly periodTarget: boolean;
  /** Targets that fell on one row, e.g. "12.5/13/13.5%": drawn as one marker. */
  readonly merged: readonly string[];
}

export interface RenderedChart {
  /** Plot rows, the x axis and the year labels. */
  readonly rows: readonly string[];
  readonly marks: ChartMarks;
}

export interface ChartMarker {
  readonly fromYear: number;
  readonly toYear: number;
  readonly value: number;
  readonly token: Token;
}

export interface ChartInput {
  readonly years: readonly number[];
  /** Drawn in order: later lines over earlier ones. */
  readonly lines: readonly ChartLine[];
  readonly markers: readonly ChartMarker[];
  /** Last year with actual data: a split is drawn after it. */
  readonly lastActual: number | null;
  readonly width: number;
  readonly height: number;
  readonly unit: string;
  /** Language of the few words the chart itself prints (default en). */
  readonly lang?: Lang;
}

/** The dashboard view's chart as the renderer takes it: 80% band, history, forecast, target markers. */
export function chartInputOf(chart: ChartData, width: number, height: number, lang: Lang): ChartInput {
  return {
    years: chart.years,
    lines: [
      { values: chart.lo80, token: 'band' },
      { values: chart.hi80, token: 'band' },
      { values: chart.history, token: 'history' },
      { values: chart.mean, token: 'forecast' },
    ],
    markers: chart.markers.map((m) => ({ ...m, token: 'target' as const })),
    lastActual: chart.lastActual,
    width,
    height,
    unit: chart.unit,
    lang,
  };
}

interface Cell {
  ch: string;
  token: Token;
}

function formatLabel(v: number, span: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(v / 1e3).toFixed(abs >= 1e5 ? 0 : 1)}k`;
  const d = span >= 50 ? 0 : span >= 5 ? 1 : 2;
  return v.toFixed(d);
}

/** Linear interpolation of yearly points onto columns x0..x1 (drawing only; data are not changed). */
function resample(points: readonly { x: number; v: number }[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const a = points[i]!;
    const b = points[i + 1]!;
    for (let x = a.x; x < b.x; x += 1) out.push(a.v + ((b.v - a.v) * (x - a.x)) / (b.x - a.x));
  }
  out.push(points[points.length - 1]!.v);
  return out;
}

/** A target value for a merged marker's note: 13.5, 11.2k. */
function noteValue(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e4) return `${Number((v / 1e3).toFixed(abs >= 1e5 ? 0 : 1))}k`;
  return String(Number(v.toFixed(2)));
}

const NO_MARKS: ChartMarks = { actual: false, actualPointsOnly: false, forecast: false, band: false, split: false, target: false, periodTarget: false, merged: [] };

/** Returns the chart's rows (plot rows, then the x axis and year labels), each at most `width` wide. */
export function renderChart(input: ChartInput, theme: Theme): string[] {
  return [...drawChart(input, theme).rows];
}

/**
 * The chart with a legend under it, in `height` rows in all (plot, axis and years, legend): the
 * legend takes a second row, from the plot, only when one row cannot hold it.
 */
export function renderChartWithLegend(input: ChartInput, theme: Theme, lang: Lang): { readonly rows: readonly string[]; readonly legend: readonly string[] } {
  const plotRows = (legendRows: number): number => Math.max(3, input.height - legendRows);
  let chart = drawChart({ ...input, height: plotRows(1) }, theme);
  let legend = chartLegend(chart.marks, input.unit, theme, lang, input.width);
  if (legend.length > 1) {
    chart = drawChart({ ...input, height: plotRows(legend.length) }, theme);
    legend = chartLegend(chart.marks, input.unit, theme, lang, input.width);
  }
  return { rows: chart.rows, legend };
}

/**
 * Legend lines (at most two, each within `width` where the words allow): the unit, then one
 * entry for every mark drawn, and the notes of targets merged on one row.
 */
export function chartLegend(marks: ChartMarks, unit: string, theme: Theme, lang: Lang, width: number): string[] {
  const s = theme.symbols;
  const entries: string[] = [];
  if (marks.actual) entries.push(`${theme.paint('history', marks.actualPointsOnly ? s.point : s.chart[4])} ${t('history', lang)}`);
  if (marks.forecast) entries.push(`${theme.paint('forecast', s.forecastChart[4])} ${t('forecast', lang)}`);
  if (marks.band) entries.push(`${theme.paint('band', s.band)} ${t('band', lang)}`);
  if (marks.split) entries.push(`${s.split} ${t('split', lang)}`);
  if (marks.target) entries.push(`${theme.paint('target', s.target)} ${t('target', lang)}`);
  if (marks.periodTarget) entries.push(`${theme.paint('target', s.periodTarget)} ${t('periodTarget', lang)}`);
  for (const note of marks.merged) entries.push(`${theme.paint('target', s.target)} ${note}`);
  const visible = (text: string): number => [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
  // Entries fill the first line, then a second; an entry that fits on neither is left out (a
  // very long unit: the y labels still carry the values).
  const lines: string[] = [`${unit} ${s.bar}`];
  for (const e of entries) {
    const last = lines[lines.length - 1]!;
    if (visible(last) + 1 + visible(e) <= width) lines[lines.length - 1] = `${last} ${e}`;
    else if (lines.length < 2 && visible(e) <= width) lines.push(e);
  }
  return lines.map((l) => theme.text(l));
}

function drawChart(input: ChartInput, theme: Theme): RenderedChart {
  const { years } = input;
  const all = [...input.lines.flatMap((l) => l.values.filter((v): v is number => v !== null && Number.isFinite(v))), ...input.markers.map((m) => m.value)];
  if (years.length < 2 || all.length === 0) return { rows: [theme.paint('muted', theme.text(t('nothingToPlot', input.lang ?? 'en')))], marks: NO_MARKS };
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const height = Math.max(3, input.height);
  const labels: string[] = [];
  const span = max - min;
  // Same row arithmetic as asciichart, so our own marks land on its rows.
  const ratio = (height - 1) / span;
  const min2 = Math.round(min * ratio);
  const max2 = Math.round(max * ratio);
  const rows = max2 - min2;
  for (let r = 0; r <= rows; r += 1) labels.push(formatLabel(max - (r * span) / rows, span));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const plotWidth = Math.max(years.length, input.width - labelWidth - 2);
  const colOf = (i: number): number => Math.round((i * (plotWidth - 1)) / (years.length - 1));
  const rowOf = (v: number): number => rows - (Math.round(v * ratio) - min2);
  const grid: Cell[][] = Array.from({ length: rows + 1 }, () => Array.from({ length: plotWidth }, () => ({ ch: ' ', token: 'plain' as Token })));
  const put = (r: number, c: number, ch: string, token: Token): void => {
    if (r >= 0 && r <= rows && c >= 0 && c < plotWidth) grid[r]![c] = { ch, token };
  };
  const sym = theme.symbols;
  // Actual | forecast split, under everything else.
  const split = input.lastActual === null ? -1 : years.indexOf(input.lastActual);
  const hasSplit = split >= 0 && split < years.length - 1;
  if (hasSplit) {
    const c = Math.round((colOf(split) + colOf(split + 1)) / 2);
    for (let r = 0; r <= rows; r += 1) put(r, c, sym.split, 'muted');
  }
  const drawn = { history: false, forecast: false, band: false };
  let historyRun = false;
  // A value with no neighbour is a point, drawn after every line: the forecast starts at the last
  // actual value, and would otherwise hide a lone actual year under its first cell.
  const points: { row: number; col: number; token: Token }[] = [];
  const plotLine = (line: ChartLine): void => {
    const symbols = line.token === 'forecast' ? sym.forecastChart : line.token === 'band' ? (Array.from({ length: 10 }, () => sym.band) as unknown as typeof sym.chart) : sym.chart;
    // Split into runs of consecutive known values; plot each run with asciichart.
    let run: { x: number; v: number }[] = [];
    const flush = (): void => {
      if (run.length >= 1 && (line.token === 'history' || line.token === 'forecast' || line.token === 'band')) drawn[line.token] = true;
      if (run.length === 1 && line.token === 'band') put(rowOf(run[0]!.v), run[0]!.x, sym.band, line.token);
      else if (run.length === 1) points.push({ row: rowOf(run[0]!.v), col: run[0]!.x, token: line.token });
      if (run.length >= 2 && line.token === 'history') historyRun = true;
      if (run.length >= 2) {
        const xs = resample(run);
        const plot = asciichart.plot(xs, { min, max, height: height - 1, offset: 3, format: () => '  ', symbols: [...symbols] }) as string;
        plot.split('\n').forEach((text, r) => {
          const cells = [...text].slice(4);
          cells.forEach((ch, j) => {
            if (ch !== ' ') put(r, run[0]!.x + j, ch, line.token);
          });
        });
      }
      run = [];
    };
    line.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) flush();
      else run.push({ x: colOf(i), v });
    });
    flush();
  };
  // The band under the targets, the targets under the actual and forecast lines.
  input.lines.filter((l) => l.token === 'band').forEach(plotLine);
  // Targets on one row whose spans touch are one marker: drawn once, their values in a note.
  const placed = input.markers
    .map((m) => ({ m, a: years.indexOf(m.fromYear), b: years.indexOf(m.toYear) }))
    .filter((p) => p.a >= 0 && p.b >= 0)
    .map((p) => ({ ...p, row: rowOf(p.m.value), c0: colOf(p.a), c1: colOf(p.b) }))
    .sort((x, y) => x.row - y.row || x.c0 - y.c0);
  const groups: (typeof placed)[] = [];
  for (const p of placed) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.row === p.row && p.c0 <= Math.max(...g.map((q) => q.c1)) + 1) g.push(p);
    else groups.push([p]);
  }
  const merged: string[] = [];
  // One-year targets and merged markers go over the lines (a target hidden by its own outcome says nothing).
  const diamonds: { row: number; col: number; token: Token }[] = [];
  let single = false;
  let period = false;
  const percent = input.unit.trim().startsWith('%');
  for (const g of groups) {
    for (const p of g.filter((q) => q.a !== q.b)) {
      period = true;
      for (let c = p.c0; c <= p.c1; c += 1) put(p.row, c, sym.periodTarget, p.m.token);
    }
    for (const p of g.filter((q) => q.a === q.b)) {
      single = true;
      diamonds.push({ row: p.row, col: p.c0, token: p.m.token });
    }
    const values = [...new Set(g.map((q) => q.m.value))].sort((x, y) => x - y);
    if (values.length > 1) {
      // The merged marker: a diamond where the group starts, and the values in the legend.
      diamonds.push({ row: g[0]!.row, col: Math.min(...g.map((q) => q.c0)), token: g[0]!.m.token });
      merged.push(`${values.map(noteValue).join('/')}${percent ? '%' : ''}`);
    }
  }
  input.lines.filter((l) => l.token !== 'band').forEach(plotLine);
  for (const p of points) put(p.row, p.col, sym.point, p.token);
  for (const d of diamonds) put(d.row, d.col, sym.target, d.token);
  const out = grid.map((cells, r) => {
    const showLabel = r % 2 === 0 || rows < 8;
    const label = (showLabel ? labels[r]! : '').padStart(labelWidth);
    let body = '';
    let current: Token = 'plain';
    let chunk = '';
    for (const cell of cells) {
      if (cell.token !== current) {
        body += theme.paint(current, chunk);
        chunk = '';
        current = cell.token;
      }
      chunk += cell.ch;
    }
    body += theme.paint(current, chunk);
    return `${theme.paint('muted', label)} ${theme.paint('muted', sym.axis)}${body}`;
  });
  // Year axis: a tick row and labels spaced so that they never touch.
  const axis = `${' '.repeat(labelWidth)} ${sym.axisCorner}${sym.axisLine.repeat(plotWidth)}`;
  const yearRow = Array.from({ length: plotWidth + labelWidth + 2 }, () => ' ');
  let lastEnd = -2;
  years.forEach((y, i) => {
    const text = String(y);
    // Centred under its column, but never past either end of the row.
    const start = Math.min(yearRow.length - text.length, Math.max(0, labelWidth + 2 + colOf(i) - Math.floor(text.length / 2)));
    const isEdge = i === 0 || i === years.length - 1;
    if (start > lastEnd + 1 && start + text.length <= yearRow.length && (isEdge || i % Math.max(1, Math.ceil((years.length * 6) / plotWidth)) === 0)) {
      for (let k = 0; k < text.length; k += 1) yearRow[start + k] = text[k]!;
      lastEnd = start + text.length;
    }
  });
  return {
    rows: [...out, theme.paint('muted', axis), theme.paint('muted', yearRow.join('').trimEnd())],
    marks: { actual: drawn.history, actualPointsOnly: drawn.history && !historyRun, forecast: drawn.forecast, band: drawn.band, split: hasSplit, target: single, periodTarget: period, merged },
  };
}
