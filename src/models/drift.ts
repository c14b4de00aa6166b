import { mean, sampleStandardDeviation } from 'simple-statistics';
import { normal } from '../core/dist.js';
import type { Model } from './model.js';

/**
 * Random walk with drift: y_{n+h} = y_n + h·b, b the mean one-step change. The h-step variance
 * adds the uncertainty of b: σ²h + (h·se(b))², σ the sample sd of the n − 1 changes (n − 2 df)
 * and se(b) = σ/√(n-1) (R forecast::rwf(drift = TRUE) via lagwalk; FPP3 §5.5).
 */
export const drift: Model = {
  name: 'drift',
  label: 'random walk with drift (average past change continues)',
  minLength: 3,
  needsPositive: false,
  fit(y) {
    const n = y.length;
    if (n < 3) throw new RangeError(`drift requires at least 3 observations, got ${n}`);
    const m = n - 1;
    const changes = y.slice(1).map((v, t) => v - y[t]!);
    const b = mean(changes);
    const sigma = sampleStandardDeviation(changes);
    const se = sigma / Math.sqrt(m);
    const last = y[n - 1]!;
    return {
      model: 'drift',
      n,
      fitted: [NaN, ...y.slice(0, -1).map((v) => v + b)],
      params: { drift: b, driftSe: se },
      sigma,
      aicc: null,
      forecastDists: (h) =>
        Array.from({ length: h }, (_, i) => {
          const k = i + 1;
          return normal(last + k * b, Math.sqrt(sigma * sigma * k + (k * se) ** 2));
        }),
      samplePath: (h, z) => {
        const bPath = b + se * z[0]!;
        const path: number[] = [];
        let level = last;
        for (let i = 1; i <= h; i += 1) path.push((level += bPath + sigma * z[i]!));
        return path;
      },
    };
  },
};
