/**
 * `auto`: choose a model per series by its own rolling-origin backtest, and calibrate the
 * chosen model's intervals from the same out-of-sample errors.
 */
import { backtest, backtestFits, summariseBacktest, type BacktestOptions, type BacktestResult, type BacktestSummary } from '../evaluate/backtest.js';
import { Z80, Z95, type TailWarp } from '../core/dist.js';
import { quantileSorted } from '../core/quantiles.js';
import { studentTQuantile } from '../core/student-t.js';
import { combineFitted } from './combination.js';
import type { Fitted, FitOptions, Model } from './model.js';
import { fallbackModel, findModel } from './registry.js';

/** Candidates `auto` compares; the log-scale variants are left out (they need y > 0 and add little on top of ar1). */
export const AUTO_CANDIDATES: readonly string[] = ['naive', 'drift', 'ets', 'damped', 'theta', 'ar1', 'combo'];

export interface CalibrationSettings {
  /**
   * Pseudo-count pulling each factor towards the previous horizon's (and 1) when there are few
   * backtest errors. Sensitivity on M1 yearly (auto, 80%/95% coverage): prior 1: 81.1/90.3,
   * 2: 80.6/89.0, 4: 79.5/88.4 (README, "Accuracy and speed").
   */
  readonly prior: number;
}
export const CALIBRATION: CalibrationSettings = { prior: 1 };

/** How a model's forecast distributions are widened: a spread factor per step, and a tail stretch. */
export interface Calibration {
  readonly factors: readonly number[];
  readonly tails: TailWarp;
}

export const NO_CALIBRATION = (h: number): Calibration => ({ factors: new Array<number>(h).fill(1), tails: { s80: 1, s95: 1 } });

/**
 * Calibration from backtest rows: the spread factors of calibrationFactors, widened for being
 * estimated (Student-t on the number of origins), then the tails. The scores rescaled by their horizon's factor, z/k_h, should have |z| quantiles Φ⁻¹(0.9) at 0.8
 * and Φ⁻¹(0.975) at 0.95; where they are larger (errors heavier-tailed than normal), the ratios,
 * shrunk towards 1 by the same prior, stretch the tails (TailWarp). Never narrows.
 */
export function calibrate(
  rows: readonly { readonly h: number; readonly z: number; readonly cutoff?: number }[],
  horizons: number,
  settings: CalibrationSettings = CALIBRATION,
): Calibration {
  const raw = calibrationFactors(rows, horizons, settings);
  // Each factor is an estimate, not a known scale: at horizon h it rests on the m_h origins
  // that have a forecast h steps ahead (errors from one origin at several horizons are strongly
  // correlated, so origins, not rows, count). A scale estimated from m errors gives a Student-t
  // predictive distribution; with the prior's pseudo-errors the degrees of freedom are
  // m_h + prior, so the factor is widened by t_{0.975, m_h + prior} / z_{0.975}; horizons past
  // the backtest keep the last count.
  let df = 0;
  const factors = raw.map((k, i) => {
    const m = new Set(rows.filter((r) => r.h === i + 1).map((r) => r.cutoff)).size;
    if (m > 0) df = m + settings.prior;
    return df > 0 ? k * (studentTQuantile(0.975, df) / Z95) : k;
  });
  const longest = factors.length;
  const scaled = rows
    .filter((r) => r.h <= longest)
    .map((r) => Math.abs(r.z) / factors[r.h - 1]!)
    .sort((a, b) => a - b);
  const m = scaled.length;
  if (m < 5) return { factors, tails: { s80: 1, s95: 1 } };
  const shrink = (ratio: number): number => Math.max(1, (m * ratio + settings.prior) / (m + settings.prior));
  const s80 = shrink(quantileSorted(scaled, 0.8) / Z80);
  const s95 = Math.max(s80, shrink(quantileSorted(scaled, 0.95) / Z95));
  return { factors, tails: { s80, s95 } };
}

