// Issue 13: nowcasting the year under way from partial-year figures, with the method's
// leave-one-out backtest on past years where both exist.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { studentTCdf, studentTQuantile } from '../../src/core/student-t.js';
import { buildTargetsReport } from '../../src/report/targets-report.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { backtestNowcast, fitNowcast, nowcastFrom, type NowcastPair } from '../../src/targets/nowcast.js';

// Old Hai Phong's 9-month and full-year real growth (data/haiphong/context.csv grdp_growth_ytd_9m,
// observations.csv grdp_growth_real, pre-merger), and the merged city's 2025.
const NINE_MONTHS: NowcastPair[] = [
  { year: 2018, partial: 16.2, full: 16.25 },
  { year: 2019, partial: 16.42, full: 16.68 },
  { year: 2020, partial: 11.39, full: 11.22 },
  { year: 2021, partial: 12.28, full: 12.38 },
  { year: 2023, partial: 10.08, full: 10.34 },
  { year: 2024, partial: 9.77, full: 11.01 },
  { year: 2025, partial: 11.59, full: 11.81 },
];

describe('nowcast method', () => {
  it('full year = partial + the mean gap; the 80% interval is Student t with n − 1 df, scale sd·√(1 + 1/n)', () => {
    const gaps = NINE_MONTHS.map((p) => p.full - p.partial); // 0.05 0.26 −0.17 0.10 0.26 1.24 0.22
    const mean = gaps.reduce((a, b) => a + b, 0) / 7;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / 6);
    const fit = fitNowcast(NINE_MONTHS, 'rate');
    expect(fit.bias).toBeCloseTo(mean, 12);
    expect(fit.bias).toBeCloseTo(1.96 / 7, 12);
    expect(fit.sd).toBeCloseTo(sd, 12);
    const v = nowcastFrom(12, fit)!;
    const scale = sd * Math.sqrt(1 + 1 / 7);
    expect(v.mean).toBeCloseTo(12 + mean, 12);
    expect(v.hi80 - v.mean).toBeCloseTo(studentTQuantile(0.9, 6) * scale, 10);
    expect(v.probabilityAtLeast(13)).toBeCloseTo(1 - studentTCdf((13 - v.mean) / scale, 6), 12);
  });

  it('levels use the ratio on logs', () => {
    // Budget year to date after 9 months and the full year (data/haiphong: 2023, 2024 pre-merger; 2025 merged).
    const pairs = [
      { year: 2023, partial: 66713.1, full: 102614.5 },
      { year: 2024, partial: 87822.22, full: 118255.3 },
      { year: 2025, partial: 145601, full: 190379 },
    ];
    const fit = fitNowcast(pairs, 'level');
    const logs = pairs.map((p) => Math.log(p.full / p.partial));
    expect(fit.bias).toBeCloseTo((logs[0]! + logs[1]! + logs[2]!) / 3, 12);
    expect(nowcastFrom(100000, fit)!.mean).toBeCloseTo(100000 * Math.exp(fit.bias), 6);
  });

  it('leave-one-out backtest on the 9-month pairs: beats or ties taking the partial figure as the year', () => {
    const bt = backtestNowcast(NINE_MONTHS, 'rate')!;
    expect(bt.n).toBe(7);
    // Taking the 9-month figure as the year: mean |gap| = (0.05+0.26+0.17+0.10+0.26+1.24+0.22)/7 = 2.30/7.
    expect(bt.naiveMae).toBeCloseTo(2.3 / 7, 10);
    expect(bt.mae).toBeLessThanOrEqual(bt.naiveMae + 1e-9);
    expect(bt.coverage80).toBeGreaterThanOrEqual(5 / 7);
  });
});

describe('a year under way is judged on its nowcast', () => {
  it('a one-year growth target of that year gets P from the nowcast, with the method in its note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'targetcast-nowcast-'));
    const rows = ['series,year,value', ...[2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y, i) => `g,${y},${10 + (i % 3) / 2}`)];
    writeFileSync(join(dir, 'x.csv'), `${rows.join('\n')}\n`);
    const ds = await loadDataset(join(dir, 'x.csv'));
    const fit = fitNowcast(NINE_MONTHS, 'rate');
    const v = nowcastFrom(11.59, fit)!;
    const baseline: Scenario = { name: 'baseline', description: '', growth: { mode: 'forecast' }, shocks: {}, investment: null, assumptions: {} };
    const target = { id: 'T', document: 'd', indicator: 'growth 2025', series: 'g', kind: 'annual-growth' as const, year: 2025, period: null, operator: '>=' as const, value: 11.5, upper: null, unit: '%', basis: '', source: 'https://example.org' };
    const r = buildTargetsReport(ds, { file: 't', targets: [target], proxies: [], notFound: [] }, baseline, {
      version: 'test',
      paths: 500,
      nowcasts: [{ ...v, series: 'g', basis: '', year: 2025, note: 'from 9 months' }],
    });
    const t = r.targets[0]!;
    expect(t.status).toBe('open');
    expect(t.probability).toBeCloseTo(v.probabilityAtLeast(11.5), 12);
    expect(t.probabilitySe).toBe(0);
    expect(t.note).toMatch(/^judged on the nowcast \d+\.\d\d \(80% .*\): from 9 months$/);
    expect(r.nowcasts).toHaveLength(1);
  });

  it('Hai Phong: no 2026 partial-year growth figure, so 2026 growth targets stay on the forecast', async () => {
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 500 });
    const report = ws.engine.report(ws.scenario('baseline'));
    expect(report.nowcasts.filter((n) => n.series === 'grdp_growth_real')).toEqual([]);
    // …and the report says so (data/haiphong/region.json nowcasts growth, budget revenue and exports).
    expect(report.nowcastsMissing).toEqual(['grdp_growth_real', 'state_budget_revenue_total', 'exports']);
    expect(report.targets.find((t) => t.id === 'AP2026-01')!.note ?? '').not.toMatch(/nowcast/);
  });
});
