/**
 * The generic "plan" scenario: the official growth path read off the region's own growth targets
 * (annual targets year by year, average targets over their periods), for a region that ships no
 * plan of its own. Uncertainty around the path is the baseline forecast's, as in any path scenario.
 */
import type { Scenario } from '../scenarios/types.js';
import type { Target } from '../targets/types.js';

/**
 * @returns null when no growth target of the region's growth series and current basis covers a
 * year from `firstYear` on
 * @example planFromTargets([{ kind: 'annual-growth', year: 2026, value: 13, … }], 'gdp_growth', '', 2026) // path { 2026: 13 }, after 13
 */
export function planFromTargets(targets: readonly Target[], growthSeries: string, basis: string, firstYear: number): Scenario | null {
  const own = targets.filter((t) => !t.proxy && t.series === growthSeries && (t.basis === basis || t.basis === '') && (t.kind === 'annual-growth' || t.kind === 'average-growth'));
  const path = new Map<number, { value: number; from: string; span: number }>();
  for (const t of own) {
    const [a, b] = t.kind === 'annual-growth' ? [t.year!, t.year!] : t.period!;
    for (let y = Math.max(a, firstYear); y <= b; y++) {
      const span = b - a;
      const before = path.get(y);
      // An annual target beats an average one; a shorter period beats a longer one; then the later-listed.
      if (!before || span <= before.span) path.set(y, { value: t.value, from: t.id, span });
    }
  }
  if (path.size === 0) return null;
  const years = [...path.keys()].sort((x, y) => x - y);
  const last = path.get(years[years.length - 1]!)!;
  const sources = [...new Set(years.map((y) => path.get(y)!.from))];
  return {
    name: 'plan',
    description: `The official path from the region's growth targets (${sources.join(', ')}): ${years.map((y) => `${y} ${path.get(y)!.value}%`).join(', ')}; ${last.value}% a year after that. Uncertainty around the path is the baseline forecast's.`,
    growth: { mode: 'path', path: Object.fromEntries(years.map((y) => [String(y), path.get(y)!.value])), after: last.value },
    shocks: {},
    investment: null,
    assumptions: {},
  };
}
