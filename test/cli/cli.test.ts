// The built program as a user and a script see it: exit codes, clean stdout, one-line errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'targetcast-cli-'));
});
// Tests run concurrently: every file gets a name of its own, so none is rewritten while a child reads it.
let files = 0;
const file = (name: string, text: string): string => {
  files += 1;
  const p = join(dir, `${files}-${name}`);
  writeFileSync(p, text);
  return p;
};

describe.concurrent('targetcast data', () => {
  it('lists every shipped series in --json, each with its coverage and source count', async () => {
    const r = await runCli(['data', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'data' });
    expect(doc.series.length).toBeGreaterThan(30);
    expect(doc.series.map((s: { key: string }) => s.key)).toContain('grdp_growth_real@pre-merger');
    for (const s of doc.series) expect(s.unsourced).toBe(0);
  });

  it('without a terminal, no command prints the dashboard as text (chart and targets) within 80 columns, no escape codes', async () => {
    const r = await runCli(['--paths', '500'], { NO_COLOR: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Hai Phong city, Vietnam: Real GRDP growth/);
    expect(r.stdout).toMatch(/2017 .*2029/);
    expect(r.stdout).toMatch(/Q1516-02 .*OFF TRACK/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('TERM=dumb gives ASCII symbols only', async () => {
    const r = await runCli(['--paths', '500'], { TERM: 'dumb' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[┤┼─╭╮╰╯│┆◆●]/);
    expect(r.stdout).toMatch(/\|/);
  });

  it('data show prints each observation with status and source', async () => {
    const r = await runCli(['data', 'show', 'grdp_growth_real@pre-merger']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2019\s+16\.68\s+official\s+https:\/\/thongkehaiphong\.gov\.vn/m);
  });
});

describe.concurrent('targetcast validate', () => {
  it('prints every problem as FILE:LINE: column: message and exits 2', async () => {
    const p = file('bad.csv', 'series,year,value\ngdp,2020,"10,34"\ngdp,20x1,1\ngdp,2022,NaN\n');
    const r = await runCli(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${p}:2: column 'value': "10,34" is not a number (use a dot as decimal separator)`,
      `${p}:3: column 'year': "20x1" is not a whole year`,
      `${p}:4: column 'value': "NaN" is not a finite number`,
    ]);
    expect(r.stderr).toMatch(/3 problems/);
  });
  it('exits 0 on a valid file (BOM and CRLF accepted)', async () => {
    const r = await runCli(['validate', file('ok.csv', '\uFEFFseries,year,value\r\ngdp,2020,1.5\r\n')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/valid \(1 observation, 1 series\)/);
  });
  it('validates the shipped data set', async () => {
    expect((await runCli(['validate', 'data/haiphong'])).code).toBe(0);
  });
});

describe.concurrent('bad input and usage: one line on stderr, exit 2, no stack trace', () => {
  const cases: { name: string; args: () => string[]; message: RegExp }[] = [
    { name: 'missing file', args: () => ['data', '--data', join(dir, 'none.csv')], message: /none\.csv: no such file or directory/ },
    { name: 'directory without data', args: () => ['data', '--data', dir], message: /is a directory without observations\.csv/ },
    { name: 'decimal comma', args: () => ['forecast', '--data', file('c.csv', 'series,year,value\ng,2020,"1,5"\n')], message: /c\.csv:2: column 'value': "1,5" is not a number/ },
    { name: 'unknown option', args: () => ['forecast', '--colour'], message: /unknown option '--colour' \(allowed: --region, --data, --series/ },
    { name: 'unknown command', args: () => ['forcast'], message: /unknown command 'forcast' \(allowed: data, forecast, backtest, targets, scenario, goal-seek, .*compare, regions, dashboard, validate\)/ },
    { name: 'command after its flags', args: () => ['--region', 'haiphong', 'targets'], message: /the command goes first: targetcast targets --region haiphong/ },
    { name: 'bad horizon', args: () => ['forecast', '--horizon', 'ten'], message: /--horizon 'ten' must be a whole number from 1 to 100/ },
    { name: 'unknown model', args: () => ['forecast', '--model', 'prophet'], message: /--model 'prophet' is not allowed \(allowed: naive, drift/ },
    { name: 'unknown series', args: () => ['forecast', '--series', 'gdp_nope'], message: /unknown series 'gdp_nope'/ },
  ];
  it.each(cases)('$name', async ({ args, message }) => {
    const r = await runCli(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it('in --json mode an error is also a JSON document on stdout', async () => {
    const r = await runCli(['forecast', '--json', '--horizon', '0']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1, kind: 'error', error: { type: 'usage' } });
  });
});

describe.concurrent('targetcast forecast', () => {
  const csv = () =>
    file('two.csv', ['series,year,value', ...[3, 4, 6, 7, 9, 10, 12, 14, 15, 17, 19, 20].map((v, i) => `a,${2000 + i},${v}`), ...[50, 48, 49, 47, 45, 46, 44, 43].map((v, i) => `b,${2010 + i},${v}`), 'c,2020,1'].join('\n'));
  it('prints the documented JSON contract for any CSV: one entry per series, failures apart', async () => {
    const r = await runCli(['forecast', '--data', csv(), '--horizon', '4', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'forecast', tool: { name: 'targetcast' }, seed: 20251 });
    expect(doc.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.series.map((s: { id: string }) => s.id)).toEqual(['a', 'b']);
    const a = doc.series[0];
    expect(a.forecast.map((f: { year: number }) => f.year)).toEqual([2012, 2013, 2014, 2015]);
    for (const f of a.forecast) {
      for (const k of ['mean', 'lo80', 'hi80', 'lo95', 'hi95']) expect(Number.isFinite(f[k])).toBe(true);
      expect(f.lo95).toBeLessThanOrEqual(f.lo80);
      expect(f.hi80).toBeLessThanOrEqual(f.hi95);
    }
    expect(doc.failures).toEqual([{ key: 'c', error: { type: 'model', message: expect.stringMatching(/at least 2 consecutive years/) } }]);
    expect(r.stderr).toMatch(/^targetcast: c: /m);
  });
  it('same input and seed → byte-identical output with --no-timestamp or a fixed SOURCE_DATE_EPOCH', async () => {
    const p = csv();
    const args = ['forecast', '--data', p, '--json', '--seed', '5'];
    const epoch = { SOURCE_DATE_EPOCH: '1767225600' };
    const [a, b, c, d, now] = await Promise.all([
      runCli([...args, '--no-timestamp']),
      runCli([...args, '--no-timestamp']),
      runCli(args, epoch),
      runCli(args, epoch),
      runCli(args),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).generatedAt).toBeUndefined();
    expect(c.stdout).toBe(d.stdout);
    expect(JSON.parse(c.stdout).generatedAt).toBe('2026-01-01T00:00:00.000Z');
    // Without either, generatedAt is the current time and is the only difference.
    const e = JSON.parse(now.stdout);
    expect(Date.parse(e.generatedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
    delete e.generatedAt;
    expect(e).toEqual(JSON.parse(a.stdout));
  });
  it('--to YEAR forecasts each series up to that year; --csv has one row per series-year', async () => {
    const r = await runCli(['forecast', '--data', csv(), '--to', '2020', '--csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('series,basis,year,mean,lo80,hi80,lo95,hi95,model');
    // a: 2012-2020 (9 rows); b: 2018-2020 (3 rows).
    expect(lines).toHaveLength(1 + 9 + 3);
  });
});

describe.concurrent('targetcast targets and scenario', () => {
  it.each(['baseline', 'plan', 'recent-trend', 'investment-push', 'growth-accounting'])('targets --scenario %s prints a table within 80 columns', async (name) => {
    const r = await runCli(['targets', '--scenario', name, '--paths', '500']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Q1516-02 .* Avg growth .* 2021-30/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
  it('--json carries every target with source and basis; --fail-on off-track exits 3', async () => {
    const r = await runCli(['targets', '--json', '--paths', '500', '--fail-on', 'off-track']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'targets', scenario: { name: 'baseline' } });
    for (const t of doc.targets) {
      expect(t.source).toMatch(/^https?:/);
      expect(typeof t.basis).toBe('string');
    }
  });
  it('scenario shows assumptions with sources; a bad --set names the key and exits 2', async () => {
    const [ok, bad, unknown] = await Promise.all([
      runCli(['scenario', 'investment-push', '--paths', '500', '--set', 'extraFdi=2']),
      runCli(['scenario', 'investment-push', '--set', 'fdiDisbursement=150']),
      runCli(['scenario', 'moonshot']),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/extraFdi\s+2\s+bn US\$\/yr/);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^targetcast: --set: .*'assumptions\.fdiDisbursement': 150 is outside 30 to 100$/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown scenario 'moonshot' \(known: baseline, growth-accounting, investment-push, plan, recent-trend\)/);
  });
});

describe.concurrent('targetcast goal-seek', () => {
  it('prints, per lever, the value needed, within 80 columns; --csv has one row per lever', async () => {
    const [r, csv] = await Promise.all([
      runCli(['goal-seek', 'DH1-01', '--paths', '500']),
      runCli(['goal-seek', 'DH1-01', '--paths', '500', '--csv', '--lever', 'tfpExtra', '--probability', '0.5']),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^What it would take: DH1-01 /);
    expect(r.stdout).toMatch(/TFP growth above trend\s+0 pp\/yr\s+≥ [\d.]+ pp\/yr\s+6\d(\.\d)?%/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('target,scenario,goal_probability,lever,label,unit,current,min,max,status,direction,value,probability,best_value,best_probability,note');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^DH1-01,growth-accounting,0\.5,tfpExtra,/);
  });
  it.each([
    { args: ['goal-seek'], message: /^targetcast: goal-seek: name a target/ },
    { args: ['goal-seek', 'DH1-01', '--probability', '1.5'], message: /^targetcast: goal-seek: --probability '1\.5' must be a number strictly between 0 and 1/ },
    { args: ['goal-seek', 'DH1-01', '--lever', 'magic'], message: /^targetcast: --lever 'magic' is not an assumption of scenario 'growth-accounting'/ },
    { args: ['goal-seek', 'R45-04'], message: /^targetcast: target R45-04 cannot be goal-sought: its period has passed \(missed\)/ },
  ])('$args: one line on stderr, exit 2', async ({ args, message }) => {
    const r = await runCli([...args, '--paths', '300']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe.concurrent('past level targets', () => {
  it('print the gap in whole percent, however large (AP2024-03: FDI 4.9 bn US$ against 2 bn US$ is +145%)', async () => {
    const r = await runCli(['targets', '--paths', '300']);
    // data/haiphong: fdi_registered_new_plus_adjusted 2024 = 4.9; models/targets: AP2024-03 goal 2-2.5 bn US$ (judged on 2): (4.9 − 2)/2 = +145%.
    expect(r.stdout).toMatch(/AP2024-03 .* 4\.9 \+145% +MET/);
  });
});
