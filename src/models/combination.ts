import type { Dist } from '../core/dist.js';
import type { Fitted, FitOptions, Model } from './model.js';

/**
 * An equal-weight combination. Point forecasts are the mean of the members' means; the
 * distribution averages the members' quantiles (Lichtendahl et al. 2013), which keeps the
 * combined intervals no narrower than the typical member's. Equal weights, because estimated
 * weights rarely beat them on short series (the "forecast combination puzzle", Smith & Wallis
 * 2009; M3 and M4 results). Members that cannot be fitted are left out and named.
 */
export function combination(name: string, label: string, members: readonly Model[]): Model & { readonly members: readonly Model[] } {
  return {
    members,
    name,
    label,
    minLength: Math.min(...members.map((m) => m.minLength)),
    needsPositive: false,
    fit(y, options?: FitOptions) {
      const fits: Fitted[] = [];
      for (const m of members) {
        if (y.length < m.minLength || (m.needsPositive && !y.every((v) => v > 0))) continue;
        try {
          fits.push(m.fit(y, options));
        } catch {
          // A member that fails is left out; the others carry the combination.
        }
      }
      if (fits.length === 0) throw new RangeError(`${name}: no member could be fitted to ${y.length} observations`);
      return combineFitted(name, y.length, fits);
    },
  };
}

/** Combines members already fitted to the same n observations (lets a backtest reuse their fits). */
export function combineFitted(name: string, n: number, fits: readonly Fitted[]): Fitted {
  return {
    model: name,
    n,
    fitted: Array.from({ length: n }, (_, t) => fits.reduce((s, f) => s + f.fitted[t]!, 0) / fits.length),
    params: Object.fromEntries(fits.map((f) => [`member:${f.model}`, 1 / fits.length])),
    sigma: fits.reduce((s, f) => s + f.sigma, 0) / fits.length,
    aicc: null,
    forecastDists: (h) => {
      const each = fits.map((f) => f.forecastDists(h));
      return Array.from({ length: h }, (_, i): Dist => ({ type: 'average', parts: each.map((d) => d[i]!) }));
    },
    samplePath: (h, z) => {
      const paths = fits.map((f) => f.samplePath(h, z));
      return Array.from({ length: h }, (_, i) => paths.reduce((s, p) => s + p[i]!, 0) / paths.length);
    },
  };
}
