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

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Line breaks in a piece of a quoted field: CRLF counts once and becomes LF; a lone CR stays. */
function quotedPiece(piece: string): { text: string; lines: number } {
  let lines = 0;
  for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) lines += 1;
  return { text: piece.includes('\r\n') ? piece.replace(/\r\n/g, '\n') : piece, lines };
}

/**
 * Splits CSV text into records. Blank lines are skipped. A quote left open at the end of
 * the text is reported as a problem on the line where the quoted field began. Fields are cut
 * out as slices (never built a character at a time), so time and memory grow linearly with the
 * text, however long one field is.
 * @example parseCsv('a,b\n1,"x,y"\n').records[1].fields // ['1', 'x,y']
 */
export function parseCsv(text: string): ParsedCsv {
  const problems: CsvProblem[] = [];
  const records = [...csvRecords(text, problems)];
  return { records, problems };
}

/**
 * The records of CSV text one at a time, as parseCsv finds them (a file of a million rows need
 * not be held as records); a problem (an unclosed quote) is pushed onto `problems`.
 */
export function* csvRecords(text: string, problems: CsvProblem[]): Generator<CsvRecord> {
  const pending: CsvRecord[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  let i = 0;
  const n = s.length;

  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldStarted;
    if (!blank) pending.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  while (i < n) {
    // A quote opens a quoted part only where the field is still empty; elsewhere it is a character.
    if (s.charCodeAt(i) === QUOTE && field === '') {
      fieldStarted = true;
      const quoteLine = line;
      const parts: string[] = [];
      i += 1;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          const rest = quotedPiece(s.slice(i));
          parts.push(rest.text);
          line += rest.lines;
          i = n;
          problems.push({ line: quoteLine, message: 'a quoted field is never closed (missing ")' });
          break;
        }
        const piece = quotedPiece(s.slice(i, q));
        parts.push(piece.text);
        line += piece.lines;
        if (s.charCodeAt(q + 1) === QUOTE) {
          parts.push('"');
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = parts.join('');
      continue;
    }
    // Unquoted text up to the next comma or line end.
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === COMMA || c === CR || c === LF) break;
      j += 1;
    }
    if (j > i) {
      field += s.slice(i, j);
      fieldStarted = true;
      i = j;
    }
    if (i >= n) break;
    const c = s.charCodeAt(i);
    if (c === COMMA) {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i += 1;
      continue;
    }
    endRecord();
    if (pending.length > 0) yield pending.pop()!;
    i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
    line += 1;
    recordLine = line;
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  if (pending.length > 0) yield pending.pop()!;
}
