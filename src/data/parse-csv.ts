/**
 * The one CSV adapter: records with the line number on which each starts, so that validation
 * can say `FILE:LINE: column 'value': …`. The parsing itself is csv-parse's (RFC 4180, streaming;
 * https://csv.js.org/parse/), fed the text a chunk at a time, so records come out one by one and
 * a field is accumulated in a byte buffer, never built a character at a time.
 *
 * Accepted as before: a UTF-8 BOM; CRLF, LF or CR line ends, mixed in one file; quoted fields
 * holding commas, doubled quotes and line breaks (a CRLF inside a quoted field becomes LF); rows of
 * any width; blank lines (skipped); a quote inside an unquoted field (a character). A quote left
 * open at the end of the text is reported on the line where it opened, and the field runs to the
 * end of the text. Text after a closing quote (`"ab"cd`, not RFC 4180) is kept with its quotes,
 * as csv-parse's relax_quotes reads it: `"ab"cd`.
 */
import { Parser } from 'csv-parse';

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

const CSV_OPTIONS = {
  bom: true,
  // A quote inside an unquoted field is a character; text after a closing quote stays in the field.
  relax_quotes: true,
  // Rows of any width: validation reports a short or long row with its line.
  relax_column_count: true,
  skip_empty_lines: true,
  // Any of the three line ends, mixed in one file (auto-detection would fix the first one found).
  record_delimiter: ['\r\n', '\n', '\r'],
};

/**
 * The synchronous core of csv-parse's Parser, the one its `csv-parse/sync` entry drives: bytes in
 * (`end` on the last call), records pushed back synchronously, an error returned. Driven here a
 * chunk at a time, so that a generator can hand out records as they come (the stream interface
 * would deliver them only through the event loop; the sync entry only as one array).
 */
interface CsvParseCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (fields: string[]) => void, close: () => void): (Error & { code?: string }) | undefined;
}

function newParser(bom = true): { core: CsvParseCore; info: Parser['info'] } {
  const parser = new Parser({ ...CSV_OPTIONS, bom });
  const core = (parser as unknown as { api?: CsvParseCore }).api;
  if (typeof core?.parse !== 'function') throw new Error('csv-parse has no synchronous parser core (Parser.api.parse): check the csv-parse version');
  return { core, info: parser.info };
}

/** Characters of text fed to csv-parse at a time (encoded to UTF-8 on the way). */
const CHUNK_CHARS = 1 << 16;

const UNCLOSED = 'a quoted field is never closed (missing ")';

/**
 * Splits CSV text into records. Blank lines are skipped. A quote left open at the end of
 * the text is reported as a problem on the line where the quoted field began.
 * @example parseCsv('a,b\n1,"x,y"\n').records[1].fields // ['1', 'x,y']
 */
export function parseCsv(text: string): ParsedCsv {
  const problems: CsvProblem[] = [];
  const records = [...csvRecords(text, problems)];
  return { records, problems };
}

/**
 * Line numbering. csv-parse counts lines as it reads (`info.lines`, the line it is on when it
 * pushes a record, i.e. the record's last line) and counts every CR and every LF inside a quoted
 * field as a line; this reader counts a line break inside quotes as a text editor on LF files
 * does: CRLF once, a lone CR not. So a record starts on csv-parse's line minus the CRs and LFs in
 * its fields, minus the CRs met in earlier records' fields.
 */
class LineKeeper {
  /** CRs inside quoted fields so far: lines csv-parse counted and this reader does not. */
  private extraLines = 0;
  /** The line on which the last record ended (0 before the first). */
  lastLine = 0;

  constructor(private readonly info: Parser['info'], private readonly base = 0) {}

  /** The record csv-parse just pushed, on this reader's lines, with CRLF in fields made LF. */
  record(fields: string[]): CsvRecord {
    let cr = 0;
    let lf = 0;
    for (let k = 0; k < fields.length; k += 1) {
      const f = fields[k]!;
      for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) lf += 1;
      for (let i = f.indexOf('\r'); i >= 0; i = f.indexOf('\r', i + 1)) cr += 1;
      if (cr > 0 && f.includes('\r\n')) fields[k] = f.replace(/\r\n/g, '\n');
    }
    const line = this.base + this.info.lines - cr - lf - this.extraLines;
    this.extraLines += cr;
    this.lastLine = line + lf;
    return { line, fields };
  }
}

/**
 * A CSV's UTF-8 bytes, read a chunk at a time from any byte offset: from 0 to parse it, and again
 * from where a record left open at the end begins (to read it once more with its missing quote).
 * A file is read so straight from the disk (load-dataset.ts), never held whole as text.
 */
export interface CsvBytes {
  chunks(fromByte: number): Iterable<Buffer>;
}

/**
 * Text as CsvBytes: encoded to UTF-8 a chunk at a time.
 * @example [...textBytes('a,b').chunks(2)] // [Buffer 'b']
 */
export function textBytes(text: string): CsvBytes {
  return {
    *chunks(fromByte: number) {
      let byte = 0;
      for (let start = 0; start < text.length; ) {
        let end = Math.min(text.length, start + CHUNK_CHARS);
        // Never cut a surrogate pair in two (each half would be encoded as U+FFFD).
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
        const bytes = Buffer.from(text.slice(start, end), 'utf8');
        start = end;
        if (byte + bytes.length > fromByte) yield byte >= fromByte ? bytes : bytes.subarray(fromByte - byte);
        byte += bytes.length;
      }
    },
  };
}

/**
 * The records of a CSV one at a time, as parseCsv finds them (a file of a million rows need
 * not be held as records); a problem (an unclosed quote) is pushed onto `problems`.
 */
export function* csvRecords(input: string | CsvBytes, problems: CsvProblem[]): Generator<CsvRecord> {
  const source = typeof input === 'string' ? textBytes(input) : input;
  const { core, info } = newParser();
  const lines = new LineKeeper(info);
  const ready: CsvRecord[] = [];
  /** UTF-8 bytes up to the end of the last record, to find where an unclosed record starts. */
  let recordEndByte = 0;
  const push = (fields: string[]): void => {
    ready.push(lines.record(fields));
    recordEndByte = info.bytes;
  };
  const close = (): void => {};
  let error: ReturnType<CsvParseCore['parse']>;
  for (const bytes of source.chunks(0)) {
    error = core.parse(bytes, false, push, close);
    yield* ready.splice(0);
    if (error !== undefined) break;
  }
  if (error === undefined) error = core.parse(undefined, true, push, close);
  yield* ready.splice(0);
  if (error === undefined) return;
  if (error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
  // The quote was left open: the field runs to the end of the text. Read what follows the last
  // record again with the missing quote put at the end.
  const again = newParser(recordEndByte === 0);
  const tail = new LineKeeper(again.info, lines.lastLine);
  let record: CsvRecord | undefined;
  const take = (fields: string[]): void => {
    record = tail.record(fields);
  };
  let tailError: ReturnType<CsvParseCore['parse']>;
  for (const bytes of source.chunks(recordEndByte)) {
    tailError = again.core.parse(bytes, false, take, close);
    if (tailError !== undefined) break;
  }
  if (tailError === undefined) tailError = again.core.parse(Buffer.from('"'), true, take, close);
  if (tailError !== undefined || record === undefined) throw tailError ?? new Error('csv-parse: no record after an unclosed quote');
  let quoteLine = record.line;
  for (const f of record.fields.slice(0, -1)) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) quoteLine += 1;
  problems.push({ line: quoteLine, message: UNCLOSED });
  yield record;
}
