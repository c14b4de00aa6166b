/**
 * The forecast report: what `targetcast forecast` prints and the dashboard draws. Plain data,
 * built once; every writer (JSON, CSV, text, Ink) only formats it. A series that cannot be
 * forecast becomes a recorded failure; the others still run.
 */
import { TargetcastError } from '../core/errors.js';
import type { Dataset, Series } from '../core/types.js';
import type { BacktestSummary } from '../evaluate/backtest.js';
import type { TailWarp } from '../core/dist.js';
import { DEFAULT_SEED } from '../models/forecast.js';
import { forecastSeries, type SeriesForecast, type YearStep } from '../evaluate/forecast-series.js';

export const FORECAST_SCHEMA_VERSION = 1;

export interface ReportInput {
  readonly file: string;
  readonly sha256: string;
  /** Other observations files loaded with it (a region profile's `include`). */
  readonly included?: readonly { readonly file: string; readonly sha256: string }[];
}

/** What makes a report reproducible: the tool version, the seed and a hash of the input. */
export interface Provenance {
  readonly tool: { readonly name: 'targetcast'; readonly version: string };
  readonly seed: number;
  readonly input: ReportInput;
}

export interface SeriesForecastEntry {
  readonly id: string;
  readonly key: string;
  readonly basis: string;
  readonly name: string | null;
  readonly unit: string | null;
  readonly model: string;
  readonly requested: string;
  readonly reason: string | null;
  readonly fallback: boolean;
  readonly fittedYears: SeriesForecast['fittedYears'];
  readonly excludedYears: readonly number[];
  readonly params: Readonly<Record<string, number>>;
  readonly calibration: { readonly factors: readonly number[]; readonly tails: TailWarp };
  readonly backtest: BacktestSummary | null;
  readonly history: readonly { readonly year: number; readonly value: number }[];
  readonly forecast: readonly YearStep[];
}

export interface SeriesFailure {
  readonly key: string;
  readonly error: { readonly type: string; readonly message: string };
}

export interface ForecastReport extends Provenance {
  readonly schemaVersion: typeof FORECAST_SCHEMA_VERSION;
  readonly kind: 'forecast';
  readonly model: string;
  readonly horizon: { readonly steps: number | null; readonly toYear: number | null };
  readonly series: readonly SeriesForecastEntry[];
  readonly failures: readonly SeriesFailure[];
}

export interface ForecastRequest {
  readonly model: string;
  /** Steps ahead, or (when null) forecast each series up to `toYear`. */
  readonly steps: number | null;
  readonly toYear: number | null;
  readonly seed?: number;
  readonly version: string;
  readonly onProgress?: (done: number, total: number) => void;
}

function entry(series: Series, fc: SeriesForecast): SeriesForecastEntry {
  return {
    id: series.id,
    key: series.key,
    basis: series.basis,
    name: series.meta?.nameEn ?? null,
    unit: series.meta?.unit ?? series.observations[0]?.unit ?? null,
    model: fc.model,
    requested: fc.requested,
    reason: fc.reason,
    fallback: fc.fallback,
    fittedYears: fc.fittedYears,
    excludedYears: fc.excludedYears,
    params: fc.params,
    calibration: fc.calibration,
    backtest: fc.backtest,
    history: series.years.map((year, i) => ({ year, value: series.values[i]! })),
    forecast: fc.forecast,
  };
}

/** Steps needed to reach `toYear` from a series' last year (at least 1). */
export function stepsTo(series: Series, toYear: number): number {
  return Math.max(1, toYear - series.years[series.years.length - 1]!);
}

/** The report without its series: what is known before any series is forecast. */
export type ForecastHeader = Omit<ForecastReport, 'series' | 'failures'>;

export function forecastHeader(dataset: Dataset, request: ForecastRequest): ForecastHeader {
  return {
    schemaVersion: FORECAST_SCHEMA_VERSION,
    kind: 'forecast',
    tool: { name: 'targetcast', version: request.version },
    seed: request.seed ?? DEFAULT_SEED,
    input: { file: dataset.file, sha256: dataset.hash },
    model: request.model,
    horizon: { steps: request.steps, toYear: request.toYear },
  };
}

/**
 * Forecasts series one at a time, yielding each entry or failure as it is made, so that a
 * caller can write it out at once and memory stays bounded however many series there are.
 */
export function* forecastEntries(series: readonly Series[], request: ForecastRequest): Generator<{ entry: SeriesForecastEntry } | { failure: SeriesFailure }> {
  const seed = request.seed ?? DEFAULT_SEED;
  for (let i = 0; i < series.length; i += 1) {
    const s = series[i]!;
    const h = request.steps ?? stepsTo(s, request.toYear!);
    try {
      yield { entry: entry(s, forecastSeries(s, { model: request.model, h, seed })) };
    } catch (e) {
      const type = e instanceof TargetcastError ? e.type : 'model';
      yield { failure: { key: s.key, error: { type, message: (e as Error).message } } };
    }
    request.onProgress?.(i + 1, series.length);
  }
}

export function buildForecastReport(dataset: Dataset, series: readonly Series[], request: ForecastRequest): ForecastReport {
  const out: SeriesForecastEntry[] = [];
  const failures: SeriesFailure[] = [];
  for (const r of forecastEntries(series, request)) {
    if ('entry' in r) out.push(r.entry);
    else failures.push(r.failure);
  }
  return { ...forecastHeader(dataset, request), series: out, failures };
}
