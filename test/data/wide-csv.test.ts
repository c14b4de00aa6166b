// Wide observations files (one row per series, one column per year) are turned into long records
// and checked by the one validator: same observations, same messages, located at the wide cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, formatError } from '../../src/core/errors.js';
import type { Observation } from '../../src/core/types.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { parseCsv } from '../../src/data/parse-csv.js';
import { parseValue, validateObservations } from '../../src/data/validate-observations.js';
import { findWideHeader, isWideHeader, yearOfColumn } from '../../src/data/wide-csv.js';

let dir: string;
const file = (name: string, content: string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'targetcast-wide-'));
});

/** Observations without their line numbers, which differ between the layouts by design. */
const withoutLines = (observations: readonly Observation[]): Omit<Observation, 'line'>[] =>
  observations.map(({ line: _line, ...rest }) => rest);

describe('detecting a wide header', () => {
  it.each([
    ['2019', 2019],
    [' 2019 ', 2019],
    ['"2019"', 2019],
    [" '2019' ", 2019],
    ['1800', 1800],
    ['2200', 2200],
    ['1799', undefined],
    ['2201', undefined],
    ['201', undefined],
    ['2019.0', undefined],
    ['Y2019', undefined],
  ])('yearOfColumn(%j) is %s', (name, year) => {
    expect(yearOfColumn(name)).toBe(year);
  });

  // Each case: a header row, and whether it makes the file wide.
  it.each([
    { header: 'series,2019,2020', wide: true },
    { header: 'Country Name,Indicator Code,1960,', wide: true },
    { header: 'series,year,value', wide: false },
    { header: 'series,year,value,2019', wide: false }, // a year or value column makes the file long
    { header: 'series,value,2019', wide: false },
    { header: 'series,unit,source', wide: false }, // no year column
    { header: 'gdp,2020,1.5', wide: false }, // a long data row without header: 1.5 is a number, not a year column
  ])('$header → wide: $wide', ({ header, wide }) => {
    expect(isWideHeader(header.split(','))).toBe(wide);
  });

  it('skips a preamble only to a wide header with a series column, and only when line 1 names no long column', () => {
    const at = (text: string): number => findWideHeader(parseCsv(text).records);
    expect(at('Data Source,WDI\nLast Updated Date,2024-06-28\nIndicator Code,2020\nX,1\n')).toBe(2);
    expect(at('Data Source,WDI\nCountry Name,2020\nX,1\n')).toBe(-1); // no series column: not a header
    expect(at('series,year\nseries,2020\ngdp,1\n')).toBe(-1); // line 1 is a (broken) long header
    expect(at('gdp,2020,1.5\ngdp,2021,2\n')).toBe(-1); // a long file without header stays long
  });
});

