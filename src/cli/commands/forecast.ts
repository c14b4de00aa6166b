import { UsageError } from '../../core/errors.js';
import { MODEL_NAMES, findModel } from '../../models/registry.js';
import { forecastEntries, forecastHeader, type ForecastHeader, type ForecastReport, type SeriesFailure, type SeriesForecastEntry } from '../../report/forecast-report.js';
import { intFlag, type CommandSpec, type ParsedFlags } from '../args.js';
import { streamedJson, writeJsonArray, yieldingToSignals } from '../stream.js';
import { formatOf, toCsv, type Format, type Io } from '../io.js';
import { formatNumber, textWriter } from '../table.js';
import { DATA_FLAG, FORMAT_FLAGS, REGION_FLAG, loadSelection, progressBar, SERIES_FLAG } from './shared.js';

export const forecastSpec: CommandSpec = {
  name: 'forecast',
  short: 'forecast every series (mean, 80% and 95% intervals)',
  usage: 'targetcast forecast [--data FILE|DIR] [--series ID…] [--horizon H | --to YEAR] [--model NAME|auto] [--seed N] [--json|--csv]',
  summary: 'Forecast each series with the auto model (chosen per series by backtest) or a named one. Intervals are calibrated on the series\' own out-of-sample errors.',
  flags: [
    REGION_FLAG,
    DATA_FLAG,
    SERIES_FLAG,
    { name: 'horizon', type: 'string', value: 'H', help: 'steps (years) ahead, 1-100 (default 6)' },
    { name: 'to', type: 'string', value: 'YEAR', help: 'forecast each series up to this year instead' },
    { name: 'model', type: 'string', value: 'NAME', help: 'model to use (default auto)', choices: MODEL_NAMES },
    { name: 'seed', type: 'string', value: 'N', help: 'random seed for simulated paths (default 20251)' },
    ...FORMAT_FLAGS,
  ],
  examples: [
    'targetcast forecast --series SERIES --to 2030',
    'targetcast forecast --data my-series.csv --horizon 6 --json | jq ".series[] | {id, model}"',
  ],
};

function textBlock(s: SeriesForecastEntry): string {
  const head = `${s.key}${s.name ? ` — ${s.name}` : ''}${s.unit ? ` (${s.unit})` : ''}`;
  const how = `model ${s.model}${s.reason ? `: ${s.reason}` : ''}`;
  const fitted = `fitted on ${s.fittedYears.first}-${s.fittedYears.last} (${s.fittedYears.count} years)${s.excludedYears.length ? `; left out ${s.excludedYears.join(', ')} (gap before the latest run)` : ''}`;
  const rows = s.forecast.map(
    (f) => `${f.year}  ${formatNumber(f.mean).padStart(9)}  ${formatNumber(f.lo80).padStart(9)} ${formatNumber(f.hi80).padStart(9)}  ${formatNumber(f.lo95).padStart(9)} ${formatNumber(f.hi95).padStart(9)}`,
  );
  return [head, how, fitted, `YEAR       MEAN       80% interval          95% interval`, ...rows].join('\n');
}

type Entry = { entry: SeriesForecastEntry } | { failure: SeriesFailure };


const CSV_HEADER = ['series', 'basis', 'year', 'mean', 'lo80', 'hi80', 'lo95', 'hi95', 'model'];
const csvRows = (s: SeriesForecastEntry): unknown[][] => s.forecast.map((f) => [s.id, s.basis, f.year, f.mean, f.lo80, f.hi80, f.lo95, f.hi95, s.model]);

/**
 * Writes the forecast as it is made, one series at a time, in the chosen format. The JSON is
 * the same text as jsonDocument(buildForecastReport(…)) would give, written piece by piece.
 */
export async function streamForecast(
  write: (text: string) => void,
  header: ForecastHeader,
  entries: Iterable<Entry> | AsyncIterable<Entry>,
  format: Format,
  stamp: string | null,
): Promise<SeriesFailure[]> {
  const failures: SeriesFailure[] = [];
  let count = 0;
  if (format === 'json') {
    const { parts } = streamedJson(header, ['series', 'failures'], stamp);
    write(parts[0]!);
    await writeJsonArray(write, (async function* () {
      for await (const r of entries) {
        if ('failure' in r) failures.push(r.failure);
        else yield r.entry;
      }
    })());
    write(parts[1]!);
    await writeJsonArray(write, failures);
    write(parts[2]!);
    return failures;
  }
  if (format === 'csv') write(toCsv(CSV_HEADER, []));
  for await (const r of entries) {
    if ('failure' in r) {
      failures.push(r.failure);
      continue;
    }
    if (format === 'csv') write(toCsv(CSV_HEADER, csvRows(r.entry)).slice(CSV_HEADER.join(',').length + 1));
    else write(`${count > 0 ? '\n' : ''}${textBlock(r.entry)}\n`);
    count += 1;
  }
  if (format === 'text' && failures.length > 0) write(`\n${failures.map((f) => `${f.key}: not forecast: ${f.error.message}`).join('\n')}\n`);
  return failures;
}

/** The whole report in one format (for callers that already hold it). */
export async function renderForecast(report: ForecastReport, format: Format, stamp: string | null = null): Promise<string> {
  let out = '';
  const { series, failures, ...header } = report;
  await streamForecast((t) => (out += t), header, [...series.map((entry) => ({ entry })), ...failures.map((failure) => ({ failure }))], format, stamp);
  return out;
}

export async function runForecast(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`forecast: unexpected argument '${positionals[0]}' (use --series ID)`);
  if (flags.horizon !== undefined && flags.to !== undefined) throw new UsageError('forecast: give --horizon or --to, not both');
  const steps = intFlag('forecast', flags, 'horizon', 1, 100);
  const toYear = intFlag('forecast', flags, 'to', 1800, 2200);
  const seed = intFlag('forecast', flags, 'seed', 0, 2 ** 32 - 1);
  const model = String(flags.model ?? 'auto');
  if (model !== 'auto' && !findModel(model)) throw new UsageError(`forecast: unknown model '${model}' (allowed: ${MODEL_NAMES.join(', ')})`);
  const { dataset, series } = await loadSelection(io, 'forecast', flags);
  if (toYear !== undefined) {
    const late = series.filter((s) => s.years[s.years.length - 1]! >= toYear).map((s) => s.key);
    if (late.length === series.length) throw new UsageError(`forecast: --to ${toYear} is not after the last observed year of any selected series`);
    const far = series.find((s) => toYear - s.years[s.years.length - 1]! > 100);
    if (far) throw new UsageError(`forecast: --to ${toYear} is more than 100 years after ${far.key}'s last year (${far.years[far.years.length - 1]}); the limit is that of --horizon`);
  }
  const request = {
    model,
    steps: toYear === undefined ? steps ?? 6 : null,
    toYear: toYear ?? null,
    seed,
    version,
    onProgress: progressBar(io, 'forecast'),
  };
  // TERM=dumb: the text goes through the one ASCII mapping (JSON and CSV keep their UTF-8).
  const ascii = textWriter(io, flags);
  const write = formatOf(flags) === 'text' ? (text: string): void => io.stdout(ascii(text)) : io.stdout;
  const failures = await streamForecast(write, forecastHeader(dataset, request), yieldingToSignals(forecastEntries(series, request)), formatOf(flags), io.stamp ?? null);
  for (const f of failures) io.stderr(`targetcast: ${f.key}: ${f.error.message}\n`);
  return failures.length === series.length && series.length > 0 ? 1 : 0;
}
