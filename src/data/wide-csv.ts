/**
 * Wide observations files, the layout statistical offices and the World Bank publish: one row
 * per series, one column per year. They are turned into the long records (series, year, value, …)
 * that validate-observations.ts checks, so both layouts go through one validator and give the
 * same observations. Pure: no file I/O.
 */
import type { CsvRecord } from './parse-csv.js';

/** Year columns of a wide file must lie in this range; other 4-digit columns are ignored. */
export const WIDE_YEAR_RANGE = { min: 1800, max: 2200 } as const; // as long files (YEAR_RANGE)

/**
 * Columns that name each row's series, in order of preference: our own `series`, else
 * `Indicator Code` as in World Bank downloads (e.g. NY.GDP.MKTP.KD.ZG). Matched ignoring case.
 */
export const WIDE_SERIES_COLUMNS = ['series', 'indicator code'] as const;

/** A World Bank download has 2 records above its header; a header further down is not looked for. */
export const MAX_PREAMBLE_RECORDS = 10;

/** A problem or warning, located like validate-observations.ts's Problem. */
export interface WideProblem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** One long record made from a wide cell, in the column order of WideLayout.names. */
export interface LongRecord extends CsvRecord {
  /** The wide file's column name behind each long column, for messages: year and value → '2019'. */
  readonly columnNames: Readonly<Record<string, string>>;
}

/** How a wide header maps onto long columns. Plain data, made by readWideHeader. */
export interface WideLayout {
  /** Number of fields in the header; every data row must have as many. */
  readonly width: number;
  /** Long column names of the records wideRowToLong makes: series, year, value, then the carried columns present. */
  readonly names: readonly string[];
  /** Index and header name of the series column, or undefined when the header has none. */
  readonly series?: { readonly index: number; readonly name: string };
  readonly years: readonly { readonly index: number; readonly year: number }[];
  /** Optional long columns (unit, basis, …) found in the header; they apply to every year of a row. */
  readonly carried: readonly { readonly index: number; readonly name: string }[];
  readonly problems: readonly WideProblem[];
  readonly warnings: readonly WideProblem[];
}

const normalise = (name: string): string => name.trim().toLowerCase();

/**
 * The year a header field names, when it is a 4-digit year in WIDE_YEAR_RANGE; surrounding
 * whitespace and quotes are allowed (`"2019"`, ` 2019 `, `'2019'`).
 * @example yearOfColumn(' "2019" ') // 2019
 */
