/**
 * The data adapter: the only code that reads data files. Everything above it sees plain
 * typed arrays (Series). CSVs (long, or wide: one column per year) are read through the one
 * CSV adapter (parse-csv.ts: csv-parse, with the line of every record, because every problem
 * must be reported as FILE:LINE: column), streamed from the disk; Excel
 * workbooks (.xlsx/.xls) go through danfojs-node, imported lazily because importing it costs
 * about a second.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Dataset, DatasetInfo, SeriesMeta } from '../core/types.js';
import { buildSeries } from './build-series.js';
import type { CsvBytes } from './parse-csv.js';
import { firstInvalidUtf8, LineCounter, utf8Message, utf8Problem } from './utf8.js';
import { parseSeriesMetadata } from './series-metadata.js';
import { validateObservationsYielding, type ValidationResult } from './validate-observations.js';

/** Files larger than this are refused rather than read: 10,000 series × 40 years is about 15 MB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ResolvedPaths {
  readonly observations: string;
  readonly metadata?: string;
}

/**
 * Finds the observations file and its metadata: a directory must hold observations.csv
 * (and may hold series.json); beside a file FOO.csv the metadata is FOO.series.json or series.json.
 * @throws DataError when the path does not exist or a directory has no observations.csv
 */
export function resolveDataPaths(path: string): ResolvedPaths {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new DataError(ioMessage(e), { file: path });
  }
  if (stat.isDirectory()) {
    const observations = join(path, 'observations.csv');
    if (!existsSync(observations)) {
      throw new DataError('is a directory without observations.csv (give a CSV file or a data set directory)', { file: path });
    }
    const metadata = join(path, 'series.json');
    return { observations, metadata: existsSync(metadata) ? metadata : undefined };
  }
  const dir = dirname(path);
  const own = join(dir, `${basename(path, extname(path))}.series.json`);
  const shared = join(dir, 'series.json');
  return { observations: path, metadata: existsSync(own) ? own : existsSync(shared) ? shared : undefined };
}

function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (e as Error).message;
}

/**
 * What a text file's metadata must say before it is read: it exists, is a regular file (a
 * directory, a device or a pipe is refused: /dev/zero would be read forever) and is within the limit.
 * @throws DataError naming the file
 */
function checkTextFileStat(file: string, maxBytes: number): void {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new DataError(ioMessage(e), { file });
  }
  if (stat.isDirectory()) throw new DataError('is a directory, not a file', { file });
  if (!stat.isFile()) throw new DataError('is not a regular file', { file });
  if (stat.size > maxBytes) {
    throw new DataError(`is ${(stat.size / 1048576).toFixed(1)} MiB, over the ${maxBytes / 1048576} MiB limit; split it into smaller files`, { file });
  }
}

/**
 * Reads a file as UTF-8 text, refusing what is not a plain text file: too large, a directory,
 * binary (a NUL byte), or not valid UTF-8. Returns the bytes too, for hashing.
 * @throws DataError naming the file
 */
export function readTextFile(file: string, maxBytes = MAX_FILE_BYTES): { text: string; bytes: Buffer } {
  checkTextFileStat(file, maxBytes);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DataError(ioMessage(e), { file });
  }
  if (bytes.length === 0) throw new DataError('is empty (expected a header row: series,year,value)', { file });
  if (bytes.subarray(0, 65536).includes(0)) throw new DataError('is a binary file, not a UTF-8 CSV', { file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, message } = utf8Problem(bytes);
    throw new DataError(message, { file, line });
  }
  return { text, bytes };
}

/** Reads and parses a JSON file. @throws DataError naming the file when it cannot be read or parsed */
export function readJsonFile(file: string): unknown {
  const { text } = readTextFile(file);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DataError(`is not valid JSON (${(e as Error).message})`, { file });
  }
}

const EXCEL = new Set(['.xlsx', '.xls']);

/**
 * A file's name as reports show it: relative to the working directory when it lies below it, so
 * that the same data gives the same report on any machine.
 */
