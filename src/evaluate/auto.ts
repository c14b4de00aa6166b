/**
 * `auto`: choose a model per series by its own rolling-origin backtest, and calibrate the
 * chosen model's intervals from the same out-of-sample errors.
 */
import { backtest, backtestFits, summariseBacktest, type BacktestOptions, type BacktestResult, type BacktestSummary } from '../evaluate/backtest.js';
import { Z80, Z95, type TailWarp } from '../core/dist.js';
import { quantileSorted } from '../core/quantiles.js';
import { studentTQuantile } from '../core/student-t.js';
import { combineFitted } from '../models/combination.js';
import type { Fitted, FitOptions, Model } from '../models/model.js';
import { fallbackModel, findModel } from '../models/registry.js';

/**
 * What `auto` weighs for one kind of series: a combination it uses by default, and single models
 * it backtests beside it (their scores are reported, and one stands in when the combination
 * cannot be backtested at all). Kept as data so that a kind of series (rates, shares) can have
 * its own set.
 */
export interface CandidateSet {
  readonly combination: string;
  readonly alternatives: readonly string[];
}

/** Level series (the default): the log-scale variants are left out (they need y > 0 and add little on top of ar1). */
export const LEVEL_CANDIDATES: CandidateSet = { combination: 'combo', alternatives: ['naive', 'drift', 'ets', 'damped', 'theta', 'ar1'] };

/**
 * Rates and shares revert to a mean: AR(1) around its mean, persistence held below 0.95 (ar1.ts),
 * never a log model or an unbounded random walk with drift. (Real output growth, which has a
 * panel of economies behind it, is judged by `local-mean` in the targets engine.)
 */
export const RATE_CANDIDATES: CandidateSet = { combination: 'ar1', alternatives: [] };

/** The candidate set for a series' kind (FitOptions.kind). */
export function candidatesFor(kind?: FitOptions['kind']): CandidateSet {
  return kind === 'rate' || kind === 'share' ? RATE_CANDIDATES : LEVEL_CANDIDATES;
}

/** Every model `auto` backtests for a level series, the combination last. */
export const AUTO_CANDIDATES: readonly string[] = [...LEVEL_CANDIDATES.alternatives, LEVEL_CANDIDATES.combination];

export interface CalibrationSettings {
  /**
   * Pseudo-count pulling each factor towards the previous horizon's (and 1) when there are few
   * backtest errors.
   */
  readonly prior: number;
  /**
   * Pseudo-count of origins pulling the tail stretch towards none (on the log scale): with o
   * origins the measured stretch r becomes r^(o / (o + tailPrior)). The shape of the tails rests
   * on a few dozen strongly correlated errors, so it is believed only in part. Set on M1 and
   * Tourism yearly together; auto's 80% / 95% coverage, M1 | Tourism: 6 → 77.1/93.0 | 82.1/96.0;
   * 7 → 77.7/93.0 | 82.5/96.0; 8 → 78.2/93.0 | 82.6/95.9 (README, "Accuracy and speed").
   */
  readonly tailPrior: number;
}
export const CALIBRATION: CalibrationSettings = { prior: 1, tailPrior: 7 };

/** How a model's forecast distributions are widened: a spread factor per step, and a tail stretch. */
export interface Calibration {
  readonly factors: readonly number[];
  readonly tails: TailWarp;
}

export const NO_CALIBRATION = (h: number): Calibration => ({ factors: new Array<number>(h).fill(1), tails: { s80: 1, s95: 1 } });

/**
 * Calibration from backtest rows: the spread factors of calibrationFactors, widened for being
 * estimated (Student-t on the number of origins), then the shape of the tails. The scores
 * rescaled by their horizon's factor, z/k_h, should have |z| quantiles Φ⁻¹(0.9) at 0.8 and
 * Φ⁻¹(0.975) at 0.95; their ratios to those, r80 and r95, shrunk towards 1 as
 * r^(o / (o + tailPrior)) for o origins, set the TailWarp. The 80% stretch may narrow (yearly
 * errors are often peaked with heavy tails: a normal wide enough at 95% is too wide at 80%); the
 * 95% one never does.
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
  const used = rows.filter((r) => r.h <= longest);
  const scaled = used.map((r) => Math.abs(r.z) / factors[r.h - 1]!).sort((a, b) => a - b);
  if (scaled.length < 5) return { factors, tails: { s80: 1, s95: 1 } };
  const origins = new Set(used.map((r) => r.cutoff)).size;
  const weight = origins / (origins + settings.tailPrior);
  const shrink = (ratio: number): number => Math.exp(weight * Math.log(Math.max(ratio, 1e-6)));
  const s80 = shrink(quantileSorted(scaled, 0.8) / Z80);
  // s95 ≥ s80 keeps the warp monotone (Z95·s95 > Z80·s80).
  const s95 = Math.max(1, s80, shrink(quantileSorted(scaled, 0.95) / Z95));
  return { factors, tails: { s80, s95 } };
}

/** Φ⁻¹(0.75): the median of |z| for a standard normal z. */
const Z_MEDIAN_ABS = 0.6744897501960817;

