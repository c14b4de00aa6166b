import { mean, standardDeviation } from 'simple-statistics';
import { lognormal, normal, type Dist } from '../core/dist.js';
import { nelderMead } from '../core/nelder-mead.js';
import type { FitOptions, Fitted, Model } from './model.js';

/**
 * AR(1) with mean, x_t − μ = φ(x_{t−1} − μ) + e_t, fitted by exact Gaussian maximum likelihood
 * (Box, Jenkins & Reinsel; as R's Arima(order = c(1,0,0), method = "ML"); σ² = S/n).
 * h-step mean μ + φ^h (x_n − μ); variance σ² Σ_{j<h} φ^{2j} (FPP3 §9.8).
 */
export function fitAr1(x: readonly number[], maxPhi = 0.999): { mu: number; phi: number; sigma: number; loglik: number } {
  const n = x.length;
  const objective = ([mu, phi]: readonly number[]): number => {
    if (!(Math.abs(phi!) < maxPhi)) return Infinity;
    let s = (1 - phi! * phi!) * (x[0]! - mu!) ** 2;
    for (let t = 1; t < n; t += 1) s += (x[t]! - mu! - phi! * (x[t - 1]! - mu!)) ** 2;
    return n * Math.log(Math.max(s / n, 1e-300)) - Math.log(1 - phi! * phi!);
  };
  const m = mean(x);
  const sd = standardDeviation(x) || 1;
  let r = nelderMead(objective, [m, 0.3], { step: [sd * 0.5, 0.3], maxIterations: 1000 });
  const again = nelderMead(objective, r.x, { step: [sd * 0.1, 0.1], maxIterations: 1000 });
  if (again.value < r.value) r = again;
  const [mu, phi] = r.x as [number, number];
  let s = (1 - phi * phi) * (x[0]! - mu) ** 2;
  for (let t = 1; t < n; t += 1) s += (x[t]! - mu - phi * (x[t - 1]! - mu)) ** 2;
  const sigma2 = s / n;
  // A series the AR(1) fits exactly (σ² = 0) has an unbounded likelihood: floored as in the objective, so it stays a finite number.
  const loglik = -0.5 * (n * Math.log(2 * Math.PI * Math.max(sigma2, 1e-300)) - Math.log(1 - phi * phi) + n);
  return { mu, phi, sigma: Math.sqrt(sigma2), loglik };
}

/** Largest persistence ar1 allows a rate or share series: 1/√(1 − 0.95²) = 3.2. */
export const RATE_MAX_PHI = 0.95;

/**
 * The "stall" model: growth reverts to its long-run mean. For a rate or share series the
 * series itself is AR(1); for a positive level series its log growth rate is, and the level
 * is the last value compounded by the forecast growth (lognormal: the sum of AR(1) forecasts
 * is normal with variance σ² Σ_{j=1}^{h} (Σ_{k=0}^{h−j} φ^k)²).
 */
export const ar1: Model = {
  name: 'ar1',
  label: 'growth reverts to its long-run mean, AR(1) (the stall model)',
  minLength: 6,
  needsPositive: false,
  fit(y, options?: FitOptions): Fitted {
    const n = y.length;
    if (n < 6) throw new RangeError(`ar1 requires at least 6 observations, got ${n}`);
    const onRate = options?.kind === 'rate' || options?.kind === 'share';
    const logs = !onRate && y.every((v) => v > 0);
    if (onRate) {
      // A rate reverts to its mean: persistence is held below RATE_MAX_PHI, so the band converges
      // to the stationary ±z·σ/√(1 − φ²) ≤ ±z·3.2σ instead of widening like a random walk's (with
      // 10-40 annual points a φ above 0.95 cannot be told from a unit root anyway).
      const { mu, phi, sigma, loglik } = fitAr1(y, RATE_MAX_PHI);
      const last = y[n - 1]!;
      return {
        model: 'ar1',
        n,
        fitted: [NaN, ...y.slice(0, -1).map((v) => mu + phi * (v - mu))],
        params: { mean: mu, phi, loglik },
        sigma,
        aicc: null,
        forecastDists: (h) => {
          const out: Dist[] = [];
          let v = 0;
          for (let i = 1; i <= h; i += 1) {
            v += phi ** (2 * (i - 1));
            out.push(normal(mu + phi ** i * (last - mu), sigma * Math.sqrt(v)));
          }
          return out;
        },
        samplePath: (h, z) => {
          const path: number[] = [];
          let x = last;
          for (let i = 1; i <= h; i += 1) path.push((x = mu + phi * (x - mu) + sigma * z[i]!));
          return path;
        },
      };
    }
    const level = logs ? y.map(Math.log) : y.slice();
    const g = level.slice(1).map((v, i) => v - level[i]!);
    const { mu, phi, sigma, loglik } = fitAr1(g);
    const lastLevel = level[n - 1]!;
    const lastG = g[g.length - 1]!;
    const back = logs ? Math.exp : (v: number) => v;
    return {
      model: 'ar1',
      n,
      fitted: [NaN, NaN, ...g.slice(0, -1).map((gt, i) => back(level[i + 1]! + mu + phi * (gt - mu)))],
      params: { meanGrowth: mu, phi, loglik },
      sigma,
      aicc: null,
      forecastDists: (h) => {
        const out: Dist[] = [];
        let cum = lastLevel;
        for (let i = 1; i <= h; i += 1) {
          cum += mu + phi ** i * (lastG - mu);
          // Var(Σ_{i≤h} g_{n+i}) = σ² Σ_{j=1}^{h} (Σ_{k=0}^{h−j} φ^k)².
          let v = 0;
          for (let j = 1; j <= i; j += 1) {
            let w = 0;
            for (let k = 0; k <= i - j; k += 1) w += phi ** k;
            v += w * w;
          }
          out.push(logs ? lognormal(cum, sigma * Math.sqrt(v)) : normal(cum, sigma * Math.sqrt(v)));
        }
        return out;
      },
      samplePath: (h, z) => {
        const path: number[] = [];
        let gt = lastG;
        let lv = lastLevel;
        for (let i = 1; i <= h; i += 1) {
          gt = mu + phi * (gt - mu) + sigma * z[i]!;
          lv += gt;
          path.push(back(lv));
        }
        return path;
      },
    };
  },
};