export function displayPath(file: string): string {
  const shown = isAbsolute(file) ? relative(process.cwd(), file) : file;
  return shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}

/**
 * Validates an observations file (CSV, or Excel through danfojs-node) without building series;
 * with `keep` false the observations are only counted (validate: memory stays that of the text).
 */
export async function checkObservationsFile(file: string, keep = true): Promise<ValidationResult & { sha256: string }> {
  if (EXCEL.has(extname(file).toLowerCase())) {
    const { bytes } = readBinaryFile(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const text = await excelToCsv(file, bytes);
    return { ...(await validateObservationsYielding(text, keep)), sha256 };
  }
  const sha256 = checkTextFile(file);
  return { ...(await validateObservationsYielding(fileBytes(file), keep)), sha256 };
}

/**
 * Bytes read from the disk at a time when a CSV is checked or parsed. 1 MiB chunks made a million-row
 * file take 240 MB instead of 127 MB (a chunk's records are all made before any is checked).
 */
export const READ_CHUNK = 1 << 16;

/**
 * The chunks of a file from a byte offset, read as they are needed: a 63 MB CSV is parsed
 * without its bytes or its text held whole. Two buffers take turns: csv-parse keeps at most the
 * last bytes of the chunk it was given (to join them to the next one, in a new buffer), so a
 * buffer is free again once the chunk after it has been parsed (a test fails with one buffer).
 * Fresh memory for every chunk cost about 0.1 s of the 2 s a 63 MB file took.
 */
function* readChunks(file: string, from: number): Generator<Buffer> {
  const fd = openFile(file);
  const buffers = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)];
  try {
    for (let position = from, turn = 0; ; turn = 1 - turn) {
      const chunk = buffers[turn]!;
      const n = readAt(file, fd, chunk, position);
      if (n === 0) return;
      position += n;
      yield n === READ_CHUNK ? chunk : chunk.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function openFile(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    throw new DataError(ioMessage(e), { file });
  }
}

function readAt(file: string, fd: number, into: Buffer, position: number): number {
  try {
    return readSync(fd, into, 0, into.length, position);
  } catch (e) {
    throw new DataError(ioMessage(e), { file });
  }
}

/**
 * Where the last whole UTF-8 character of `bytes` ends: before a lead byte (0b11xxxxxx) among the
 * last three bytes whose character runs past the end (RFC 3629 §3).
 * @example utf8Boundary(Buffer.from([0x61, 0xe1, 0xba])) // 1 (ạ cut after two of its three bytes)
 */
function utf8Boundary(bytes: Buffer): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k += 1) {
    const b = bytes[bytes.length - k]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return size > k ? bytes.length - k : bytes.length;
    }
  }
  return bytes.length;
}

function fileBytes(file: string): CsvBytes {
  return { chunks: (from) => readChunks(file, from) };
}

/**
 * The checks of readTextFile (a regular file, within the size limit, not empty, no NUL byte in
 * its first 64 KiB, valid UTF-8) made a chunk at a time, so that a file need not be held whole
 * to be checked. Returns the file's SHA-256.
 * @throws DataError naming the file
 */
function checkTextFile(file: string): string {
  checkTextFileStat(file, MAX_FILE_BYTES);
  const hash = createHash('sha256');
  const lines = new LineCounter();
  /** The bytes of a character cut at the end of the last chunk, checked with the next one. */
  let carry = Buffer.alloc(0);
  let read = 0;
  // One buffer serves every chunk: nothing read here is kept.
  const chunk = Buffer.allocUnsafe(READ_CHUNK);
  const fd = openFile(file);
  try {
    for (;;) {
      const n = readAt(file, fd, chunk, read);
      if (n === 0) break;
      const bytes = chunk.subarray(0, n);
      if (read < 65536 && bytes.subarray(0, 65536 - read).includes(0)) throw new DataError('is a binary file, not a UTF-8 CSV', { file });
      read += n;
      hash.update(bytes);
      const text = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      const whole = utf8Boundary(text);
      if (!isUtf8(text.subarray(0, whole))) {
        // The carried bytes are a character's start (no line break among them): lines count in `bytes`.
        const at = firstInvalidUtf8(text.subarray(0, whole));
        const line = at < carry.length ? lines.line : lines.lineAt(bytes, at - carry.length);
        throw new DataError(utf8Message(text, at), { file, line });
      }
      lines.feed(bytes);
      carry = Buffer.from(text.subarray(whole));
    }
  } finally {
    closeSync(fd);
  }
  if (carry.length > 0) throw new DataError(utf8Message(carry, 0), { file, line: lines.line });
  if (read === 0) throw new DataError('is empty (expected a header row: series,year,value)', { file });
  return hash.digest('hex');
}

