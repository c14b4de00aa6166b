// The built program (dist/cli.js) under TERM=dumb and --ascii, piped `data` without cuts, the
// targets' Vietnamese wording in JSON and CSV, the reasons under `targets --all`, and the warning
// for a data set without series.json. The runs start together and are awaited once.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI as a script sees it: stdin closed, stdout a pipe, no colour. */
function run(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 24, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const DUMB: readonly (readonly string[])[] = [
  [],
  ['targets'],
  ['targets', '--all'],
  ['data'],
  ['data', 'show', 'grdp_growth_real@pre-merger'],
  ['scenario', 'investment-push'],
  ['goal-seek', 'DH1-01', '--paths', '500'],
];

let dumb: Run[];
let asciiFlag: Run;
let data: Run;
let all: Run;
let json: Run;
let csv: Run;
let bare: Run;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'targetcast-ascii-'));
  const file = join(dir, 'x.csv');
  writeFileSync(file, 'series,year,value\ng,2020,1\ng,2021,2\nh,2020,3\n');
  [dumb, [asciiFlag, data, all, json, csv, bare]] = await Promise.all([
    Promise.all(DUMB.map((args) => run(args, { TERM: 'dumb' }))),
    Promise.all([
      run(['targets', '--ascii']),
      run(['data']),
      run(['targets', '--all']),
      run(['targets', '--json', '--all']),
      run(['targets', '--csv', '--all']),
      run(['data', '--data', file]),
    ]),
  ]);
}, 180_000);

/** Bytes above 0x7E (or control bytes other than newline) in a text, with the line they are on. */
const nonAscii = (text: string): string[] => text.split('\n').filter((line) => /[^\x20-\x7e]/.test(line));

describe('TERM=dumb and --ascii print ASCII only', () => {
  it.each(DUMB.map((args, i) => [args.join(' ') || '(dashboard as text)', i] as const))('TERM=dumb targetcast %s', (_, i) => {
    const r = dumb[i]!;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
    expect(nonAscii(r.stdout)).toEqual([]);
    expect(nonAscii(r.stderr)).toEqual([]);
  });

  it('--ascii does it without TERM=dumb', () => {
    expect(asciiFlag.code, asciiFlag.stderr).toBe(0);
    expect(nonAscii(asciiFlag.stdout)).toEqual([]);
    expect(asciiFlag.stdout).toMatch(/>= 13%\/yr/);
  });

  it('the text dashboard under TERM=dumb has its legend, in ASCII', () => {
    expect(dumb[0]!.stdout).toMatch(/% y\/y \| - actual = forecast \. 80% band : last actual # target ~ period target/);
  });
});

describe('targetcast data, piped', () => {
  it('cuts no id, unit or status: every line is whole', () => {
    expect(data.code).toBe(0);
    expect(data.stdout).not.toMatch(/…/);
    expect(data.stdout).toMatch(/^grdp_growth_sector_industry_construction +\d{4}/m);
    expect(data.stdout).toMatch(/^grdp_growth_sector_industry +\d{4}/m);
    expect(data.stdout).toMatch(/ preliminary /);
  });
});

describe('targetcast targets', () => {
  it('keeps the three 2045 proxies apart', () => {
    for (const id of ['~2045-HI ', '~2045-R45 ', '~2045-HANOI ']) expect(all.stdout).toContain(id);
    expect(all.stdout).toMatch(/~2045-HI is PROXY-2045-HI/);
  });

  it('--all says under each target that is not judged why, within 80 columns', () => {
    const lines = all.stdout.split('\n');
    const notJudged = lines.map((l, i) => [l, i] as const).filter(([l]) => /NOT JUDGED$/.test(l));
    expect(notJudged.length).toBeGreaterThan(10);
    for (const [, i] of notJudged) expect(lines[i + 1]).toMatch(/^ {11}why: \S/);
    expect(all.stdout).toMatch(/why: no series in the data set measures this indicator/);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('gives the Vietnamese wording as wordingVi (JSON) and wording_vi (CSV)', () => {
    const doc = JSON.parse(json.stdout) as { targets: { id: string; wordingVi?: string }[] };
    // data/haiphong/targets.json: KH2630-02's wording_vi.
    expect(doc.targets.find((t) => t.id === 'KH2630-02')?.wordingVi).toBe('GRDP bình quân đầu người đến năm 2030 đạt 11.247 USD');
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header!.split(',').at(-1)).toBe('wording_vi');
    expect(rows.find((r) => r.startsWith('KH2630-02,'))).toMatch(/,GRDP bình quân đầu người đến năm 2030 đạt 11\.247 USD$/);
  });
});

describe('a data set without series.json', () => {
  it('loads with one warning on stderr', () => {
    expect(bare.code).toBe(0);
    const warnings = bare.stderr.trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: .*x\.csv: no x\.series\.json or series\.json beside it: 2 series loaded without names/);
  });
});
