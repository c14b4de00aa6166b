import { ar1 } from './ar1.js';
import { combination } from './combination.js';
import { drift } from './drift.js';
import { damped, dampedLog, ets, etsLog, holt, holtLog, ses } from './ets.js';
import { PANEL_GROWTH_PRIOR } from './growth-prior.js';
import { linearTrend, logLinearTrend } from './linear-trend.js';
import { localMean } from './local-mean.js';
import type { Model } from './model.js';
import { naive } from './naive.js';
import { theta } from './theta.js';

/**
 * The combination of the strongest single models for short annual series: a random walk with
 * drift, damped trend, Theta and growth-reverting AR(1). Fixed in advance, equal weights, and
 * the median (the mean of the middle two at each step): the mean let one member that
 * extrapolates wildly (ar1 compounding a huge early growth rate) drag it along. Median vs mean,
 * sMAPE / MASE: M1 yearly 16.96 / 3.470 vs 18.04 / 4.956; Tourism yearly 20.59 / 2.703 vs
 * 20.99 / 2.744 (README, "Accuracy and speed").
 */
export const combo = combination('combo', 'median of drift, damped, theta and ar1', [drift, damped, theta, ar1], { trim: 1 });

/** Real output growth reverting to the panel's long-run mean (the targets engine's growth model). */
export const growthModel = localMean(PANEL_GROWTH_PRIOR);

/** Every model by name, in the order help and comparisons list them. */
export const MODELS: readonly Model[] = [
  naive,
  drift,
  linearTrend,
  logLinearTrend,
  ses,
  holt,
  damped,
  ets,
  holtLog,
  dampedLog,
  etsLog,
  ar1,
  theta,
  combo,
  growthModel,
];

export const MODEL_NAMES: readonly string[] = [...MODELS.map((m) => m.name), 'auto'];

/** The visible fallback for a series too short (or unsuited) for the model asked: drift, or naive below 3 points. */
export function fallbackModel(n: number): Model {
  return n >= 3 ? drift : naive;
}

export function findModel(name: string): Model | undefined {
  return MODELS.find((m) => m.name === name);
}
