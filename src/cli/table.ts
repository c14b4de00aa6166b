/** Plain-text tables for the text writers: fixed columns, right-aligned numbers, clipped to a width. */
import { toAscii } from '../tui/theme.js';
import type { Io } from './io.js';

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /**
   * Longest the column may grow; longer cells end in '…'. With a width (renderTable's options),
   * the narrowest it is cut to when the table must fit: it keeps its full width where there is room.
   */
  readonly max?: number;
  /** Where a long cell is cut: at its end (default), or in the middle, for ids that differ only at the end. */
  readonly cut?: 'end' | 'middle';
}

export interface TableOptions {
  /** Fit the table to this many columns, cutting only the columns with a max and only as far as needed; Infinity: never cut. */
  readonly width?: number;
  /** ASCII only: every cell goes through toAscii before the columns are measured (so they stay aligned), and a cut cell ends in '...'. */
  readonly ascii?: boolean;
}

const length = (s: string): number => [...s].length;

function clip(s: string, max: number, ellipsis = '…', cut: 'end' | 'middle' = 'end'): string {
  if (length(s) <= max) return s;
  const chars = [...s];
  const keep = Math.max(0, max - length(ellipsis));
  if (cut === 'end') return `${chars.slice(0, keep).join('')}${ellipsis}`;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}${ellipsis}${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** Column widths: each column's widest cell, then, if the table is wider than `width`, the widest cuttable column shrunk first. */
function fitWidths(columns: readonly Column[], natural: readonly number[], width: number): number[] {
  const widths = [...natural];
  const floor = columns.map((c, i) => Math.min(natural[i]!, Math.max(length(c.header), c.max ?? Infinity)));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > floor[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = Math.max(floor[widest]!, widths[widest]! - (total() - width));
  }
  return widths;
}

/**
 * Lays out rows under headers, two spaces between columns.
 * @example renderTable([{header:'A'},{header:'N',align:'right'}], [['x','1']]) // 'A  N\nx  1'
 */
export function renderTable(columns: readonly Column[], cells: readonly (readonly string[])[], options: TableOptions = {}): string {
  const text = options.ascii ? toAscii : (s: string): string => s;
  const ellipsis = options.ascii ? '...' : '…';
  const rows = cells.map((r) => r.map(text));
  const natural = columns.map((c, i) => Math.max(length(c.header), ...rows.map((r) => length(r[i] ?? ''))));
  const widths = options.width === undefined ? natural.map((n, i) => Math.min(columns[i]!.max ?? Infinity, n)) : fitWidths(columns, natural, options.width);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const w = widths[i]!;
        const s = clip(cell, w, ellipsis, columns[i]!.cut);
        const pad = ' '.repeat(Math.max(0, w - length(s)));
        return columns[i]!.align === 'right' ? pad + s : s + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => text(c.header))), ...rows.map(line)].join('\n');
}

/** Word-wraps text to `width` columns (long words stay whole). */
export function wrap(text: string, width = 80): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line !== '' && [...line].length + 1 + [...word].length > width) {
        out.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * How a text report reaches stdout: unchanged, or through the one ASCII mapping (tui/theme.ts)
 * under TERM=dumb or --ascii. JSON and CSV are data and keep their UTF-8.
 */
export function textWriter(io: Io, flags: Readonly<Record<string, unknown>>): (text: string) => string {
  return asciiWanted(io, flags) ? toAscii : (text) => text;
}

/** TERM=dumb or --ascii: text output in ASCII only. */
export function asciiWanted(io: Io, flags: Readonly<Record<string, unknown>>): boolean {
  return io.env.TERM === 'dumb' || flags.ascii === true;
}

export { formatNumber } from '../report/format-number.js';
