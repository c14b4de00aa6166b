// Issue 13: the merged city's history before the merger as a pro-forma of its parts, derived by
// the tool (never shipped), labelled, with its method; merged-basis targets are judged on it by
// default, and --bridge chooses.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';
import { proFormaGrowth } from '../../src/targets/pro-forma.js';
import { runCli } from '../cli/run-cli.js';

const open = (bridge?: 'other-basis' | 'pro-forma') => openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 1000, bridge });

describe('pro-forma merged history', () => {
  it('weights old Hai Phong and Hai Duong growth by their previous-year shares of nominal GRDP', async () => {
    const ws = await open('other-basis');
    const pf = proFormaGrowth(ws.dataset, 'grdp_growth_real', { basis: 'merged', parts: ['pre-merger', 'hai-duong'] })!;
    // Shares where both report grdp_nominal (data/haiphong and data/haiduong observations.csv):
    // 2015: 126.7769 / (126.7769 + 76.734) = 0.62296; 2021: 315.71 / (315.71 + 149.09) = 0.67924.
    const s2015 = 126.7769 / (126.7769 + 76.734);
    const s2021 = 315.71 / (315.71 + 149.09);
    expect(pf.anchors[0]).toMatchObject({ year: 2015 });
    expect(pf.anchors[0]!.shares[0]).toBeCloseTo(s2015, 10);
    // 2018 uses the 2017 shares, interpolated: s = s2015 + (2/6)(s2021 − s2015); growth 2018:
    // old city 16.25, Hai Duong 9.1 → s·16.25 + (1 − s)·9.1.
    const s2017 = s2015 + (2 / 6) * (s2021 - s2015);
    const i = pf.series.years.indexOf(2018);
    expect(pf.series.values[i]).toBeCloseTo(s2017 * 16.25 + (1 - s2017) * 9.1, 4);
    // Only years where both parts have growth, and before the merged city's own first figure (2025).
    expect(pf.series.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(pf.series.observations.every((o) => o.status === 'derived')).toBe(true);
  });

  it('is the default bridge for Hai Phong: the history and the report say so; other-basis keeps the old city', async () => {
    const [pf, other] = await Promise.all([open(), open('other-basis')]);
    const a = pf.engine.report(pf.scenario('baseline'));
    const b = other.engine.report(other.scenario('baseline'));
    expect(a.bridge).toBe('pro-forma');
    expect(a.proForma).toMatch(/^pro-forma merged: pre-merger \+ hai-duong real growth weighted by the previous year's shares of grdp_nominal/);
    expect(a.growth.history.find((h) => h.year === 2024)).toMatchObject({ basis: 'merged' });
    expect(b.growth.history.find((h) => h.year === 2024)).toEqual({ year: 2024, value: 11.01, basis: 'pre-merger' });
    expect(b.proForma).toBeNull();
    // The merged-basis verdicts differ between the two (the closing note lists them).
    const p = (r: typeof a, id: string) => r.targets.find((t) => t.id === id)!.probability;
    expect(p(a, 'KH2630-02')).not.toBe(p(b, 'KH2630-02'));
  });

  it('a region without a declared pro-forma refuses --bridge pro-forma in one line', async () => {
    const r = await runCli(['targets', '--region', 'haiduong', '--bridge', 'pro-forma']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^targetcast: --bridge pro-forma: the region declares no pro-forma/);
  });
});
