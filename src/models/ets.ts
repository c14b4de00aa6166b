/**
 * Exponential smoothing with additive errors, in the innovations state-space form of
 * Hyndman, Koehler, Ord & Snyder (2008) and FPP3 §8.5:
 *   ŷ_t = l_{t-1} + φ b_{t-1},  e_t = y_t − ŷ_t
 *   l_t = l_{t-1} + φ b_{t-1} + α e_t,  b_t = φ b_{t-1} + β e_t
 * ETS(A,N,N) has no b; ETS(A,A,N) has φ = 1; ETS(A,Ad,N) estimates φ.
 * Parameters and initial states are estimated by maximum likelihood, i.e. by minimising
 * n·log(SSE) (R forecast::ets, opt.crit = "lik"), within R's "usual" bounds
 * 1e-4 ≤ α ≤ 0.9999, 1e-4 ≤ β ≤ α, 0.8 ≤ φ ≤ 0.98; models compare by AICc.
 */
import { normal } from '../core/dist.js';
import { nelderMead } from '../core/nelder-mead.js';
import { memo, onLogScale, type FitOptions, type Fitted, type Model } from './model.js';

export type Trend = 'N' | 'A' | 'Ad';

/** A fitted ETS model and the optimiser's optimum (its own scale), to warm-start a neighbouring fit. */
export type EtsFitted = Fitted & { readonly searchPoint: readonly number[] };

interface EtsParams {
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
  readonly l0: number;
  readonly b0: number;
}

const BOUNDS = { alphaLow: 1e-4, alphaHigh: 0.9999, betaLow: 1e-4, phiLow: 0.8, phiHigh: 0.98 } as const;

function run(y: readonly number[], p: EtsParams, trend: Trend): { sse: number; fitted: number[]; l: number; b: number } {
  let l = p.l0;
  let b = trend === 'N' ? 0 : p.b0;
  const phi = trend === 'Ad' ? p.phi : 1;
  let sse = 0;
  const fitted: number[] = [];
  for (const yt of y) {
    const f = l + phi * b;
    const e = yt - f;
    fitted.push(f);
    sse += e * e;
    l = f + p.alpha * e;
    b = phi * b + p.beta * e;
  }
  return { sse, fitted, l, b };
}

/**
 * fitEts through the per-series cache of FitOptions (see FitOptions.cache). Within one series'
 * backtest, each window starts the optimiser from the previous window's optimum (one start
 * instead of three): consecutive windows differ by one year, so their optima are close.
 */
export function fitEtsCached(y: readonly number[], trend: Trend, options?: FitOptions): Fitted {
  return memo(options, `ets-${trend}:${y.length}:${y[0]}`, () => {
    const warmKey = `ets-${trend}:warm:${y[0]}`;
    const fitted = fitEts(y, trend, options?.cache?.get(warmKey) as readonly number[] | undefined);
    options?.cache?.set(warmKey, fitted.searchPoint);
    return fitted;
  });
}

/**
 * One-step errors are linear in the initial states (l0, b0) for fixed smoothing parameters,
 * because the recursion is linear: e(y, x0) = e(y, 0) + l0·e(0, (1,0)) + b0·e(0, (0,1)). So the
 * initial states that minimise SSE come from a 2×2 least-squares solve, and the optimiser only
 * searches α, β, φ (concentrating out the initial states; Hyndman et al. 2008, §5.2 and §6.6).
 */
function bestInitialStates(
  y: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
  trend: Trend,
  scratch: Float64Array,
): { l0: number; b0: number } {
  const n = y.length;
  const e0 = scratch.subarray(0, n);
  const e1 = scratch.subarray(n, 2 * n);
  const e2 = scratch.subarray(2 * n, 3 * n);
  // e0: errors of the data from zero initial states; e1, e2: of zero data from unit l0 or b0.
  let l = 0;
  let b = 0;
  let l1 = 1;
  let b1 = 0;
  let l2 = 0;
  let b2 = 1;
  for (let t = 0; t < n; t += 1) {
    const f = l + phi * b;
    const err = y[t]! - f;
    e0[t] = err;
    l = f + alpha * err;
    b = phi * b + beta * err;
    const f1 = l1 + phi * b1;
    e1[t] = -f1;
    l1 = f1 - alpha * f1;
    b1 = phi * b1 - beta * f1;
    const f2 = l2 + phi * b2;
    e2[t] = -f2;
    l2 = f2 - alpha * f2;
    b2 = phi * b2 - beta * f2;
  }
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let r1 = 0;
  let r2 = 0;
  for (let t = 0; t < n; t += 1) {
    s11 += e1[t]! * e1[t]!;
    s12 += e1[t]! * e2[t]!;
    s22 += e2[t]! * e2[t]!;
    r1 -= e0[t]! * e1[t]!;
    r2 -= e0[t]! * e2[t]!;
  }
  if (trend === 'N') return { l0: s11 > 0 ? r1 / s11 : 0, b0: 0 };
  const det = s11 * s22 - s12 * s12;
  if (Math.abs(det) < 1e-12 * (s11 * s22 + 1e-300)) return { l0: s11 > 0 ? r1 / s11 : 0, b0: 0 };
  return { l0: (r1 * s22 - r2 * s12) / det, b0: (s11 * r2 - s12 * r1) / det };
}

