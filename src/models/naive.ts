import { rootMeanSquare } from 'simple-statistics';
import { normal } from '../core/dist.js';
import type { Model } from './model.js';

/**
 * Naive: every forecast is the last value; a random walk, so the h-step variance is hσ²
 * with σ² the mean squared one-step change (R forecast::naive; FPP3 §5.2 and §5.5).
 * @example naive.fit([1, 2, 4]).forecastDists(1)[0] // normal(4, sqrt((1 + 4) / 2))
 */
export const naive: Model = {
  name: 'naive',
  label: 'last value carried forward (random walk)',
  minLength: 2,
  needsPositive: false,
  fit(y) {
    const n = y.length;
    if (n < 2) throw new RangeError(`naive requires at least 2 observations, got ${n}`);
    const sigma = rootMeanSquare(y.slice(1).map((v, t) => v - y[t]!));
    const last = y[n - 1]!;
    return {
      model: 'naive',
      n,
      fitted: [NaN, ...y.slice(0, -1)],
      params: {},
      sigma,
      aicc: null,
      forecastDists: (h) => Array.from({ length: h }, (_, i) => normal(last, sigma * Math.sqrt(i + 1))),
      samplePath: (h, z) => {
        const path: number[] = [];
        let level = last;
        for (let i = 1; i <= h; i += 1) path.push((level += sigma * z[i]!));
        return path;
      },
    };
  },
};
