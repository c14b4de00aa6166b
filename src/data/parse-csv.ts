/**
 * A small RFC 4180 CSV reader that keeps the line number of every record, so that
 * validation can say `FILE:LINE: column 'value': …`. Accepts a UTF-8 BOM and CRLF or LF
 * line ends; quoted fields may hold commas, doubled quotes and line breaks.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedCsv {
  readonly records: readonly CsvRecord[];
  readonly problems: readonly CsvProblem[];
}

/**
 * Splits CSV text into records. Blank lines are skipped. A quote left open at the end of
 * the text is reported as a problem on the line where the quoted field began.
 * @example parseCsv('a,b\n1,"x,y"\n').records[1].fields // ['1', 'x,y']
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  let fieldStarted = false;
  let i = 0;
  const n = s.length;

  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldStarted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  while (i < n) {
    const c = s[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      if (c === '\r' && s[i + 1] === '\n') {
        field += '\n';
        line += 1;
        i += 2;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i += 1;
  }
  if (inQuotes) {
    problems.push({ line: quoteLine, message: 'a quoted field is never closed (missing ")' });
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return { records, problems };
}
