import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, formatError } from '../../src/core/errors.js';
import { checkObservationsFile, loadDataset, MAX_FILE_BYTES, READ_CHUNK } from '../../src/data/load-dataset.js';
import { validateObservations } from '../../src/data/validate-observations.js';

let dir: string;
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'targetcast-load-'));
});

async function errorOf(path: string): Promise<DataError> {
  try {
    await loadDataset(path);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('loadDataset refuses bad files with one line naming the file', () => {
  const cases: { name: string; make: () => string; message: RegExp; line?: number; column?: string }[] = [
    { name: 'missing file', make: () => join(dir, 'nope.csv'), message: /no such file/ },
    { name: 'empty file', make: () => file('empty.csv', ''), message: /is empty/ },
    { name: 'directory without observations.csv', make: () => { const d = join(dir, 'emptydir'); mkdirSync(d, { recursive: true }); return d; }, message: /is a directory without observations\.csv/ },
    { name: 'binary file', make: () => file('bin.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])), message: /binary/ },
    { name: 'invalid UTF-8 (Latin-1 à), with its line', make: () => file('latin1.csv', Buffer.from('series,year,value\nH\xe0i,2020,1\n', 'latin1')), message: /not valid UTF-8 text \(byte 0xE0;/, line: 2 },
    {
      name: 'huge file (sparse, never read)',
      make: () => { const p = file('huge.csv', ''); truncateSync(p, MAX_FILE_BYTES + 1); return p; },
      message: /over the 64 MiB limit/,
    },
    { name: 'decimal comma', make: () => file('comma.csv', 'series,year,value\ngdp,2020,1\ngdp,2021,"10,34"\n'), message: /use a dot/, line: 3, column: 'value' },
  ];
  it.each(cases)('$name', async ({ make, message, line, column }) => {
    const path = make();
    const e = await errorOf(path);
    expect(e.message).toMatch(message);
    expect(e.location.file).toContain(dir);
    expect(e.location.line).toBe(line);
    expect(e.location.column).toBe(column);
    const oneLine = formatError(e);
    expect(oneLine).not.toContain('\n');
    expect(oneLine.startsWith(e.location.file!)).toBe(true);
  });

  it('says how many more problems there are and how to list them', async () => {
    const e = await errorOf(file('many.csv', 'series,year,value\ngdp,2020,x\ngdp,2021,y\ngdp,2022,z\n'));
    expect(e.message).toMatch(/2 more problems; run: targetcast validate/);
  });
});

describe('loadDataset on good files', () => {
  it('loads a directory data set, warns about a series without metadata, and splits bases', async () => {
    const d = join(dir, 'set');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'observations.csv'), 'series,year,value,basis,status,source\npop,2024,2100,pre-merger,official,http://a\npop,2025,4600,merged,official,http://b\ngdp,2024,5,pre-merger,estimate,http://a\n');
    writeFileSync(join(d, 'series.json'), JSON.stringify({ dataset: { id: 'x', name_en: 'X' }, series: [{ id: 'pop', name_en: 'Population', unit: 'thousand', kind: 'level' }] }));
    const ds = await loadDataset(d);
    expect(ds.series.map((s) => s.key).sort()).toEqual(['gdp', 'pop@merged', 'pop@pre-merger']);
    expect(ds.warnings.join('\n')).toMatch(/no metadata for series gdp/);
    expect(ds.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ds.info.nameEn).toBe('X');
  });

  it('refuses metadata with a wrong kind, naming the field', async () => {
    const d = join(dir, 'badmeta');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'observations.csv'), 'series,year,value\ngdp,2024,5\n');
    writeFileSync(join(d, 'series.json'), JSON.stringify({ series: [{ id: 'gdp', name_en: 'GDP', unit: '%', kind: 'lvl' }] }));
    const e = await errorOf(d);
    expect(formatError(e)).toMatch(/series\.json: series\[0\]\.kind: "lvl" is not one of level, rate, share/);
  });

  it('a file path sorts years and keeps gaps as gaps', async () => {
    const ds = await loadDataset(file('gaps.csv', 'series,year,value\ng,2019,3\ng,2015,1\ng,2016,2\n'));
    expect(ds.series[0]!.years).toEqual([2015, 2016, 2019]);
    expect(ds.series[0]!.values).toEqual([1, 2, 3]);
  });
});

describe('a CSV file is streamed from the disk a chunk at a time, and read exactly as its text', () => {
  /** A row, its note holding a doubled quote, a CRLF and a three-byte character (ạ, U+1EA1). */
  const special = (i: number): string => `s${i},2000,1,"ạ""b\r\nc"\r\n`;
  /**
   * Rows up to `cut` bytes before each of the first three chunk boundaries, then a special row, so that
   * the boundary falls `cut` bytes into it: inside ạ (cut 1-2), between the doubled quotes
   * (cut 4), inside the CRLFs (cut 7, 11). Filler rows use LF and a lone CR as line ends.
   */
  function textCutAt(cut: number): string {
    let text = 'series,year,value,note\n';
    let i = 0;
    for (const boundary of [READ_CHUNK, 2 * READ_CHUNK, 3 * READ_CHUNK]) {
      const filler = boundary - cut - Buffer.byteLength(text) - `f${i},2000,1,\n`.length;
      text += `f${i},2000,1,${'n'.repeat(filler)}${i % 2 === 0 ? '\n' : '\r'}`;
      i += 1;
      text += special(i);
      i += 1;
    }
    return text;
  }

  it.each([0, 1, 2, 4, 7, 11])('the boundary %i bytes into a row: the same observations, problems and warnings', async (cut) => {
    const text = textCutAt(cut);
    const path = file(`cut-${cut}.csv`, text);
    const fromFile = await checkObservationsFile(path);
    const fromText = validateObservations(text);
    expect(fromFile.problems).toEqual([]);
    expect(fromFile.observations).toEqual(fromText.observations);
    expect(fromFile.warnings).toEqual(fromText.warnings);
    // Not only alike: each special note is what was written (the CRLF inside quotes read as LF).
    const notes = fromFile.observations.filter((o) => o.series.startsWith('s')).map((o) => o.note);
    expect(notes).toEqual(['ạ"b\nc', 'ạ"b\nc', 'ạ"b\nc']);
    expect(fromFile.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('a byte that is not UTF-8 after the first chunks is refused in one line naming its line', async () => {
    const text = textCutAt(0);
    // Lines of textCutAt: header, then per boundary a filler (LF or lone CR) and a special row whose
    // quoted note holds a CRLF (two lines each, the CRLF counted once): 1 + 3 × 3 = 10 lines; the bad byte is on line 11.
    expect(text.split(/\r\n|\n|\r/).length - 1).toBe(10);
    const e = await errorOf(file('late-latin1.csv', Buffer.concat([Buffer.from(text), Buffer.from([0x61, 0xff, 0x0a])])));
    expect(e.message).toBe('is not valid UTF-8 text (byte 0xFF; save it as UTF-8 CSV)');
    expect(e.location.line).toBe(11);
  });

  it('a character cut off at the very end of the file is refused as such, on its line', async () => {
    const cutOff = Buffer.concat([Buffer.from('series,year,value\ns,2000,1\n'), Buffer.from('ạ').subarray(0, 2)]);
    const e = await errorOf(file('cut-off.csv', cutOff));
    expect(e.message).toMatch(/^ends in the middle of a UTF-8 character/);
    expect(e.location.line).toBe(3);
  });

  it('a character split across two chunks and then broken is found where it starts', async () => {
    // ạ's first two bytes end the first chunk, then a comma: the character is broken on line 2.
    const head = `series,year,value,note\ns,2000,1,${'n'.repeat(READ_CHUNK - 'series,year,value,note\ns,2000,1,'.length - 2)}`;
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('ạ').subarray(0, 2), Buffer.from(',x\n')]);
    expect(Buffer.byteLength(head) + 2).toBe(READ_CHUNK);
    const e = await errorOf(file('split-broken.csv', bytes));
    expect(e.message).toBe('is not valid UTF-8 text (byte 0xE1; save it as UTF-8 CSV)');
    expect(e.location.line).toBe(2);
  });
});
