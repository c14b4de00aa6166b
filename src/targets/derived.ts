import type { Dataset, SeriesRole } from '../core/types.js';
import { unitBase, unitScale } from '../core/units.js';

/** A figure computed from shipped observations, with the rows it came from. */
export interface DerivedFigure {
  readonly year: number;
  readonly value: number;
  readonly unit: string;
  readonly basis: string;
  readonly derivation: string;
  /** Which reading of per capita it is (see PerCapitaReading), for per-capita figures. */
  readonly reading?: PerCapitaReading;
}

/**
 * Two readings of GDP per capita: as published (the per_capita_local role), or GDP over the
 * population (gdp_nominal / population). They differ where the published per-capita figure and the
 * published population do not fit together (Hai Phong 2025: 194.5 million VND implies 3.78 million
 * people; the city gives 4.1 million).
 */
export type PerCapitaReading = 'published' | 'population';

/** The observed value of series `id` in `year` on `basis`, if any. */
export function observedValue(dataset: Dataset, id: string, year: number, basis: string): number | undefined {
  const s = dataset.series.find((x) => x.id === id && x.basis === basis);
  const i = s?.years.indexOf(year) ?? -1;
  return i >= 0 ? s!.values[i] : undefined;
}

/** The series id that plays `role` in this data set (series.json `roles`), if one is declared. */
export function roleSeries(dataset: Dataset, role: SeriesRole): string | undefined {
  return dataset.info.roles?.[role];
}

/** The unit series `id` is stated in (series.json), '' when it has no metadata. */
export function unitOf(dataset: Dataset, id: string): string {
  return dataset.series.find((x) => x.id === id && x.meta)?.meta?.unit ?? '';
}

/** The value of the series playing `role` in `year` on `basis`, in single units (its scale word applied). */
export function roleValue(dataset: Dataset, role: SeriesRole, year: number, basis: string): { readonly id: string; readonly value: number; readonly raw: number; readonly unit: string } | null {
  const id = roleSeries(dataset, role);
  if (!id) return null;
  const raw = observedValue(dataset, id, year, basis);
  if (raw === undefined) return null;
  const unit = unitOf(dataset, id);
  return { id, raw, unit, value: raw * unitScale(unit) };
}

/**
 * Local currency per US$ implied by a year's GDP reported both in local currency (role
 * gdp_nominal) and in US$ (role gdp_nominal_usd). Hai Phong 2025: 734.42 trillion VND / 29.4
 * billion US$ = 24,980 VND per US$.
 */
export function impliedExchangeRate(dataset: Dataset, year: number, basis: string): DerivedFigure | null {
  const local = roleValue(dataset, 'gdp_nominal', year, basis);
  const usd = roleValue(dataset, 'gdp_nominal_usd', year, basis);
  if (!local || !usd) return null;
  return {
    year,
    basis,
    value: local.value / usd.value,
    unit: `${unitBase(local.unit)} per USD`,
    derivation: `${local.id} ${year} (${local.raw} ${local.unit}) / ${usd.id} ${year} (${usd.raw} ${usd.unit})`,
  };
}

/**
 * GDP per capita in US$: the local-currency figure (role per_capita_local) at the rate implied by
 * the same year's GDP in local currency and US$; else the published US$ figure (role
 * per_capita_usd). Hai Phong 2025 (merged): 194.5 million VND / (734.42 trillion / 29.4 billion)
 * = US$7,786.
 */
export function perCapitaUsd(dataset: Dataset, year: number, basis: string, reading: PerCapitaReading = 'published'): DerivedFigure | null {
  const rate = impliedExchangeRate(dataset, year, basis);
  if (reading === 'population') {
    const gdp = roleValue(dataset, 'gdp_nominal', year, basis);
    const pop = roleValue(dataset, 'population', year, basis);
    if (!rate || !gdp || !pop || pop.value <= 0) return null;
    return {
      year,
      basis,
      reading,
      value: gdp.value / pop.value / rate.value,
      unit: 'USD per person',
      derivation: `${gdp.id} ${year} (${gdp.raw} ${gdp.unit}) / ${pop.id} ${year} (${pop.raw} ${pop.unit}) at ${rate.value.toFixed(0)} ${rate.unit}`,
    };
  }
  const local = roleValue(dataset, 'per_capita_local', year, basis);
  if (!rate || !local) {
    const direct = roleValue(dataset, 'per_capita_usd', year, basis);
    return direct === null ? null : { year, basis, reading, value: direct.value, unit: 'USD per person', derivation: `${direct.id} ${year} as published` };
  }
  return {
    year,
    basis,
    reading,
    value: local.value / rate.value,
    unit: 'USD per person',
    derivation: `${local.id} ${year} (${local.raw} ${local.unit}) at ${rate.value.toFixed(0)} ${rate.unit} (${rate.derivation})`,
  };
}

/** The latest year for which perCapitaUsd can be derived on `basis`. */
export function latestPerCapitaUsd(dataset: Dataset, basis: string, reading: PerCapitaReading = 'published'): DerivedFigure | null {
  const roles = reading === 'population' ? (['population'] as const) : (['per_capita_local', 'per_capita_usd'] as const);
  const ids = new Set(roles.map((r) => roleSeries(dataset, r)).filter((x): x is string => x !== undefined));
  const years = new Set<number>();
  for (const s of dataset.series) if (ids.has(s.id) && s.basis === basis) s.years.forEach((y) => years.add(y));
  for (const y of [...years].sort((a, b) => b - a)) {
    const f = perCapitaUsd(dataset, y, basis, reading);
    if (f) return f;
  }
  return null;
}

/** The other reading of per capita in the same year, where the data give it. */
export function otherPerCapitaReading(dataset: Dataset, figure: DerivedFigure): DerivedFigure | null {
  return perCapitaUsd(dataset, figure.year, figure.basis, figure.reading === 'population' ? 'published' : 'population');
}
