/** Plain-text tables for the text writers: fixed columns, right-aligned numbers, clipped to a width. */

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Longest the column may grow; longer cells end in '…'. */
  readonly max?: number;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Lays out rows under headers, two spaces between columns.
 * @example renderTable([{header:'A'},{header:'N',align:'right'}], [['x','1']]) // 'A  N\nx  1'
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) =>
    Math.min(c.max ?? Infinity, Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const w = widths[i]!;
        const s = clip(cell, w);
        return columns[i]!.align === 'right' ? s.padStart(w) : s.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
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

export { formatNumber } from '../report/format-number.js';
