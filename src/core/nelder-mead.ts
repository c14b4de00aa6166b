/**
 * Nelder-Mead simplex minimisation (Nelder & Mead 1965; the adaptive-free standard
 * coefficients α=1, γ=2, ρ=0.5, σ=0.5, as in R's optim default). Used to fit exponential
 * smoothing by maximum likelihood. Deterministic: no randomness, fixed iteration cap.
 */
export interface MinimiseResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
}

/**
 * Minimises f from x0. `step` sets the initial simplex size per coordinate.
 * @example nelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: { readonly step?: readonly number[]; readonly maxIterations?: number; readonly tolerance?: number } = {},
): MinimiseResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i += 1) {
    const p = x0.slice();
    const s = options.step?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i]!) : 0.1);
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
