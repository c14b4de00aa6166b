// Cumulative targets (a sum over a period, e.g. FDI over 2021-2025) on a small data set made here:
// every expected sum is added up by hand from the rows below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-dataset.js';
import { createTargetsEngine, type TargetsEngine } from '../../src/report/targets-report.js';
import type { Scenario } from '../../src/scenarios/types.js';
import type { Target, TargetResult } from '../../src/targets/types.js';

const rows = [
  'series,year,value',
  // Growth (the engine needs it for scenarios; not judged here).
  ...[2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y, i) => `grdp_growth_real,${y},${7 + (i % 3) * 0.5}`),
  // FDI rising by exactly 1 a year, 2012-2024: 1, 2, …, 13 (a straight line every trend model extends).
  ...Array.from({ length: 13 }, (_, i) => `fdi,${2012 + i},${i + 1}`),
  // A series with a gap in 2019.
  ...[2015, 2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024].map((y) => `gappy,${y},5`),
];

const target = (id: string, series: string, period: [number, number], operator: Target['operator'], value: number): Target => ({
  id, document: 'test', indicator: `${series} over ${period.join('-')}`, series, kind: 'cumulative', year: null, period, operator, value, upper: null, unit: 'bn', basis: '', source: 'https://example.org',
});
const baseline: Scenario = { name: 'baseline', description: '', growth: { mode: 'forecast' }, shocks: {}, investment: null, assumptions: {} };

let engine: TargetsEngine;
const judge = (t: Target): TargetResult => engine.report(baseline, { only: [t.id] }).targets[0]!;

describe('cumulative targets', () => {
  const targets = [
    // 2020-2024: 9 + 10 + 11 + 12 + 13 = 55.
    target('PAST-MET', 'fdi', [2020, 2024], '>=', 55),
    target('PAST-MISSED', 'fdi', [2020, 2024], '>=', 55.5),
    // 2021-2026: 10 + 11 + 12 + 13 = 46 actual, then about 14 + 15 = 29 forecast: about 75.
    target('OPEN-EASY', 'fdi', [2021, 2026], '>=', 59.5),
    target('OPEN-HARD', 'fdi', [2021, 2026], '>=', 120),
    target('GAP', 'gappy', [2018, 2022], '>=', 10),
  ];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'targetcast-cum-'));
    writeFileSync(join(dir, 'obs.csv'), `${rows.join('\n')}\n`);
    const dataset = await loadDataset(join(dir, 'obs.csv'));
    engine = createTargetsEngine(dataset, { file: 'test', targets, proxies: [], notFound: [] }, { version: 'test', paths: 1000, endYear: 2030, futureBasis: '', growthSeries: 'grdp_growth_real' });
  });
  it('a past period is the sum of its actual years, met or missed by the difference', () => {
    expect(judge(targets[0]!)).toMatchObject({ status: 'past', verdict: 'met', actual: 55, gap: 0 });
    const missed = judge(targets[1]!);
    expect(missed).toMatchObject({ status: 'past', verdict: 'missed', actual: 55 });
    expect(missed.gap).toBeCloseTo(-0.5, 12);
  });
  it('an open period adds the forecast paths to the actual years and says what is needed a year', () => {
    const easy = judge(targets[2]!);
    expect(easy.status).toBe('open');
    expect(easy.probability).toBeGreaterThan(0.9);
    // (59.5 − 46) / 2 remaining years = 6.75 a year.
    expect(easy.note).toMatch(/^needs 6.75 bn a year on average in 2025-2026 after 46 in 2021-2024/);
    // 46 + ~14 = ~60 ≥ 59.5 by 2025 on the median path (the median combination extends the line to 13.99).
    expect(easy.reachYear).toBe(2025);
    const hard = judge(targets[3]!);
    expect(hard.probability).toBeLessThan(0.05);
    expect(hard.verdict).toBe('off track');
    expect(hard.reachYear).toBeNull();
  });
  it('a gap inside the period is not filled: the target is not judged, and says which year', () => {
    expect(judge(targets[4]!)).toMatchObject({ status: 'not judged', note: 'no figure for 2019: a sum over 2018-2022 needs every year (a gap stays a gap)' });
  });
});
