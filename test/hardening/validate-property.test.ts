// Issue 11, property-based (fast-check): whatever bytes or CSV-shaped text a user hands to
// `targetcast validate`, it answers exit 0 or 2, one line per problem on stdout, a one-line summary
// on stderr, never a stack trace or a raw control character, within a time bound.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'targetcast-prop-'));
let n = 0;

async function validate(content: Uint8Array | string): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const file = join(dir, `case-${(n += 1)}.csv`);
  writeFileSync(file, content);
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const code = await main(['validate', file], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, stdoutIsTTY: false, stdinIsTTY: false });
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

function expectWellBehaved(r: Awaited<ReturnType<typeof validate>>): void {
  expect([0, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  // Every line printed is one problem or one summary: no control character but the line break.
  expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const summary = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
  expect(summary).toHaveLength(1);
  if (r.code === 0) expect(r.stdout).toBe('');
  else for (const line of r.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^\S.*:\d+: /);
  // Small inputs: a second is generous even on a loaded 2-core machine.
  expect(r.ms).toBeLessThan(1000);
}

describe('validate never misbehaves', () => {
  // The CLI imports a command's module when it first runs (under vitest, compiled then): the time
  // bound below is for reading the input, so that import is done once before.
  beforeAll(async () => {
    await validate('series,year,value\n');
  }, 60_000);

  it('on random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 400 }), async (bytes) => expectWellBehaved(await validate(bytes))), { numRuns: 150, seed: 11 });
  }, 120_000);

  it('on random CSV-shaped text', async () => {
    const cell = fc.oneof(
      fc.constantFrom('series', 'year', 'value', 'unit', 'basis', 'status', 'official', 'gdp', '2020', '1800', '2201', '-1.5e3', '1,5', '..', 'NaN', 'Infinity', '', ' ', '"', '""', '\u001b[2J', '\u0007', '\r', '\n', '\ufeff'),
      fc.string({ maxLength: 8 }),
      fc.double({ noNaN: false }).map(String),
      fc.integer({ min: 1700, max: 2300 }).map(String),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
    const csv = fc.tuple(fc.constantFrom('series,year,value', 'series,year,value,note', 'year,series', 'series,2019,2020', ''), fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'));
    await fc.assert(fc.asyncProperty(csv, async ([header, rows, eol]) => expectWellBehaved(await validate([header, ...rows].join(eol)))), { numRuns: 250, seed: 12 });
  }, 120_000);
});
