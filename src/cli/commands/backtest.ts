import { UsageError } from '../../core/errors.js';
import { MODELS, findModel } from '../../models/registry.js';
import { backtestEntry, backtestHeader, type BacktestReport, type SeriesBacktest } from '../../report/backtest-report.js';
import { intFlag, type CommandSpec, type ParsedFlags } from '../args.js';
import { formatOf, toCsv, type Format, type Io } from '../io.js';
import { streamedJson, writeJsonArray, yieldingToSignals } from '../stream.js';
import { renderTable } from '../table.js';
import { DATA_FLAG, FORMAT_FLAGS, REGION_FLAG, loadSelection, SERIES_FLAG } from './shared.js';

export const backtestSpec: CommandSpec = {
  name: 'backtest',
  short: 'rolling-origin accuracy of every model on each series',
  usage: 'targetcast backtest [--data FILE|DIR] [--series ID…] [--horizon H] [--min-train N] [--model NAME…] [--json|--csv]',
  summary: 'Refit each model at every origin with at least --min-train years (expanding window; the latest 30 origins at most) and score its 1..H-step forecasts: sMAPE, MASE, 80%/95% interval coverage. Rows carry the cutoff year. Series are written as they are done.',
  flags: [
    REGION_FLAG,
    DATA_FLAG,
    SERIES_FLAG,
    { name: 'horizon', type: 'string', value: 'H', help: 'steps ahead to score, 1-20 (default 3)' },
    { name: 'min-train', type: 'string', value: 'N', help: 'fewest years in a training window (default 6)' },
    { name: 'model', type: 'string', multiple: true, value: 'NAME', help: 'models to compare (default: all)', choices: MODELS.map((m) => m.name) },
    ...FORMAT_FLAGS,
  ],
  examples: ['targetcast backtest --series SERIES', 'targetcast backtest --data my.csv --json | jq ".series[].best"'],
};

const CSV_HEADER = ['series', 'model', 'cutoff', 'h', 'year', 'actual', 'mean', 'lo80', 'hi80', 'lo95', 'hi95'];
const csvRows = (s: SeriesBacktest): unknown[][] => s.models.flatMap((m) => m.rows.map((r) => [s.key, m.model, r.cutoff, r.h, r.year, r.actual, r.mean, r.lo80, r.hi80, r.lo95, r.hi95]));

function textBlock(s: SeriesBacktest, horizon: number, minTrain: number): string {
  const fmt = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : '-');
  const table = renderTable(
    [{ header: 'MODEL' }, { header: 'N', align: 'right' }, { header: 'sMAPE', align: 'right' }, { header: 'MASE', align: 'right' }, { header: 'COVER80', align: 'right' }, { header: 'COVER95', align: 'right' }],
    [...s.models]
      .sort((a, b) => (Number.isFinite(a.mase) ? a.mase : Infinity) - (Number.isFinite(b.mase) ? b.mase : Infinity))
      .map((m) => [m.model === s.best ? `${m.model} *` : m.model, String(m.forecasts), fmt(m.smape, 2), fmt(m.mase, 3), fmt(m.coverage80, 0), fmt(m.coverage95, 0)]),
  );
  return `${s.key}: horizons 1-${horizon}, training windows of at least ${minTrain} years (* lowest MASE)\n${table}`;
}

/**
 * Writes the backtest series by series as each is computed (memory bounded by one series, Ctrl-C
 * handled between series); the JSON is the text jsonDocument(buildBacktestReport(…)) would give.
 */
export async function streamBacktest(
  write: (text: string) => void,
  header: Omit<BacktestReport, 'series'>,
  entries: Iterable<SeriesBacktest> | AsyncIterable<SeriesBacktest>,
  format: Format,
  stamp: string | null,
): Promise<void> {
  if (format === 'json') {
    const { parts } = streamedJson(header, ['series'], stamp);
    write(parts[0]!);
    await writeJsonArray(write, entries);
    write(parts[1]!);
    return;
  }
  if (format === 'csv') write(toCsv(CSV_HEADER, []));
  let count = 0;
  for await (const s of entries) {
    if (format === 'csv') write(toCsv(CSV_HEADER, csvRows(s)).slice(CSV_HEADER.join(',').length + 1));
    else write(`${count > 0 ? '\n' : ''}${textBlock(s, header.horizon, header.minTrain)}\n`);
    count += 1;
  }
}

/** The whole report in one format (for callers that already hold it). */
export async function renderBacktest(report: BacktestReport, format: Format, stamp: string | null = null): Promise<string> {
  let out = '';
  const { series, ...header } = report;
  await streamBacktest((t) => (out += t), header, series, format, stamp);
  return out;
}

export async function runBacktest(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`backtest: unexpected argument '${positionals[0]}' (use --series ID)`);
  const h = intFlag('backtest', flags, 'horizon', 1, 20) ?? 3;
  const minTrain = intFlag('backtest', flags, 'min-train', 2, 1000) ?? 6;
  const models = (flags.model as string[] | undefined) ?? MODELS.map((m) => m.name);
  for (const m of models) if (!findModel(m)) throw new UsageError(`backtest: unknown model '${m}'`);
  const { dataset, series } = await loadSelection(io, 'backtest', flags);
  const request = { models, h, minTrain, version };
  const entries = (function* () {
    for (const s of series) yield backtestEntry(s, request);
  })();
  await streamBacktest(io.stdout, backtestHeader(dataset, request), yieldingToSignals(entries, 1), formatOf(flags), io.stamp ?? null);
  return 0;
}
