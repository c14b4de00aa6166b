import { escapeControl } from '../core/errors.js';
import { STATUSES, type Observation, type Status } from '../core/types.js';
import { csvRecords, type CsvBytes, type CsvRecord } from './parse-csv.js';
import { findWideHeader, MAX_PREAMBLE_RECORDS, readWideHeader, wideRowToLong, type LongRecord, type WideLayout } from './wide-csv.js';

/** One problem found in an observations file, located by line and column. */
export interface Problem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface ValidationResult {
  /** The observations that passed (empty when the caller only counts them: see checkObservationsFile). */
  readonly observations: readonly Observation[];
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
  /** Observations that passed and their distinct series, kept or not. */
  readonly observationCount: number;
  readonly seriesCount: number;
}

export const REQUIRED_COLUMNS = ['series', 'year', 'value'] as const;
export const OPTIONAL_COLUMNS = ['unit', 'basis', 'status', 'source', 'source_date', 'note'] as const;
/** Years outside this range are taken for typing errors (e.g. 20255) rather than data. */
export const YEAR_RANGE = { min: 1800, max: 2200 } as const;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const THOUSANDS_DOT_COMMA = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const THOUSANDS_COMMA_DOT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/**
 * Reads one numeric field. Returns the number or a message that says how to fix the field.
 * @example parseValue('10,34') // { message: '"10,34" is not a number (use a dot as decimal separator)' }
 */
export function parseValue(raw: string): { value: number } | { message: string } {
  const s = raw.trim();
  if (s === '') return { message: 'is empty (leave the row out if there is no figure)' };
  if (NON_FINITE.test(s)) return { message: `"${raw}" is not a finite number` };
  if (PLAIN_NUMBER.test(s)) {
    const value = Number(s);
    return Number.isFinite(value) ? { value } : { message: `"${raw}" is not a finite number` };
  }
  if (THOUSANDS_COMMA_DOT.test(s) && s.includes('.')) {
    return { message: `"${raw}" has thousands separators (write ${s.replace(/,/g, '')})` };
  }
  if (THOUSANDS_DOT_COMMA.test(s) && s.includes(',')) {
    return { message: `"${raw}" has thousands separators (write ${s.replace(/\./g, '').replace(',', '.')})` };
  }
  if (DECIMAL_COMMA.test(s)) return { message: `"${raw}" is not a number (use a dot as decimal separator)` };
  if (THOUSANDS_COMMA_DOT.test(s) || THOUSANDS_DOT_COMMA.test(s)) {
    return { message: `"${raw}" has thousands separators or a decimal comma (write the plain number with a dot as decimal separator)` };
  }
  return { message: `"${raw}" is not a number` };
}

function parseYear(raw: string): { value: number } | { message: string } {
  const s = raw.trim();
  if (s === '') return { message: 'is empty' };
  if (!/^[+-]?\d+$/.test(s)) return { message: `"${raw}" is not a whole year` };
  const year = Number(s);
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    return { message: `${year} is out of range (${YEAR_RANGE.min}-${YEAR_RANGE.max})` };
  }
  return { value: year };
}

/**
 * Checks the text of an observations CSV and returns every problem at once (not only the
 * first), with the observations that passed. Pure: the caller reads the file. The file is long
 * (columns series,year,value) or wide (one row per series, one column per year; see wide-csv.ts),
 * and a wide file is checked as the long file holding the same data.
 */
