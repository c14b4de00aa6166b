/** The backtest report: each model's rolling-origin accuracy on each series, with the rows. */
import type { Dataset, Series } from '../core/types.js';
import { backtest, summariseBacktest, type BacktestRow, type BacktestSummary } from '../evaluate/backtest.js';
import { latestRun } from '../models/forecast-series.js';
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
}

export function buildBacktestReport(dataset: Dataset, series: readonly Series[], request: BacktestRequest): BacktestReport {
  return {
    schemaVersion: 1,
    kind: 'backtest',
    tool: { name: 'targetcast', version: request.version },
    seed: DEFAULT_SEED,
    input: { file: dataset.file, sha256: dataset.hash },
    horizon: request.h,
    minTrain: request.minTrain,
    series: series.map((s) => {
      const run = latestRun(s);
      const models = request.models.map((name) => {
        const r = backtest(findModel(name)!, run.values, { h: request.h, minTrain: request.minTrain, firstYear: run.years[0], fit: { kind: s.meta?.kind } });
        return { ...summariseBacktest(r), rows: r.rows };
      });
      const ranked = models.filter((m) => Number.isFinite(m.mase)).sort((a, b) => a.mase - b.mase);
      return { key: s.key, id: s.id, basis: s.basis, models, best: ranked[0]?.model ?? null };
    }),
  };
}
