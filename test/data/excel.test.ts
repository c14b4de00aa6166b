// Excel workbooks go through the one data adapter via danfojs-node (imported lazily), and are
// checked by the same validator: row numbers match the sheet's.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, formatError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/data/load-dataset.js';

// xlsx is installed with danfojs-node (pinned to the registry's 0.18.5 by the npm override).
const XLSX = createRequire(import.meta.url)('xlsx') as {
  utils: { aoa_to_sheet: (rows: unknown[][]) => unknown; book_new: () => unknown; book_append_sheet: (b: unknown, s: unknown, n: string) => void };
  writeFile: (b: unknown, f: string) => void;
};

let dir: string;
const workbook = (name: string, rows: unknown[][]): string => {
  const file = join(dir, name);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'data');
  XLSX.writeFile(book, file);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'targetcast-xlsx-'));
});

describe('Excel workbooks (.xlsx)', () => {
  it('load through danfojs-node into the same series as a CSV', async () => {
    const file = workbook('ok.xlsx', [
      ['series', 'year', 'value', 'source'],
      ['gdp', 2020, 1.5, 'http://a'],
      ['gdp', 2021, 2.25, 'http://a'],
      ['pop', 2021, 100, 'http://b'],
    ]);
    const ds = await loadDataset(file);
    expect(ds.series.map((s) => [s.key, s.years, s.values])).toEqual([
      ['gdp', [2020, 2021], [1.5, 2.25]],
      ['pop', [2021], [100]],
    ]);
  }, 20000);

  it('a wide sheet (one column per year, numeric year headers, an empty cell) loads like a wide CSV', async () => {
    const file = workbook('wide.xlsx', [
      ['series', 'source', 2020, 2021],
      ['gdp', 'http://a', 1.5, 2.25],
      ['pop', 'http://b', null, 100],
    ]);
    const ds = await loadDataset(file);
    // pop's 2020 cell is empty: a gap, so pop has 2021 only.
    expect(ds.series.map((s) => [s.key, s.years, s.values, s.observations.map((o) => o.source)])).toEqual([
      ['gdp', [2020, 2021], [1.5, 2.25], ['http://a', 'http://a']],
      ['pop', [2021], [100], ['http://b']],
    ]);
  }, 20000);

  it('a bad cell is one line naming the file, the sheet row and the column', async () => {
    const file = workbook('bad.xlsx', [
      ['series', 'year', 'value'],
      ['gdp', 2020, 1],
      ['gdp', 2021, 'n/a'],
    ]);
    const error = await loadDataset(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(formatError(error)).toBe(`${file}:3: column 'value': "n/a" is not a number`);
  }, 20000);
});
