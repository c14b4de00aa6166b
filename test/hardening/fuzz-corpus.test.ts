// Issue 11: the fuzzing corpus (test/fixtures/fuzz/cases.json and the files beside it), one row
// per defect found: the exit code, one line on stderr (warnings aside), the message, no stack
// trace, and nothing written where nothing should be.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../fixtures/fuzz', import.meta.url));
type Case = { name: string; args: string[]; env?: Record<string, string>; code: number; stderrIncludes?: string; stdoutIncludes?: string };
const { cases } = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as { cases: Case[] };

// Each case runs in a copy of the corpus, so that a case that wrongly wrote a file would show.
const dir = mkdtempSync(join(tmpdir(), 'targetcast-fuzz-'));
cpSync(CORPUS, dir, { recursive: true });
const before = readdirSync(dir).sort();

function run(c: Case): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...c.args], { cwd: dir, env: { ...process.env, ...c.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('the fuzzing corpus', () => {
  it.each(cases)('$name', async (c) => {
    const r = await run(c);
    expect(r.code).toBe(c.code);
    const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
    expect(lines.length, r.stderr).toBeGreaterThanOrEqual(1);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    if (c.stderrIncludes) {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(c.stderrIncludes);
    }
    if (c.stdoutIncludes) expect(r.stdout).toContain(c.stdoutIncludes);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000);
});