/**
 * Interval calibration factors by horizon, from out-of-sample normal scores z (Φ⁻¹ of each
 * backtest forecast's CDF at the actual): if the forecast distributions were right, E[z²] = 1
 * at every horizon. On short annual series they are not: a model's own variance formula
 * ignores changes of trend, so errors grow faster with the horizon than it assumes (R's ets
 * covers 58% at 80% nominal on M1 yearly, less at long horizons). So, horizon by horizon,
 *   k_h² = max(k_{h−1}², (Σ_{rows at h} z² + prior·k_{h−1}²) / (m_h + prior)),  k_0 = 1,
 * a shrunken estimate of E[z²] at h that starts from the previous horizon's and never falls
 * (uncertainty does not shrink with the horizon); intervals are only ever widened (k ≥ 1).
 * Horizons beyond the backtest's longest keep its last factor.
 * @example calibrationFactors([{ h: 1, z: 2 }, { h: 1, z: -2 }], 2) // prior 1: k1 = sqrt((8 + 1) / (2 + 1)) = 1.732, k2 = k1
 */
export function calibrationFactors(
  rows: readonly { readonly h: number; readonly z: number }[],
  horizons: number,
  settings: CalibrationSettings = CALIBRATION,
): number[] {
  const out: number[] = [];
  let k2 = 1;
  for (let h = 1; h <= horizons; h += 1) {
    let ss = 0;
    let m = 0;
    for (const r of rows) {
      if (r.h === h) {
        ss += r.z * r.z;
        m += 1;
      }
    }
    if (m > 0) k2 = Math.max(k2, (ss + settings.prior * k2) / (m + settings.prior));
    out.push(Math.sqrt(k2));
  }
  return out;
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

/** Fewest backtest origins for `auto` to pick a single model rather than the combination. */
export const MIN_ORIGINS = 4;

export interface AutoChoice {
  readonly model: Model;
  readonly reason: string;
  readonly scores: readonly BacktestSummary[];
  readonly chosen: BacktestResult;
  /** Every candidate's backtest, for calibration pooled over candidates. */
  readonly all: readonly BacktestResult[];
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
        ? combineFitted(m.name, train.length, fitMembers(members, train))
        : m.fit(train, fit);
      cache.set(key, f);
    }
    return f;
  };
  // As combination.fit: a member that cannot be fitted at an origin is left out, not fatal.
  const fitMembers = (members: readonly Model[], train: readonly number[]): Fitted[] => {
    const fits: Fitted[] = [];
    for (const x of members) {
      if (train.length < x.minLength || (x.needsPositive && !train.every((v) => v > 0))) continue;
      try {
        fits.push(fitCached(x, train));
      } catch {
        // left out, as in combination.fit
      }
    }
    if (fits.length === 0) throw new RangeError('no member of the combination could be fitted');
    return fits;
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
    const fallback = fallbackModel(y.length);
    const flat = results.some((r) => r.rows.length > 0);
    return {
      model: fallback,
      reason: flat
        ? `MASE is undefined (the series does not change in its training windows); used ${fallback.name}`
        : `series too short to backtest (${y.length} points); used ${fallback.name}`,
      scores,
      chosen: { model: fallback.name, rows: [], failures: [] },
      all: results,
    };
  }
  const s = scores[best]!;
  // Choosing among seven models on a handful of out-of-sample errors mostly picks noise; below
  // MIN_ORIGINS origins the fixed combination is the safer choice (M3/M4: combinations are
  // hard to beat, and they do not depend on a noisy selection).
  const origins = new Set(results[best]!.rows.map((r) => r.cutoff)).size;
  const comboIndex = scores.findIndex((x) => x.model === 'combo');
  if (origins < MIN_ORIGINS && comboIndex >= 0 && scores[comboIndex]!.forecasts > 0 && best !== comboIndex) {
    const c = scores[comboIndex]!;
    return {
      model: findModel('combo')!,
      reason: `only ${origins} backtest origins, too few to choose among models (best was ${s.model}, MASE ${s.mase.toFixed(3)}); used the combination (MASE ${c.mase.toFixed(3)})`,
      scores,
      chosen: results[comboIndex]!,
      all: results,
    };
  }
  const runnerUp = scores.filter((_, i) => i !== best && scores[i]!.forecasts > 0).sort((a, b) => a.mase - b.mase)[0];
  return {
    model: findModel(s.model)!,
    reason: `lowest backtest MASE ${s.mase.toFixed(3)} over ${s.forecasts} out-of-sample forecasts${runnerUp ? ` (next: ${runnerUp.model} ${runnerUp.mase.toFixed(3)})` : ''}`,
    scores,
    chosen: results[best]!,
    all: results,
  };
}