describe('validateObservations on a wide file', () => {
  it('gives the same observations as the long file holding the same data', () => {
    const wide = [
      'series,unit,basis,status,source,note,2019,2020,2021',
      'gdp,%,merged,official,http://gso.gov.vn,"revised, 2022",7.02,2.91,2.58',
      'pop,thousand,,estimate,http://gso.gov.vn,,2033,2053,2072',
    ].join('\n');
    // The same cells, one per line: every column of a wide row applies to each of its years.
    const long = [
      'series,year,value,unit,basis,status,source,note',
      'gdp,2019,7.02,%,merged,official,http://gso.gov.vn,"revised, 2022"',
      'gdp,2020,2.91,%,merged,official,http://gso.gov.vn,"revised, 2022"',
      'gdp,2021,2.58,%,merged,official,http://gso.gov.vn,"revised, 2022"',
      'pop,2019,2033,thousand,,estimate,http://gso.gov.vn,',
      'pop,2020,2053,thousand,,estimate,http://gso.gov.vn,',
      'pop,2021,2072,thousand,,estimate,http://gso.gov.vn,',
    ].join('\n');
    const fromWide = validateObservations(wide);
    const fromLong = validateObservations(long);
    expect(fromWide.problems).toEqual([]);
    expect(fromWide.warnings).toEqual([]);
    expect(fromLong.problems).toEqual([]);
    expect(withoutLines(fromWide.observations)).toEqual(withoutLines(fromLong.observations));
    // Every observation of a wide row carries that row's line: gdp on line 2, pop on line 3.
    expect(fromWide.observations.map((o) => [o.series, o.line])).toEqual([
      ['gdp', 2], ['gdp', 2], ['gdp', 2], ['pop', 3], ['pop', 3], ['pop', 3],
    ]);
  });

  it('treats an empty cell as a gap: no observation, no problem', () => {
    const r = validateObservations('series,2019,2020,2021,2022\ngdp,7.02,,2.58,  \n');
    expect(r.problems).toEqual([]);
    // 2020 is empty and 2022 only blanks, so gdp has 2019 and 2021.
    expect(r.observations.map((o) => [o.year, o.value])).toEqual([[2019, 7.02], [2021, 2.58]]);
  });

  it('reports a bad cell with the long-format message, at the year column and the physical line of its row', () => {
    // The quoted note holds a line break, so the pop row starts on physical line 4.
    const r = validateObservations('series,note,2019,2020\ngdp,"two\nlines",1,2\npop,,2033,"10,34"\n');
    const longMessage = (parseValue('10,34') as { message: string }).message;
    expect(longMessage).toBe('"10,34" is not a number (use a dot as decimal separator)');
    expect(r.problems).toEqual([{ line: 4, column: '2020', message: longMessage }]);
    // The rest of the file still loads: gdp 2019 and 2020, pop 2019.
    expect(r.observations.map((o) => [o.series, o.year])).toEqual([['gdp', 2019], ['gdp', 2020], ['pop', 2019]]);
  });

  it('names the file, line and year column when a data set is loaded', async () => {
    const path = file('bad-wide.csv', 'series,2019,2020\ngdp,1.5,n/a\n');
    const error = await loadDataset(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(formatError(error)).toBe(`${path}:2: column '2020': "n/a" is not a number`);
  });

  it('reports a duplicate series row once per repeated year, naming the first line', () => {
    // gdp appears on lines 2 and 4; line 4 repeats 2019 (and leaves 2020 empty), pop on line 3 does not clash.
    const r = validateObservations('series,2019,2020\ngdp,1,2\npop,5,6\ngdp,3,\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 4, column: '2019' });
    expect(r.problems[0]!.message).toMatch(/^duplicate observation for series 'gdp', year 2019 \(first on line 2\)/);
  });

  it('accepts one series split over two rows whose years do not overlap, as a long file would', () => {
    const r = validateObservations('series,2019,2020\ngdp,1,\ngdp,,2\n');
    expect(r.problems).toEqual([]);
    expect(r.observations.map((o) => [o.year, o.value, o.line])).toEqual([[2019, 1, 2], [2020, 2, 3]]);
  });

  it('reports a fault of the whole row (a bad status) once, not once per year', () => {
    const r = validateObservations('series,status,2019,2020,2021\ngdp,guess,1,2,3\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 2, column: 'status' });
    expect(r.problems[0]!.message).toMatch(/"guess" is not a known status/);
  });

  it('reads a file with year columns and year/value columns as long, ignoring the year columns', () => {
    const r = validateObservations('series,year,value,2019\ngdp,2020,1.5,9\n');
    expect(r.problems).toEqual([]);
    expect(r.observations.map((o) => [o.year, o.value])).toEqual([[2020, 1.5]]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 1, column: '2019', message: expect.stringMatching(/unknown column is ignored/) })]);
  });

  // Header problems of a wide file: each case the CSV text and the problem expected first.
  it.each([
    { name: 'no series column', text: 'name,2019\ngdp,1\n', line: 1, column: undefined, message: /has year columns but no 'series' column/ },
    { name: 'a year column twice', text: 'series,2019,"2019"\ngdp,1,2\n', line: 1, column: '2019', message: /appears twice in the header/ },
    { name: 'a row with too many fields', text: 'series,2019\ngdp,1,2\n', line: 2, column: undefined, message: /has 3 fields, the header has 2/ },
    { name: 'header only', text: 'series,2019\n', line: 2, column: undefined, message: /no observations/ },
    { name: 'every cell empty', text: 'series,2019\ngdp,\n', line: 2, column: undefined, message: /no observations/ },
    { name: 'series empty with a value', text: 'series,2019,2020\n,1,2\n', line: 2, column: 'series', message: /^is empty$/ },
  ])('$name', ({ text, line, column, message }) => {
    const p = validateObservations(text).problems[0]!;
    expect(p.line).toBe(line);
    expect(p.column).toBe(column);
    expect(p.message).toMatch(message);
  });

  it('ignores other columns with one warning listing them', () => {
    const r = validateObservations('Country Name,series,colour,2019\nViet Nam,gdp,red,1\n');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toMatch(/^wide file: ignoring columns 'Country Name', 'colour' /);
  });
});

