import type { Lang } from '../report/dashboard-report.js';
import { fill } from './strings.js';

/**
 * The bases a growth history runs through, as the header shows them, with the years the tool
 * derived (status 'derived': a pro-forma of the parts, core/types.ts) set apart from published
 * figures on the same basis: "A ≤2017 + pro-forma B 2018-2024 + B 2025". The first run is given
 * up to its last year, later runs by their years; one run is just its basis.
 * @example describeHistoryBases([{ year: 2017, basis: 'a' }, { year: 2018, basis: 'b' }, { year: 2019, basis: 'b' }], (y) => y === 2018, 'en') // "a ≤2017 + pro-forma b 2018 + b 2019"
 */
export function describeHistoryBases(
  history: readonly { readonly year: number; readonly basis: string }[],
  isDerived: (year: number, basis: string) => boolean,
  lang: Lang,
): string {
  const runs: { label: string; first: number; last: number }[] = [];
  for (const h of history) {
    const basis = h.basis || '(no basis)';
    const label = isDerived(h.year, h.basis) ? fill('proFormaBasis', lang, { basis }) : basis;
    const run = runs[runs.length - 1];
    if (run && run.label === label) run.last = h.year;
    else runs.push({ label, first: h.year, last: h.year });
  }
  if (runs.length <= 1) return runs[0]?.label ?? '(no basis)';
  return runs.map((r, i) => `${r.label} ${i === 0 ? `≤${r.last}` : r.first === r.last ? r.first : `${r.first}-${r.last}`}`).join(' + ');
}
