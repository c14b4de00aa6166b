// parseCsv (RFC 4180 with line numbers): known cases worked by hand, and a round trip over
// random records: quoting fields by the RFC's rules and parsing them back gives the same fields,
// each record on the line where it starts.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/parse-csv.js';
import { createRng } from '../../src/core/rng.js';

describe('parseCsv', () => {
  it.each([
    // [text, fields of each record, first line of each record]
    ['a,b\n1,"x,y"\n', [['a', 'b'], ['1', 'x,y']], [1, 2]],
    ['\ufeffa\r\n"he said ""hi"""\r\n', [['a'], ['he said "hi"']], [1, 2]],
    ['a\n"two\r\nlines",b\nc\n', [['a'], ['two\nlines', 'b'], ['c']], [1, 2, 4]],
    ['a\n\n\nb', [['a'], ['b']], [1, 4]],
    ['x"y,z\n', [['x"y', 'z']], [1]], // a quote inside a field is a character
    ['"ab"cd,e', [['abcd', 'e']], [1]], // text after a closing quote joins the field
  ] as const)('%j', (text, fields, lines) => {
    const r = parseCsv(text);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.fields)).toEqual(fields);
    expect(r.records.map((x) => x.line)).toEqual(lines);
  });

  it('an unclosed quote is reported on the line where it opened', () => {
    expect(parseCsv('a\nb,"open\nstill\n').problems).toEqual([{ line: 2, message: 'a quoted field is never closed (missing ")' }]);
  });

  it('round-trips 2,000 random records quoted by the RFC 4180 rules', () => {
    const rng = createRng(4180);
    const pick = (xs: readonly string[]): string => xs[Math.floor(rng.uniform() * xs.length)]!;
    const chars = ['a', 'b', ' ', ',', '"', '\n', '1', '.', '-', 'é'];
    const records: string[][] = [];
    for (let r = 0; r < 2000; r += 1) {
      const width = 1 + Math.floor(rng.uniform() * 4);
      records.push(Array.from({ length: width }, () => Array.from({ length: Math.floor(rng.uniform() * 6) }, () => pick(chars)).join('')));
    }
    // A record of one empty field would be a blank line, which is skipped: give it a character.
    for (const r of records) if (r.length === 1 && r[0] === '') r[0] = 'a';
    const quote = (f: string): string => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    const text = records.map((r) => r.map(quote).join(',')).join('\r\n');
    const parsed = parseCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((x) => x.fields)).toEqual(records);
    // Each record starts one line after the previous one's last line break.
    let line = 1;
    parsed.records.forEach((x, k) => {
      expect(x.line).toBe(line);
      line += 1 + records[k]!.join('').split('\n').length - 1;
    });
  });
});
