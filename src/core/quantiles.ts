/** Quantiles of simulated paths without full sorts (the dashboard takes many per key press). */

/**
 * Column i of the paths (a plain loop: Float64Array.from with a callback is slow), written into
 * `into` when it is given and long enough (a scratch buffer saves an allocation per year).
 */
export function column(paths: readonly Float64Array[], i: number, into?: Float64Array): Float64Array {
  const col = into && into.length >= paths.length ? into.subarray(0, paths.length) : new Float64Array(paths.length);
  for (let p = 0; p < paths.length; p += 1) col[p] = paths[p]![i]!;
  return col;
}

/** Puts the k-th smallest value at a[k] (Hoare's selection, expected linear time); a is reordered. */
function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * Quantiles with linear interpolation (R type 7) by selection instead of a full sort: the
 * dashboard takes five quantiles of 10,000 paths for every year on every key press.
 */
export function quantiles(col: Float64Array, ps: readonly number[]): number[] {
  return ps.map((p) => {
    const pos = (col.length - 1) * p;
    const lo = Math.floor(pos);
    const a = select(col, lo);
    if (pos === lo) return a;
    let b = Infinity;
    for (let i = lo + 1; i < col.length; i += 1) if (col[i]! < b) b = col[i]!;
    return a + (pos - lo) * (b - a);
  });
}

/** Empirical p-quantile of sorted values (linear interpolation, R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}
