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
 * Puts the k-th smallest value at a[k] for every k in `ks` (sorted, within [lo, hi]): select the
 * middle one, then recurse on each side with the ks that fall there (each side is already
 * partitioned), so five quantiles cost about 3n comparisons rather than 5n.
 */
function selectMany(a: Float64Array, ks: readonly number[], lo: number, hi: number): void {
  if (ks.length === 0 || hi <= lo) return;
  const mid = ks.length >> 1;
  const k = ks[mid]!;
  select(a, k, lo, hi);
  selectMany(a, ks.slice(0, mid), lo, k - 1);
  selectMany(a, ks.slice(mid + 1), k + 1, hi);
}

/**
 * Quantiles with linear interpolation (R type 7) by selection instead of a full sort: the
 * dashboard takes five quantiles of 10,000 paths for every year on every key press. `col` is
 * reordered.
 */
export function quantiles(col: Float64Array, ps: readonly number[]): number[] {
  const n = col.length;
  const positions = ps.map((p) => (n - 1) * p);
  const ks = [...new Set(positions.flatMap((pos) => (Number.isInteger(pos) ? [pos] : [Math.floor(pos), Math.floor(pos) + 1])))].sort((a, b) => a - b);
  selectMany(col, ks, 0, n - 1);
  return positions.map((pos) => {
    const lo = Math.floor(pos);
    return pos === lo ? col[lo]! : col[lo]! + (pos - lo) * (col[lo + 1]! - col[lo]!);
  });
}

/** Empirical p-quantile of sorted values (linear interpolation, R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}
