// Issue 12: a region of one's own, as a folder with a region.json, used through --region DIR in
// every command and the dashboard; and a panel of regions in one file, compared side by side with
// each region given the P it gets alone. The fixtures are not Vietnamese: Chile, Peru and Colombia
// from Penn World Table 9.1 (bench/data/pwt-growth-1951-2011.csv), with no basis column in the
// single-region folder and a growth series named gdp_growth_real.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPanel } from '../../bench/growth-panel.mjs';
import { runCli } from '../cli/run-cli.js';

const panel = readPanel();
const YEARS = Array.from({ length: 15 }, (_, i) => 1997 + i);
const growthOf = (code: string): number[] => YEARS.map((y) => panel.get(code)!.get(y)!);
/** Geometric mean growth of the last ten years (2002-2011), as the verdict benchmark's targets use. */
const tenYearMean = (g: readonly number[]): number => 100 * (g.slice(-10).reduce((p, v) => p * (1 + v / 100), 1) ** (1 / 10) - 1);

const dir = mkdtempSync(join(tmpdir(), 'targetcast-region-'));
const home = join(dir, 'home');
mkdirSync(home);
const chile = join(dir, 'chile');
mkdirSync(chile);
writeFileSync(join(chile, 'observations.csv'), `series,year,value,source\n${growthOf('CHL').map((v, i) => `gdp_growth_real,${YEARS[i]},${v},https://www.rug.nl/ggdc/productivity/pwt/`).join('\n')}\n`);
writeFileSync(
  join(chile, 'series.json'),
  JSON.stringify({ dataset: { id: 'chile', name_en: 'Chile', growth_series: 'gdp_growth_real' }, series: [{ id: 'gdp_growth_real', name_en: 'Real GDP growth', unit: '% y/y', kind: 'rate' }] }),
);
const goal = Math.round(tenYearMean(growthOf('CHL')) * 10) / 10;
writeFileSync(
  join(chile, 'targets.json'),
  JSON.stringify({
    targets: [
      { id: 'CL-1', indicator: 'Average real growth 2012-2017', series: 'gdp_growth_real', kind: 'average-growth', year: null, period: [2012, 2017], operator: '>=', value: goal, upper: null, unit: '% per year', source: 'https://example.org/plan' },
      { id: 'CL-2', indicator: 'Real growth 2012', series: 'gdp_growth_real', kind: 'annual-growth', year: 2012, period: null, operator: '>=', value: 5, upper: null, unit: '%', source: 'https://example.org/plan' },
    ],
  }),
);
writeFileSync(join(chile, 'region.json'), JSON.stringify({ schemaVersion: 1, kind: 'region', id: 'chile', name: { en: 'Chile', vi: 'Chi-lê' }, country: 'Chile', currency: 'CLP', targets: 'targets.json', horizons: [2017] }));
const env = { HOME: home, XDG_CONFIG_HOME: '' };

describe('a region of your own, as a folder with a region.json (--region DIR)', () => {
  it('targets: its own targets, on its own growth series, no basis anywhere', async () => {
    const r = await runCli(['targets', '--region', chile, '--json', '--paths', '2000'], env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.growth.series).toBe('gdp_growth_real');
    expect(doc.targets.map((t: { id: string; basis: string; status: string }) => [t.id, t.basis, t.status])).toEqual([
      ['CL-1', '', 'open'],
      ['CL-2', '', 'open'],
    ]);
  });

  it('data, forecast, backtest, scenario, compare and the dashboard (as text) all run on it', async () => {
    const runs = await Promise.all([
      runCli(['data', '--region', chile], env),
      runCli(['forecast', '--region', chile, '--to', '2017'], env),
      runCli(['backtest', '--region', chile], env),
      runCli(['scenario', 'recent-trend', '--region', chile, '--paths', '500'], env),
      runCli(['compare', '--region', chile, '--paths', '500'], env),
      runCli(['dashboard', '--region', chile, '--paths', '500'], { ...env, TERM: 'dumb' }),
    ]);
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    expect(runs[0]!.stdout).toMatch(/gdp_growth_real/);
    expect(runs[3]!.stdout).toMatch(/2006-2011 average growth/);
    expect(runs[4]!.stdout).toMatch(/CL-1/);
    expect(runs[5]!.stdout).toMatch(/^Chile: Real GDP growth/);
  });

  it('the generic plan scenario is read off its own growth targets', async () => {
    const r = await runCli(['scenario', 'plan', '--region', chile, '--paths', '500', '--json'], env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // CL-2 (5% in 2012) beats CL-1 (the average) in 2012; CL-1's goal the years after.
    expect(doc.scenario.meanPath).toContain(`2012: 5%, 2013: ${goal}%`);
  });

  it("a scenario that needs a series the region lacks says which, in one line; Hai Phong's own scenarios never apply", async () => {
    const [accounting, push] = await Promise.all([
      runCli(['scenario', 'growth-accounting', '--region', chile, '--paths', '500'], env),
      runCli(['scenario', 'investment-push', '--region', chile, '--paths', '500'], env),
    ]);
    expect(accounting.code).toBe(2);
    expect(accounting.stderr.trim().split('\n')).toHaveLength(1);
    expect(accounting.stderr).toMatch(/growth accounting needs .*(roles|labour series)/);
    expect(push.code).toBe(2);
    expect(push.stderr).toMatch(/unknown scenario 'investment-push' \(known: baseline, growth-accounting, plan, recent-trend\)/);
  });

  it('a broken region.json is one line naming the file and the field, exit 2', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'region.json'), JSON.stringify({ schemaVersion: 1, kind: 'region', id: 'bad', name: { en: 'Bad' }, horizons: ['2030'] }));
    const r = await runCli(['targets', '--region', bad], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^targetcast: .*bad\/region\.json: horizons\[0\]: must be a whole number$/);
    const unknown = await runCli(['targets', '--region', 'atlantis'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown region 'atlantis' \(installed: haiduong, haiphong; or give a folder with a region.json\)/);
  });
});

