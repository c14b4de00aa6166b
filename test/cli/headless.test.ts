// What a script relies on: clean stdout, atomic --out, per-series failures, help for every command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderForecast } from '../../src/cli/commands/forecast.js';
import { jsonDocument } from '../../src/cli/io.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { buildForecastReport } from '../../src/report/forecast-report.js';
import { CLI, runCli } from './run-cli.js';

const M1 = fileURLToPath(new URL('../../bench/data/m1-yearly-train.csv', import.meta.url));
/** A directory of the test's own: tests run concurrently and look for temporary files left behind. */
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'targetcast-headless-'));

/** Polls every 10 ms until `done()` holds; fails after `timeout` ms (a bound for a failure, not a wait). */
async function until(done: () => boolean, what: string, timeout = 30_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeout) throw new Error(`after ${timeout} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.concurrent('--out FILE', () => {
  it('writes the document to FILE and nothing to stdout', async () => {
    const dir = freshDir();
    const out = join(dir, 'f.json');
    const r = await runCli(['forecast', '--series', 'grdp_growth_real@pre-merger', '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ kind: 'forecast' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('on an error leaves an existing FILE untouched and no temporary file', async () => {
    const dir = freshDir();
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'series,year,value\ng,2020,x\n');
    const r = await runCli(['forecast', '--data', bad, '--json', '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('interrupted (SIGINT) mid-run: FILE is never created and the temporary file is removed', async () => {
    const dir = freshDir();
    const out = join(dir, 'interrupted.json');
    const child = spawn(process.execPath, [CLI, 'forecast', '--data', M1, '--json', '--out', out], { stdio: 'ignore' });
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (c) => {
        exitCode = c;
        resolve(c);
      }),
    );
    // Ready: the temporary file exists, so the run is under way and the entry point's signal
    // handlers (installed before any command runs, src/cli.ts) are in place.
    const temporary = join(dir, `.interrupted.json.${child.pid}.tmp`);
    await until(() => existsSync(temporary) || exitCode !== undefined, 'the child never opened its temporary --out file');
    expect(exitCode, 'the run ended before it could be interrupted').toBeUndefined();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.interrupted'))).toEqual([]);
  });

  it('a directory that does not exist is a one-line error naming FILE', async () => {
    const r = await runCli(['data', '--json', '--out', join(freshDir(), 'no', 'such', 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.json: its directory does not exist/);
  });
});

describe.concurrent('clean output for scripts', () => {
  it('the 181-series run prints JSON only on stdout: no ANSI codes, and no progress bar when stderr is not a terminal', async () => {
    const r = await runCli(['forecast', '--data', M1, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    // stderr: no progress bar (no \r, no escape codes), only the one warning that the CSV has no
    // series.json beside it (names, units and kinds unknown).
    expect(r.stderr).not.toMatch(/\r|\u001b\[/);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^warning: .*m1-yearly-train\.csv: no .*series\.json/)]);
    expect(JSON.parse(r.stdout).series).toHaveLength(181);
  });

  it('the streamed JSON is exactly the whole report serialised at once', async () => {
    const ds = await loadDataset(M1);
    const series = ds.series.slice(0, 5);
    const request = { model: 'auto', steps: 3, toYear: null, version: 't' };
    const report = buildForecastReport(ds, series, request);
    expect(await renderForecast(report, 'json', '2026-01-01T00:00:00.000Z')).toBe(jsonDocument(report, '2026-01-01T00:00:00.000Z'));
    const empty = { ...report, series: [], failures: [] };
    expect(await renderForecast(empty, 'json', null)).toBe(jsonDocument(empty, null));
  });
});

describe.concurrent('--help for every command: its flags, and an example, within 80 columns', () => {
  it.each(['data', 'validate', 'forecast', 'backtest', 'targets', 'scenario'])('%s --help', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: targetcast ${command}`));
    // A flag's help may wrap: its next lines hang under the description column.
    expect(r.stdout).toMatch(/Options:\n( {2}--[\w-]+.*\n( {6,}\S.*\n)*)+/);
    expect(r.stdout).toMatch(/Examples:\n {2}targetcast /);
    expect(r.stdout).toMatch(/--json .*\n/);
    expect(r.stdout).toMatch(/--out FILE/);
  });

  // An analyst over SSH has 80 columns: no help line may be wider (counted in characters).
  it.each([[], ['data'], ['forecast'], ['backtest'], ['targets'], ['scenario'], ['goal-seek'], ['sensitivity'], ['report'], ['compare'], ['regions'], ['dashboard'], ['validate']])('%s --help fits 80 columns', async (...command) => {
    const r = await runCli([...command, '--help']);
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((l) => [...l].length > 80);
    expect(wide).toEqual([]);
  });
});
