// `targetcast sensitivity` and `scenario --csv-table` as a user and a script see them (the BUILT
// program): the table's P equals what `targets` prints, text fits 80 columns, ASCII stays ASCII.
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './run-cli.js';

type Json = Record<string, any>;

// Each command runs once; tests that read the same output share the run.
const runs = new Map<string, Promise<CliResult>>();
function run(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const key = JSON.stringify([args, env]);
  if (!runs.has(key)) runs.set(key, runCli(args, env));
  return runs.get(key)!;
}
const ok = async (args: string[], env: Record<string, string> = {}): Promise<string> => {
  const r = await run(args, env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const json = async (args: string[]): Promise<Json> => JSON.parse(await ok(args)) as Json;
/** RFC 4180 rows without quoted commas or newlines in the cells read here. */
const csvRows = (text: string): string[][] => text.trimEnd().split('\n').map((l) => l.split(','));

const PATHS = ['--paths', '1000'];

describe.concurrent('targetcast sensitivity', () => {
  it("the auto column equals `targets --json`'s P for the target under each scenario (baseline: the default)", async () => {
    const [doc, baseline, accounting, plan] = await Promise.all([
      json(['sensitivity', 'DH1-01', '--json', ...PATHS]),
      json(['targets', '--json', ...PATHS]),
      json(['targets', '--scenario', 'growth-accounting', '--json', ...PATHS]),
      json(['targets', '--scenario', 'plan', '--json', ...PATHS]),
    ]);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'sensitivity', scenario: 'growth-accounting', paths: 1000 });
    const p = (targets: Json): number => targets.targets.find((t: Json) => t.id === 'DH1-01').probability;
    const auto = (scenario: string): number => doc.table.find((r: Json) => r.scenario === scenario).cells.find((c: Json) => c.model === 'auto').probability;
    expect(baseline.scenario.name).toBe('baseline');
    expect(auto('baseline')).toBe(p(baseline));
    expect(auto('growth-accounting')).toBe(p(accounting));
    expect(auto('plan')).toBe(p(plan));
    expect(doc.tornado.probability).toBe(p(accounting));
  });

  it('text: the table and the tornado within 80 columns, the widest swing first, extra FDI only upwards', async () => {
    const out = await ok(['sensitivity', 'DH1-01', ...PATHS]);
    expect(out).toMatch(/^Sensitivity of DH1-01 /);
    expect(out).toMatch(/\nSCENARIO +auto +naive +drift +ar1 +combo +SPREAD\n/);
    expect(out).toMatch(/\ngrowth-accounting\* /);
    expect(out).toMatch(/\nASSUMPTION +DOWN → UP +ΔP DOWN +ΔP UP +- +0 +\+\ntfpExtra +-0\.1 → 0\.1 +-\d/);
    expect(out).toMatch(/\nextraFdi +0 → 0\.25 +at min +\+[\d.]+ +│█+\n/);
    expect(out).toMatch(/\ndeflator .* 0\.0 +0\.0 +│\n/);
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it.each([
    ['--ascii', ['--ascii'], {}],
    ['TERM=dumb', [], { TERM: 'dumb' }],
  ])('%s: ASCII only, the bars drawn with = and #', async (_how, extra, env) => {
    const out = await ok(['sensitivity', 'DH1-01', ...PATHS, ...extra], env);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
    expect(out).toMatch(/\nASSUMPTION +DOWN -> UP +dP DOWN +dP UP/);
    expect(out).toMatch(/\ntfpExtra .*=\|#/);
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('--csv: one row per P, scenarios × models then two moves per assumption', async () => {
    const [csv, doc] = await Promise.all([ok(['sensitivity', 'DH1-01', '--csv', ...PATHS]), json(['sensitivity', 'DH1-01', '--json', ...PATHS])]);
    const [header, ...rows] = csvRows(csv);
    expect(header).toEqual(['part', 'target', 'scenario', 'model', 'assumption', 'move', 'current', 'value', 'probability', 'probability_se', 'delta', 'verdict', 'note']);
    expect(rows.filter((r) => r[0] === 'table')).toHaveLength(doc.table.length * doc.models.length);
    expect(rows.filter((r) => r[0] === 'tornado')).toHaveLength(2 * doc.tornado.bars.length);
    const fdiUp = rows.find((r) => r[0] === 'tornado' && r[4] === 'extraFdi' && r[5] === 'up')!;
    expect(Number(fdiUp[7])).toBe(0.25);
    expect(Number(fdiUp[10])).toBeGreaterThanOrEqual(0);
  });

  it('--steps and --set: 4 steps of 0.25 bn US$ of extra FDI from 2 is 1 to 3', async () => {
    const doc = await json(['sensitivity', 'DH1-01', '--json', '--steps', '4', '--set', 'extraFdi=2', ...PATHS]);
    const fdi = doc.tornado.bars.find((b: Json) => b.key === 'extraFdi');
    expect([fdi.current, fdi.down.value, fdi.up.value]).toEqual([2, 1, 3]);
    expect(fdi.down.delta).toBeLessThanOrEqual(0);
    expect(fdi.up.delta).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['no target', ['sensitivity'], /sensitivity: name a target/],
    ['two targets', ['sensitivity', 'DH1-01', 'KH2630-02'], /takes one target, got 2/],
    ['a passed target', ['sensitivity', 'R45-04'], /R45-04 has no probability to vary: its period has passed/],
    ['--steps 0', ['sensitivity', 'DH1-01', '--steps', '0'], /--steps '0' must be a positive number/],
    ['an unknown scenario', ['sensitivity', 'DH1-01', '--scenario', 'nope'], /unknown scenario 'nope'/],
  ])('%s: exit 2 with one line on stderr', async (_what, args, message) => {
    const r = await run([...args, ...PATHS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe.concurrent('targetcast scenario --csv-table', () => {
  it('assumptions: one row per assumption of the scenario, with its value, unit and source as in --json', async () => {
    const [csv, doc] = await Promise.all([ok(['scenario', 'growth-accounting', '--csv', '--csv-table', 'assumptions', ...PATHS]), json(['scenario', 'growth-accounting', '--json', ...PATHS])]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,key,label,value,unit,source,note');
    // Sources and notes may hold commas and newlines (quoted): compare the first four cells only.
    const keys = lines.slice(1).filter((l) => l.startsWith('growth-accounting,')).map((l) => l.split(',').slice(1, 2)[0]);
    expect(keys).toEqual(doc.scenario.assumptions.map((a: Json) => a.key));
    expect(csv).toContain(`growth-accounting,fdiDisbursement,${doc.scenario.assumptions.find((a: Json) => a.key === 'fdiDisbursement').label},61.5,% of registered,`);
  });

  it('outlook (implies --csv): every year of the growth outlook with its intervals, the points added and per capita US$', async () => {
    const [csv, doc] = await Promise.all([ok(['scenario', 'investment-push', '--csv-table', 'outlook', '--set', 'extraFdi=2', ...PATHS]), json(['scenario', 'investment-push', '--json', '--set', 'extraFdi=2', ...PATHS])]);
    const [header, ...rows] = csvRows(csv);
    expect(header).toEqual(['scenario', 'year', 'growth_mean', 'growth_median', 'growth_lo80', 'growth_hi80', 'growth_lo95', 'growth_hi95', 'added_shock', 'added_investment', 'added', 'per_capita_usd_mean', 'per_capita_usd_lo80', 'per_capita_usd_hi80']);
    expect(rows.map((r) => Number(r[1]))).toEqual(doc.growth.outlook.map((g: Json) => g.year));
    expect(rows.map((r) => Number(r[2]))).toEqual(doc.growth.outlook.map((g: Json) => g.mean));
    // added = shock + investment, as the text's ADDED pp column; extra FDI adds growth from its first year.
    for (const r of rows) expect(Number(r[10])).toBeCloseTo(Number(r[8]) + Number(r[9]), 12);
    expect(Number(rows[1]![9])).toBeGreaterThan(0);
    expect(Number(rows[0]![11])).toBe(doc.perCapitaUsd.outlook[0].mean);
  });

  it('targets (the default): the same CSV as without the flag', async () => {
    const [plain, named] = await Promise.all([ok(['scenario', 'plan', '--csv', ...PATHS]), ok(['scenario', 'plan', '--csv', '--csv-table', 'targets', ...PATHS])]);
    expect(plain.split('\n')[0]).toMatch(/^id,indicator,when,threshold,/);
    expect(named).toBe(plain);
  });

  it.each([
    ['with --json', ['scenario', 'plan', '--json', '--csv-table', 'outlook'], /--csv-table is for CSV/],
    ['an unknown table', ['scenario', 'plan', '--csv-table', 'levers'], /--csv-table 'levers' is not allowed \(allowed: targets, assumptions, outlook\)/],
    ['on targets', ['targets', '--csv-table', 'outlook'], /unknown option '--csv-table'/],
  ])('%s: exit 2', async (_what, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
