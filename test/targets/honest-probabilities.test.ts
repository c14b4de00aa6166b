// Issue 9: every target judged on its own basis and the series it names; a multi-region file
// gives each region exactly the P it gets alone; passed periods are never open; P comes with its
// Monte Carlo standard error and the seed moves no verdict; CLI and dashboard agree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-dataset.js';
import { loadTargets } from '../../src/data/load-targets.js';
import { buildTargetsReport, DEFAULT_PATHS, type TargetsFileData } from '../../src/report/targets-report.js';
import type { Scenario } from '../../src/scenarios/types.js';
import type { Target } from '../../src/targets/types.js';
import { setupDashboard } from '../../src/app/dashboard.js';
import { openWorkspace } from '../../src/app/workspace.js';
import { readPanel } from '../../bench/growth-panel.mjs';

const baseline: Scenario = { name: 'baseline', description: '', growth: { mode: 'forecast' }, shocks: {}, investment: null, assumptions: {} };
const SHIPPED = fileURLToPath(new URL('../../data/haiphong', import.meta.url));
const SHIPPED_TARGETS = fileURLToPath(new URL('../../data/haiphong/targets.json', import.meta.url));

// Real data: Penn World Table 9.1 real GDP growth 1997-2011 of three economies (bench/data).
const panel = readPanel();
const CODES = ['VNM', 'KOR', 'ARG'];
const YEARS = Array.from({ length: 15 }, (_, i) => 1997 + i);
const rowsOf = (code: string, basis: string): string[] => YEARS.map((y) => `gdp_growth_real,${y},${panel.get(code)!.get(y)},${basis}`);

const growthTarget = (code: string, d: number): Target => ({
  id: `${code}${d >= 0 ? '+' : ''}${d}`, document: 'test', indicator: 'average growth 2012-2017', series: 'gdp_growth_real', kind: 'average-growth',
  year: null, period: [2012, 2017], operator: '>=', value: 4 + d, upper: null, unit: '%/yr', basis: code, source: 'https://www.ggdc.net/pwt',
});
const targetsOf = (codes: readonly string[]): TargetsFileData => ({ file: 'test', targets: codes.flatMap((c) => [-1, 0, 1].map((d) => growthTarget(c, d))), proxies: [], notFound: [] });

function writeCsv(name: string, lines: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'targetcast-honest-'));
  const file = join(dir, name);
  writeFileSync(file, ['series,year,value,basis', ...lines].join('\n') + '\n');
  return file;
}

describe('a file with several regions (no series.json at all)', () => {
  it('gives every region exactly the P it gets alone, and different thresholds different P', async () => {
    const all = await loadDataset(writeCsv('panel.csv', CODES.flatMap((c) => rowsOf(c, c))));
    const together = buildTargetsReport(all, targetsOf(CODES), baseline, { version: 'test', paths: 2000 });
    for (const code of CODES) {
      const alone = await loadDataset(writeCsv(`${code}.csv`, rowsOf(code, code)));
      const single = buildTargetsReport(alone, targetsOf([code]), baseline, { version: 'test', paths: 2000 });
      const ps = (r: typeof single) => r.targets.filter((t) => t.basis === code).map((t) => t.probability);
      expect(ps(together)).toEqual(ps(single));
      const [pLow, pMid, pHigh] = ps(single) as number[];
      // A higher threshold can only be met by fewer of the same paths.
      expect(pLow!).toBeGreaterThan(pMid!);
      expect(pMid!).toBeGreaterThan(pHigh!);
      for (const t of single.targets) expect(t.status).toBe('open');
    }
  });

  it('judges a growth series that is not called grdp_growth_real, named only by the targets', async () => {
    const ds = await loadDataset(writeCsv('vnm.csv', rowsOf('VNM', 'VNM')));
    const report = buildTargetsReport(ds, targetsOf(['VNM']), baseline, { version: 'test', paths: 2000 });
    expect(report.growth.series).toBe('gdp_growth_real');
    expect(report.targets.every((t) => t.status === 'open' && t.probability !== null)).toBe(true);
  });

  it('pools the regions on request and says so', async () => {
    const all = await loadDataset(writeCsv('panel.csv', CODES.flatMap((c) => rowsOf(c, c))));
    const pooled = buildTargetsReport(all, targetsOf(CODES), baseline, { version: 'test', paths: 2000, prior: 'pooled' });
    expect(pooled.prior?.choice).toBe('pooled');
    expect(pooled.prior?.source).toContain('pooled from the 3 regions');
    expect(pooled.targets.every((t) => t.probability !== null)).toBe(true);
  });
});

describe('the shipped Hai Phong data', () => {
  const load = async () => ({ dataset: await loadDataset(SHIPPED), targets: loadTargets(SHIPPED_TARGETS) });

  it('never reports a passed period as open', async () => {
    const { dataset, targets } = await load();
    const report = buildTargetsReport(dataset, targets, baseline, { version: 'test' });
    // The data run to 2025, so 2026 is the first year whose figures cannot be out yet.
    expect(report.asOf).toBe(2026);
    for (const t of report.targets) if (t.years[1] < report.asOf) expect(t.status, t.id).not.toBe('open');
    // R45-03: budget revenue 2025 on the pre-merger basis, which has no 2025 figure.
    const r4503 = report.targets.find((t) => t.id === 'R45-03')!;
    expect(r4503.status).toBe('not judged');
    expect(r4503.note).toMatch(/no 2025 figure on basis pre-merger, and 2025 has passed/);
  });

  it('gives every probability its Monte Carlo SE, and the same verdicts under five seeds', async () => {
    const { dataset, targets } = await load();
    const runs = [1, 2, 3, 4, 5].map((seed) => buildTargetsReport(dataset, targets, baseline, { version: 'test', seed }));
    for (const t of runs[0]!.targets) {
      if (t.probability === null) continue;
      // Binomial standard error of a share of DEFAULT_PATHS paths.
      expect(t.probabilitySe).toBeCloseTo(Math.sqrt((t.probability * (1 - t.probability)) / DEFAULT_PATHS), 12);
    }
    const verdicts = runs.map((r) => r.targets.map((t) => `${t.id}:${t.verdict}`));
    for (const v of verdicts.slice(1)) expect(v).toEqual(verdicts[0]);
  });

  it('gives the same P in the CLI and the dashboard', async () => {
    const setup = await setupDashboard({ region: 'haiphong', env: {}, version: 'test' });
    // The CLI opens the region as `targetcast targets` does (src/cli/commands/shared.ts workspaceFor).
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test' });
    // The shipped baseline scenario (with the region's deflator, exchange-rate and population assumptions).
    const shippedBaseline = setup.scenarios[0]!;
    expect(shippedBaseline.name).toBe('baseline');
    const cli = ws.engine.report(ws.scenario('baseline'));
    // The dashboard opens with model 'auto' (src/tui/App.tsx).
    const dash = setup.engine.report(shippedBaseline, { model: 'auto' });
    const p = (r: typeof cli) => r.targets.map((t) => [t.id, t.probability]);
    expect(p(dash)).toEqual(p(cli));
  });
});