describe('a World Bank download', () => {
  // The layout of a WDI "Download CSV": 4 preamble lines, a trailing comma on every line,
  // `Indicator Code` as the series id, empty cells for years without data.
  const WORLD_BANK = [
    '"Data Source","World Development Indicators",',
    '',
    '"Last Updated Date","2024-06-28",',
    '',
    '"Country Name","Country Code","Indicator Name","Indicator Code","1960","1961","2022","2023",',
    '"Viet Nam","VNM","GDP growth (annual %)","NY.GDP.MKTP.KD.ZG","","","8.12","5.05",',
    '"Viet Nam","VNM","Population, total","SP.POP.TOTL","32670048","33666107","98186856","98858950",',
    '',
  ].join('\n');

  it('loads: preamble skipped, Indicator Code as series, gaps skipped, lines physical', () => {
    const r = validateObservations(WORLD_BANK);
    expect(r.problems).toEqual([]);
    // The row's Country Code is its basis (a download of several countries is a panel, never a mix).
    expect(r.observations.map((o) => [o.series, o.year, o.value, o.line, o.basis])).toEqual([
      ['NY.GDP.MKTP.KD.ZG', 2022, 8.12, 6, 'VNM'],
      ['NY.GDP.MKTP.KD.ZG', 2023, 5.05, 6, 'VNM'],
      ['SP.POP.TOTL', 1960, 32670048, 7, 'VNM'],
      ['SP.POP.TOTL', 1961, 33666107, 7, 'VNM'],
      ['SP.POP.TOTL', 2022, 98186856, 7, 'VNM'],
      ['SP.POP.TOTL', 2023, 98858950, 7, 'VNM'],
    ]);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, expect.stringMatching(/^skipped lines 1-4 above the header on line 5/)],
      [5, expect.stringMatching(/^wide file: ignoring columns 'Country Name', 'Indicator Name', 1 unnamed column /)],
    ]);
  });

  it('builds series through loadDataset', async () => {
    const ds = await loadDataset(file('API_VNM.csv', WORLD_BANK));
    expect(ds.series.map((s) => [s.key, s.years, s.values])).toEqual([
      ['NY.GDP.MKTP.KD.ZG', [2022, 2023], [8.12, 5.05]],
      ['SP.POP.TOTL', [1960, 1961, 2022, 2023], [32670048, 33666107, 98186856, 98858950]],
    ]);
  });

  it('locates a bad cell on its physical line below the preamble', () => {
    const r = validateObservations(WORLD_BANK.replace('"8.12"', '".."'));
    expect(r.problems).toEqual([{ line: 6, column: '2022', message: '".." is not a number' }]);
  });
});

describe('a wide row with no figure at all', () => {
  it('is skipped with a warning naming its line, and the other rows load', () => {
    const r = validateObservations(['series,source,2019,2020', 'gdp,http://a,7.02,2.91', 'empty,http://b,,'].join('\n'));
    expect(r.problems).toEqual([]);
    expect(r.observations.map((o) => o.series)).toEqual(['gdp', 'gdp']);
    expect(r.warnings).toEqual([{ line: 3, message: 'has no value in any year column (every year is a gap); row skipped' }]);
  });
});
