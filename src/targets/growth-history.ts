import type { Dataset, Series } from '../core/types.js';

/**
 * One growth-rate history for a series id across the 2025 boundary change, never spliced
 * silently: each year says which basis its figure is on. A target on basis B uses B's own
 * figures and takes the other basis's only for years B lacks, listing them as bridged.
 */
export interface GrowthHistory {
  readonly id: string;
  readonly years: readonly number[];
  readonly values: readonly number[];
  readonly bases: readonly string[];
}

/**
 * The history of growth-rate series `id`: every year observed on any basis; where two bases
 * give the same year, `preferBasis` wins. Years on another basis than `preferBasis` are the
 * bridged ones (see bridgedYears). `bases` limits the history to one region's territories over
 * time (declared in series.json); other bases are other regions and are never bridged in.
 */
export function growthHistory(dataset: Dataset, id: string, preferBasis: string, bases?: readonly string[]): GrowthHistory | null {
  const parts = dataset.series.filter((s) => s.id === id && (!bases || bases.includes(s.basis)));
  if (parts.length === 0) return null;
  const byYear = new Map<number, { value: number; basis: string }>();
  const order = [...parts].sort((a: Series, b: Series) => (a.basis === preferBasis ? 1 : 0) - (b.basis === preferBasis ? 1 : 0));
  for (const s of order) s.years.forEach((y, i) => byYear.set(y, { value: s.values[i]!, basis: s.basis }));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return {
    id,
    years,
    values: years.map((y) => byYear.get(y)!.value),
    bases: years.map((y) => byYear.get(y)!.basis),
  };
}

/** "2025 (merged)" for every year of `h` in [from, to] that is not on `basis`. */
export function bridgedYears(h: GrowthHistory, basis: string, from: number, to: number): string[] {
  const out: string[] = [];
  h.years.forEach((y, i) => {
    if (y >= from && y <= to && h.bases[i] !== basis) out.push(`${y}: ${h.bases[i]} figure ${h.values[i]}% used for the ${basis} territory`);
  });
  return out;
}

/**
 * The bases one region's history runs through, as series.json declares them (Hai Phong's
 * pre-merger and merged): a basis the data set declares chains with the others it declares; any
 * other basis (a country in a panel file, a province) stands alone.
 */
export function basisChain(dataset: Dataset, basis: string): readonly string[] {
  const declared = Object.keys(dataset.info.bases);
  return declared.includes(basis) ? declared : [basis];
}
