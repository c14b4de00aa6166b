import { UsageError } from '../../core/errors.js';
import { MODEL_NAMES, findModel } from '../../models/registry.js';
import { buildForecastReport, type ForecastReport } from '../../report/forecast-report.js';
import { intFlag, type CommandSpec, type ParsedFlags } from '../args.js';
import { formatOf, toCsv, type Format, type Io } from '../io.js';
import { formatNumber } from '../table.js';
import { DATA_FLAG, FORMAT_FLAGS, loadSelection, progressBar, SERIES_FLAG } from './shared.js';

export const forecastSpec: CommandSpec = {
  name: 'forecast',
  short: 'forecast every series (mean, 80% and 95% intervals)',
  usage: 'targetcast forecast [--data FILE|DIR] [--series ID…] [--horizon H | --to YEAR] [--model NAME|auto] [--seed N] [--json|--csv]',
  summary: 'Forecast each series with the auto model (chosen per series by backtest) or a named one. Intervals are calibrated on the series\' own out-of-sample errors.',
  flags: [
    DATA_FLAG,
    SERIES_FLAG,
    { name: 'horizon', type: 'string', value: 'H', help: 'steps (years) ahead, 1-100 (default 6)' },
    { name: 'to', type: 'string', value: 'YEAR', help: 'forecast each series up to this year instead' },
    { name: 'model', type: 'string', value: 'NAME', help: 'model to use (default auto)', choices: MODEL_NAMES },
    { name: 'seed', type: 'string', value: 'N', help: 'random seed for simulated paths (default 20251)' },
    ...FORMAT_FLAGS,
  ],
  examples: [
    'targetcast forecast --series grdp_growth_real --to 2030',
    'targetcast forecast --data my-series.csv --horizon 6 --json | jq ".series[] | {id, model}"',
  ],
};

export function renderForecast(report: ForecastReport, format: Format): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') {
    return toCsv(
      ['series', 'basis', 'year', 'mean', 'lo80', 'hi80', 'lo95', 'hi95', 'model'],
      report.series.flatMap((s) => s.forecast.map((f) => [s.id, s.basis, f.year, f.mean, f.lo80, f.hi80, f.lo95, f.hi95, s.model])),
    );
  }
  const blocks = report.series.map((s) => {
    const head = `${s.key}${s.name ? ` — ${s.name}` : ''}${s.unit ? ` (${s.unit})` : ''}`;
    const how = `model ${s.model}${s.reason ? `: ${s.reason}` : ''}`;
    const fitted = `fitted on ${s.fittedYears.first}-${s.fittedYears.last} (${s.fittedYears.count} years)${s.excludedYears.length ? `; left out ${s.excludedYears.join(', ')} (gap before the latest run)` : ''}`;
    const rows = s.forecast.map(
      (f) => `${f.year}  ${formatNumber(f.mean).padStart(9)}  ${formatNumber(f.lo80).padStart(9)} ${formatNumber(f.hi80).padStart(9)}  ${formatNumber(f.lo95).padStart(9)} ${formatNumber(f.hi95).padStart(9)}`,
    );
    return [head, how, fitted, `YEAR       MEAN       80% interval          95% interval`, ...rows].join('\n');
  });
  const failures = report.failures.map((f) => `${f.key}: not forecast: ${f.error.message}`);
  return `${[...blocks, ...(failures.length ? [failures.join('\n')] : [])].join('\n\n')}\n`;
}

export async function runForecast(io: Io, flags: ParsedFlags, positionals: string[], defaultData: string, version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`forecast: unexpected argument '${positionals[0]}' (use --series ID)`);
  if (flags.horizon !== undefined && flags.to !== undefined) throw new UsageError('forecast: give --horizon or --to, not both');
  const steps = intFlag('forecast', flags, 'horizon', 1, 100);
  const toYear = intFlag('forecast', flags, 'to', 1800, 2200);
  const seed = intFlag('forecast', flags, 'seed', 0, 2 ** 32 - 1);
  const model = String(flags.model ?? 'auto');
  if (model !== 'auto' && !findModel(model)) throw new UsageError(`forecast: unknown model '${model}' (allowed: ${MODEL_NAMES.join(', ')})`);
  const { dataset, series } = await loadSelection(io, 'forecast', flags, defaultData);
  if (toYear !== undefined) {
    const late = series.filter((s) => s.years[s.years.length - 1]! >= toYear).map((s) => s.key);
    if (late.length === series.length) throw new UsageError(`forecast: --to ${toYear} is not after the last observed year of any selected series`);
  }
  const report = buildForecastReport(dataset, series, {
    model,
    steps: toYear === undefined ? steps ?? 6 : null,
    toYear: toYear ?? null,
    seed,
    version,
    onProgress: progressBar(io, 'forecast'),
  });
  for (const f of report.failures) io.stderr(`targetcast: ${f.key}: ${f.error.message}\n`);
  io.stdout(renderForecast(report, formatOf(flags)));
  return report.series.length === 0 && report.failures.length > 0 ? 1 : 0;
}
