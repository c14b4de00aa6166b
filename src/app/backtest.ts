/** Backtests for the dashboard's `b` view: every model on the series behind an entry. */
import type { SeriesKind } from '../core/types.js';
import { backtest, summariseBacktest, type BacktestSummary } from '../evaluate/backtest.js';
import { latestRun } from '../evaluate/forecast-series.js';
import { MODELS } from '../models/registry.js';
import type { DashboardSeries } from '../report/dashboard-report.js';
import type { Scenario } from '../scenarios/types.js';
import type { TargetsEngine } from '../report/targets-report.js';

/** Every model's rolling-origin backtest on an entry's series (growth: the bridged history). */
export function backtestFor(engine: TargetsEngine, baseline: Scenario, chosen: DashboardSeries): BacktestSummary[] {
  let y: readonly number[];
  let kind: SeriesKind | undefined;
  if (chosen.kind === 'data') {
    y = latestRun(chosen.series).values;
    kind = chosen.series.meta?.kind;
  } else if (chosen.kind === 'growth') {
    y = engine.report(baseline).growth.history.map((h) => h.value);
    kind = 'rate';
  } else return [];
  // Short series: train on at least 3 years so that there is something to compare (the view says so).
  const minTrain = Math.max(3, Math.min(6, y.length - 2));
  return MODELS.map((m) => ({ ...summariseBacktest(backtest(m, y, { h: 3, minTrain, fit: { kind } })), minTrain }));
}
