/** The backtest report: each model's rolling-origin accuracy on each series, with the rows. */
import type { Dataset, Series } from '../core/types.js';
import { backtest, summariseBacktest, type BacktestRow, type BacktestSummary } from '../evaluate/backtest.js';
import { latestRun } from '../evaluate/forecast-series.js';
import { findModel } from '../models/registry.js';
import type { Provenance } from './forecast-report.js';
import { DEFAULT_SEED } from '../models/forecast.js';

export interface SeriesBacktest {
  readonly key: string;
  readonly id: string;
  readonly basis: string;
  readonly models: readonly (BacktestSummary & { readonly rows: readonly BacktestRow[] })[];
  /** Model with the lowest MASE, or null when none could be backtested. */
  readonly best: string | null;
}

export interface BacktestReport extends Provenance {
  readonly schemaVersion: 1;
  readonly kind: 'backtest';
  readonly horizon: number;
  readonly minTrain: number;
  readonly series: readonly SeriesBacktest[];
}

export interface BacktestRequest {
  readonly models: readonly string[];
  readonly h: number;
  readonly minTrain: number;
  readonly version: string;
  /** At most this many origins, the latest (default MAX_BACKTEST_ORIGINS): cost stays linear in long series. */
  readonly maxOrigins?: number;
}

/**
 * Origins a backtest uses at most, the latest ones: a 401-year series has 395 possible origins, and
 * fitting every model at each is quadratic in the length; the latest 30 say how a model does on
 * the recent past, which is what a forecast from today rests on.
 */
export const MAX_BACKTEST_ORIGINS = 30;

/** The report without its series (written first when the series are streamed). */
export function backtestHeader(dataset: Dataset, request: BacktestRequest): Omit<BacktestReport, 'series'> {
  return {
    schemaVersion: 1,
    kind: 'backtest',
    tool: { name: 'targetcast', version: request.version },
    seed: DEFAULT_SEED,
    input: { file: dataset.file, sha256: dataset.hash },
    horizon: request.h,
    minTrain: request.minTrain,
  };
}

/** One series' backtest: every model's rolling-origin accuracy and rows. */
export function backtestEntry(s: Series, request: BacktestRequest): SeriesBacktest {
  const run = latestRun(s);
  const models = request.models.map((name) => {
    const r = backtest(findModel(name)!, run.values, {
      h: request.h,
      minTrain: request.minTrain,
      maxOrigins: request.maxOrigins ?? MAX_BACKTEST_ORIGINS,
      firstYear: run.years[0],
      fit: { kind: s.meta?.kind },
    });
    return { ...summariseBacktest(r), rows: r.rows };
  });
  const ranked = models.filter((m) => Number.isFinite(m.mase)).sort((a, b) => a.mase - b.mase);
  return { key: s.key, id: s.id, basis: s.basis, models, best: ranked[0]?.model ?? null };
}

export function buildBacktestReport(dataset: Dataset, series: readonly Series[], request: BacktestRequest): BacktestReport {
  return { ...backtestHeader(dataset, request), series: series.map((x) => backtestEntry(x, request)) };
}
