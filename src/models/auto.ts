/**
 * `auto`: choose a model per series by its own rolling-origin backtest, and calibrate the
 * chosen model's intervals from the same out-of-sample errors.
 */
import { backtest, backtestFits, summariseBacktest, type BacktestOptions, type BacktestResult, type BacktestSummary } from '../evaluate/backtest.js';
import { combineFitted } from './combination.js';
import type { Fitted, FitOptions, Model } from './model.js';
import { findModel } from './registry.js';

/** Candidates `auto` compares; the log-scale variants are left out (they need y > 0 and add little on top of ar1). */
export const AUTO_CANDIDATES: readonly string[] = ['naive', 'drift', 'ets', 'damped', 'theta', 'ar1', 'combo'];

export interface CalibrationSettings {
  /** Pseudo-count pulling the factor towards 1 when there are few backtest errors. */
  readonly prior: number;
}
export const CALIBRATION: CalibrationSettings = { prior: 8 };

/**
 * Interval calibration factor from out-of-sample normal scores z (Φ⁻¹ of the forecast CDF at the
 * actual): if the distributions were right, E[z²] = 1. k² = (Σz² + prior) / (m + prior), a
 * shrunken estimate of E[z²]; intervals are only ever widened (k ≥ 1), since yearly intervals
 * are known to be too narrow (Makridakis et al.; M1 coverage of R's ets is 58% at 80% nominal).
 * @example calibrationFactor([2, -2, 2, -2]) // sqrt((16 + 8) / (4 + 8)) = 1.414…
 */
export function calibrationFactor(z: readonly number[], settings: CalibrationSettings = CALIBRATION): number {
  let ss = 0;
  for (const v of z) ss += v * v;
  const k2 = (ss + settings.prior) / (z.length + settings.prior);
  return Math.max(1, Math.sqrt(k2));
}

export interface BacktestSettings {
  readonly h: number;
  readonly fit?: FitOptions;
  readonly firstYear?: number;
}

/** The backtest used both to choose and to calibrate: origins from 6 points, at most the latest 12. */
function backtestOptions(settings: BacktestSettings): BacktestOptions {
  return { h: settings.h, minTrain: 6, maxOrigins: 12, fit: settings.fit, firstYear: settings.firstYear };
}

export function evaluateModel(model: Model, y: readonly number[], settings: BacktestSettings): BacktestResult {
  return backtest(model, y, backtestOptions(settings));
}

export interface AutoChoice {
  readonly model: Model;
  readonly reason: string;
  readonly scores: readonly BacktestSummary[];
  readonly chosen: BacktestResult;
}

/**
 * Picks the candidate with the lowest backtest MASE. When no candidate has a backtest (too
 * short a series), falls back to drift and says so.
 */
export function chooseModel(y: readonly number[], settings: BacktestSettings): AutoChoice {
  // Fits are memoised per (model, training length): the combination reuses its members' fits.
  const cache = new Map<string, Fitted>();
  const fit: FitOptions = { ...settings.fit, cache: new Map() };
  const fitCached = (m: Model, train: readonly number[]): Fitted => {
    const key = `${m.name}:${train.length}`;
    let f = cache.get(key);
    if (!f) {
      const members = (m as Partial<{ members: readonly Model[] }>).members;
      f = members
        ? combineFitted(m.name, train.length, members.filter((x) => train.length >= x.minLength).map((x) => fitCached(x, train)))
        : m.fit(train, fit);
      cache.set(key, f);
    }
    return f;
  };
  const results: BacktestResult[] = [];
  for (const name of AUTO_CANDIDATES) {
    const m = findModel(name)!;
    if (y.length < m.minLength) continue;
    results.push(backtestFits(m.name, m.minLength, y, (train) => fitCached(m, train), backtestOptions(settings)));
  }
  const scores = results.map(summariseBacktest);
  let best = -1;
  scores.forEach((s, i) => {
    if (s.forecasts > 0 && Number.isFinite(s.mase) && (best < 0 || s.mase < scores[best]!.mase)) best = i;
  });
  if (best < 0) {
    const fallback = findModel(y.length >= 3 ? 'drift' : 'naive')!;
    return {
      model: fallback,
      reason: `series too short to backtest (${y.length} points); used ${fallback.name}`,
      scores,
      chosen: { model: fallback.name, rows: [], failures: [] },
    };
  }
  const s = scores[best]!;
  const runnerUp = scores.filter((_, i) => i !== best && scores[i]!.forecasts > 0).sort((a, b) => a.mase - b.mase)[0];
  return {
    model: findModel(s.model)!,
    reason: `lowest backtest MASE ${s.mase.toFixed(3)} over ${s.forecasts} out-of-sample forecasts${runnerUp ? ` (next: ${runnerUp.model} ${runnerUp.mase.toFixed(3)})` : ''}`,
    scores,
    chosen: results[best]!,
  };
}
