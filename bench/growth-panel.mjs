// The Penn World Table growth panel as histories for the growth prior: each economy's latest run
// of consecutive years up to a cut-off year. Shared by bench/make-growth-prior.mjs (the shipped
// prior, all years) and bench/verdict.mjs (a prior per window, from years before its future only).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PWT_FILE = fileURLToPath(new URL('./data/pwt-growth-1951-2011.csv', import.meta.url));
export const PWT_SOURCE = 'Penn World Table 9.1 real GDP growth (rgdpna), Feenstra, Inklaar & Timmer (2015), AER 105(10); www.ggdc.net/pwt';

/** Map<code, Map<year, growth %>> from the long file (series,year,value,unit,basis). */
export function readPanel(file = PWT_FILE) {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  const [iy, iv, ib] = ['year', 'value', 'basis'].map((c) => cols.indexOf(c));
  const panel = new Map();
  for (const row of rows) {
    const f = row.split(',');
    if (!panel.has(f[ib])) panel.set(f[ib], new Map());
    panel.get(f[ib]).set(Number(f[iy]), Number(f[iv]));
  }
  return panel;
}

/** Each economy's latest run of consecutive years ending at or before `lastYear`. */
export function panelHistories(panel, lastYear = Infinity) {
  const out = [];
  for (const byYear of panel.values()) {
    const years = [...byYear.keys()].filter((y) => y <= lastYear).sort((a, b) => a - b);
    let start = years.length - 1;
    while (start > 0 && years[start - 1] === years[start] - 1) start -= 1;
    out.push(years.slice(start).map((y) => byYear.get(y)));
  }
  return out;
}