export function validateObservations(text: string): ValidationResult {
  const steps = validationSteps(text, true);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same, returning to the event loop every VALIDATION_CHUNK rows, so that Ctrl-C stops the
 * validation of a million-row file at once (signals are delivered by the event loop).
 */
export async function validateObservationsYielding(text: string | CsvBytes, keep = true): Promise<ValidationResult> {
  const steps = validationSteps(text, keep);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Rows checked between two returns to the event loop (about 50 ms of work). */
const VALIDATION_CHUNK = 10_000;

function* validationSteps(text: string | CsvBytes, keep = true): Generator<void, ValidationResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const observations: Observation[] = [];
  // Records are read one at a time (a million rows are never held as records); the first few are
  // buffered to find the header below a preamble.
  const parseProblems: { line: number; message: string }[] = [];
  const records = csvRecords(text, parseProblems);
  const head: CsvRecord[] = [];
  while (head.length <= MAX_PREAMBLE_RECORDS) {
    const r = records.next();
    if (r.done) break;
    head.push(r.value);
  }
  let observationCount = 0;
  const seriesSeen = new Set<string>();
  /** Reads what is left of the file (an unclosed quote at its end is still reported) and puts the parse problems first. */
  const finish = (): ValidationResult => {
    for (const _ of records);
    const all = [...parseProblems.map((p) => ({ line: p.line, message: p.message })), ...problems];
    return { observations, problems: all, warnings, observationCount, seriesCount: seriesSeen.size };
  };
  if (head.length === 0) {
    problems.push({ line: 1, message: 'the file is empty (expected a header row: series,year,value)' });
    return finish();
  }
  const wideHeaderAt = findWideHeader(head);
  const headerAt = Math.max(wideHeaderAt, 0);
  const header = head[headerAt]!;
  function* allRows(): Generator<CsvRecord> {
    yield* head.slice(headerAt + 1);
    yield* records;
  }
  const rows = allRows();
  if (headerAt > 0) {
    const from = head[0]!.line;
    const to = header.line - 1;
    warnings.push({
      line: from,
      message: `skipped ${from === to ? `line ${from}` : `lines ${from}-${to}`} above the header on line ${header.line} (a preamble such as World Bank downloads have)`,
    });
  }
  let wide: WideLayout | undefined;
  let names: readonly string[];
  if (wideHeaderAt >= 0) {
    wide = readWideHeader(header, OPTIONAL_COLUMNS);
    problems.push(...wide.problems);
    warnings.push(...wide.warnings);
    if (wide.series === undefined) return finish();
    names = wide.names;
  } else {
    const long = checkLongHeader(header);
    problems.push(...long.problems);
    warnings.push(...long.warnings);
    if (long.missing) return finish();
    names = long.names;
  }
  const index = (name: string): number => names.indexOf(name);
  const col = {
    series: index('series'),
    year: index('year'),
    value: index('value'),
    unit: index('unit'),
    basis: index('basis'),
    status: index('status'),
    source: index('source'),
    sourceDate: index('source_date'),
    note: index('note'),
  };
  // First line of each (series, basis, year), to report duplicates: by series and basis, then year,
  // with the last series' map kept at hand (rows of one series usually come together), so that a
  // million rows build no million key strings.
  const firstLineOf = new Map<string, Map<string, Map<number, number>>>();
  let lastSeries: string | undefined;
  let lastBasis: string | undefined;
  let lastYears: Map<number, number> | undefined;
  const yearsOf = (series: string, basis: string): Map<number, number> => {
    if (series === lastSeries && basis === lastBasis && lastYears) return lastYears;
    let byBasis = firstLineOf.get(series);
    if (!byBasis) firstLineOf.set(series, (byBasis = new Map()));
    let years = byBasis.get(basis);
    if (!years) byBasis.set(basis, (years = new Map()));
    lastSeries = series;
    lastBasis = basis;
    lastYears = years;
    return years;
  };
  // One wide row becomes a record per year, so a row-wide fault (a bad status, an empty series)
  // would be reported once per year; report each (line, column, message) once.
  const reported = new Set<string>();

  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
  const TEXT_COLUMNS = ([[col.basis, 'basis'], [col.unit, 'unit'], [col.status, 'status'], [col.source, 'source'], [col.sourceDate, 'source_date']] as const).filter(([i]) => i >= 0);
  const CONTROL_IN_NOTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
  const checkRecord = (record: CsvRecord | LongRecord): void => {
    const f = record.fields;
    const at = (i: number): string | undefined => (i >= 0 ? f[i] : undefined);
    const columnName = (column: string): string => ('columnNames' in record ? record.columnNames[column] : undefined) ?? column;
    let ok = true;
    const fail = (column: string, message: string): void => {
      ok = false;
      // A message quotes the user's text: its control characters are shown as \xNN, never sent to the terminal.
      const problem = { line: record.line, column: columnName(column), message: escapeControl(message) };
      const key = `${problem.line}\u0000${problem.column}\u0000${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      problems.push(problem);
    };
    const series = (at(col.series) ?? '').trim();
    if (series === '') fail('series', 'is empty');
    else if (CONTROL.test(series)) fail('series', `"${series}" contains control characters`);
    // Text printed from the data (ids, units, sources, notes) can never drive a terminal: no escape
    // sequences or bells; a note may keep its line breaks and tabs.
    for (const [i, name] of TEXT_COLUMNS) {
      const v = f[i];
      if (v !== undefined && CONTROL.test(v)) fail(name, `"${v}" contains control characters`);
    }
    const noteText = at(col.note);
    if (noteText !== undefined && CONTROL_IN_NOTE.test(noteText)) fail('note', `"${noteText}" contains control characters (only line breaks and tabs are allowed in a note)`);
    const year = parseYear(at(col.year) ?? '');
    if ('message' in year) fail('year', year.message);
    const value = parseValue(at(col.value) ?? '');
    if ('message' in value) fail('value', value.message);
    const statusRaw = (at(col.status) ?? '').trim().toLowerCase();
    if (statusRaw !== '' && !STATUSES.includes(statusRaw as Status)) {
      fail('status', `"${at(col.status)}" is not a known status (allowed: ${STATUSES.join(', ')})`);
    }
    if (!ok || 'message' in year || 'message' in value) return;

    const basis = (at(col.basis) ?? '').trim();
    const years = yearsOf(series, basis);
    const first = years.get(year.value);
    if (first !== undefined) {
      problems.push({
        line: record.line,
        column: columnName('year'),
        message: `duplicate observation for series '${series}', year ${year.value}${basis ? `, basis '${basis}'` : ''} (first on line ${first}); keep one and move the other to an alternates file`,
      });
      return;
    }
    years.set(year.value, record.line);
    const optional = (i: number): string | undefined => {
      const v = at(i)?.trim();
      return v === undefined || v === '' ? undefined : v;
    };
    observationCount += 1;
    seriesSeen.add(series);
    if (!keep) return;
    observations.push({
      series,
      year: year.value,
      value: value.value,
      basis,
      line: record.line,
      unit: optional(col.unit),
      status: statusRaw === '' ? undefined : (statusRaw as Status),
      source: optional(col.source),
      sourceDate: optional(col.sourceDate),
      note: optional(col.note),
    });
  };

  const width = header.fields.length;
  let done = 0;
  for (const row of rows) {
    done += 1;
    if (done % VALIDATION_CHUNK === 0) yield;
    const f = row.fields;
    if (f.length !== width) {
      problems.push({
        line: row.line,
        message: `has ${f.length} field${f.length === 1 ? '' : 's'}, the header has ${width} (quote fields that contain commas)`,
      });
      continue;
    }
    if (wide) {
      const records = wideRowToLong(wide, row);
      // A row with a series but no figure in any year column is kept out, and said so.
      if (records.length === 0 && f.some((v) => v.trim() !== '')) warnings.push({ line: row.line, message: 'has no value in any year column (every year is a gap); row skipped' });
      for (const record of records) checkRecord(record);
    } else checkRecord(row);
  }
  // For a long file this means no data rows; a wide file may also have rows whose cells are all empty.
  if (observationCount === 0 && problems.length === 0 && parseProblems.length === 0) {
    problems.push({ line: header.line + 1, message: 'the file has a header but no observations' });
  }
  return finish();
}

/** Checks a long file's header: required columns present, none twice, unknown ones warned about. */
function checkLongHeader(header: CsvRecord): { names: string[]; missing: boolean; problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    const looksLikeData = header.fields.some((f) => PLAIN_NUMBER.test(f.trim()));
    problems.push({
      line: header.line,
      message: looksLikeData
        ? `no header row: the first line must name the columns (series,year,value[,${OPTIONAL_COLUMNS.join(',')}])`
        : `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} (header has: ${header.fields.join(',')})`,
    });
    return { names, missing: true, problems, warnings };
  }
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const seenNames = new Set<string>();
  names.forEach((name) => {
    if (seenNames.has(name)) problems.push({ line: header.line, column: name, message: 'appears twice in the header' });
    seenNames.add(name);
    if (!known.has(name)) {
      warnings.push({ line: header.line, column: name, message: `unknown column is ignored (known: ${[...known].join(', ')})` });
    }
  });
  return { names, missing: false, problems, warnings };
}