/** SSE of one-step errors, without allocating (the optimiser calls it hundreds of times). */
function sseOf(y: readonly number[], p: EtsParams, trend: Trend): number {
  let l = p.l0;
  let b = trend === 'N' ? 0 : p.b0;
  const phi = trend === 'Ad' ? p.phi : 1;
  let sse = 0;
  for (let t = 0; t < y.length; t += 1) {
    const f = l + phi * b;
    const e = y[t]! - f;
    sse += e * e;
    l = f + p.alpha * e;
    b = phi * b + p.beta * e;
  }
  return sse;
}

const logistic = (u: number): number => 1 / (1 + Math.exp(-u));
const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Fits one ETS(A,·,N) model; `warmStart` (an optimum of a neighbouring fit, on the optimiser's
 * scale) replaces the three cold starts.
 * @throws RangeError when the series is too short for the trend
 */
export function fitEts(y: readonly number[], trend: Trend, warmStart?: readonly number[]): EtsFitted {
  const n = y.length;
  const k = trend === 'N' ? 2 : trend === 'A' ? 4 : 5;
  if (n < k + 1) throw new RangeError(`ETS(A,${trend},N) requires at least ${k + 1} observations, got ${n}`);
  // Search α, β, φ on an unconstrained scale mapped into R's bounds (β between 1e-4 and α).
  const smoothing = (u: readonly number[]): { alpha: number; beta: number; phi: number } => {
    const alpha = BOUNDS.alphaLow + (BOUNDS.alphaHigh - BOUNDS.alphaLow) * logistic(u[0]!);
    const beta = trend === 'N' ? 0 : BOUNDS.betaLow + (alpha - BOUNDS.betaLow) * logistic(u[1]!);
    const phi = trend === 'Ad' ? BOUNDS.phiLow + (BOUNDS.phiHigh - BOUNDS.phiLow) * logistic(u[2]!) : 1;
    return { alpha, beta, phi };
  };
  const scratch = new Float64Array(3 * n);
  const unpack = (u: readonly number[]): EtsParams => {
    const sm = smoothing(u);
    const init = bestInitialStates(y, sm.alpha, sm.beta, sm.phi, trend, scratch);
    return { alpha: sm.alpha, beta: sm.beta, phi: sm.phi, l0: init.l0, b0: init.b0 };
  };
  const objective = (u: readonly number[]): number => n * Math.log(Math.max(sseOf(y, unpack(u), trend), 1e-300));
  // Three starts (α 0.5; R's initparam α 0.2, φ 0.978; and a near-deterministic trend α 0.01),
  // then a restart from the best optimum: the likelihood of short series is often multimodal,
  // with one mode near α = β = 0 (a fixed straight line), and Nelder-Mead finds only the nearest.
  const starts = [
    [logit(0.5), logit(0.1), 0],
    [logit(0.2), logit(0.1), logit(0.98)],
    [logit(0.01), logit(0.1), 0],
  ].map((u) => u.slice(0, trend === 'N' ? 1 : trend === 'A' ? 2 : 3));
  const step = starts[0]!.map(() => 1.5);
  const warm = warmStart && warmStart.length === starts[0]!.length;
  let best = nelderMead(objective, warm ? warmStart : starts[0]!, { step: warm ? step.map((s) => s / 3) : step, maxIterations: 1000, tolerance: 1e-8 });
  for (const start of trend === 'N' || warm ? [] : starts.slice(1)) {
    const other = nelderMead(objective, start, { step, maxIterations: 1000, tolerance: 1e-8 });
    if (other.value < best.value) best = other;
  }
  const again = nelderMead(objective, best.x, { step: step.map((s) => s / 3), maxIterations: 500, tolerance: 1e-8 });
  if (again.value < best.value) best = again;
  const p = unpack(best.x);
  const { sse, fitted, l, b } = run(y, p, trend);
  const np = k + 1;
  const sigma2 = sse / Math.max(1, n - k);
  const sigma = Math.sqrt(sigma2);
  const lik = n * Math.log(Math.max(sse, 1e-300));
  const aic = lik + 2 * np;
  const aicc = n - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (n - np - 1) : Infinity;
  const phi = trend === 'Ad' ? p.phi : 1;
  const beta = trend === 'N' ? 0 : p.beta;
  const name = trend === 'N' ? 'ses' : trend === 'A' ? 'holt' : 'damped';
  // h-step variance σ²(1 + Σ_{j<h} c_j²), c_j = α + β(φ + … + φ^j) (FPP3 §8.7, Table 8.8).
  const dists = (h: number) => {
    const out = [];
    let phiSum = 0;
    let varSum = 1;
    let damp = 1;
    for (let i = 1; i <= h; i += 1) {
      damp *= phi;
      phiSum += damp;
      out.push(normal(l + phiSum * b, sigma * Math.sqrt(varSum)));
      const c = p.alpha + beta * phiSum;
      varSum += c * c;
    }
    return out;
  };
  return {
    searchPoint: best.x,
    model: name,
    n,
    fitted,
    params: trend === 'N' ? { alpha: p.alpha, l0: p.l0 } : trend === 'A' ? { alpha: p.alpha, beta, l0: p.l0, b0: p.b0 } : { alpha: p.alpha, beta, phi, l0: p.l0, b0: p.b0 },
    sigma,
    aicc,
    forecastDists: dists,
    samplePath: (h, z) => {
      let ll = l;
      let bb = b;
      const path: number[] = [];
      for (let i = 1; i <= h; i += 1) {
        const e = sigma * z[i]!;
        const f = ll + phi * bb;
        path.push(f + e);
        ll = f + p.alpha * e;
        bb = phi * bb + beta * e;
      }
      return path;
    },
  };
}

