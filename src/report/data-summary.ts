import type { Dataset, Series, Status } from '../core/types.js';

/** What `targetcast data` reports: per series, its coverage, its last value and how it is sourced. */
export interface SeriesSummary {
  readonly key: string;
  readonly id: string;
  readonly basis: string;
  readonly name: string | null;
  readonly nameVi: string | null;
  readonly unit: string | null;
  readonly kind: string | null;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly count: number;
  /** Years between first and last with no observation (gaps stay gaps). */
  readonly missingYears: readonly number[];
  readonly lastValue: number;
  readonly lastStatus: Status | null;
  /** Number of distinct sources cited by this series' observations. */
  readonly sources: number;
  /** Observations without a source. */
  readonly unsourced: number;
}

export interface DataSummary {
  readonly schemaVersion: 1;
  readonly kind: 'data';
  readonly dataset: {
    readonly id: string;
    readonly name: string;
    readonly nameVi: string;
    readonly file: string;
    readonly sha256: string;
    readonly observations: number;
    readonly sources: number;
  };
  /** What each basis means (from the data set's metadata), e.g. pre-merger → old Hai Phong. */
  readonly bases: Readonly<Record<string, string>>;
  readonly series: readonly SeriesSummary[];
  readonly warnings: readonly string[];
}

/** Splits a `source` field that cites several URLs (separated by ' ; ' or whitespace). */
export function sourceList(source: string | undefined): string[] {
  if (!source) return [];
  return source.split(/\s*;\s*|\s+/).filter((s) => s !== '');
}

export function missingYears(series: Pick<Series, 'years'>): number[] {
  const out: number[] = [];
  const ys = series.years;
  for (let i = 1; i < ys.length; i += 1) {
    for (let y = ys[i - 1]! + 1; y < ys[i]!; y += 1) out.push(y);
  }
  return out;
}

function summarise(s: Series): SeriesSummary {
  const sources = new Set(s.observations.flatMap((o) => sourceList(o.source)));
  const last = s.observations[s.observations.length - 1]!;
  return {
    key: s.key,
    id: s.id,
    basis: s.basis,
    name: s.meta?.nameEn ?? null,
    nameVi: s.meta?.nameVi ?? null,
    unit: s.meta?.unit ?? last.unit ?? null,
    kind: s.meta?.kind ?? null,
    firstYear: s.years[0]!,
    lastYear: last.year,
    count: s.years.length,
    missingYears: missingYears(s),
    lastValue: last.value,
    lastStatus: last.status ?? null,
    sources: sources.size,
    unsourced: s.observations.filter((o) => !o.source).length,
  };
}

/** Builds the data summary both shells print. Pure. */
export function buildDataSummary(dataset: Dataset): DataSummary {
  const all = new Set(dataset.series.flatMap((s) => s.observations.flatMap((o) => sourceList(o.source))));
  return {
    schemaVersion: 1,
    kind: 'data',
    dataset: {
      id: dataset.info.id,
      name: dataset.info.nameEn,
      nameVi: dataset.info.nameVi,
      file: dataset.file,
      sha256: dataset.hash,
      observations: dataset.series.reduce((n, s) => n + s.years.length, 0),
      sources: all.size,
    },
    bases: dataset.info.bases,
    series: dataset.series.map(summarise).sort((a, b) => a.key.localeCompare(b.key)),
    warnings: dataset.warnings,
  };
}
