// Issue 13: Hai Phong's merged 2025 GRDP per capita has two readings that do not fit together:
// as published (194.5 million VND per person) and GRDP over the published population (734.42
// trillion VND / 4.1 million). Both are shown; the region's profile picks one with its reason.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';
import { perCapitaUsd } from '../../src/targets/derived.js';

describe('per capita in US$: two readings', () => {
  it('derives both from data/haiphong/observations.csv (2025, merged)', async () => {
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 2000 });
    // Rate: 734,420 billion VND / 29.4 billion US$ = 24,980.3 VND per US$.
    const rate = 734.42e12 / 29.4e9;
    const published = perCapitaUsd(ws.dataset, 2025, 'merged', 'published')!;
    const population = perCapitaUsd(ws.dataset, 2025, 'merged', 'population')!;
    expect(published.value).toBeCloseTo(194.5e6 / rate, 6); // US$7,786
    expect(population.value).toBeCloseTo(734.42e12 / 4.1e6 / rate, 6); // US$7,171
    // The published pair implies 734.42e12 / 194.5e6 = 3.776 million residents.
    expect(734.42e12 / 194.5e6 / 1e6).toBeCloseTo(3.776, 3);

    const report = ws.engine.report(ws.scenario('baseline'));
    expect(report.perCapitaUsd.base).toMatchObject({ reading: 'population', year: 2025 });
    expect(report.perCapitaUsd.otherReading).toMatchObject({ reading: 'published' });
    expect(report.perCapitaUsd.reason).toMatch(/3\.78 million/);
    // KH2630-02, US$11,247 by 2030: 100·((11247/7171)^(1/5) − 1) = 9.42%/yr on the chosen reading,
    // 100·((11247/7786)^(1/5) − 1) = 7.63%/yr on the other, with P and verdict under each.
    const t = report.targets.find((x) => x.id === 'KH2630-02')!;
    expect(t.requiredGrowth).toBeCloseTo(100 * ((11247 / population.value) ** (1 / 5) - 1), 8);
    expect(t.requiredGrowth!).toBeCloseTo(9.42, 2);
    expect(t.note).toMatch(/under the other reading \(published per capita: US\$7786 in 2025.*\) it needs 7\.6%\/yr: P \d+(\.\d)?%, (off track|at risk|on track)/);
  });
});
