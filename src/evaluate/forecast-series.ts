/**
 * Forecasts one Series: picks the data a model can use (the latest run of consecutive years:
 * gaps are never filled), applies `auto` or the named model with a visible fallback for short
 * or non-positive series, calibrates the intervals from the series' own backtest, and returns
 * plain data keyed by year.
 */
import type { Dist } from '../core/dist.js';
import { ModelError } from '../core/errors.js';
import type { Series } from '../core/types.js';
import { summariseBacktest, type BacktestRow, type BacktestSummary } from './backtest.js';
import { calibrate, chooseModel, NO_CALIBRATION, type Calibration, evaluateModel } from './auto.js';
import { forecastFitted, type ForecastStep } from '../models/forecast.js';
import type { Fitted, Model } from '../models/model.js';
import { fallbackModel, findModel } from '../models/registry.js';
import { localMean, type GrowthPrior } from '../models/local-mean.js';

export interface YearStep extends ForecastStep {
  readonly year: number;
}

export interface SeriesForecast {
  readonly key: string;
  readonly id: string;
  readonly basis: string;
  /** The model that produced the forecast. */
  readonly model: string;
  /** What was asked for (a model name or 'auto'). */
  readonly requested: string;
  /** Why `model` differs from `requested`, or why auto chose it. */
  readonly reason: string | null;
  readonly fallback: boolean;
  /** Years the model was fitted on (the latest run of consecutive years). */
  readonly fittedYears: { readonly first: number; readonly last: number; readonly count: number };
  /** Observed years left out because a gap separates them from the latest run. */
  readonly excludedYears: readonly number[];
  readonly params: Readonly<Record<string, number>>;
  readonly sigma: number;
  readonly aicc: number | null;
  /** Interval calibration from the series' own out-of-sample errors (factors 1 and tails 1 = none). */
  readonly calibration: Calibration;
  readonly backtest: BacktestSummary | null;
  readonly forecast: readonly YearStep[];
  readonly dists: readonly Dist[];
  readonly paths: readonly Float64Array[];
}

export interface SeriesForecastOptions {
  readonly model: string;
  readonly h: number;
  readonly seed?: number;
  readonly paths?: number;
  /** Off to report a model's own (uncalibrated) intervals. */
  readonly calibrate?: boolean;
  /** A growth prior for `local-mean` other than the shipped panel's (e.g. pooled from the file's regions). */
  readonly growthPrior?: GrowthPrior;
}

/** The latest run of consecutive years of a series. */
export function latestRun(series: Pick<Series, 'years' | 'values'>): { start: number; years: number[]; values: number[] } {
  const ys = series.years;
  let start = ys.length - 1;
  while (start > 0 && ys[start - 1] === ys[start]! - 1) start -= 1;
  return { start, years: ys.slice(start), values: series.values.slice(start) };
}

/** @throws ModelError when the series cannot be forecast at all (fewer than 2 consecutive years) */
export function forecastSeries(series: Series, options: SeriesForecastOptions): SeriesForecast {
  const run = latestRun(series);
  const y = run.values;
  const n = y.length;
  if (n < 2) {
    throw new ModelError(`needs at least 2 consecutive years to forecast, has ${n} in its latest run (${run.years[0] ?? 'none'})`, options.model);
  }
  const fit = { kind: series.meta?.kind };
  const settings = { h: options.h, fit, firstYear: run.years[0] };
  let model: Model;
  let reason: string | null = null;
  let fallback = false;
  let chosenBacktest;
  let pooledRows: BacktestRow[] | undefined;
  if (options.model === 'auto') {
    const choice = chooseModel(y, settings);
    model = choice.model;
    reason = choice.reason;
    chosenBacktest = choice.chosen;
    pooledRows = choice.all.flatMap((r) => r.rows);
  } else {
    const asked = options.model === 'local-mean' && options.growthPrior ? localMean(options.growthPrior) : findModel(options.model);
    if (!asked) throw new ModelError(`unknown model '${options.model}'`, options.model);
    model = asked;
    const positive = y.every((v) => v > 0);
    if (n < asked.minLength || (asked.needsPositive && !positive)) {
      model = fallbackModel(n);
      fallback = true;
      reason = n < asked.minLength
        ? `${asked.name} needs at least ${asked.minLength} consecutive years, the series has ${n}: fell back to ${model.name}`
        : `${asked.name} takes logs and needs every value > 0: fell back to ${model.name}`;
    }
  }
  let fitted: Fitted;
  try {
    fitted = model.fit(y, fit);
  } catch (e) {
    const safe = fallbackModel(n);
    reason = `${model.name} failed (${(e as Error).message}): fell back to ${safe.name}`;
    fallback = true;
    model = safe;
    fitted = model.fit(y, fit);
    chosenBacktest = undefined;
  }
  const bt = options.calibrate === false || model.selfCalibrated ? undefined : chosenBacktest ?? evaluateModel(model, y, settings);
  const calibration = bt ? calibrate(pooledRows ?? bt.rows, options.h) : NO_CALIBRATION(options.h);
  const fc = forecastFitted(fitted, { h: options.h, seed: options.seed, paths: options.paths, scale: calibration.factors, tails: calibration.tails });
  if (fc.steps.some((s) => ![s.mean, s.lo80, s.hi80, s.lo95, s.hi95].every(Number.isFinite))) {
    throw new ModelError(`${model.name} gives a forecast that is not a finite number (values too large?)`, model.name);
  }
  const lastYear = run.years[n - 1]!;
  return {
    key: series.key,
    id: series.id,
    basis: series.basis,
    model: model.name,
    requested: options.model,
    reason,
    fallback,
    fittedYears: { first: run.years[0]!, last: lastYear, count: n },
    excludedYears: series.years.slice(0, run.start),
    params: fitted.params,
    sigma: fitted.sigma,
    aicc: fitted.aicc,
    calibration,
    backtest: bt ? summariseBacktest(bt) : null,
    forecast: fc.steps.map((s) => ({ ...s, year: lastYear + s.step })),
    dists: fc.dists,
    paths: fc.paths,
  };
}
