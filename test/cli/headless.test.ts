// What a script relies on: clean stdout, atomic --out, per-series failures, help for every command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderForecast } from '../../src/cli/commands/forecast.js';
import { jsonDocument } from '../../src/cli/io.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { buildForecastReport } from '../../src/report/forecast-report.js';
import { CLI, runCli } from './run-cli.js';

const M1 = fileURLToPath(new URL('../../bench/data/m1-yearly-train.csv', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'targetcast-headless-'));
});

describe('--out FILE', () => {
  it('writes the document to FILE and nothing to stdout', () => {
    const out = join(dir, 'f.json');
    const r = runCli(['forecast', '--series', 'grdp_growth_real@pre-merger', '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ kind: 'forecast' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('on an error leaves an existing FILE untouched and no temporary file', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'series,year,value\ng,2020,x\n');
    const r = runCli(['forecast', '--data', bad, '--json', '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('interrupted (SIGINT) mid-run: FILE is never created and the temporary file is removed', async () => {
    const out = join(dir, 'interrupted.json');
    const child = spawn(process.execPath, [CLI, 'forecast', '--data', M1, '--json', '--out', out], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.interrupted'))).toEqual([]);
  });

  it('a directory that does not exist is a one-line error naming FILE', () => {
    const r = runCli(['data', '--json', '--out', join(dir, 'no', 'such', 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.json: its directory does not exist/);
  });
});

describe('clean output for scripts', () => {
  it('the 181-series run prints JSON only on stdout: no ANSI codes, and no progress bar when stderr is not a terminal', () => {
    const r = runCli(['forecast', '--data', M1, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stderr).toBe('');
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

describe('--help for every command: flags with one line each, and an example', () => {
  it.each(['data', 'validate', 'forecast', 'backtest', 'targets', 'scenario'])('%s --help', (command) => {
    const r = runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: targetcast ${command}`));
    expect(r.stdout).toMatch(/Options:\n(  --[\w-]+.*\n)+/);
    expect(r.stdout).toMatch(/Examples:\n  targetcast /);
    expect(r.stdout).toMatch(/--json .*\n/);
    expect(r.stdout).toMatch(/--out FILE/);
  });
});
