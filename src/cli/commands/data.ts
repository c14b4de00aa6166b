import { UsageError } from '../../core/errors.js';
import { selectSeries } from '../../data/build-series.js';
import { openDataset } from '../../app/workspace.js';
import { buildDataSummary, type DataSummary } from '../../report/data-summary.js';
import type { Observation, Series } from '../../core/types.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Io } from '../io.js';
import { asciiWanted, formatNumber, renderTable, textWriter, wrap } from '../table.js';
import { DATA_FLAG, FORMAT_FLAGS, REGION_FLAG } from './shared.js';

export const dataSpec: CommandSpec = {
  name: 'data',
  short: 'the series of a data set, or one series with its sources',
  usage: 'targetcast data [show SERIES] [--region NAME|DIR | --data DIR|FILE] [--json|--csv]',
  summary: 'List the series of a data set (years covered, last value and its status, sources), or show one series with every observation and its source.',
  flags: [
    REGION_FLAG,
    DATA_FLAG,
    ...FORMAT_FLAGS,
    { name: 'ascii', type: 'boolean', help: 'ASCII characters only in the text output (also with TERM=dumb)' },
  ],
  examples: ['targetcast data', 'targetcast data show SERIES', 'targetcast data --data my.csv --json | jq ".series[].key"'],
};

/**
 * The data summary in a format. Text fits `width` columns, cutting long ids and units only as far
 * as needed; with width Infinity (stdout is not a terminal) nothing is cut.
 */
export function renderDataSummary(summary: DataSummary, format: 'text' | 'json' | 'csv', stamp: string | null = null, width = 80, ascii = false): string {
  if (format === 'json') return jsonDocument(summary, stamp);
  const rows = summary.series;
  if (format === 'csv') {
    return toCsv(
      ['key', 'id', 'basis', 'name', 'unit', 'first_year', 'last_year', 'count', 'missing_years', 'last_value', 'last_status', 'sources'],
      rows.map((s) => [s.key, s.id, s.basis, s.name, s.unit, s.firstYear, s.lastYear, s.count, s.missingYears, s.lastValue, s.lastStatus, s.sources]),
    );
  }
  const d = summary.dataset;
  // One table per basis (territory), so that no basis column eats the 80 columns.
  const bases = [...new Set(rows.map((s) => s.basis))];
  const tables = bases.map((basis) => {
    const table = renderTable(
      [
        { header: 'SERIES', max: 26, cut: 'middle' },
        { header: 'YEARS' },
        { header: 'N', align: 'right' },
        { header: 'LAST', align: 'right' },
        { header: 'UNIT', max: 9 },
        { header: 'STATUS', max: 8 },
        { header: 'SRC', align: 'right' },
      ],
      rows
        .filter((s) => s.basis === basis)
        .map((s) => [
          s.id,
          s.firstYear === s.lastYear ? String(s.firstYear) : `${s.firstYear}-${s.lastYear}`,
          s.missingYears.length > 0 ? `${s.count}*` : String(s.count),
          formatNumber(s.lastValue),
          s.unit ?? '',
          s.lastStatus ?? '',
          String(s.sources),
        ]),
      { width, ascii },
    );
    const about = summary.bases[basis];
    const title = basis === '' ? '' : `Basis ${basis}${about ? `: ${about}` : ''}`;
    return title ? `${Number.isFinite(width) ? wrap(title, width) : title}\n${table}` : table;
  });
  const gaps = rows.some((s) => s.missingYears.length > 0) ? '\n* has missing years inside its range (gaps are not filled)' : '';
  return `${d.name}: ${rows.length} series, ${d.observations} observations, ${d.sources} sources\n${d.file}  sha256 ${d.sha256.slice(0, 12)}\n\n${tables.join('\n\n')}${gaps}\n`;
}

function renderObservations(series: readonly Series[], format: 'text' | 'json' | 'csv', stamp: string | null): string {
  const row = (s: Series, o: Observation) => ({
    series: s.id,
    basis: o.basis,
    year: o.year,
    value: o.value,
    unit: o.unit ?? s.meta?.unit ?? null,
    status: o.status ?? null,
    source: o.source ?? null,
    sourceDate: o.sourceDate ?? null,
    note: o.note ?? null,
  });
  const all = series.flatMap((s) => s.observations.map((o) => row(s, o)));
  if (format === 'json') {
    return jsonDocument({ schemaVersion: 1, kind: 'observations', series: series.map((s) => ({ key: s.key, id: s.id, basis: s.basis, name: s.meta?.nameEn ?? null, nameVi: s.meta?.nameVi ?? null, unit: s.meta?.unit ?? null, description: s.meta?.description ?? null, observations: s.observations.map((o) => row(s, o)) })) }, stamp);
  }
  if (format === 'csv') {
    return toCsv(['series', 'year', 'value', 'unit', 'basis', 'status', 'source', 'source_date', 'note'], all.map((r) => [r.series, r.year, r.value, r.unit, r.basis, r.status, r.source, r.sourceDate, r.note]));
  }
  return series
    .map((s) => {
      const head = `${s.key}${s.meta ? ` — ${s.meta.nameEn} (${s.meta.unit})` : ''}${s.basis ? `, basis ${s.basis}` : ''}`;
      const body = s.observations
        .map((o) => `${o.year}  ${formatNumber(o.value).padStart(10)}  ${(o.status ?? '').padEnd(11)}  ${o.source ?? '(no source)'}${o.note ? `\n${' '.repeat(26)}${o.note}` : ''}`)
        .join('\n');
      return `${head}\n${body}\n`;
    })
    .join('\n');
}

export async function runData(io: Io, flags: ParsedFlags, positionals: string[]): Promise<number> {
  const format = formatOf(flags);
  const [sub, ...rest] = positionals;
  if (sub !== undefined && sub !== 'show') throw new UsageError(`data: unknown subcommand '${sub}' (allowed: show)`);
  const dataset = await openDataset({ region: flags.region === undefined ? undefined : String(flags.region), data: flags.data === undefined ? undefined : String(flags.data) });
  for (const w of dataset.warnings) io.stderr(`warning: ${w}\n`);
  if (sub === 'show') {
    if (rest.length === 0) throw new UsageError('data show: name a series (see: targetcast data)');
    const { found, unknown } = selectSeries(dataset.series, rest);
    if (unknown.length > 0) {
      throw new UsageError(`data show: unknown series ${unknown.map((u) => `'${u}'`).join(', ')} (known: ${[...new Set(dataset.series.map((s) => s.key))].join(', ')})`);
    }
    const out = renderObservations(found, format, io.stamp ?? null);
    io.stdout(format === 'text' ? textWriter(io, flags)(out) : out);
    return 0;
  }
  const text = textWriter(io, flags);
  // Piped or redirected: nothing is cut (a script needs whole ids); in a terminal: its width.
  const width = io.stdoutIsTTY ? Number(io.env.COLUMNS) || process.stdout.columns || 80 : Infinity;
  const out = renderDataSummary(buildDataSummary(dataset), format, io.stamp ?? null, width, asciiWanted(io, flags));
  io.stdout(format === 'text' ? text(out) : out);
  return 0;
}
