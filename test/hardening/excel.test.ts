// Issue 11, Excel input: what a user points the tool at as a workbook cannot hang it, exhaust its
// memory or make it fetch anything. Each case: exit 2, one line naming the file, no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'targetcast-xlsx-hard-'));

type Cfb = { FileIndex: { name: string; content: Buffer | Uint8Array }[]; FullPaths: string[] };
type SheetJs = {
  utils: { aoa_to_sheet: (rows: unknown[][]) => unknown; book_new: () => unknown; book_append_sheet: (b: unknown, s: unknown, n: string) => void };
  write: (b: unknown, o: Record<string, unknown>) => Buffer;
  CFB: { read: (d: Buffer, o: Record<string, unknown>) => Cfb; write: (c: Cfb, o: Record<string, unknown>) => Buffer; utils: { cfb_add: (c: Cfb, path: string, content: Buffer) => void; cfb_del: (c: Cfb, path: string) => void } };
};
// SheetJS is installed with danfojs-node (an optional dependency): without it these cases cannot arise.
let XLSX: SheetJs | null = null;
try {
  XLSX = createRequire(import.meta.url)('xlsx') as SheetJs;
} catch {
  XLSX = null;
}

/** A one-sheet workbook whose sheet XML is rewritten by `edit` (a zip archive, as .xlsx files are). */
function workbook(name: string, edit: (xml: string) => string = (x) => x): string {
  const book = XLSX!.utils.book_new();
  XLSX!.utils.book_append_sheet(book, XLSX!.utils.aoa_to_sheet([['series', 'year', 'value'], ['a', 2020, 1]]), 's');
  const zip = XLSX!.CFB.read(XLSX!.write(book, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
  const path = zip.FullPaths.find((p) => p.endsWith('xl/worksheets/sheet1.xml'))!;
  const entry = zip.FileIndex[zip.FullPaths.indexOf(path)]!;
  const xml = edit(Buffer.from(entry.content).toString('utf8'));
  XLSX!.CFB.utils.cfb_del(zip, path);
  XLSX!.CFB.utils.cfb_add(zip, path, Buffer.from(xml));
  const file = join(dir, name);
  writeFileSync(file, XLSX!.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }));
  return file;
}

function written(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}
function linked(target: string, name: string): string {
  symlinkSync(target, join(dir, name));
  return join(dir, name);
}
function fifo(name: string): string {
  spawnSync('mkfifo', [join(dir, name)]);
  return join(dir, name);
}

function validate(file: string) {
  const r = spawnSync(process.execPath, [CLI, 'validate', file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe.runIf(XLSX !== null)('workbooks that must not hang, exhaust memory or reach the network', () => {
  it.each([
    { name: 'garbage after a zip signature', make: () => written('b.xlsx', 'PK\u0003\u0004garbage'), message: /b\.xlsx: cannot be read as a workbook \(not a zip file/ },
    { name: 'a truncated workbook', make: () => { const f = workbook('whole.xlsx'); const t = join(dir, 'trunc.xlsx'); writeFileSync(t, readFileSync(f).subarray(0, 300)); return t; }, message: /trunc\.xlsx: cannot be read as a workbook/ },
    { name: 'a link to /dev/zero', make: () => linked('/dev/zero', 'z.xlsx'), message: /z\.xlsx: is not a regular file/ },
    { name: 'a named pipe', make: () => fifo('p.xlsx'), message: /p\.xlsx: is not a regular file/ },
    {
      name: 'one cell at XFD1048576',
      make: () => workbook('far.xlsx', (x) => x.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>').replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')),
      message: /far\.xlsx: its first sheet spans A1:XFD1048576 \(1048576 rows × 16384 columns\), over the 100000 × 1000 limit/,
    },
    {
      name: 'a 300 MB cell in a small file',
      make: () => workbook('bomb.xlsx', (x) => x.replace('</sheetData>', `<row r="3"><c r="A3" t="inlineStr"><is><t>${'x'.repeat(300_000_000)}</t></is></c></row></sheetData>`)),
      message: /bomb\.xlsx: would unpack to 286 MiB, over the 256 MiB limit/,
    },
  ])('$name: exit 2, one line', ({ make, message }) => {
    const r = validate(make());
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a file named http-….xlsx is read from disk, never fetched', () => {
    workbook('http-data.xlsx');
    const r = spawnSync(process.execPath, [CLI, 'validate', 'http-data.xlsx'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/http-data\.xlsx: valid \(1 observation, 1 series\)/);
  }, 60_000);
});
