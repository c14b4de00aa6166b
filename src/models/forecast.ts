import { distInterval, distPoint, scaleDist, warped, warpZ, type Dist, type TailWarp } from '../core/dist.js';
import { createRng } from '../core/rng.js';
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
    const z = new Array<number>(h + 1);
    for (let p = 0; p < count; p += 1) {
      // Innovation i + 1 scaled by the growth of the factor from step i to i + 1, so that the
      // spread of a random-walk-like path at step i matches the calibrated distribution.
      z[0] = warpZ(tails, rng.normal()) * factors[0]!;
      for (let i = 1; i <= h; i += 1) z[i] = warpZ(tails, rng.normal()) * factors[i - 1]!;
      paths.push(Float64Array.from(fitted.samplePath(h, z)));
    }
  }
  return { steps, dists, paths };
}