describe('a panel of regions in one file', () => {
  // Chile, Peru and Colombia in one CSV (basis = country code), one target each: average growth
  // 2012-2017 at least the country's 2002-2011 average.
  const codes = ['CHL', 'PER', 'COL'];
  const panelDir = join(dir, 'panel');
  mkdirSync(panelDir);
  const rows = codes.flatMap((c) => growthOf(c).map((v, i) => `gdp_growth_real,${YEARS[i]},${v},${c}`));
  writeFileSync(join(panelDir, 'panel.csv'), `series,year,value,basis\n${rows.join('\n')}\n`);
  const target = (c: string) => ({ id: `${c}-1`, indicator: 'Average real growth 2012-2017', series: 'gdp_growth_real', kind: 'average-growth', year: null, period: [2012, 2017], operator: '>=', value: Math.round(tenYearMean(growthOf(c)) * 100) / 100, upper: null, unit: '% per year', basis: c, source: 'https://example.org' });
  writeFileSync(join(panelDir, 'targets.json'), JSON.stringify({ targets: codes.map(target) }));
  for (const c of codes) {
    writeFileSync(join(panelDir, `${c}.csv`), `series,year,value,basis\n${rows.filter((r) => r.endsWith(`,${c}`)).join('\n')}\n`);
    writeFileSync(join(panelDir, `${c}-targets.json`), JSON.stringify({ targets: [target(c)] }));
  }

  it('compare gives each region the P it gets alone, sorted by P', async () => {
    const compare = await runCli(['compare', '--data', join(panelDir, 'panel.csv'), '--targets', join(panelDir, 'targets.json'), '--paths', '2000', '--json'], env);
    expect(compare.code).toBe(0);
    const doc = JSON.parse(compare.stdout);
    expect(doc.regions).toHaveLength(3);
    const ps = doc.rows.map((r: { probability: number }) => r.probability);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    const alone = await Promise.all(codes.map((c) => runCli(['targets', '--data', join(panelDir, `${c}.csv`), '--targets', join(panelDir, `${c}-targets.json`), '--paths', '2000', '--json'], env)));
    for (const [i, c] of codes.entries()) {
      const own = JSON.parse(alone[i]!.stdout).targets[0];
      const row = doc.rows.find((r: { id: string }) => r.id === `${c}-1`);
      expect(row.region).toBe(c);
      expect(row.probability).toBe(own.probability);
      expect(row.verdict).toBe(own.verdict);
    }
  });
});

describe('the README walkthrough: a World Bank download as it comes, in a region folder', () => {
  // World Bank "Download CSV" layout (a preamble, then Country Name, Country Code, Indicator Name,
  // Indicator Code and one column per year); the values are Peru's PWT 9.1 growth 1997-2011, as
  // no network is reachable here to fetch the World Bank's own.
  const peru = join(dir, 'peru');
  mkdirSync(peru);
  const g = growthOf('PER');
  writeFileSync(
    join(peru, 'API_NY.GDP.MKTP.KD.ZG_PER.csv'),
    `"Data Source","World Development Indicators",\n\n"Last Updated Date","2026-11-20",\n\n"Country Name","Country Code","Indicator Name","Indicator Code",${YEARS.map((y) => `"${y}"`).join(',')},\n"Peru","PER","GDP growth (annual %)","NY.GDP.MKTP.KD.ZG",${g.map((v) => `"${v}"`).join(',')},\n`,
  );
  writeFileSync(join(peru, 'series.json'), JSON.stringify({ dataset: { id: 'peru', name_en: 'Peru', growth_series: 'NY.GDP.MKTP.KD.ZG' }, series: [{ id: 'NY.GDP.MKTP.KD.ZG', name_en: 'GDP growth (annual %)', unit: '% y/y', kind: 'rate' }] }));
  writeFileSync(
    join(peru, 'targets.json'),
    JSON.stringify({ targets: [{ id: 'PE-1', indicator: 'Average real GDP growth 2012-2016', series: 'NY.GDP.MKTP.KD.ZG', kind: 'average-growth', year: null, period: [2012, 2016], operator: '>=', value: 6, upper: null, unit: '% per year', basis: 'PER', source: 'https://example.org/plan' }] }),
  );
  writeFileSync(join(peru, 'region.json'), JSON.stringify({ schemaVersion: 1, kind: 'region', id: 'peru', name: { en: 'Peru' }, currency: 'PEN', data: 'API_NY.GDP.MKTP.KD.ZG_PER.csv', targets: 'targets.json', horizons: [2016, 2021] }));

  it("reads the row's Country Code as its basis and judges the target on it", async () => {
    const r = await runCli(['targets', '--region', peru, '--json', '--paths', '2000'], env);
    expect(r.code).toBe(0);
    // Two warnings only: the preamble skipped, the country and indicator names ignored.
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    const t = JSON.parse(r.stdout).targets[0];
    expect(t).toMatchObject({ id: 'PE-1', basis: 'PER', status: 'open' });
    expect(t.probability).toBeGreaterThan(0);
  });
});
