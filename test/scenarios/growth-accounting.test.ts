// Growth accounting with TFP calibrated on history. Every expected number is computed here by
// hand from the formula in src/scenarios/growth-accounting.ts (Solow 1957; Harberger 1978 for the
// steady-state capital stock) or from the shipped observations it names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, formatError } from '../../src/core/errors.js';
import type { Dataset } from '../../src/core/types.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { applyEdits, loadScenario, parseScenario } from '../../src/data/load-scenario.js';
import { loadTargets } from '../../src/data/load-targets.js';
import { createTargetsEngine, type TargetsEngine } from '../../src/report/targets-report.js';
import { applyScenario } from '../../src/scenarios/apply-scenario.js';
import { accountingGrowth, calibratedTfp, calibrationInputs } from '../../src/scenarios/growth-accounting.js';

const root = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const scenarios = root('data/haiphong/scenarios');

describe('calibratedTfp: the balanced-growth Solow residual', () => {
  it.each([
    // 100 · ((1.10 / 1.00)^0.6 − 1) = 5.886…: all growth not from labour, less capital's share.
    { growth: 10, labourGrowth: 0, alpha: 0.4, tfp: 100 * (1.1 ** 0.6 - 1) },
    // Labour growing as fast as output leaves nothing for TFP.
    { growth: 3, labourGrowth: 3, alpha: 0.3, tfp: 0 },
    // α = 1: capital explains all growth.
    { growth: 8, labourGrowth: 1, alpha: 1, tfp: 0 },
  ])('growth $growth%, labour $labourGrowth%, α $alpha → $tfp', ({ growth, labourGrowth, alpha, tfp }) => {
    expect(calibratedTfp({ growth, labourGrowth }, alpha)).toBeCloseTo(tfp, 10);
  });
});

describe('accountingGrowth', () => {
  const inputs = { capitalShare: 0.4, depreciation: 0.05, investmentRate: 0.437, initialInvestmentRate: 0.437, labourGrowth: 0.29, steadyGrowth: 11.45, gdp: 29.4 };
  const years = [2026, 2027, 2028, 2029, 2030];
  it('with calibrated TFP and nothing changed, continues the calibration growth exactly', () => {
    const tfpGrowth = calibratedTfp({ growth: 11.45, labourGrowth: 0.29 }, 0.4);
    for (const g of accountingGrowth(years, { ...inputs, tfpGrowth })) expect(g).toBeCloseTo(11.45, 10);
  });
  it('extra investment E raises capital growth by E / K in its year', () => {
    const tfpGrowth = calibratedTfp({ growth: 11.45, labourGrowth: 0.29 }, 0.4);
    const [g] = accountingGrowth([2026], { ...inputs, tfpGrowth }, [2]);
    // K0 = s·Y/(ḡ + δ) = 0.437·29.4/0.1645; g_K = ḡ + E/K0; 1 + g = (1+g_A)(1+g_K)^α(1+g_L)^(1−α).
    const k0 = (0.437 * 29.4) / (0.1145 + 0.05);
    const expected = 100 * ((1 + tfpGrowth / 100) * (1 + 0.1145 + 2 / k0) ** 0.4 * 1.0029 ** 0.6 - 1);
    expect(g).toBeCloseTo(expected, 10);
  });
  it('a higher investment rate than the one capital started from raises capital growth to s/s₀ · (ḡ + δ) − δ', () => {
    const tfpGrowth = calibratedTfp({ growth: 11.45, labourGrowth: 0.29 }, 0.4);
    const [g] = accountingGrowth([2026], { ...inputs, tfpGrowth, investmentRate: 0.5 });
    // K1/K0 = (1 − δ) + s·Y0/K0 = 0.95 + (0.5/0.437)·0.1645.
    const gk = 0.95 + (0.5 / 0.437) * 0.1645 - 1;
    expect(g).toBeCloseTo(100 * ((1 + tfpGrowth / 100) * (1 + gk) ** 0.4 * 1.0029 ** 0.6 - 1), 10);
    expect(g).toBeGreaterThan(11.45);
  });
  it('faster TFP growth raises long-run growth by its own amount over labour share: (1+g) = (1+g_A)^(1/(1−α))(1+g_L)', () => {
    const long = Array.from({ length: 400 }, (_, i) => 2026 + i);
    const path = accountingGrowth(long, { ...inputs, tfpGrowth: 5 });
    expect(path[path.length - 1]!).toBeCloseTo(100 * (1.05 ** (1 / 0.6) * 1.0029 - 1), 6);
  });
  it('refuses inputs that cannot make a capital stock', () => {
    expect(() => accountingGrowth(years, { ...inputs, tfpGrowth: 1, steadyGrowth: -10, depreciation: 0.05 })).toThrow(/calibration growth \(-10.00%\/yr\) \+ depreciation \(5.00%\) must be above 0 to start the capital stock; raise 'depreciation'/);
  });
});

