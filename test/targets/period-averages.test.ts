// Issue 13: the official 2021-2025 average growth (11.39%/yr, data/haiphong/context.csv) differs
// from the average of the annual figures (11.57%/yr): both are shown where Q821-01 and Q1516-02
// are judged, and the note says which the verdict uses.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';
import { averageGrowth, requiredAverageGrowth } from '../../src/targets/growth-math.js';

describe('published period averages beside the computed ones', () => {
  it('Q821-01 (2021-2025 ≥ 13%/yr) and Q1516-02 (2021-2030 ≈ 13.5%/yr)', async () => {
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 1000 });
    const report = ws.engine.report(ws.scenario('baseline'));
    const by = (id: string) => report.targets.find((t) => t.id === id)!;
    // Annual growth 2021-2025: 12.38, 12.32, 10.34, 11.01 (old city) and 11.81 (merged 2025).
    const annual = [12.38, 12.32, 10.34, 11.01, 11.81];
    const q821 = by('Q821-01');
    expect(q821.actual).toBeCloseTo(averageGrowth(annual), 10); // 11.57
    expect(q821.note).toMatch(/the verdict uses the average of the annual figures, 11\.57%\/yr; the published 2021-2025 average is 11\.39%\/yr .*which misses it too/);
    const q1516 = by('Q1516-02');
    expect(q1516.requiredGrowth).toBeCloseTo(requiredAverageGrowth(13.5, annual, 5), 10); // 15.46
    // On the published average: requiredAverageGrowth(13.5, [11.39 ×5], 5) = 15.65 (src/targets/growth-math.ts example).
    expect(q1516.note).toMatch(/on the published one the growth needed is 15\.65%\/yr/);
  });
});
