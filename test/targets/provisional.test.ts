// Issue 13: a target met (or missed) by less than 1% of its goal on a figure that is not final
// is "met (preliminary)", not plain met.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { buildTargetsReport } from '../../src/report/targets-report.js';
import type { Scenario } from '../../src/scenarios/types.js';
import type { Target } from '../../src/targets/types.js';

const baseline: Scenario = { name: 'baseline', description: '', growth: { mode: 'forecast' }, shocks: {}, investment: null, assumptions: {} };
const level = (id: string, series: string, value: number): Target => ({ id, document: 'd', indicator: id, series, kind: 'level', year: 2024, period: null, operator: '>=', value, upper: null, unit: 'bn', basis: '', source: 'https://example.org' });

describe('provisional verdicts', () => {
  it('a margin under 1% of the goal on an estimate is provisional; on an official figure, or 1% or more, it is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'targetcast-prov-'));
    const rows = ['series,year,value,status', ...[2019, 2020, 2021, 2022, 2023].map((y, i) => `g,${y},${5 + i / 10},official`), 'g,2024,5.5,official', 'a,2023,99,official', 'a,2024,100.5,estimate', 'b,2023,99,official', 'b,2024,100.5,official', 'c,2023,99,estimate', 'c,2024,101,estimate'];
    writeFileSync(join(dir, 'x.csv'), `${rows.join('\n')}\n`);
    const ds = await loadDataset(join(dir, 'x.csv'));
    const targets = { file: 't', targets: [{ ...level('G', 'g', 5), kind: 'annual-growth' as const, year: 2030 }, level('A', 'a', 100), level('B', 'b', 100), level('C', 'c', 100), level('D', 'a', 100.6)], proxies: [], notFound: [] };
    const r = buildTargetsReport(ds, targets, baseline, { version: 'test', paths: 200 });
    const by = (id: string) => r.targets.find((t) => t.id === id)!;
    // A: 100.5 ≥ 100 by 0.5% on an estimate → met, provisional.
    expect(by('A')).toMatchObject({ verdict: 'met', provisional: true });
    expect(by('A').note).toMatch(/met by 0\.50% of the goal on a figure that is not final \(estimate\)/);
    // B: the same margin on an official figure → plain met.
    expect(by('B')).toMatchObject({ verdict: 'met', provisional: false });
    // C: 101 ≥ 100 by exactly 1% → not under 1%: plain met.
    expect(by('C')).toMatchObject({ verdict: 'met', provisional: false });
    // D: 100.5 < 100.6, short by 0.1% on an estimate → missed, provisional.
    expect(by('D')).toMatchObject({ verdict: 'missed', provisional: true });
  });

  it("Hai Phong's 2025 exports (AP2025-06): 50.14 bn US$ (city estimate) against 49.7 is met by 0.89%: preliminary", async () => {
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 500 });
    const t = ws.engine.report(ws.scenario('baseline')).targets.find((x) => x.id === 'AP2025-06')!;
    // (50.14 − 49.7) / 49.7 = 0.885% < 1% (data/haiphong/observations.csv, status estimate).
    expect(t).toMatchObject({ status: 'past', verdict: 'met', provisional: true });
    expect(t.gap).toBeCloseTo(50.14 - 49.7, 10);
  });
});

describe('a passed target judged on a document when the data hold no figure', () => {
  it("AP2025-07 (FDI 5.5 bn US$, 2025) is missed by the city's year-end review, margin unknown", async () => {
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 500 });
    const t = ws.engine.report(ws.scenario('baseline')).targets.find((x) => x.id === 'AP2025-07')!;
    // data/haiphong/targets.json outcome: vneconomy.vn, 2025-12-18, FDI among the 4 of 13 indicators not achieved.
    expect(t).toMatchObject({ status: 'past', verdict: 'missed', actual: null, gap: null });
    expect(t.note).toMatch(/^judged on the document, no figure in the data: .*thu hút vốn đầu tư FDI.*margin unknown/);
  });

  it('a figure in the data comes first, and an open period ignores the statement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'targetcast-outcome-'));
    writeFileSync(join(dir, 'x.csv'), `series,year,value\n${[2018, 2019, 2020, 2021, 2022, 2023].map((y) => `g,${y},5`).join('\n')}\na,2023,120\n`);
    const ds = await loadDataset(join(dir, 'x.csv'));
    const outcome = { verdict: 'missed' as const, source: 'https://example.org/review', quote: 'not achieved' };
    const targets = {
      file: 't',
      targets: [
        { ...level('WITH-DATA', 'a', 100), year: 2023, outcome },
        { ...level('NO-DATA', 'b', 100), year: 2022, outcome },
        { ...level('OPEN', 'b', 100), year: 2030, outcome },
        { ...level('G', 'g', 5), kind: 'annual-growth' as const, year: 2030 },
      ],
      proxies: [],
      notFound: [],
    };
    const r = buildTargetsReport(ds, targets, baseline, { version: 'test', paths: 200 });
    const by = (id: string) => r.targets.find((t) => t.id === id)!;
    expect(by('WITH-DATA')).toMatchObject({ status: 'past', verdict: 'met', actual: 120 });
    expect(by('NO-DATA')).toMatchObject({ status: 'past', verdict: 'missed' });
    expect(by('OPEN')).toMatchObject({ status: 'not judged' });
  });
});
