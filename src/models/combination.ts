import { mean } from 'simple-statistics';
import { distPoint, type Dist } from '../core/dist.js';
import type { Fitted, FitOptions, Model } from './model.js';

export interface CombinationOptions {
  /**
   * Members dropped at each end, step by step, ranked by their point forecast: 0 is the plain
   * mean, 1 of 4 members the median (the mean of the middle two). Lowered when too few members
   * could be fitted, so that at least one remains.
   */
  readonly trim?: number;
}

/**
 * An equal-weight combination. Point forecasts are the (trimmed) mean of the members' points; the
 * distribution averages the quantiles of the same members (Lichtendahl et al. 2013), which keeps
 * the combined intervals no narrower than the typical member's. Equal weights, because estimated
 * weights rarely beat them on short series (the "forecast combination puzzle", Smith & Wallis
 * 2009; M3 and M4 results). Trimming drops the members furthest out at each step (a trimmed
 * opinion pool: Jose, Grushka-Cockayne & Lichtendahl 2014, Management Science 60(2)), so one
 * member that extrapolates wildly cannot drag the combination with it. Members that cannot be
 * fitted are left out.
 */
export function combination(
  name: string,
  label: string,
  members: readonly Model[],
  options: CombinationOptions = {},
): Model & { readonly members: readonly Model[]; readonly trim: number } {
  const trim = options.trim ?? 0;
  return {
    members,
    trim,
    name,
    label,
    minLength: Math.min(...members.map((m) => m.minLength)),
    needsPositive: false,
    fit(y, fitOptions?: FitOptions) {
      const fits: Fitted[] = [];
      for (const m of members) {
        if (y.length < m.minLength || (m.needsPositive && !y.every((v) => v > 0))) continue;
        try {
          fits.push(m.fit(y, fitOptions));
        } catch {
          // A member that fails is left out; the others carry the combination.
        }
      }
      if (fits.length === 0) throw new RangeError(`${name}: no member could be fitted to ${y.length} observations`);
      return combineFitted(name, y.length, fits, trim);
    },
  };
}

/** Indices of the values kept after dropping `trim` of the lowest and of the highest. */
function keptIndices(values: readonly number[], trim: number): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  return order.slice(trim, values.length - trim);
}

/**
 * Combines members already fitted to the same n observations (lets a backtest reuse their fits).
 * With `trim` > 0, at each forecast step only the members whose points rank between the `trim`
 * lowest and highest are averaged (their quantiles, and their paths, so paths and distributions
 * agree); trim is lowered to ⌊(k − 1)/2⌋ for k members.
 * @example combineFitted('m', n, [a, b, c, d], 1) // each step: the mean of the middle two members
 */
export function combineFitted(name: string, n: number, fits: readonly Fitted[], trim = 0): Fitted {
  const t = Math.max(0, Math.min(trim, Math.floor((fits.length - 1) / 2)));
  const keep = (values: readonly number[]): number[] => (t === 0 ? values.map((_, i) => i) : keptIndices(values, t));
  const average = (values: readonly number[], kept: readonly number[]): number => kept.reduce((s, i) => s + values[i]!, 0) / kept.length;
  // Which members each forecast step keeps, from the untransformed distributions' points.
  const keptBySteps = (h: number, each: readonly (readonly Dist[])[]): number[][] =>
    Array.from({ length: h }, (_, i) => keep(each.map((d) => distPoint(d[i]!))));
  // The kept members per step depend only on h: computed once, not once per sample path.
  const keptCache = new Map<number, number[][]>();
  const keptFor = (h: number): number[][] => {
    let k = keptCache.get(h);
    if (!k) {
      k = keptBySteps(h, fits.map((f) => f.forecastDists(h)));
      keptCache.set(h, k);
    }
    return k;
  };
  const draws = fits.map((f) => f.pathDraws);
  return {
    model: name,
    n,
    fitted: Array.from({ length: n }, (_, s) => {
      const values = fits.map((f) => f.fitted[s]!);
      return average(values, keep(values));
    }),
    params: { ...Object.fromEntries(fits.map((f) => [`member:${f.model}`, 1 / fits.length])), ...(t > 0 ? { trim: t } : {}) },
    sigma: mean(fits.map((f) => f.sigma)),
    aicc: null,
    forecastDists: (h) => {
      const each = fits.map((f) => f.forecastDists(h));
      const kept = keptBySteps(h, each);
      return Array.from({ length: h }, (_, i): Dist => ({ type: 'average', parts: kept[i]!.map((j) => each[j]![i]!) }));
    },
    samplePath: (h, z) => {
      const paths = fits.map((f) => f.samplePath(h, z));
      const kept = t === 0 ? null : keptFor(h);
      return Array.from({ length: h }, (_, i) => {
        const values = paths.map((p) => p[i]!);
        return average(values, kept ? kept[i]! : values.map((_, j) => j));
      });
    },
    // Each member reads what it needs from the front of z; give enough for the hungriest.
    ...(draws.some((d) => d) ? { pathDraws: (h: number) => Math.max(...draws.map((d) => (d ? d(h) : h + 1))) } : {}),
  };
}
