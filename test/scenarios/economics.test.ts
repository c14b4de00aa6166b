// The scenario economics an economist's review asked for (issue 14): the ICOR from the region's own
// data, lagged and over several years; edited values that say so; ADDED that counts every lever;
// the implied TFP at α 0.4-0.6. Every expected number is computed here from the shipped rows it names.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/types.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { applyEdits, loadScenario, parseScenario } from '../../src/data/load-scenario.js';
import { loadTargets } from '../../src/data/load-targets.js';
import { editedScenario } from '../../src/report/dashboard-report.js';
import { createTargetsEngine, type TargetsEngine } from '../../src/report/targets-report.js';
import { calibratedTfp } from '../../src/scenarios/growth-accounting.js';
import { editAssumption, isEdited } from '../../src/scenarios/edit-assumption.js';
import { icorFromHistory, investmentShareHistory } from '../../src/scenarios/icor.js';

const root = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const own = root('data/haiphong/scenarios');
let dataset: Dataset;
let engine: TargetsEngine;
beforeAll(async () => {
  dataset = await loadDataset(root('data/haiphong'));
  engine = createTargetsEngine(dataset, loadTargets(root('data/haiphong/targets.json')), { version: 'test', paths: 500 });
});

// data/haiphong/observations.csv: total_social_investment / grdp_nominal (pre-merger 2021, 2024; merged 2025).
const SHARE_2021 = 173975 / 315710;
const SHARE_2024 = 211481 / 445995;
const SHARE_2025 = 321000 / 734420;

describe('ICOR from the region\'s own data (roles.investment / roles.gdp_nominal over grdp growth)', () => {
  it('investment shares: 2021 55.1%, 2024 47.4% (old city), 2025 43.7% (merged)', () => {
    const shares = investmentShareHistory(dataset, ['pre-merger', 'merged'], 'merged');
    expect(shares.map((x) => [x.year, x.basis])).toEqual([[2021, 'pre-merger'], [2024, 'pre-merger'], [2025, 'merged']]);
    [SHARE_2021, SHARE_2024, SHARE_2025].forEach((v, i) => expect(shares[i]!.share).toBeCloseTo(v, 12));
  });
  it('lagged 1 year, two pairs: (55.1% + 47.4%)/2 over (12.32% [2022] + 11.81% [2025])/2 = 4.25, the shipped investment-push ICOR', () => {
    const shares = investmentShareHistory(dataset, ['pre-merger', 'merged'], 'merged');
    const icor = icorFromHistory(shares, { years: [], values: [] }, 1)!;
    expect(icor.years.map((y) => [y.investmentYear, y.growthYear, y.growth])).toEqual([[2021, 2022, 12.32], [2024, 2025, 11.81]]);
    const expected = (100 * (SHARE_2021 + SHARE_2024)) / 2 / ((12.32 + 11.81) / 2);
    expect(icor.value).toBeCloseTo(expected, 12);
    expect(icor.value.toFixed(2)).toBe('4.25');
    expect(loadScenario(own, 'investment-push').assumptions.icor!.value).toBe(Number(icor.value.toFixed(2)));
    expect(icor.description).toBe('4.25: mean investment 51.3% of GDP (2021, 2024) over mean growth 12.07% (2022, 2025), lag 1 year');
  });
  it('same year (lag 0), three years: 4.45 (2021), 4.31 (2024), 3.70 (2025); ratio of averages 4.15, not the lowest year\'s 3.70', () => {
    const icor = icorFromHistory(investmentShareHistory(dataset, ['pre-merger', 'merged'], 'merged'), { years: [], values: [] }, 0)!;
    expect(icor.years.map((y) => Number(y.icor.toFixed(2)))).toEqual([4.45, 4.31, 3.7]);
    expect(icor.value).toBeCloseTo((100 * (SHARE_2021 + SHARE_2024 + SHARE_2025)) / 3 / ((12.38 + 11.01 + 11.81) / 3), 12);
  });
  it('the scenario text states the ICOR used and the years the data give it from', () => {
    expect(engine.report(loadScenario(own, 'investment-push')).scenario.meanPath).toContain('ICOR rule (ICOR 4.25; the data give 4.25: mean investment 51.3% of GDP (2021, 2024) over mean growth 12.07% (2022, 2025), lag 1 year); jobs add nothing on top');
  });
});

describe('an edited value says edited and keeps the original source as history', () => {
  const push = () => loadScenario(own, 'investment-push');
  it('--set: source null, the note names the edit and the original value with its source', () => {
    const a = applyEdits(push(), ['fdiDisbursement=50']).assumptions.fdiDisbursement!;
    expect(a.value).toBe(50);
    expect(a.source).toBeNull();
    expect(isEdited(a)).toBe(true);
    expect(a.note).toMatch(/^edited: 50 % of registered replaces the original 61\.5 % of registered \(source: https:\/\/en\.baochinhphu\.vn\//);
  });
  it('editing twice keeps the first original; the dashboard\'s edits (saved as they are) do the same and load back', () => {
    const once = editAssumption(push().assumptions.icor!, 5);
    const twice = editAssumption(once, 6);
    expect(twice.note).toMatch(/^edited: 6 replaces the original 4\.25 \(source: data\/haiphong\/observations\.csv/);
    const edited = editedScenario(push(), { icor: 5 });
    expect(edited.assumptions.icor!.note).toBe(once.note);
    const { file: _f, ...doc } = edited;
    expect(parseScenario(JSON.parse(JSON.stringify(doc)), 'saved.json').assumptions.icor!.note).toBe(once.note);
  });
});

describe('ADDED counts every lever (growth accounting)', () => {
  it('--set investmentRateExtra=-20 shows a negative ADDED: the first year loses (1+g_K)^α of the lower investment', () => {
    const r = engine.report(applyEdits(loadScenario(own, 'growth-accounting'), ['investmentRateExtra=-20']));
    const c = r.scenario.accounting!;
    // K1/K0 = (1 − δ) + (s/s₀)(ḡ + δ), s₀ = 2025's 43.7%, s = s₀ − 20 pp; growth and ADDED from the production function.
    const s0 = SHARE_2025;
    const gk = 0.95 + ((s0 - 0.2) / s0) * (c.calibration.growth / 100 + 0.05) - 1;
    const g = 100 * ((1 + c.calibratedTfp / 100) * (1 + gk) ** 0.4 * (1 + c.calibration.labourGrowth / 100) ** 0.6 - 1);
    expect(r.scenario.added[0]!.investment).toBeCloseTo(g - c.calibration.growth, 9);
    expect(r.scenario.added.every((a) => a.investment < 0)).toBe(true);
  });
  it('implied TFP at α 0.4, 0.5, 0.6 on 2020-2024 growth 11.45% and employed growth 0.29%', () => {
    const c = engine.report(loadScenario(own, 'growth-accounting')).scenario.accounting!;
    expect(c.tfpKind).toBe('implied by balanced growth');
    expect(c.labourOutsideWindow).toBe(true);
    c.tfpByAlpha.forEach((x) => expect(x.tfp).toBeCloseTo(calibratedTfp(c.calibration, x.alpha), 12));
    expect(c.tfpByAlpha.map((x) => x.tfp.toFixed(2))).toEqual(['6.54', '5.42', '4.31']);
    expect(c.investmentRates.map((x) => x.rate.toFixed(1))).toEqual(['55.1', '47.4', '43.7']);
  });
});
