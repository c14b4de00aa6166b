// Issue 12 (first part): a user's region with no basis column, its own growth series name and its
// own targets file (no basis either) is judged, in the CLI and in the dashboard.
import { describe, expect, it } from 'vitest';
import { setupDashboard } from '../../src/app/dashboard.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { loadTargets } from '../../src/data/load-targets.js';
import { buildTargetsReport } from '../../src/report/targets-report.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { writeChileRegion } from '../fixtures/chile-region.js';

// Chile's real GDP growth 1997-2011 (PWT 9.1), no basis column, targets with no basis: test/fixtures/chile-region.ts.
const { dir, data, targetsFile } = writeChileRegion('targetcast-own-region-');
const baseline: Scenario = { name: 'baseline', description: '', growth: { mode: 'forecast' }, shocks: {}, investment: null, assumptions: {} };

describe('a region of your own, without a basis', () => {
  it('judges its open target with P and its passed one on the data', async () => {
    const report = buildTargetsReport(await loadDataset(data), loadTargets(targetsFile), baseline, { version: 'test', paths: 2000 });
    const [open, past] = report.targets;
    expect(report.growth.series).toBe('gdp_growth_real');
    expect(open).toMatchObject({ id: 'CL-1', basis: '', status: 'open' });
    expect(open!.probability).toBeGreaterThan(0);
    // 2007-2011 in the file: 4.905, 3.53, −1.564, 5.844, 6.111; geometric mean
    // 100·((Π(1 + g/100))^(1/5) − 1) = 3.726% < 4: missed.
    expect(past).toMatchObject({ id: 'CL-0', status: 'past', verdict: 'missed' });
    expect(past!.actual).toBeCloseTo(3.726, 3);
  });

  it('opens in the dashboard with its own targets', async () => {
    const setup = await setupDashboard({ data, targets: targetsFile, env: { HOME: dir }, version: 'test', paths: 500 });
    const report = setup.engine.report(setup.scenarios[0]!);
    expect(report.targets.map((t) => [t.id, t.status])).toEqual([
      ['CL-1', 'open'],
      ['CL-0', 'past'],
    ]);
  });
});
