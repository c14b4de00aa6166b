/**
 * Sample quantiles of simulated paths, by simple-statistics: linear interpolation between order
 * statistics, R's type 7 (Hyndman & Fan 1996), found by selection rather than a full sort
 * (its `quantile` with several probabilities selects each order statistic once, about 3n
 * comparisons for five quantiles of n paths). The dashboard takes five quantiles of 10,000
 * paths for every year on every key press.
 */
import { quantile, quantileSorted as quantileSortedType7 } from 'simple-statistics';

/**
 * Column i of the paths (a plain loop: Float64Array.from with a callback is slow), written into
 * `into` when it is given and long enough (a scratch buffer saves an allocation per year).
 */
export function column(paths: readonly Float64Array[], i: number, into?: Float64Array): Float64Array {
  const col = into && into.length >= paths.length ? into.subarray(0, paths.length) : new Float64Array(paths.length);
  for (let p = 0; p < paths.length; p += 1) col[p] = paths[p]![i]!;
  return col;
}

/**
 * simple-statistics reads its argument only by index and length (and copies it with slice), so a
 * typed array serves as an array without a copy into a plain one.
 */
const asArray = (xs: ArrayLike<number>): readonly number[] => xs as unknown as readonly number[];

/**
 * Quantiles (R type 7) of a column of values, 0 ≤ p ≤ 1; `col` is left as it is.
 * @example quantiles(Float64Array.of(3, 1, 2, 4), [0.5]) // [2.5]
 */
export function quantiles(col: Float64Array, ps: readonly number[]): number[] {
  return quantile(asArray(col), ps);
}

/** Empirical p-quantile of sorted values (linear interpolation, R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileSortedType7(asArray(sorted), p);
}
