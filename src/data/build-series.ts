import type { Observation, Series, SeriesMeta } from '../core/types.js';

/**
 * Groups observations into Series: one per (series id, basis), years ascending. A series id
 * with observations in several bases (e.g. `pre-merger` to 2024 and `merged` from 2025) becomes
 * several Series keyed `id@basis`, so that no two territories are ever spliced silently.
 */
export function buildSeries(
  observations: readonly Observation[],
  metadata: ReadonlyMap<string, SeriesMeta>,
): Series[] {
  const groups = new Map<string, Map<string, Observation[]>>();
  for (const o of observations) {
    let byBasis = groups.get(o.series);
    if (!byBasis) groups.set(o.series, (byBasis = new Map()));
    let list = byBasis.get(o.basis);
    if (!list) byBasis.set(o.basis, (list = []));
    list.push(o);
  }
  const out: Series[] = [];
  for (const [id, byBasis] of groups) {
    const several = byBasis.size > 1;
    for (const [basis, list] of byBasis) {
      list.sort((a, b) => a.year - b.year);
      out.push({
        id,
        basis,
        key: several && basis !== '' ? `${id}@${basis}` : id,
        meta: metadata.get(id),
        years: list.map((o) => o.year),
        values: list.map((o) => o.value),
        observations: list,
      });
    }
  }
  return out;
}

/**
 * Finds the series a user asked for: an exact key (`id` or `id@basis`), or every basis of an id.
 * @example selectSeries(all, ['grdp_growth_real']) // the pre-merger and merged parts, if both exist
 */
export function selectSeries(all: readonly Series[], wanted: readonly string[]): { found: Series[]; unknown: string[] } {
  const found: Series[] = [];
  const unknown: string[] = [];
  for (const w of wanted) {
    const hits = all.filter((s) => s.key === w || s.id === w);
    if (hits.length === 0) unknown.push(w);
    for (const h of hits) if (!found.includes(h)) found.push(h);
  }
  return { found, unknown };
}
