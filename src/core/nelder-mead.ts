/**
 * Nelder-Mead simplex minimisation (Nelder & Mead 1965; the adaptive-free standard
 * coefficients α=1, γ=2, ρ=0.5, σ=0.5, as in R's optim default). Used to fit exponential
 * smoothing and AR(1) by maximum likelihood. Deterministic: no randomness, fixed iteration cap.
 * Hand-written: simple-statistics has no optimiser, and 80 lines do not justify another
 * dependency. It reaches R's optim(method = "Nelder-Mead") optimum on the Rosenbrock function and
 * on an ETS likelihood (test/numerics, fixture from bench/r/numerics.R).
 */
export interface MinimiseResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
}

export interface NelderMeadOptions {
  /** Initial simplex size per coordinate (default 10% of |x0|, or 0.1 where x0 is 0). */
  readonly step?: readonly number[];
  readonly maxIterations?: number;
  /**
   * Stop when the simplex's values differ by no more than tolerance · (|best| + tolerance), as R's
   * optim does. That can happen while the simplex still straddles the minimum (two vertices with
   * equal values on either side): `restarts` guards against it.
   */
  readonly tolerance?: number;
  /**
   * Start again from the optimum with a fresh simplex, up to this many times, while the value
   * still falls (default 0). The simplex can collapse against a ridge or a bound and stop short
   * of the optimum; a restart is the usual remedy (Kelley 1999, SIAM J. Optim. 10(1)).
   */
  readonly restarts?: number;
}

/**
 * Minimises f from x0. A NaN value counts as +Infinity (outside the feasible set).
 * @example nelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): MinimiseResult {
  let best = simplexSearch(f, x0, options);
  for (let k = 0; k < (options.restarts ?? 0); k += 1) {
    const again = simplexSearch(f, best.x, options);
    const improved = again.value < best.value - Math.abs(best.value) * 1e-15;
    best = { x: improved ? again.x : best.x, value: Math.min(again.value, best.value), iterations: best.iterations + again.iterations };
    if (!improved) break;
  }
  return best;
}

function simplexSearch(
  objective: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions,
): MinimiseResult {
  const f = (x: readonly number[]): number => {
    const v = objective(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i += 1) {
    const p = x0.slice();
    let s = options.step?.[i] ?? 0.1 * Math.abs(p[i]!);
    // A step lost to rounding (x0 zero or subnormal) would make the simplex degenerate.
    if (p[i]! + s === p[i]!) s = 0.1;
    p[i] = p[i]! + s;
    simplex.push(p);
  }
  let values = simplex.map((p) => f(p));
  let iterations = 0;
  const order = (): void => {
    const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const s2 = idx.map((i) => simplex[i]!);
    const v2 = idx.map((i) => values[i]!);
    for (let i = 0; i <= n; i += 1) simplex[i] = s2[i]!;
    values = v2;
  };
  order();
  while (iterations < maxIterations) {
    iterations += 1;
    const best = values[0]!;
    const worst = values[n]!;
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) centroid[j]! += simplex[i]![j]! / n;
    const towards = (t: number): number[] => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = towards(-1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = towards(-2);
      const fe = f(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]!) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const outside = fr < values[n]!;
      const contracted = towards(outside ? -0.5 : 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[n]!)) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i += 1) {
          simplex[i] = simplex[0]!.map((b, j) => b + 0.5 * (simplex[i]![j]! - b));
          values[i] = f(simplex[i]!);
        }
      }
    }
    order();
  }
  return { x: simplex[0]!, value: values[0]!, iterations };
}
