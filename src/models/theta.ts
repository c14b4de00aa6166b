import { linearRegression } from 'simple-statistics';
import { normal } from '../core/dist.js';
import { fitEtsCached } from './ets.js';
import type { Model } from './model.js';

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in Hyndman & Billah's (2003) form, as
 * R forecast::thetaf for annual data: simple exponential smoothing plus a drift of half the
 * least-squares slope, b/2 · (h − 1 + (1 − (1 − α)^n)/α); se_h = σ √(1 + (h − 1)α²).
 */
export const theta: Model = {
  name: 'theta',
  label: 'Theta method: smoothed level plus half the long-run slope',
  minLength: 4,
  needsPositive: false,
  fit(y, options) {
    const n = y.length;
    if (n < 4) throw new RangeError(`theta requires at least 4 observations, got ${n}`);
    const sesFit = fitEtsCached(y, 'N', options);
    const alpha = Math.max(1e-10, sesFit.params.alpha!);
    const slope = linearRegression(y.map((v, t) => [t, v])).m / 2;
    const base = sesFit.forecastDists(1)[0]!;
    const level = base.type === 'normal' ? base.mean : NaN;
    const sigma = sesFit.sigma;
    const offset = (1 - (1 - alpha) ** n) / alpha;
    const meanAt = (i: number): number => level + slope * (i + offset); // i = h - 1
    return {
      model: 'theta',
      n,
      fitted: sesFit.fitted,
      params: { alpha, drift: slope },
      sigma,
      aicc: null,
      forecastDists: (h) => Array.from({ length: h }, (_, i) => normal(meanAt(i), sigma * Math.sqrt(1 + i * alpha * alpha))),
      samplePath: (h, z) => {
        const path: number[] = [];
        let shift = 0;
        for (let i = 0; i < h; i += 1) {
          const e = sigma * z[i + 1]!;
          path.push(meanAt(i) + shift + e);
          shift += alpha * e;
        }
        return path;
      },
    };
  },
};
