// Issue 14: the growth-accounting residual cross-checked against the national TFP contribution
// the statistics office publishes (44.46% of GDP growth on average in 2016-2019, 46.11% in 2019:
// english.vtv.vn, 29 Dec 2019). The capital share's note in data/haiphong/scenarios/growth-accounting.json
// states the residual's share of growth at α 0.4, 0.5 and 0.6; this keeps the note true to the engine.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';

describe('implied TFP against the national TFP share', () => {
  it("the note's figures are the engine's, and the national 44.46% lies between α 0.5 and 0.6", async () => {
    const ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 500 });
    const s = ws.scenario('growth-accounting');
    const acc = ws.engine.report(s).scenario.accounting!;
    const growth = acc.calibration.growth;
    const byAlpha = acc.tfpByAlpha!;
    const share = (alpha: number) => byAlpha.find((x) => x.alpha === alpha)!.tfp / growth;
    const note = s.assumptions.capitalShare!.note!;
    expect(note).toContain(`${byAlpha[0]!.tfp.toFixed(2)} of ${growth.toFixed(2)}%/yr at α 0.4 (${Math.round(100 * share(0.4))}% of growth)`);
    expect(note).toContain(`${byAlpha[1]!.tfp.toFixed(2)} at α 0.5 (${Math.round(100 * share(0.5))}%)`);
    expect(note).toContain(`${byAlpha[2]!.tfp.toFixed(2)} at α 0.6 (${Math.round(100 * share(0.6))}%)`);
    expect(share(0.5)).toBeGreaterThan(0.4446);
    expect(share(0.6)).toBeLessThan(0.4446);
  });
});
