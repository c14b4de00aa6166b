import type { Dataset } from '../core/types.js';

/** A figure computed from shipped observations, with the rows it came from. */
export interface DerivedFigure {
  readonly year: number;
  readonly value: number;
  readonly unit: string;
  readonly basis: string;
  readonly derivation: string;
}

/** The observed value of series `id` in `year` on `basis`, if any. */
export function observedValue(dataset: Dataset, id: string, year: number, basis: string): number | undefined {
  const s = dataset.series.find((x) => x.id === id && x.basis === basis);
  const i = s?.years.indexOf(year) ?? -1;
  return i >= 0 ? s!.values[i] : undefined;
}

/**
 * VND per US$ implied by a year's GRDP reported both in VND (grdp_nominal, trillion VND) and in
 * US$ (grdp_nominal_usd, billion US$): 1000 · VND trillion / US$ billion.
 */
export function impliedExchangeRate(dataset: Dataset, year: number, basis: string): DerivedFigure | null {
  const vnd = observedValue(dataset, 'grdp_nominal', year, basis);
  const usd = observedValue(dataset, 'grdp_nominal_usd', year, basis);
  if (vnd === undefined || usd === undefined) return null;
  return {
    year,
    basis,
    value: (1000 * vnd) / usd,
    unit: 'VND per USD',
    derivation: `grdp_nominal ${year} (${vnd} trillion VND) / grdp_nominal_usd ${year} (${usd} billion USD)`,
  };
}

/**
 * GRDP per capita in US$: grdp_per_capita_mvnd (million VND) at the rate implied by the same
 * year's GRDP in VND and US$. For 2025 (merged): 194.5 million VND / (734.42 trillion / 29.4
 * billion) = US$7,786.
 */
export function perCapitaUsd(dataset: Dataset, year: number, basis: string): DerivedFigure | null {
  const rate = impliedExchangeRate(dataset, year, basis);
  const mvnd = observedValue(dataset, 'grdp_per_capita_mvnd', year, basis);
  if (!rate || mvnd === undefined) {
    const direct = observedValue(dataset, 'grdp_per_capita_usd', year, basis);
    return direct === undefined ? null : { year, basis, value: direct, unit: 'USD per person', derivation: `grdp_per_capita_usd ${year} as published` };
  }
  return {
    year,
    basis,
    value: (mvnd * 1e6) / rate.value,
    unit: 'USD per person',
    derivation: `grdp_per_capita_mvnd ${year} (${mvnd} million VND) at ${rate.value.toFixed(0)} VND/USD (${rate.derivation})`,
  };
}

/** The latest year for which perCapitaUsd can be derived on `basis`. */
export function latestPerCapitaUsd(dataset: Dataset, basis: string): DerivedFigure | null {
  const years = new Set<number>();
  for (const s of dataset.series) if ((s.id === 'grdp_per_capita_mvnd' || s.id === 'grdp_per_capita_usd') && s.basis === basis) s.years.forEach((y) => years.add(y));
  for (const y of [...years].sort((a, b) => b - a)) {
    const f = perCapitaUsd(dataset, y, basis);
    if (f) return f;
  }
  return null;
}
