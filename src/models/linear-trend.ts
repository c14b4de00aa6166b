import { linearRegression, sum, sumNthPowerDeviations } from 'simple-statistics';
import { normal } from '../core/dist.js';
import { studentTQuantile } from '../core/student-t.js';
import { normalQuantile } from '../core/normal.js';
import { onLogScale, type Model } from './model.js';

/**
 * Linear trend y_t = a + b·t + e_t by least squares, with the regression prediction interval
 * se² = σ²(1 + 1/n + (t − t̄)²/Sxx) on n − 2 degrees of freedom (R forecast(tslm(y ~ trend));
 * FPP3 §7.6). The t quantile is folded into a normal of the same interval width at 95%, so the
 * distribution stays normal; the 80% interval is then slightly wider than R's (never narrower).
 */
export const linearTrend: Model = {
  name: 'linear',
  label: 'straight-line trend through all years (least squares)',
  minLength: 4,
  needsPositive: false,
  fit(y) {
    const n = y.length;
    if (n < 4) throw new RangeError(`linear requires at least 4 observations, got ${n}`);
    const t = y.map((_, i) => i);
    const { m: b, b: a } = linearRegression(y.map((v, i) => [i, v]));
    const sigma = Math.sqrt(sum(y.map((v, i) => (v - a - b * i) ** 2)) / (n - 2));
    const xbar = (n - 1) / 2;
    const sxx = sumNthPowerDeviations(t, 2);
    const inflate = studentTQuantile(0.975, n - 2) / normalQuantile(0.975);
    const sdAt = (t: number): number => sigma * Math.sqrt(1 + 1 / n + (t - xbar) ** 2 / sxx) * inflate;
    // The estimated line's own error, common to every year of a path (drawn once from z[0]).
    const lineSd = (t: number): number => sigma * Math.sqrt(1 / n + (t - xbar) ** 2 / sxx) * inflate;
    return {
      model: 'linear',
      n,
      fitted: y.map((_, t) => a + b * t),
      params: { intercept: a, slope: b },
      sigma,
      aicc: null,
      forecastDists: (h) => Array.from({ length: h }, (_, i) => normal(a + b * (n + i), sdAt(n + i))),
      samplePath: (h, z) => Array.from({ length: h }, (_, i) => a + b * (n + i) + lineSd(n + i) * z[0]! + sigma * inflate * z[i + 1]!),
    };
  },
};

/** Log-linear trend: constant percentage growth, log y_t = a + b·t (FPP3 §7.7). */
export const logLinearTrend: Model = onLogScale(linearTrend, 'loglinear', 'constant-growth trend (straight line on logs)');
