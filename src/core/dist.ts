/**
 * Forecast distributions for one step ahead. Intervals and probabilities are read off the
 * distribution, never stored separately (the fable design: O'Hara-Wild, Hyndman & Wang,
 * fabletools `distributional`).
 * - normal: additive-error models.
 * - lognormal: models fitted on logs; exp of a normal, so the median is exp(mu).
 * - average: quantile averaging of several distributions (Lichtendahl, Grushka-Cockayne &
 *   Winkler 2013, "Is it better to average probabilities or quantiles?"), used by combinations.
 */
import { normalCdf, normalQuantile } from './normal.js';

export type Dist =
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly type: 'average'; readonly parts: readonly Dist[] }
  | { readonly type: 'warped'; readonly base: Dist; readonly tails: TailWarp };

/**
 * A symmetric, monotone stretch of the standard normal score: |z| is mapped piecewise-linearly
 * through (z80, z80·s80) and (z95, z95·s95), z80 = Φ⁻¹(0.9), z95 = Φ⁻¹(0.975), and continues
 * with the last slope. s80 = s95 = 1 is the identity. Lets calibration fatten the tails of a
 * forecast distribution where out-of-sample errors are heavier-tailed than normal.
 */
export interface TailWarp {
  readonly s80: number;
  readonly s95: number;
}
/** Φ⁻¹(0.9) and Φ⁻¹(0.975): the half-widths of the 80% and 95% normal intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

export function warpZ(t: TailWarp, z: number): number {
  const a = Math.abs(z);
  const y80 = Z80 * t.s80;
  const y95 = Z95 * t.s95;
  const w = a <= Z80 ? a * t.s80 : a <= Z95 ? y80 + ((a - Z80) * (y95 - y80)) / (Z95 - Z80) : y95 + ((a - Z95) * (y95 - y80)) / (Z95 - Z80);
  return z < 0 ? -w : w;
}

export function unwarpZ(t: TailWarp, w: number): number {
  const a = Math.abs(w);
  const y80 = Z80 * t.s80;
  const y95 = Z95 * t.s95;
  const z = a <= y80 ? a / t.s80 : a <= y95 ? Z80 + ((a - y80) * (Z95 - Z80)) / (y95 - y80) : Z95 + ((a - y95) * (Z95 - Z80)) / (y95 - y80);
  return w < 0 ? -z : z;
}

export const warped = (base: Dist, tails: TailWarp): Dist =>
  tails.s80 === 1 && tails.s95 === 1 ? base : { type: 'warped', base, tails };

export const normal = (mean: number, sd: number): Dist => ({ type: 'normal', mean, sd: Math.max(0, sd) });
export const lognormal = (mu: number, sigma: number): Dist => ({ type: 'lognormal', mu, sigma: Math.max(0, sigma) });

/** E[X]. For a lognormal, exp(mu + sigma²/2). */
export function distMean(d: Dist): number {
  switch (d.type) {
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'average':
      return d.parts.reduce((s, p) => s + distMean(p), 0) / d.parts.length;
    case 'warped':
      // Exact for a symmetric base; for a lognormal base the stretch moves the mean slightly.
      return distMean(d.base);
  }
}

/**
 * The point forecast: the mean of a normal, the median exp(mu) of a lognormal (R forecast's
 * default back-transform without biasadj; the lognormal mean exp(mu + sigma²/2) explodes when
 * sigma is large at long horizons), and the average of the members' points for a combination.
 */
export function distPoint(d: Dist): number {
  switch (d.type) {
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu);
    case 'average':
      return d.parts.reduce((s, p) => s + distPoint(p), 0) / d.parts.length;
    case 'warped':
      return distPoint(d.base);
  }
}

/** The p-quantile, 0 < p < 1. */
export function distQuantile(d: Dist, p: number): number {
  return distFromZ(d, normalQuantile(p));
}

/**
 * The standard normal score of x: z such that x is the distribution's Φ(z)-quantile. Every
 * distribution here is a monotone transform of one standard normal (distFromZ), so for an
 * average the score is found by bisection on z, without any quantile function.
 */
export function distZScore(d: Dist, x: number): number {
  switch (d.type) {
    case 'normal':
      if (d.sd === 0) return x > d.mean ? Infinity : x < d.mean ? -Infinity : 0;
      return (x - d.mean) / d.sd;
    case 'lognormal':
      if (x <= 0) return -Infinity;
      if (d.sigma === 0) return Math.log(x) > d.mu ? Infinity : Math.log(x) < d.mu ? -Infinity : 0;
      return (Math.log(x) - d.mu) / d.sigma;
    case 'average': {
      let lo = -12;
      let hi = 12;
      if (distFromZ(d, lo) >= x) return -Infinity;
      if (distFromZ(d, hi) <= x) return Infinity;
      for (let i = 0; i < 50; i += 1) {
        const mid = (lo + hi) / 2;
        if (distFromZ(d, mid) < x) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
    case 'warped':
      return unwarpZ(d.tails, distZScore(d.base, x));
  }
}

/** P(X ≤ x). */
export function distCdf(d: Dist, x: number): number {
  return normalCdf(distZScore(d, x));
}

/** Widens (k > 1) a distribution about its centre: sd, or sigma on the log scale. */
export function scaleDist(d: Dist, k: number): Dist {
  switch (d.type) {
    case 'normal':
      return normal(d.mean, d.sd * k);
    case 'lognormal':
      return lognormal(d.mu, d.sigma * k);
    case 'average':
      return { type: 'average', parts: d.parts.map((p) => scaleDist(p, k)) };
    case 'warped':
      return { type: 'warped', base: scaleDist(d.base, k), tails: d.tails };
  }
}

/** The central interval at `level` percent, e.g. 80 → [q(0.1), q(0.9)]. */
export function distInterval(d: Dist, level: number): [number, number] {
  const a = (1 - level / 100) / 2;
  return [distQuantile(d, a), distQuantile(d, 1 - a)];
}

/** A draw from the distribution, given a standard normal z (so draws can share z across models). */
export function distFromZ(d: Dist, z: number): number {
  switch (d.type) {
    case 'normal':
      return d.mean + d.sd * z;
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * z);
    case 'average':
      return d.parts.reduce((s, p) => s + distFromZ(p, z), 0) / d.parts.length;
    case 'warped':
      return distFromZ(d.base, warpZ(d.tails, z));
  }
}
