import { describe, expect, it } from 'vitest';
import { parseValue, validateObservations } from '../../src/data/validate-observations.js';

const HEADER = 'series,year,value,unit,basis,status,source,note';

describe('validateObservations: bad input, one located problem each', () => {
  // Each case: the CSV text, then the line, column and a fragment of the message expected.
  const cases: { name: string; text: string; line: number; column?: string; message: RegExp }[] = [
    { name: 'empty text', text: '', line: 1, message: /empty/ },
    { name: 'no header row', text: 'gdp,2020,1.5\ngdp,2021,2\n', line: 1, message: /no header row/ },
    { name: 'missing required column', text: 'series,year\ngdp,2020\n', line: 1, message: /missing required column 'value'/ },
    { name: 'header only', text: 'series,year,value\n', line: 2, message: /no observations/ },
    { name: 'non-numeric value', text: 'series,year,value\ngdp,2020,abc\n', line: 2, column: 'value', message: /"abc" is not a number$/ },
    { name: 'decimal comma', text: 'series,year,value\ngdp,2020,"10,34"\n', line: 2, column: 'value', message: /"10,34" is not a number \(use a dot as decimal separator\)/ },
    { name: 'thousands dot, decimal comma', text: 'series,year,value\ngdp,2020,"1.234,5"\n', line: 2, column: 'value', message: /thousands separators \(write 1234\.5\)/ },
    { name: 'thousands comma, decimal dot', text: 'series,year,value\ngdp,2020,"1,234.5"\n', line: 2, column: 'value', message: /thousands separators \(write 1234\.5\)/ },
    { name: 'NaN', text: 'series,year,value\ngdp,2020,NaN\n', line: 2, column: 'value', message: /not a finite number/ },
    { name: 'Infinity', text: 'series,year,value\ngdp,2020,-Infinity\n', line: 2, column: 'value', message: /not a finite number/ },
    { name: 'empty value', text: 'series,year,value\ngdp,2020,\n', line: 2, column: 'value', message: /is empty/ },
    { name: 'non-integer year', text: 'series,year,value\ngdp,2020.5,1\n', line: 2, column: 'year', message: /not a whole year/ },
    { name: 'out-of-range year', text: 'series,year,value\ngdp,20255,1\n', line: 2, column: 'year', message: /out of range/ },
    { name: 'duplicate series-year-basis', text: 'series,year,value,basis\ngdp,2020,1,merged\ngdp,2020,2,merged\n', line: 3, column: 'year', message: /duplicate .*first on line 2/ },
    { name: 'unknown status', text: 'series,year,value,status\ngdp,2020,1,guess\n', line: 2, column: 'status', message: /not a known status \(allowed: official, estimate, preliminary\)/ },
    { name: 'wrong field count', text: 'series,year,value\ngdp,2020,1,2\n', line: 2, message: /has 4 fields, the header has 3/ },
    { name: 'unclosed quote', text: 'series,year,value\ngdp,2020,"1\n', line: 2, message: /never closed/ },
  ];
  it.each(cases)('$name', ({ text, line, column, message }) => {
    const { problems } = validateObservations(text);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    const p = problems[0]!;
    expect(p.line).toBe(line);
    expect(p.column).toBe(column);
    expect(p.message).toMatch(message);
    expect(p.message).not.toContain('\n');
  });

  it('reports every problem of a file, not only the first', () => {
    const text = `${HEADER}\ngdp,2020,"10,34",,,,u,\ngdp,20x1,1,,,,u,\ngdp,2022,1,,,maybe,u,\ngdp,2023,1.5,,,,u,\n`;
    const r = validateObservations(text);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[2, 'value'], [3, 'year'], [4, 'status']]);
    expect(r.observations.map((o) => o.year)).toEqual([2023]);
  });

  it('accepts a BOM and CRLF line ends silently', () => {
    const r = validateObservations('\uFEFFseries,year,value\r\ngdp,2020,1.5\r\ngdp,2021,2\r\n');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.observations.map((o) => [o.series, o.year, o.value, o.line])).toEqual([['gdp', 2020, 1.5, 2], ['gdp', 2021, 2, 3]]);
  });

  it('keeps quoted notes with commas and line breaks, counting lines right', () => {
    const r = validateObservations(`${HEADER}\ngdp,2020,1,%,,official,http://a,"a, ""b""\nc"\ngdp,2021,x,%,,official,http://a,\n`);
    expect(r.observations[0]!.note).toBe('a, "b"\nc');
    expect(r.problems[0]).toMatchObject({ line: 4, column: 'value' });
  });

  it('allows the same series-year on two bases (pre-merger and merged)', () => {
    const r = validateObservations('series,year,value,basis\npop,2025,2100,pre-merger\npop,2025,4600,merged\n');
    expect(r.problems).toEqual([]);
  });

  it('warns about an unknown column and still loads', () => {
    const r = validateObservations('series,year,value,colour\ngdp,2020,1,red\n');
    expect(r.problems).toEqual([]);
    expect(r.warnings[0]).toMatchObject({ column: 'colour' });
    expect(r.observations).toHaveLength(1);
  });
});

describe('parseValue', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['1e3', 1000],
    [' 7.25 ', 7.25],
    ['.5', 0.5],
  ])('reads %s as %d', (raw, value) => {
    expect(parseValue(raw)).toEqual({ value });
  });
});