/** A workbook is read only within these bounds (a sheet of annual series is far smaller). */
export const EXCEL_LIMITS = { rows: 100_000, columns: 1_000, unzippedBytes: 256 * 1048576 } as const;

/** The same checks as readTextFile for a workbook: a regular file, not too large. */
function readBinaryFile(file: string): { bytes: Buffer } {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new DataError(ioMessage(e), { file });
  }
  if (stat.isDirectory()) throw new DataError('is a directory, not a file', { file });
  // A device (/dev/zero behind a link) or a pipe would be read forever.
  if (!stat.isFile()) throw new DataError('is not a regular file', { file });
  if (stat.size > MAX_FILE_BYTES) throw new DataError(`is over the ${MAX_FILE_BYTES / 1048576} MiB limit`, { file });
  if (stat.size === 0) throw new DataError('is empty (expected an Excel workbook)', { file });
  try {
    return { bytes: readFileSync(file) };
  } catch (e) {
    throw new DataError(ioMessage(e), { file });
  }
}

/**
 * Total uncompressed size of a zip's entries, from its central directory (PKWARE APPNOTE 4.3.12:
 * signature 0x02014b50, uncompressed size at offset 24, name/extra/comment lengths at 28/30/32),
 * or null when the bytes are not a readable zip. Lets a workbook that would unpack to gigabytes
 * be refused before it is unpacked.
 */