export function yearOfColumn(name: string): number | undefined {
  const match = /^\s*["']?\s*(\d{4})\s*["']?\s*$/.exec(name);
  if (!match) return undefined;
  const year = Number(match[1]);
  return year >= WIDE_YEAR_RANGE.min && year <= WIDE_YEAR_RANGE.max ? year : undefined;
}

/**
 * Whether a header row is that of a wide file: no `year` and no `value` column, and at least one
 * year column. A number that is not a year column means the row is data, not a header: the first
 * line of a long file without header (`gdp,2020,1.5`) must keep its "no header row" message.
 */
export function isWideHeader(fields: readonly string[]): boolean {
  const names = fields.map(normalise);
  if (names.includes('year') || names.includes('value')) return false;
  let years = 0;
  for (const field of fields) {
    if (yearOfColumn(field) !== undefined) years += 1;
    else if (field.trim() !== '' && Number.isFinite(Number(field.trim()))) return false;
  }
  return years > 0;
}

const hasSeriesColumn = (fields: readonly string[]): boolean =>
  fields.some((f) => (WIDE_SERIES_COLUMNS as readonly string[]).includes(normalise(f)));

/**
 * Index of the header record when the file is wide, or -1 when it is not. A World Bank download
 * starts with preamble lines ("Data Source", "Last Updated Date"); they are skipped only when the
 * first record names none of series, year and value (so a long file with a broken header keeps
 * its message) and a later record among the first few is a wide header with a series column.
 */
export function findWideHeader(records: readonly CsvRecord[]): number {
  const first = records[0];
  if (first === undefined) return -1;
  if (isWideHeader(first.fields)) return 0;
  if (first.fields.some((f) => ['series', 'year', 'value'].includes(normalise(f)))) return -1;
  const last = Math.min(records.length, MAX_PREAMBLE_RECORDS + 1);
  for (let i = 1; i < last; i += 1) {
    const fields = records[i]!.fields;
    if (isWideHeader(fields) && hasSeriesColumn(fields)) return i;
  }
  return -1;
}

/**
 * Reads a wide header: which column names the series, which are years, and which optional
 * columns (`carriedColumns`, e.g. unit, basis, status) apply to every year of a row. Other
 * columns (e.g. `Country Name`) are ignored with one warning listing them.
 */
export function readWideHeader(header: CsvRecord, carriedColumns: readonly string[]): WideLayout {
  const problems: WideProblem[] = [];
  const warnings: WideProblem[] = [];
  const names = header.fields.map(normalise);
  const seriesIndex = WIDE_SERIES_COLUMNS.map((c) => names.indexOf(c)).find((i) => i >= 0);
  const years: { index: number; year: number }[] = [];
  const carried: { index: number; name: string }[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  header.fields.forEach((field, index) => {
    const year = yearOfColumn(field);
    const name = year === undefined ? names[index]! : String(year);
    if (name !== '' && seen.has(name)) {
      problems.push({ line: header.line, column: name, message: 'appears twice in the header' });
      return;
    }
    seen.add(name);
    if (year !== undefined) years.push({ index, year });
    else if (index === seriesIndex) return;
    else if (carriedColumns.includes(name)) carried.push({ index, name });
    // A World Bank download has one row per country: its `Country Code` is the row's basis (a
    // territory), unless the file has a basis column of its own, so that countries never mix.
    else if (name === 'country code' && !names.includes('basis') && carriedColumns.includes('basis')) carried.push({ index, name: 'basis' });
    else ignored.push(field.trim());
  });
  if (seriesIndex === undefined) {
    problems.push({
      line: header.line,
      message: `has year columns but no 'series' column naming the series of each row (header has: ${header.fields.join(',')}); a long file needs the columns series,year,value`,
    });
  }
  if (ignored.length > 0) {
    const named = ignored.filter((n) => n !== '').map((n) => `'${n}'`);
    const unnamed = ignored.length - named.length;
    if (unnamed > 0) named.push(`${unnamed} unnamed column${unnamed > 1 ? 's' : ''}`);
    warnings.push({
      line: header.line,
      message: `wide file: ignoring column${ignored.length > 1 ? 's' : ''} ${named.join(', ')} (read: series or Indicator Code, ${carriedColumns.join(', ')}, and year columns ${WIDE_YEAR_RANGE.min}-${WIDE_YEAR_RANGE.max})`,
    });
  }
  return {
    width: header.fields.length,
    names: ['series', 'year', 'value', ...carried.map((c) => c.name)],
    series: seriesIndex === undefined ? undefined : { index: seriesIndex, name: header.fields[seriesIndex]!.trim() },
    years,
    carried,
    problems,
    warnings,
  };
}

/**
 * Turns one wide data row into long records, one per non-empty year cell, each on the row's line.
 * An empty cell is a gap (that is how wide files mark a missing year), not an error. The row
 * must have layout.width fields; the caller checks that, as for long rows.
 * @example wideRowToLong(readWideHeader({ line: 1, fields: ['series', '2019', '2020'] }, []), { line: 2, fields: ['gdp', '1.5', ''] })
 * // [{ line: 2, fields: ['gdp', '2019', '1.5'], columnNames: { series: 'series', year: '2019', value: '2019' } }]
 */
export function wideRowToLong(layout: WideLayout, row: CsvRecord): LongRecord[] {
  if (layout.series === undefined) return [];
  const series = row.fields[layout.series.index] ?? '';
  const carried = layout.carried.map((c) => row.fields[c.index] ?? '');
  const records: LongRecord[] = [];
  for (const { index, year } of layout.years) {
    const cell = row.fields[index] ?? '';
    if (cell.trim() === '') continue;
    records.push({
      line: row.line,
      fields: [series, String(year), cell, ...carried],
      columnNames: { series: layout.series.name, year: String(year), value: String(year) },
    });
  }
  return records;
}
