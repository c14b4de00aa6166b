/**
 * Reads the partial-year figures a region's context file holds (context.csv: Q1, H1, 9-month
 * growth, year-to-date totals), for nowcasting. The file also holds period averages whose "year"
 * is a span (2021-2025); only the named series' rows with a whole year are read, and a row of one
 * of those series that is not a plain year and number is an error naming its line.
 */
import { createHash } from 'node:crypto';
import { DataError } from '../core/errors.js';
import type { Dataset, Observation, Status } from '../core/types.js';
import { STATUSES } from '../core/types.js';
import { buildSeries } from './build-series.js';
import { displayPath, readTextFile } from './load-dataset.js';
import { parseCsv } from './parse-csv.js';

/** A published average over a period ("2021-2025": 11.39% a year), as the context file states it. */
export interface PeriodAverage {
  readonly series: string;
  readonly basis: string;
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly source: string;
  readonly line: number;
}

/** The context file's rows of `id` whose year is a period FROM-TO, e.g. the official 2021-2025 average growth. */
export function loadPeriodAverages(file: string, id: string): PeriodAverage[] {
  const { text } = readTextFile(file);
  const shown = displayPath(file);
  const { records } = parseCsv(text);
  const [header, ...rows] = records;
  const col = (name: string): number => header?.fields.indexOf(name) ?? -1;
  const [iSeries, iYear, iValue, iBasis, iSource] = ['series', 'year', 'value', 'basis', 'source'].map(col);
  const out: PeriodAverage[] = [];
  for (const r of rows) {
    const f = (i: number | undefined): string => (i !== undefined && i >= 0 ? (r.fields[i] ?? '').trim() : '');
    if (f(iSeries) !== id) continue;
    const m = /^(\d{4})-(\d{4})$/.exec(f(iYear));
    const value = Number(f(iValue));
    if (!m || f(iValue) === '' || !Number.isFinite(value)) throw new DataError(`${id}: "${f(iYear)}" must be a period FROM-TO with a number`, { file: shown, line: r.line, column: 'year' });
    out.push({ series: id, basis: f(iBasis), from: Number(m[1]), to: Number(m[2]), value, source: f(iSource), line: r.line });
  }
  return out;
}

export function loadPartialFigures(file: string, ids: readonly string[]): Dataset {
  const { text, bytes } = readTextFile(file);
  const shown = displayPath(file);
  const { records, problems } = parseCsv(text);
  if (problems[0]) throw new DataError(problems[0].message, { file: shown, line: problems[0].line });
  const [header, ...rows] = records;
  const col = (name: string): number => header?.fields.indexOf(name) ?? -1;
  const [iSeries, iYear, iValue, iBasis, iStatus, iSource, iNote] = ['series', 'year', 'value', 'basis', 'status', 'source', 'note'].map(col);
  if (iSeries! < 0 || iYear! < 0 || iValue! < 0) throw new DataError('needs the columns series, year and value', { file: shown, line: 1 });
  const wanted = new Set(ids);
  const observations: Observation[] = [];
  for (const r of rows) {
    const f = (i: number | undefined): string => (i !== undefined && i >= 0 ? (r.fields[i] ?? '').trim() : '');
    if (!wanted.has(f(iSeries))) continue;
    const year = Number(f(iYear));
    const value = Number(f(iValue));
    if (!/^\d{4}$/.test(f(iYear))) throw new DataError(`"${f(iYear)}" is not a whole year`, { file: shown, line: r.line, column: 'year' });
    if (f(iValue) === '' || !Number.isFinite(value)) throw new DataError(`"${f(iValue)}" is not a number`, { file: shown, line: r.line, column: 'value' });
    const status = f(iStatus);
    observations.push({
      series: f(iSeries),
      year,
      value,
      basis: f(iBasis),
      ...((STATUSES as readonly string[]).includes(status) ? { status: status as Status } : {}),
      ...(f(iSource) ? { source: f(iSource) } : {}),
      ...(f(iNote) ? { note: f(iNote) } : {}),
      line: r.line,
    });
  }
  const seen = new Set<string>();
  for (const o of observations) {
    const k = `${o.series}\u0000${o.basis}\u0000${o.year}`;
    if (seen.has(k)) throw new DataError(`${o.series} ${o.year}${o.basis ? ` (${o.basis})` : ''} appears twice`, { file: shown, line: o.line });
    seen.add(k);
  }
  return {
    info: { id: 'context', nameEn: 'context', nameVi: 'context', description: '', bases: {} },
    file: shown,
    hash: createHash('sha256').update(bytes).digest('hex'),
    series: buildSeries(observations, new Map()),
    warnings: [],
  };
}
