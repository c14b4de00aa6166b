import { distInterval, distPoint, distQuantile, scaleDist, warped, type Dist, type TailWarp } from '../core/dist.js';
import { createRng } from '../core/rng.js';
import { column, quantiles } from '../core/quantiles.js';
import type { Fitted } from './model.js';

/** One forecast step: the mean and the central 80% and 95% intervals, read off its distribution. */
export interface ForecastStep {
  readonly step: number;
  /** The point forecast: the distribution's mean, or its median for log-scale models (see distPoint). */
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

export interface ForecastOptions {
  readonly h: number;
  /** Number of simulated sample paths (0 for none). */
  readonly paths?: number;
  readonly seed?: number;
  /**
   * Interval calibration factors by step (the last one carries on): spreads and path
   * innovations at step i are multiplied by scale[i].
   */
  readonly scale?: readonly number[];
  /** Tail stretch applied after scaling (calibration of heavy-tailed errors). */
  readonly tails?: TailWarp;
}

export interface ModelForecast {
  readonly steps: readonly ForecastStep[];
  readonly dists: readonly Dist[];
  /** paths[p][i] is path p at step i + 1. */
  readonly paths: readonly Float64Array[];
}

export const DEFAULT_SEED = 20251;

/**
 * Forecasts h steps from a fitted model: distributions (scaled by the calibration factor),
 * the intervals read off them, and seeded sample paths. Same seed → same paths.
 */
export function forecastFitted(fitted: Fitted, options: ForecastOptions): ModelForecast {
  const { h } = options;
  const factors = Array.from({ length: h }, (_, i) => options.scale?.[Math.min(i, (options.scale?.length ?? 1) - 1)] ?? 1);
  const tails = options.tails ?? { s80: 1, s95: 1 };
  const dists = fitted.forecastDists(h).map((d, i) => warped(factors[i] === 1 ? d : scaleDist(d, factors[i]!), tails));
  const steps = dists.map((d, i): ForecastStep => {
    const [lo80, hi80] = distInterval(d, 80);
    const [lo95, hi95] = distInterval(d, 95);
    return { step: i + 1, mean: distPoint(d), lo80, hi80, lo95, hi95 };
  });
  const paths: Float64Array[] = [];
  const count = options.paths ?? 0;
  if (count > 0) {
    const rng = createRng(options.seed ?? DEFAULT_SEED);
    const draws = fitted.pathDraws?.(h) ?? h + 1;
    const z = new Array<number>(draws);
    for (let p = 0; p < count; p += 1) {
      for (let i = 0; i < draws; i += 1) z[i] = rng.normal();
      paths.push(Float64Array.from(fitted.samplePath(h, z)));
    }
    matchMarginals(paths, dists);
  }
  return { steps, dists, paths };
}

/** Quantiles of column i of the paths, on logs when asked. */
function columnQuantiles(paths: readonly Float64Array[], i: number, ps: readonly number[], log: boolean): number[] {
  const col = column(paths, i);
  if (log) for (let k = 0; k < col.length; k += 1) col[k] = Math.log(col[k]!);
  return quantiles(col, ps);
}

function onLogScale(d: Dist): boolean {
  return d.type === 'lognormal' || (d.type === 'warped' && onLogScale(d.base)) || (d.type === 'average' && d.parts.every(onLogScale));
}

const KNOTS = [0.025, 0.1, 0.5, 0.9, 0.975] as const;

/**
 * Makes the simulated paths agree with the (calibrated) forecast distributions step by step,
 * keeping each path's rank and so the model's dependence between years: at every step the
 * paths' 2.5%, 10%, 50%, 90% and 97.5% quantiles are mapped onto the distribution's by a
 * monotone piecewise-linear map (on logs for log-scale models; the end pieces extend outwards).
 * Calibration, tail stretch and quantile-averaged combinations all reach the paths this one way,
 * and every probability read off the paths agrees with the intervals printed beside it.
 */
export function matchMarginals(paths: Float64Array[], dists: readonly Dist[]): void {
  if (paths.length < 40) return;
  dists.forEach((d, i) => {
    const log = onLogScale(d) && paths.every((p) => p[i]! > 0);
    const t = (x: number): number => (log ? Math.log(x) : x);
    const from = columnQuantiles(paths, i, KNOTS, log);
    const to = KNOTS.map((q) => t(distQuantile(d, q)));
    if (from.some((v, k) => k > 0 && !(v > from[k - 1]!)) || to.some((v) => !Number.isFinite(v))) return;
    const last = KNOTS.length - 1;
    for (const p of paths) {
      const x = t(p[i]!);
      let k = 0;
      while (k < last - 1 && x > from[k + 1]!) k += 1;
      const y = to[k]! + ((x - from[k]!) * (to[k + 1]! - to[k]!)) / (from[k + 1]! - from[k]!);
      p[i] = log ? Math.exp(y) : y;
    }
  });
}
