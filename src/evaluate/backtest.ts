/**
 * Rolling-origin evaluation with an expanding window (Tashman 2000; FPP3 §5.10): for every
 * origin with at least `minTrain` points, fit on y[0..origin) and forecast horizons 1..h that
 * fall inside the data. Rows carry the cutoff (the last training year), like statsforecast's
 * cross_validation. A fit that fails at one origin is recorded, not thrown.
 */
import { mean } from 'simple-statistics';
import { distZScore } from '../core/dist.js';
import { forecastFitted } from '../models/forecast.js';
import type { FitOptions, Fitted, Model } from '../models/model.js';
import { mase } from './mase.js';
import { smape } from './smape.js';

export interface BacktestRow {
  /** Last year in the training window. */
  readonly cutoff: number;
  readonly h: number;
  readonly year: number;
  readonly actual: number;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
  /** Φ⁻¹ of the forecast CDF at the actual (the normal score of the PIT), clipped to ±5. */
  readonly z: number;
  /** MASE scale: mean absolute one-step change of the training window. */
  readonly scale: number;
}

export interface BacktestOptions {
  readonly h: number;
  readonly minTrain: number;
  /** Year of y[0]; cutoffs and years are reported in years. */
  readonly firstYear?: number;
  readonly fit?: FitOptions;
  /** Use at most this many origins, the latest ones (bounds the cost on long series). */
  readonly maxOrigins?: number;
}

export interface BacktestResult {
  readonly model: string;
  readonly rows: readonly BacktestRow[];
  readonly failures: readonly { readonly cutoff: number; readonly message: string }[];
}

export function backtest(model: Model, y: readonly number[], options: BacktestOptions): BacktestResult {
  return backtestFits(model.name, model.minLength, y, (train) => model.fit(train, options.fit), options);
}

/**
 * The same over a fitting function, so that several candidates can share fits made at one
 * origin (a combination reuses its members' fits instead of fitting them again).
 */
export function backtestFits(
  name: string,
  minLength: number,
  y: readonly number[],
  fitAt: (train: readonly number[]) => Fitted,
  options: BacktestOptions,
): BacktestResult {
  const rows: BacktestRow[] = [];
  const failures: { cutoff: number; message: string }[] = [];
  const first = options.firstYear ?? 0;
  const n = y.length;
  const start = Math.max(options.minTrain, minLength, 2, options.maxOrigins ? n - options.maxOrigins : 0);
  for (let origin = start; origin < n; origin += 1) {
    const train = y.slice(0, origin);
    const cutoff = first + origin - 1;
    const scale = mean(train.slice(1).map((v, t) => Math.abs(v - train[t]!)));
    try {
      const fitted = fitAt(train);
      const h = Math.min(options.h, n - origin);
      const fc = forecastFitted(fitted, { h });
      if (fc.steps.some((s) => !Number.isFinite(s.mean) || !Number.isFinite(s.lo95) || !Number.isFinite(s.hi95))) {
        throw new RangeError('forecast is not finite');
      }
      fc.steps.forEach((s, i) => {
        const actual = y[origin + i]!;
        const z = Math.max(-5, Math.min(5, distZScore(fc.dists[i]!, actual)));
        rows.push({ cutoff, h: s.step, year: cutoff + s.step, actual, mean: s.mean, lo80: s.lo80, hi80: s.hi80, lo95: s.lo95, hi95: s.hi95, z, scale });
      });
    } catch (e) {
      failures.push({ cutoff, message: (e as Error).message });
    }
  }
  return { model: name, rows, failures };
}

export interface BacktestSummary {
  readonly model: string;
  readonly forecasts: number;
  readonly smape: number;
  readonly mase: number;
  /** Percent of actuals inside the 80% / 95% intervals. */
  readonly coverage80: number;
  readonly coverage95: number;
  readonly failures: number;
}

/** Averages a backtest's rows: sMAPE, MASE (each row scaled by its own training window), coverage. */
export function summariseBacktest(result: BacktestResult): BacktestSummary {
  const r = result.rows;
  if (r.length === 0) {
    return { model: result.model, forecasts: 0, smape: NaN, mase: NaN, coverage80: NaN, coverage95: NaN, failures: result.failures.length };
  }
  const scaled = r.filter((row) => row.scale > 0).map((row) => Math.abs(row.actual - row.mean) / row.scale);
  const inside = (lo: number, hi: number, x: number): number => (x >= lo && x <= hi ? 100 : 0);
  return {
    model: result.model,
    forecasts: r.length,
    smape: smape(r.map((x) => x.actual), r.map((x) => x.mean)),
    mase: scaled.length > 0 ? mean(scaled) : NaN,
    coverage80: mean(r.map((x) => inside(x.lo80, x.hi80, x.actual))),
    coverage95: mean(r.map((x) => inside(x.lo95, x.hi95, x.actual))),
    failures: result.failures.length,
  };
}

// Re-exported so callers that score a held-out test set use the same definitions.
export { mase, smape };