export function zipUncompressedBytes(bytes: Buffer): number | null {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const from = Math.max(0, bytes.length - 65557);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let k = 0; k < entries; k += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    total += bytes.readUInt32LE(at + 24);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

type Xlsx = {
  read: (data: Buffer, options: Record<string, unknown>) => { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>> };
  utils: { decode_range: (ref: string) => { s: { r: number; c: number }; e: { r: number; c: number } } };
};

/**
 * Reads the first sheet of a workbook with danfojs-node and writes it back as CSV text, so that
 * the one validator checks it (row numbers match the sheet's: the header is row 1). Before that,
 * bounds: what the zip would unpack to, and the sheet's dimension (read from its first rows
 * only); and danfojs gets an absolute path, which it can never take for a URL (it fetches names
 * that start with "http"): the tool makes no network access.
 */
async function excelToCsv(file: string, bytes: Buffer): Promise<string> {
  const missing = (): DataError => new DataError('reading Excel needs the optional dependency danfojs-node, which is not installed (see the README, or save the sheet as CSV)', { file });
  let xlsx: Xlsx;
  try {
    // SheetJS, which danfojs-node reads with, is quick to load: the bounds are checked with it first.
    xlsx = createRequire(import.meta.url)('xlsx') as Xlsx;
  } catch {
    throw missing();
  }
  // .xlsx is a zip archive; the old .xls format is not (its size is bounded by the file limit).
  const unzipped = extname(file).toLowerCase() === '.xls' ? 0 : zipUncompressedBytes(bytes);
  if (unzipped === null) throw new DataError('cannot be read as a workbook (not a zip file: .xlsx workbooks are zip archives; save the sheet as .xlsx or CSV)', { file });
  if (unzipped > EXCEL_LIMITS.unzippedBytes) {
    throw new DataError(`would unpack to ${(unzipped / 1048576).toFixed(0)} MiB, over the ${EXCEL_LIMITS.unzippedBytes / 1048576} MiB limit for a workbook`, { file });
  }
  let sheet: Record<string, unknown> | undefined;
  try {
    const book = xlsx.read(bytes, { type: 'buffer', sheetRows: 2, bookVBA: false });
    sheet = book.Sheets[book.SheetNames[0] ?? ''];
  } catch (e) {
    throw new DataError(`cannot be read as a workbook (${firstLine(e)})`, { file });
  }
  if (!sheet) throw new DataError('cannot be read as a workbook (it has no sheet)', { file });
  const ref = (sheet['!fullref'] ?? sheet['!ref']) as string | undefined;
  if (ref) {
    const range = xlsx.utils.decode_range(ref);
    const rows = range.e.r - range.s.r + 1;
    const columns = range.e.c - range.s.c + 1;
    if (rows > EXCEL_LIMITS.rows || columns > EXCEL_LIMITS.columns) {
      throw new DataError(`its first sheet spans ${ref} (${rows} rows × ${columns} columns), over the ${EXCEL_LIMITS.rows} × ${EXCEL_LIMITS.columns} limit; delete stray cells far from the data or save it as CSV`, { file });
    }
  }
  let dfd: typeof import('danfojs-node');
  try {
    dfd = await import('danfojs-node');
  } catch {
    throw missing();
  }
  let df;
  try {
    df = (await dfd.readExcel(resolve(file))) as { columns: string[]; values: unknown[][] };
  } catch (e) {
    throw new DataError(`cannot be read as a workbook (${firstLine(e)})`, { file });
  }
  const quote = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [df.columns.map(quote).join(','), ...df.values.map((row) => row.map(quote).join(','))].join('\n');
}

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

/**
 * Loads a data set (a directory with observations.csv and series.json, or a single CSV/Excel file).
 * @throws DataError for the first problem, saying how many more there are; `targetcast validate` lists them all
 */
export async function loadDataset(path: string): Promise<Dataset> {
  const paths = resolveDataPaths(path);
  const checked = await checkObservationsFile(paths.observations);
  const first = checked.problems[0];
  if (first) {
    const more = checked.problems.length - 1;
    const hint = more > 0 ? ` (${more} more problem${more > 1 ? 's' : ''}; run: targetcast validate ${paths.observations})` : '';
    throw new DataError(`${first.message}${hint}`, { file: paths.observations, line: first.line, column: first.column });
  }
  const warnings = checked.warnings.map((w) => `${paths.observations}:${w.line}: ${w.column ? `column '${w.column}': ` : ''}${w.message}`);
  let metadata: ReadonlyMap<string, SeriesMeta> = new Map();
  let info: DatasetInfo | undefined;
  if (paths.metadata) {
    const parsed = parseSeriesMetadata(readTextFile(paths.metadata).text, paths.metadata);
    metadata = parsed.series;
    info = parsed.info;
  }
  const series = buildSeries(checked.observations, metadata);
  const missingMeta = [...new Set(series.filter((s) => !s.meta).map((s) => s.id))];
  if (paths.metadata && missingMeta.length > 0) {
    warnings.push(`${paths.metadata}: no metadata for series ${missingMeta.join(', ')} (loaded without names or units)`);
  }
  // No metadata file at all: one warning for the data set, not one per series.
  if (!paths.metadata) {
    const own = basename(paths.observations, extname(paths.observations));
    const expected = own === 'observations' ? 'series.json' : `${own}.series.json or series.json`;
    warnings.push(`${displayPath(paths.observations)}: no ${expected} beside it: ${series.length} series loaded without names, units or kinds`);
  }
  const fallbackId = basename(path, extname(path));
  const file = displayPath(paths.observations);
  return {
    info: info ?? { id: fallbackId, nameEn: fallbackId, nameVi: fallbackId, description: '', bases: {} },
    file,
    hash: checked.sha256,
    series,
    warnings,
  };
}
