/**
 * The main chart as text: history, forecast mean, the 80% band, target lines and markers,
 * a split between actual and forecast years, y labels with the unit, and a year axis.
 * asciichart draws each contiguous segment (it cannot take gaps: PITFALLS); the segments are
 * overlaid on one grid here, resampled to the panel width (asciichart draws one column a point).
 */
import asciichart from 'asciichart';
import type { Theme, Token } from './theme.js';

export interface ChartLine {
  /** One value per year of ChartInput.years; null where there is none (a gap stays blank). */
  readonly values: readonly (number | null)[];
  readonly token: Token;
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

/** Returns the chart's rows (plot rows, then the x axis and year labels), each at most `width` wide. */
export function renderChart(input: ChartInput, theme: Theme): string[] {
  const { years } = input;
  const all = [...input.lines.flatMap((l) => l.values.filter((v): v is number => v !== null && Number.isFinite(v))), ...input.markers.map((m) => m.value)];
  if (years.length < 2 || all.length === 0) return [theme.paint('muted', 'nothing to plot')];
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
  // Actual | forecast split, under everything else.
  const split = input.lastActual === null ? -1 : years.indexOf(input.lastActual);
  if (split >= 0 && split < years.length - 1) {
    const c = Math.round((colOf(split) + colOf(split + 1)) / 2);
    for (let r = 0; r <= rows; r += 1) put(r, c, theme.symbols.split, 'muted');
  }
  for (const m of input.markers) {
    const a = years.indexOf(m.fromYear);
    const b = years.indexOf(m.toYear);
    if (a < 0 || b < 0) continue;
    const r = rowOf(m.value);
    for (let c = colOf(a); c <= colOf(b); c += 1) put(r, c, a === b ? theme.symbols.target : theme.ascii ? '-' : '┄', m.token);
    if (a === b) put(r, colOf(a), theme.symbols.target, m.token);
  }
  for (const line of input.lines) {
    // Split into runs of consecutive known values; plot each run with asciichart.
    let run: { x: number; v: number }[] = [];
    const flush = (): void => {
      if (run.length === 1) put(rowOf(run[0]!.v), run[0]!.x, theme.symbols.point, line.token);
      if (run.length >= 2) {
        const xs = resample(run);
        const plot = asciichart.plot(xs, { min, max, height: height - 1, offset: 3, format: () => '  ', symbols: [...theme.symbols.chart] }) as string;
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
  }
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
    return `${theme.paint('muted', label)} ${theme.paint('muted', theme.ascii ? '|' : '┤')}${body}`;
  });
  // Year axis: a tick row and labels spaced so that they never touch.
  const axis = `${' '.repeat(labelWidth)} ${theme.ascii ? '+' : '└'}${(theme.ascii ? '-' : '─').repeat(plotWidth)}`;
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
  return [...out, theme.paint('muted', axis), theme.paint('muted', yearRow.join('').trimEnd())];
}