/**
 * Interval calibration factors by horizon, from out-of-sample normal scores z (Φ⁻¹ of each
 * backtest forecast's CDF at the actual): if the forecast distributions were right, |z| would
 * have median Φ⁻¹(0.75) at every horizon. On short annual series they are not: a model's own
 * variance formula ignores changes of trend, so errors grow faster with the horizon than it
 * assumes (R's ets covers 58% at 80% nominal on M1 yearly, less at long horizons). So, horizon
 * by horizon, with s_h = median |z| at h / Φ⁻¹(0.75) (a scale robust to the few huge errors
 * that dominate a mean of z² over a dozen origins; the tails are calibrate's business),
 *   k_h² = max(k_{h−1}², (m_h·s_h² + prior·k_{h−1}²) / (m_h + prior)),  k_0 = 1,
 * a shrunken estimate that starts from the previous horizon's and never falls (uncertainty
 * does not shrink with the horizon); intervals are only ever widened (k ≥ 1). Horizons beyond
 * the backtest's longest keep its last factor.
 * @example calibrationFactors([{ h: 1, z: 2 }, { h: 1, z: -2 }], 2) // prior 1: s = 2/0.6745 = 2.965, k1 = sqrt((2·8.792 + 1)/3) = 2.485, k2 = k1
 */
export function calibrationFactors(
  rows: readonly { readonly h: number; readonly z: number }[],
  horizons: number,
  settings: Pick<CalibrationSettings, 'prior'> = CALIBRATION,
): number[] {
  const out: number[] = [];
  let k2 = 1;
  for (let h = 1; h <= horizons; h += 1) {
    const abs = rows.filter((r) => r.h === h).map((r) => Math.abs(r.z)).sort((a, b) => a - b);
    const m = abs.length;
    if (m > 0) {
      const s = quantileSorted(abs, 0.5) / Z_MEDIAN_ABS;
      k2 = Math.max(k2, (m * s * s + settings.prior * k2) / (m + settings.prior));
    }
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

export interface AutoChoice {
  readonly model: Model;
  readonly reason: string;
  readonly scores: readonly BacktestSummary[];
  readonly chosen: BacktestResult;
  /**
   * The backtests whose errors calibrate the intervals: the chosen model's own. (Pooling the
   * errors of every candidate overshot: 88.1% at 80% nominal on Tourism yearly.)
   */
  readonly all: readonly BacktestResult[];
}

/**
 * Uses the candidate set's combination, and backtests the single alternatives beside it, whose
 * scores the reason reports. No rule for picking a single model on backtest evidence helped on
 * both M1 and Tourism yearly (README, "Accuracy and speed": even a model that beat the
 * combination at every one of ≥ 8 origins did worse on the held-out years of Tourism), so one is
 * used only when the combination has no backtest; when no candidate has one (too short a
 * series), falls back to drift and says so.
 */
export function chooseModel(y: readonly number[], settings: BacktestSettings): AutoChoice {
  const candidates = candidatesFor(settings.fit?.kind);
  // Fits are memoised per (model, training length): the combination reuses its members' fits.
  const cache = new Map<string, Fitted>();
  const fit: FitOptions = { ...settings.fit, cache: new Map() };
  const fitCached = (m: Model, train: readonly number[]): Fitted => {
    const key = `${m.name}:${train.length}`;
    let f = cache.get(key);
    if (!f) {
      const combined = m as Partial<{ members: readonly Model[]; trim: number }>;
      f = combined.members
        ? combineFitted(m.name, train.length, fitMembers(combined.members, train), combined.trim ?? 0)
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
  for (const name of [...candidates.alternatives, candidates.combination]) {
    const m = findModel(name);
    if (!m || y.length < m.minLength) continue;
    results.push(backtestFits(m.name, m.minLength, y, (train) => fitCached(m, train), backtestOptions(settings)));
  }
  const scores = results.map(summariseBacktest);
  const usable = (i: number): boolean => scores[i]!.forecasts > 0 && Number.isFinite(scores[i]!.mase);
  const byMase = scores.map((_, i) => i).filter(usable).sort((a, b) => scores[a]!.mase - scores[b]!.mase);
  const comboIndex = scores.findIndex((x) => x.model === candidates.combination);
  if (comboIndex >= 0 && usable(comboIndex)) {
    const c = scores[comboIndex]!;
    // For rates the set's default is one model (ar1), not a combination: say which.
    const chosen = findModel(candidates.combination)!;
    const what = 'members' in chosen ? 'the combination' : `the default for a ${settings.fit?.kind ?? 'level'} series`;
    const best = byMase.find((i) => i !== comboIndex);
    const single = best === undefined ? '' : ` (best single model in the backtest: ${scores[best]!.model} ${scores[best]!.mase.toFixed(3)}; a single model is not picked on a backtest this short)`;
    return {
      model: chosen,
      reason: `${what}, backtest MASE ${c.mase.toFixed(3)} over ${c.forecasts} out-of-sample forecasts${single}`,
      scores,
      chosen: results[comboIndex]!,
      all: [results[comboIndex]!],
    };
  }
  const best = byMase[0];
  if (best === undefined) {
    const fallback = fallbackModel(y.length);
    const flat = results.some((r) => r.rows.length > 0);
    return {
      model: fallback,
      reason: flat
        ? `MASE is undefined (the series does not change in its training windows); used ${fallback.name}`
        : `series too short to backtest (${y.length} points); used ${fallback.name}`,
      scores,
      chosen: { model: fallback.name, rows: [], failures: [] },
      all: [],
    };
  }
  const s = scores[best]!;
  return {
    model: findModel(s.model)!,
    reason: `the combination could not be backtested; ${s.model} has the lowest backtest MASE ${s.mase.toFixed(3)} over ${s.forecasts} out-of-sample forecasts`,
    scores,
    chosen: results[best]!,
    all: [results[best]!],
  };
}
