import { UsageError } from '../../core/errors.js';
import { MODELS, findModel } from '../../models/registry.js';
import { buildBacktestReport, type BacktestReport } from '../../report/backtest-report.js';
import { intFlag, type CommandSpec, type ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Format, type Io } from '../io.js';
import { renderTable } from '../table.js';
import { DATA_FLAG, FORMAT_FLAGS, loadSelection, SERIES_FLAG } from './shared.js';

export const backtestSpec: CommandSpec = {
  name: 'backtest',
  short: 'rolling-origin accuracy of every model on each series',
  usage: 'targetcast backtest [--data FILE|DIR] [--series ID…] [--horizon H] [--min-train N] [--model NAME…] [--json|--csv]',
  summary: 'Refit each model at every origin with at least --min-train years (expanding window) and score its 1..H-step forecasts: sMAPE, MASE, 80%/95% interval coverage. Rows carry the cutoff year.',
  flags: [
    DATA_FLAG,
    SERIES_FLAG,
    { name: 'horizon', type: 'string', value: 'H', help: 'steps ahead to score, 1-20 (default 3)' },
    { name: 'min-train', type: 'string', value: 'N', help: 'fewest years in a training window (default 6)' },
    { name: 'model', type: 'string', multiple: true, value: 'NAME', help: 'models to compare (default: all)', choices: MODELS.map((m) => m.name) },
    ...FORMAT_FLAGS,
  ],
  examples: ['targetcast backtest --series grdp_growth_real', 'targetcast backtest --data my.csv --json | jq ".series[].best"'],
};

export function renderBacktest(report: BacktestReport, format: Format, stamp: string | null = null): string {
  if (format === 'json') return jsonDocument(report, stamp);
  if (format === 'csv') {
    return toCsv(
      ['series', 'model', 'cutoff', 'h', 'year', 'actual', 'mean', 'lo80', 'hi80', 'lo95', 'hi95'],
      report.series.flatMap((s) => s.models.flatMap((m) => m.rows.map((r) => [s.key, m.model, r.cutoff, r.h, r.year, r.actual, r.mean, r.lo80, r.hi80, r.lo95, r.hi95]))),
    );
  }
  const fmt = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : '-');
  return `${report.series
    .map((s) => {
      const table = renderTable(
        [{ header: 'MODEL' }, { header: 'N', align: 'right' }, { header: 'sMAPE', align: 'right' }, { header: 'MASE', align: 'right' }, { header: 'COVER80', align: 'right' }, { header: 'COVER95', align: 'right' }],
        [...s.models]
          .sort((a, b) => (Number.isFinite(a.mase) ? a.mase : Infinity) - (Number.isFinite(b.mase) ? b.mase : Infinity))
          .map((m) => [m.model === s.best ? `${m.model} *` : m.model, String(m.forecasts), fmt(m.smape, 2), fmt(m.mase, 3), fmt(m.coverage80, 0), fmt(m.coverage95, 0)]),
      );
      return `${s.key}: horizons 1-${report.horizon}, training windows of at least ${report.minTrain} years (* lowest MASE)\n${table}`;
    })
    .join('\n\n')}\n`;
}

export async function runBacktest(io: Io, flags: ParsedFlags, positionals: string[], defaultData: string, version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`backtest: unexpected argument '${positionals[0]}' (use --series ID)`);
  const h = intFlag('backtest', flags, 'horizon', 1, 20) ?? 3;
  const minTrain = intFlag('backtest', flags, 'min-train', 2, 1000) ?? 6;
  const models = (flags.model as string[] | undefined) ?? MODELS.map((m) => m.name);
  for (const m of models) if (!findModel(m)) throw new UsageError(`backtest: unknown model '${m}'`);
  const { dataset, series } = await loadSelection(io, 'backtest', flags, defaultData);
  const report = buildBacktestReport(dataset, series, { models, h, minTrain, version });
  io.stdout(renderBacktest(report, formatOf(flags), io.stamp ?? null));
  return 0;
}