describe('calibration on the shipped Hai Phong data', () => {
  let dataset: Dataset;
  let engine: TargetsEngine;
  beforeAll(async () => {
    dataset = await loadDataset(root('data/haiphong'));
    engine = createTargetsEngine(dataset, loadTargets(root('data/haiphong/targets.json')), { version: 'test', paths: 1000 });
  });
  it('takes 2020-2024 real growth and employed 2010-2021 (pre-merger) from data/haiphong/observations.csv', () => {
    const growth = dataset.series.find((s) => s.id === 'grdp_growth_real' && s.basis === 'pre-merger')!;
    const employed = dataset.series.find((s) => s.id === 'employed' && s.basis === 'pre-merger')!;
    const c = calibrationInputs(growth, employed, 'employed', 2020, 2024);
    // Shipped growth 2020-2024: 11.22, 12.38, 12.32, 10.34, 11.01 → geometric mean 11.4512%.
    expect(c.growth).toBeCloseTo(100 * ((1.1122 * 1.1238 * 1.1232 * 1.1034 * 1.1101) ** (1 / 5) - 1), 10);
    expect(c.growth).toBeCloseTo(11.4512, 4);
    // Employed: 1,042.0 thousand in 2010 and 1,075.7 thousand in 2021 (nearest 2020 and 2024 is
    // 2021 for both, so the widest span is used).
    expect([c.labourFrom, c.labourTo]).toEqual([2010, 2021]);
    expect(c.labourGrowth).toBeCloseTo(100 * ((1075.7 / 1042.0) ** (1 / 11) - 1), 10);
    expect(calibratedTfp(c, 0.4)).toBeCloseTo(6.536, 3);
  });
  it('the shipped scenario states its TFP and continues 2020-2024 growth before its extras', () => {
    const r = engine.report(loadScenario(scenarios, 'growth-accounting'));
    expect(r.scenario.accounting?.calibratedTfp).toBeCloseTo(6.536, 3);
    // Called what it is: a residual implied by assuming capital grew with output, not measured;
    // the labour years lie outside the growth window, and the text says so.
    expect(r.scenario.meanPath).toMatch(/implied TFP 6\.54%\/yr \(6\.54%\/yr implied by 2020-2024 growth of 11\.45%\/yr and employed growth of 0\.29%\/yr in 2010-2021, outside the calibration years, assuming capital grew with output: a residual, not measured; α 0\.4, at α 0\.4: 6\.54, 0\.5: 5\.42, 0\.6: 4\.31\)/);
    // With every lever at 0 the mean path is the calibration growth and nothing is added (the 12
    // projects of 2024 are in the baseline).
    r.growth.outlook.forEach((g, i) => expect(g.mean - r.scenario.added[i]!.investment).toBeCloseTo(r.scenario.accounting!.calibration.growth, 9));
    expect(r.scenario.added.every((a) => a.investment === 0)).toBe(true);
  });
  it('the levers move growth the right way', () => {
    const base = loadScenario(scenarios, 'growth-accounting');
    const mean2030 = (edits: string[]): number => engine.report(applyEdits(base, edits)).growth.outlook.find((g) => g.year === 2030)!.mean;
    const now = mean2030([]);
    expect(mean2030(['tfpExtra=1'])).toBeGreaterThan(now + 1);
    expect(mean2030(['investmentRateExtra=6'])).toBeGreaterThan(now);
    expect(mean2030(['labourGrowthExtra=0.7'])).toBeGreaterThan(now);
    expect(mean2030(['investmentRateExtra=-6'])).toBeLessThan(now);
    expect(mean2030(['extraFdi=2'])).toBeGreaterThan(now);
    expect(mean2030(['capitalShare=0.5', 'investmentRateExtra=6'])).not.toBeCloseTo(mean2030(['investmentRateExtra=6']), 3);
  });
  it('continues the calibration growth from any base investment rate (e.g. a basis whose base year invested 47.4%)', () => {
    const scenario = { ...loadScenario(scenarios, 'growth-accounting'), investment: null };
    const calibration = { from: 2020, to: 2024, growth: 11.4512, labourSeries: 'employed', labourFrom: 2010, labourTo: 2021, labourGrowth: 0.2898 };
    const years = [2025, 2026, 2027];
    const paths = [new Float64Array([10, 11, 12]), new Float64Array([12, 11, 10])];
    const base = { year: 2024, grdpUsdBn: 18.36, investmentShare: 0.474, growth: 11.01, labourThousand: null, perCapitaUsd: null, tfpCalibration: calibration };
    const outlook = applyScenario(scenario, { years: [2024], values: [11.01] }, { years, paths }, base);
    // Baseline mean is 11 every year; the scenario's mean is the calibration growth.
    outlook.growth.forEach((g) => expect(g.mean).toBeCloseTo(11.4512, 9));
    expect(outlook.accounting).toMatchObject({ investmentRate: 47.4, initialInvestmentRate: 47.4, labourGrowth: 0.2898 });
  });
  it('a labour series the data lack is one line naming the scenario and the series', () => {
    const d = JSON.parse(readFileSync(`${scenarios}/growth-accounting.json`, 'utf8'));
    d.growth.labour = 'workers';
    const s = parseScenario(d, 'mine.json');
    let error: unknown;
    try {
      engine.report(s);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect(formatError(error)).toMatch(/^mine\.json: scenario 'growth-accounting': growth accounting: labour series 'workers' needs at least 2 years .* \(no series 'workers' on basis pre-merger/);
  });
  it('refuses the ICOR rule inside growth accounting, naming the key', () => {
    const d = JSON.parse(readFileSync(`${scenarios}/growth-accounting.json`, 'utf8'));
    d.investment.method = 'icor';
    expect(() => parseScenario(d, 'mine.json')).toThrow(/'investment\.method': growth accounting turns extra investment into growth through its production function/);
  });
});
