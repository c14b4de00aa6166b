/**
 * The one interface every model implements (after statsforecast: plain arrays in, the same
 * small surface out). A model *specification* is data (name, minimum length); `fit` is the
 * verb; the fitted object hands out forecast *distributions*, from which intervals and
 * probabilities are read (after fable).
 */
import { lognormal, type Dist } from '../core/dist.js';
import type { SeriesKind } from '../core/types.js';

export interface FitOptions {
  /** What the series measures; AR(1) reverts a rate itself but the growth of a level. */
  readonly kind?: SeriesKind;
  /**
   * Fits shared between models on ONE series, keyed by what was fitted and the training length
   * (in a backtest every training window is a prefix of the same series). Lets ets, damped and
   * theta share one ETS fit per window. Never share a cache across series.
   */
  readonly cache?: Map<string, unknown>;
}

/** Returns the cached value for key, computing and storing it on first use. */
export function memo<T>(options: FitOptions | undefined, key: string, make: () => T): T {
  const cache = options?.cache;
  if (!cache) return make();
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}

/** A model fitted to one series. */
export interface Fitted {
  readonly model: string;
  /** Number of observations fitted. */
  readonly n: number;
  /** One-step in-sample fitted values, length n (NaN where the model has none, e.g. the first). */
  readonly fitted: readonly number[];
  /** Estimated parameters, by name (alpha, beta, phi, drift, …). */
  readonly params: Readonly<Record<string, number>>;
  /** Innovation standard deviation on the model's own scale. */
  readonly sigma: number;
  /** Corrected Akaike criterion where the model is fitted by likelihood, else null. */
  readonly aicc: number | null;
  /** Forecast distribution for steps 1..h. */
  readonly forecastDists: (h: number) => Dist[];
  /**
   * One sample path for steps 1..h, driven by standard normal draws z (length h + 1: z[0] for
   * parameter uncertainty, z[1..h] for the innovations), so that scaling z scales the spread.
   */
  readonly samplePath: (h: number, z: readonly number[]) => number[];
  /** Standard normal draws samplePath takes for h steps, when not h + 1 (state-space models need more). */
  readonly pathDraws?: (h: number) => number;
}

export interface Model {
  readonly name: string;
  /** One line for people: what it assumes. */
  readonly label: string;
  /** Fewest observations it can be fitted to; shorter series fall back visibly. */
  readonly minLength: number;
  /** True when the model takes logs and so needs every value > 0. */
  readonly needsPositive: boolean;
  readonly fit: (y: readonly number[], options?: FitOptions) => Fitted;
  /**
   * True when the model's spread is already calibrated elsewhere (a panel prior, checked by the
   * verdict benchmark), so a backtest of the one series does not widen it again.
   */
  readonly selfCalibrated?: boolean;
}

/**
 * The same model on log(y): forecasts become lognormal and paths are exponentiated. Suits series
 * that grow by a roughly constant percentage (Hyndman & Athanasopoulos, FPP3 §5.6 and §13.3).
 */
export function onLogScale(base: Model, name: string, label: string): Model {
  return {
    name,
    label,
    minLength: base.minLength,
    needsPositive: true,
    fit(y, options) {
      const inner = base.fit(y.map(Math.log), options);
      return {
        ...inner,
        model: name,
        fitted: inner.fitted.map(Math.exp),
        forecastDists: (h) =>
          inner.forecastDists(h).map((d) => {
            if (d.type !== 'normal') throw new Error(`${name}: the log-scale model must give normal forecasts`);
            return lognormal(d.mean, d.sd);
          }),
        samplePath: (h, z) => inner.samplePath(h, z).map(Math.exp),
      };
    },
  };
}

/** Small helpers the models share. */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Ordinary least squares of y on t = 0..n-1 (or given x): intercept, slope and residual sd. */
export function linearFit(y: readonly number[], x: readonly number[] = y.map((_, i) => i)): { a: number; b: number; sigma: number; sxx: number; xbar: number } {
  const n = y.length;
  const xbar = mean(x);
  const ybar = mean(y);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    sxx += (x[i]! - xbar) ** 2;
    sxy += (x[i]! - xbar) * (y[i]! - ybar);
  }
  const b = sxx === 0 ? 0 : sxy / sxx;
  const a = ybar - b * xbar;
  let sse = 0;
  for (let i = 0; i < n; i += 1) sse += (y[i]! - a - b * x[i]!) ** 2;
  return { a, b, sigma: n > 2 ? Math.sqrt(sse / (n - 2)) : 0, sxx, xbar };
}