const etsModel = (trend: Trend, name: string, label: string): Model => ({
  name,
  label,
  minLength: trend === 'N' ? 3 : trend === 'A' ? 5 : 6,
  needsPositive: false,
  fit: (y, options) => ({ ...fitEtsCached(y, trend, options), model: name }),
});

export const ses = etsModel('N', 'ses', 'simple exponential smoothing, ETS(A,N,N): level only');
export const holt = etsModel('A', 'holt', "Holt's linear trend, ETS(A,A,N), by maximum likelihood");
export const damped = etsModel('Ad', 'damped', 'damped trend, ETS(A,Ad,N): the trend flattens out');

/**
 * ETS chosen by AICc among ETS(A,N,N), ETS(A,A,N) and ETS(A,Ad,N) (R forecast::ets with
 * additive errors and no season; FPP3 §8.6). Models too long for the series are skipped.
 */
export const ets: Model = {
  name: 'ets',
  label: 'exponential smoothing: level, trend or damped trend, chosen by AICc',
  minLength: 3,
  needsPositive: false,
  fit(y, options) {
    const trends: Trend[] = y.length >= 7 ? ['N', 'A', 'Ad'] : y.length >= 5 ? ['N', 'A'] : ['N'];
    let best: Fitted | undefined;
    let chosen: Trend = 'N';
    for (const t of trends) {
      const f = fitEtsCached(y, t, options);
      if (!best || (f.aicc ?? Infinity) < (best.aicc ?? Infinity)) {
        best = f;
        chosen = t;
      }
    }
    return { ...best!, model: 'ets', params: { ...best!.params, trend: chosen === 'N' ? 0 : chosen === 'A' ? 1 : 2 } };
  },
};

export const holtLog = onLogScale(holt, 'holt-log', "Holt's trend on logs: growth rate smoothed, not the level");
export const dampedLog = onLogScale(damped, 'damped-log', 'damped trend on logs: growth rate fades');
export const etsLog = onLogScale(ets, 'ets-log', 'exponential smoothing on logs, chosen by AICc');
