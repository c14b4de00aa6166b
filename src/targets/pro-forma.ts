/**
 * A pro-forma history for a merged territory: its real growth in the years before the merger,
 * computed from its parts' real growth weighted by their shares of nominal output (the series
 * playing the gdp_nominal role). Derived by the tool, never shipped: every value says so (status
 * 'derived') and carries its method and inputs.
 *
 * Growth of a sum is the share-weighted growth of its parts: g = Σ w_i g_i with w_i part i's share
 * of the total in the year before (exact at constant relative prices). Shares are read where both
 * parts report nominal output, linearly interpolated between such years and held constant beyond
 * the first and last.
 */
import type { Dataset, Observation, Series } from '../core/types.js';
import { observedValue, roleSeries } from './derived.js';

export interface ProFormaSpec {
  /** The merged territory's basis (e.g. the basis the future is on). */
  readonly basis: string;
  /** The bases of the parts it was made of. */
  readonly parts: readonly string[];
}

export interface ProForma {
  readonly series: Series;
  /** Share of each part at each anchor year, for the method note. */
  readonly anchors: readonly { readonly year: number; readonly shares: readonly number[] }[];
  readonly method: string;
}

/** Share of each part in `year`, interpolated between anchors (constant beyond them). */
function sharesAt(anchors: ProForma['anchors'], year: number): readonly number[] {
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (year <= first.year) return first.shares;
  if (year >= last.year) return last.shares;
  const hi = anchors.findIndex((a) => a.year >= year);
  const a = anchors[hi - 1]!;
  const b = anchors[hi]!;
  const t = (year - a.year) / (b.year - a.year);
  return a.shares.map((s, i) => s + t * (b.shares[i]! - s));
}

/**
 * The pro-forma growth series of `spec.basis` for every year before its own first figure in which
 * every part has a growth figure; null when the parts' nominal output never shows in one year.
 */
export function proFormaGrowth(dataset: Dataset, growthId: string, spec: ProFormaSpec): ProForma | null {
  const nominalId = roleSeries(dataset, 'gdp_nominal');
  if (!nominalId || spec.parts.length < 2) return null;
  const parts = spec.parts.map((b) => dataset.series.find((s) => s.id === growthId && s.basis === b));
  if (parts.some((p) => !p)) return null;
  const own = dataset.series.find((s) => s.id === growthId && s.basis === spec.basis);
  const firstOwn = own ? own.years[0]! : Number.POSITIVE_INFINITY;
  const nominalYears = [...new Set(dataset.series.filter((s) => s.id === nominalId && spec.parts.includes(s.basis)).flatMap((s) => s.years))].sort((a, b) => a - b);
  const anchors = nominalYears
    .map((year) => ({ year, levels: spec.parts.map((b) => observedValue(dataset, nominalId, year, b)) }))
    .filter((a) => a.levels.every((v) => v !== undefined && v > 0))
    .map((a) => {
      const total = (a.levels as number[]).reduce((x, y) => x + y, 0);
      return { year: a.year, shares: (a.levels as number[]).map((v) => v / total) };
    });
  if (anchors.length === 0) return null;
  const years = [...new Set(parts.flatMap((p) => p!.years))].filter((y) => y < firstOwn && parts.every((p) => p!.years.includes(y))).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const anchorText = anchors.map((a) => `${a.year} ${a.shares.map((s, i) => `${spec.parts[i]} ${(100 * s).toFixed(1)}%`).join(', ')}`).join('; ');
  const method = `pro-forma ${spec.basis}: ${spec.parts.join(' + ')} real growth weighted by the previous year's shares of ${nominalId} (${anchorText}; interpolated between those years, constant beyond)`;
  const observations: Observation[] = years.map((year) => {
    const w = sharesAt(anchors, year - 1);
    const gs = parts.map((p) => p!.values[p!.years.indexOf(year)]!);
    const value = Math.round(1e4 * gs.reduce((acc, g, i) => acc + w[i]! * g, 0)) / 1e4;
    return {
      series: growthId,
      year,
      value,
      basis: spec.basis,
      status: 'derived',
      source: 'computed by targetcast',
      note: `${gs.map((g, i) => `${spec.parts[i]} ${g}% × ${w[i]!.toFixed(3)}`).join(' + ')} (${method})`,
      line: 0,
    };
  });
  const meta = (own ?? parts[0]!).meta;
  return {
    anchors,
    method,
    series: { id: growthId, basis: spec.basis, key: own?.key ?? `${growthId}@${spec.basis}`, meta, years, values: observations.map((o) => o.value), observations },
  };
}

/** The data set with the pro-forma years joined to the merged territory's own series (derived rows first). */
export function withProForma(dataset: Dataset, growthId: string, spec: ProFormaSpec): { dataset: Dataset; proForma: ProForma | null } {
  const pf = proFormaGrowth(dataset, growthId, spec);
  if (!pf) return { dataset, proForma: null };
  const own = dataset.series.find((s) => s.id === growthId && s.basis === spec.basis);
  const joined: Series = own
    ? { ...own, years: [...pf.series.years, ...own.years], values: [...pf.series.values, ...own.values], observations: [...pf.series.observations, ...own.observations] }
    : pf.series;
  return { dataset: { ...dataset, series: own ? dataset.series.map((s) => (s === own ? joined : s)) : [...dataset.series, joined] }, proForma: pf };
}
