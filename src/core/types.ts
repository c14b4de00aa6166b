/** Plain data types shared by every layer. No behaviour lives here. */

/** How sure a figure is: a statistics office release, an official's or secondary figure, or a pre-closing one. */
/** 'derived': computed by the tool (a pro-forma, never in a shipped file: STATUSES is what a file may say). */
export type Status = 'official' | 'estimate' | 'preliminary' | 'derived';
export const STATUSES: readonly Status[] = ['official', 'estimate', 'preliminary'];

/** One annual observation as read from a long CSV row. */
export interface Observation {
  readonly series: string;
  readonly year: number;
  readonly value: number;
  readonly unit?: string;
  /** Territory or price basis, e.g. `pre-merger` or `merged`; '' when the file has none. */
  readonly basis: string;
  readonly status?: Status;
  readonly source?: string;
  readonly sourceDate?: string;
  readonly note?: string;
  /** Line in the input file (header = 1), for messages. */
  readonly line: number;
}

export type SeriesKind = 'level' | 'rate' | 'share';
export type PriceBasis = 'current' | 'constant-2010' | 'none';

/** Series metadata from series.json beside the CSV. */
export interface SeriesMeta {
  readonly id: string;
  readonly nameEn: string;
  readonly nameVi: string;
  readonly unit: string;
  readonly kind: SeriesKind;
  readonly priceBasis: PriceBasis;
  readonly description: string;
}

/**
 * One series as every layer above the data adapter sees it: observed years in ascending
 * order with their values. Missing years are simply absent from `years`; nothing is filled.
 */
export interface Series {
  readonly id: string;
  /** The basis all observations share; a series id with several bases loads as several Series. */
  readonly basis: string;
  /** `id`, or `id@basis` when the id has observations in more than one basis. Unique in a Dataset. */
  readonly key: string;
  readonly meta?: SeriesMeta;
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** Per observation, aligned with `years`. */
  readonly observations: readonly Observation[];
}

export interface DatasetInfo {
  readonly id: string;
  readonly nameEn: string;
  readonly nameVi: string;
  readonly description: string;
  readonly bases: Readonly<Record<string, string>>;
  /**
   * The region's real growth series, which scenarios act on (series.json `growth_series`); when
   * absent, the series the targets file's growth targets name.
   */
  readonly growthSeries?: string;
  /** The basis the future is on (series.json `current_basis`); when absent, the growth series' latest. */
  readonly currentBasis?: string;
  /** Which series plays each part beyond growth (series.json `roles`); an absent role is not available. */
  readonly roles?: Readonly<Partial<Record<SeriesRole, string>>>;
}

/**
 * The parts a series can play for the engine (series.json `roles`): nominal GDP in local currency
 * and in US$, per capita in both, total investment, labour force, employment.
 */
export const SERIES_ROLES = ['gdp_nominal', 'gdp_nominal_usd', 'per_capita_local', 'per_capita_usd', 'investment', 'labour_force', 'employed', 'population'] as const;
export type SeriesRole = (typeof SERIES_ROLES)[number];

/** A loaded data set: what the engine forecasts, plus what makes a report reproducible. */
export interface Dataset {
  readonly info: DatasetInfo;
  /** The observations file as given by the user (for messages and reports). */
  readonly file: string;
  /** sha256 of the observations file's bytes, hex. */
  readonly hash: string;
  readonly series: readonly Series[];
  /** Non-fatal problems (e.g. a series without metadata), one line each. */
  readonly warnings: readonly string[];
  /** Other observations files loaded with this one (a region's `include`), with their hashes. */
  readonly included?: readonly { readonly file: string; readonly sha256: string }[];
}
