// Issue 11 (hardening), the cases fixed so far: --out never replaces anything but a regular file,
// --set reaches no prototype, a bad SOURCE_DATE_EPOCH or an unwritable stdout is one line, and a
// dropped SSH session (SIGHUP) leaves no temporary file behind. Each: exit code, one stderr line,
// no stack trace, files untouched.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'targetcast-hard-'));

/** Runs the CLI without blocking, so that the cases of a table run side by side. */
function run(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe.concurrent('--out writes only to a regular file or a new path', () => {
  spawnSync('mkfifo', [join(dir, 'fifo')]);
  const target = join(dir, 'target.txt');
  writeFileSync(target, 'keep me\n');
  symlinkSync(target, join(dir, 'link'));
  mkdirSync(join(dir, 'folder'));
  it.each([
    { out: 'fifo', message: /--out fifo: is a named pipe/, still: () => lstatSync(join(dir, 'fifo')).isFIFO() },
    { out: 'link', message: /--out link: is a symbolic link/, still: () => readlinkSync(join(dir, 'link')) === target && readFileSync(target, 'utf8') === 'keep me\n' },
    { out: '/dev/null', message: /--out \/dev\/null: is a device/, still: () => lstatSync('/dev/null').isCharacterDevice() },
    { out: 'folder', message: /--out folder: is a directory/, still: () => lstatSync(join(dir, 'folder')).isDirectory() },
    { out: 'folder/', message: /--out folder\/: names a directory/, still: () => readdirSync(join(dir, 'folder')).length === 0 },
    { out: '', message: /--out: give a file name/, still: () => true },
    { out: 'missing/x.json', message: /missing\/x.json: its directory does not exist/, still: () => !existsSync(join(dir, 'missing')) },
  ])('$out: exit 2, one line, nothing replaced', async ({ out, message, still }) => {
    const r = await run(['data', '--json', '--out', out]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, message);
    expect(still()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.concurrent('bad values from outside are one line', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('--set %s=1 names no assumption: exit 2', async (key) => {
    const r = await run(['targets', '--set', `${key}=1`, '--paths', '100']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, new RegExp(`--set: unknown key '${key}' \\(allowed: deflator`));
  });
  it('SOURCE_DATE_EPOCH beyond year 9999: exit 2, its name and range', async () => {
    const r = await run(['data', '--json'], { SOURCE_DATE_EPOCH: '99999999999999' });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /SOURCE_DATE_EPOCH '99999999999999' must be whole seconds since 1970, 0 to 253402300799/);
  });
  it.runIf(existsSync('/dev/full'))('a full disk on stdout: exit 1, one line', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" data --json > /dev/full`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, /cannot write to standard output: ENOSPC/);
  });
});

describe('a dropped session (SIGHUP)', () => {
  it('removes the temporary --out file and leaves FILE as it was', async () => {
    const out = join(dir, 'hup.json');
    writeFileSync(out, 'old\n');
    const child = spawn(process.execPath, [CLI, 'targets', '--json', '--out', out], { cwd: dir });
    const tmp = join(dir, `.hup.json.${child.pid}.tmp`);
    // Ready when the temporary file exists: the handler is installed before it is opened.
    const started = Date.now();
    while (!existsSync(tmp)) {
      if (Date.now() - started > 30_000) throw new Error('the temporary file never appeared');
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGHUP');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    // Either the signal arrived while it worked (129) or it had already finished (0, FILE replaced whole).
    if (code === 129) expect(readFileSync(out, 'utf8')).toBe('old\n');
    else expect(code).toBe(0);
    expect(existsSync(tmp)).toBe(false);
  });
});

describe('Ctrl-C during a long run', () => {
  it('exits 130 and never replaces FILE, even when the signal arrives during synchronous work', async () => {
    // 200,000 rows (about 5 MB): validating takes about a second, and the signal is sent as soon
    // as the temporary file exists (before the data are read), so it lands mid-run.
    const big = join(dir, 'big.csv');
    const rows = ['series,year,value'];
    for (let s = 0; s < 1000; s += 1) for (let y = 1900; y < 2100; y += 1) rows.push(`s${s},${y},${(s * 7 + y) % 97}.5`);
    writeFileSync(big, `${rows.join('\n')}\n`);
    const out = join(dir, 'interrupted.json');
    writeFileSync(out, 'old\n');
    const child = spawn(process.execPath, [CLI, 'validate', big, '--json', '--out', out], { cwd: dir });
    const tmp = join(dir, `.interrupted.json.${child.pid}.tmp`);
    const started = Date.now();
    while (!existsSync(tmp)) {
      if (Date.now() - started > 30_000) throw new Error('the temporary file never appeared');
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(existsSync(tmp)).toBe(false);
  }, 120_000);
});

describe.concurrent('documents that must not be lost', () => {
  it('validate of a bad file with --json --out writes the list of problems, then exits 2', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'series,year,value\na,2020,1,0\nb,20x0,3\n');
    const out = join(dir, 'problems.json');
    const r = await run(['validate', bad, '--json', '--out', out]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { valid: boolean; problems: { line: number }[] };
    expect(doc.valid).toBe(false);
    // Line 2 has four fields for three columns; line 3's year is not a number.
    expect(doc.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('ar1 on a series it fits exactly (e^(−60·i): log growth exactly −60) reports a finite log-likelihood', async () => {
    const file = join(dir, 'exp.csv');
    writeFileSync(file, `series,year,value\n${Array.from({ length: 12 }, (_, i) => `e,${2000 + i},${Math.exp(-60 * i)}`).join('\n')}\n`);
    const r = await run(['forecast', '--data', file, '--json', '--model', 'ar1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { series: { params: Record<string, unknown> }[] };
    expect(Number.isFinite(doc.series[0]!.params.loglik)).toBe(true);
  });
});
