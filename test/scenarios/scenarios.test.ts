import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataError, formatError, UsageError } from '../../src/core/errors.js';
import { applyEdits, listScenarios, loadScenario, parseScenario } from '../../src/data/load-scenario.js';
import { applyScenario, extraInflows, investmentGrowth } from '../../src/scenarios/apply-scenario.js';
import type { Scenario } from '../../src/scenarios/types.js';
import { findRegion } from '../../src/app/region.js';
import { regionScenario } from '../../src/app/workspace.js';

// Generic scenarios (any region) and Hai Phong's own (data/haiphong/scenarios): a name is found in the region's folder first.
const generic = fileURLToPath(new URL('../../models/scenarios', import.meta.url));
const own = fileURLToPath(new URL('../../data/haiphong/scenarios', import.meta.url));
const dirOf = (name: string): string => (listScenarios(own).includes(name) ? own : generic);
const raw = (name: string): Record<string, any> => JSON.parse(readFileSync(`${dirOf(name)}/${name}.json`, 'utf8'));

describe('shipped scenarios', () => {
  it('baseline, plan, recent-trend, investment-push and growth-accounting all load', () => {
    expect([...listScenarios(generic), ...listScenarios(own)]).toEqual(expect.arrayContaining(['baseline', 'plan', 'recent-trend', 'investment-push', 'growth-accounting']));
    for (const dir of [generic, own]) for (const name of listScenarios(dir)) expect(loadScenario(dir, name).name).toBe(name);
  });
  it('every assumption carries a source or says why it was assumed', () => {
    for (const [dir, name] of [...listScenarios(generic).map((n) => [generic, n]), ...listScenarios(own).map((n) => [own, n])] as [string, string][]) {
      for (const [key, a] of Object.entries(loadScenario(dir, name).assumptions)) {
        expect(a.source !== null || (a.note ?? '').length > 20, `${name}.${key}`).toBe(true);
      }
    }
  });
});

describe('a bad scenario file is refused with one line naming the key', () => {
  // investment-push (ICOR rule) has no capital share, depreciation or jobs: those cases use growth-accounting.
  const cases: { name: string; edit: (d: Record<string, any>) => void; message: RegExp; scenario?: string }[] = [
    { name: 'unknown top-level key', edit: (d) => (d.colour = 'red'), message: /'colour': unknown key/ },
    { name: 'unknown assumption', edit: (d) => (d.assumptions.magic = { ...d.assumptions.deflator }), message: /'assumptions\.magic': unknown assumption/ },
    { name: 'wrong type', edit: (d) => (d.assumptions.icor.value = 'four'), message: /'assumptions\.icor\.value': must be a number/ },
    { name: 'negative depreciation', edit: (d) => { d.assumptions.depreciation.value = -1; d.assumptions.depreciation.min = -5; }, message: /'assumptions\.depreciation': -1 is impossible/, scenario: 'growth-accounting' },
    { name: 'capital share above 1', edit: (d) => { d.assumptions.capitalShare.value = 1.2; d.assumptions.capitalShare.max = 2; }, message: /'assumptions\.capitalShare': 1\.2 is impossible: a capital share lies between 0 and 1/, scenario: 'growth-accounting' },
    { name: 'value outside its own bounds', edit: (d) => (d.assumptions.jobs.value = 1e7), message: /'assumptions\.jobs': 10000000 is outside 0 to 500000/, scenario: 'growth-accounting' },
    { name: 'unknown growth mode', edit: (d) => (d.growth.mode = 'magic'), message: /'growth\.mode': "magic" is not one of forecast, path, recent/ },
    { name: 'shock in a non-year', edit: (d) => (d.shocks = { soon: -1 }), message: /'shocks\.soon': is not a year/ },
    { name: 'assumption without source or reason', edit: (d) => { d.assumptions.icor.source = null; delete d.assumptions.icor.note; }, message: /'assumptions\.icor\.note': an assumption without a source/ },
  ];
  it.each(cases)('$name', ({ edit, message, scenario = 'investment-push' }) => {
    const d = raw(scenario);
    edit(d);
    let error: unknown;
    try {
      parseScenario(d, 'investment-push.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const line = formatError(error);
    expect(line).toMatch(/^investment-push\.json: /);
    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
  });
});

describe('--set edits', () => {
  const push = () => regionScenario(findRegion('haiphong'), 'investment-push');
  it('change an assumption, a shock, or a path year', () => {
    expect(applyEdits(push(), ['extraFdi=2']).assumptions.extraFdi!.value).toBe(2);
    expect(applyEdits(push(), ['shocks.2027=-1.5']).shocks['2027']).toBe(-1.5);
    const plan = applyEdits(loadScenario(own, 'plan'), ['growth.after=14', 'growth.path.2027=12']);
    expect(plan.growth).toMatchObject({ mode: 'path', after: 14, path: { '2026': 13, '2027': 12 } });
  });
  it.each([
    ['nope=1', /unknown key 'nope' \(allowed: deflator, fxChange/],
    ['icor=abc', /--set icor: "abc" is not a number/],
    ['fdiDisbursement=150', /fdiDisbursement': 150 is outside 30 to 100/],
    ['depreciation', /expected key=value/],
  ])('%s is refused', (edit, message) => {
    expect(() => applyEdits(push(), [edit])).toThrow(UsageError);
    expect(() => applyEdits(push(), [edit])).toThrow(message);
  });
});

describe('growth accounting (by hand)', () => {
  const base = { year: 2025, grdpUsdBn: 29.4, investmentShare: 0.437, growth: 11.81, labourThousand: 2100, perCapitaUsd: 7786 };
  const assumption = (value: number) => ({ value, unit: '', label: '', min: -1e9, max: 1e9, step: 1, source: null, note: 'test value' });
  const withValues = (s: Scenario, values: Record<string, number>): Scenario => ({ ...s, assumptions: { ...s.assumptions, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, s.assumptions[k] ? { ...s.assumptions[k]!, value: v } : assumption(v)])) } });
  it('FDI disbursement 61.5% (baochinhphu.vn, Viet Nam 2022: 264.4 of 430 bn US$) over 3 years, ICOR 4.25 lagged 1 year: 2 bn US$/yr extra registered FDI adds 0 in 2026, 100·0.41/(4.25·29.4·1.1) in 2027', () => {
    const s = withValues(loadScenario(own, 'investment-push'), { extraFdi: 2 });
    // Shipped values: fdiDisbursement 61.5, investmentYears 3, icor 4.25, icorLag 1 (data/haiphong/scenarios/investment-push.json).
    expect([s.assumptions.fdiDisbursement!.value, s.assumptions.investmentYears!.value, s.assumptions.icor!.value, s.assumptions.icorLag!.value]).toEqual([61.5, 3, 4.25, 1]);
    // Disbursed: 2026 0.615·2/3 = 0.41; 2027 0.615·4/3 = 0.82; 2028 on 0.615·6/3 = 1.23 bn US$.
    const flows = extraInflows(s, base, [2026, 2027, 2028, 2029]);
    [0.41, 0.82, 1.23, 1.23].forEach((d, i) => expect(flows.investment[i]).toBeCloseTo(d, 12));
    const pp = investmentGrowth(s, base, [2026, 2027, 2028, 2029], [10, 10, 10, 10]);
    expect(pp[0]).toBe(0);
    // Δg_t = 100·D_{t−1} / (ICOR · Y_{t−1}), Y growing 10% a year on the mean path from 29.4 (2025).
    expect(pp[1]).toBeCloseTo((100 * 0.41) / (4.25 * 29.4 * 1.1), 10);
    expect(pp[2]).toBeCloseTo((100 * 0.82) / (4.25 * 29.4 * 1.1 ** 2), 10);
    expect(pp[3]).toBeCloseTo((100 * 1.23) / (4.25 * 29.4 * 1.1 ** 3), 10);
  });
  it('ICOR rule: jobs add no growth on top (the ICOR already credits all output growth to investment); lag 0 gives the same-year rule', () => {
    const s = withValues(loadScenario(own, 'investment-push'), { extraInvestment: 1.8, icorLag: 0 });
    const withJobs = withValues(s, { jobs: 17000 });
    const pp = investmentGrowth(s, base, [2026, 2027], [10, 10]);
    expect(investmentGrowth(withJobs, base, [2026, 2027], [10, 10])).toEqual(pp);
    // 1.8 bn US$ registered in 2026: 0.615·1.8/3 = 0.369 disbursed in 2026 → 100·0.369/(4.25·29.4).
    expect(pp[0]).toBeCloseTo((100 * 0.369) / (4.25 * 29.4), 10);
  });
  it('the 12 projects of Nov 2024 (1.8 bn US$, inside 2024\'s 4.9 bn registered FDI) are not added again: the shipped scenarios add 0 pp with nothing set', () => {
    for (const name of ['investment-push', 'growth-accounting']) {
      const s = loadScenario(own, name);
      expect(s.assumptions.extraInvestment!.value, name).toBe(0);
      expect(s.assumptions.extraInvestment!.note, name).toMatch(/12 projects of Nov 2024 .*inside 2024's 4\.9 bn US\$ of registered FDI.*count them twice/);
      expect(investmentGrowth(s, base, [2026, 2027, 2028], [10, 10, 10]).every((x) => x === 0), name).toBe(true);
    }
    expect(loadScenario(own, 'investment-push').assumptions.jobs).toBeUndefined();
  });
  it('Cobb-Douglas: the first year adds α·D/K with K = I/(g + δ) at its steady state, plus labour\'s share of the jobs', () => {
    const s = withValues({ ...loadScenario(own, 'investment-push'), investment: { method: 'cobb-douglas' as const, firstYear: 2026 } }, { extraInvestment: 1.8, jobs: 17000, capitalShare: 0.4, depreciation: 5 });
    const pp = investmentGrowth(s, base, [2026], [10]);
    const capital = (0.437 * 29.4) / (0.1181 + 0.05);
    expect(pp[0]).toBeCloseTo((100 * 0.4 * 0.369) / capital + (100 * 0.6 * (17000 / 3)) / 2100000, 10);
  });
  it('a path scenario moves the mean and keeps the baseline spread; per-capita US$ compounds growth, deflator, exchange rate and population', () => {
    const s = regionScenario(findRegion('haiphong'), 'plan');
    const paths = [Float64Array.from([9, 9]), Float64Array.from([11, 11])];
    const o = applyScenario(s, { years: [2025], values: [11.81] }, { years: [2026, 2027], paths }, base);
    expect(o.growth.map((g) => g.mean)).toEqual([13, 13.5]);
    expect(o.basePaths[0]![0]! + o.shift[0]!).toBe(12); // 9 − 10 (baseline mean) + 13
    // Hai Phong's shared assumptions (data/haiphong/region.json): deflator 0.89 (the city's own
    // implied deflator 2022-2024), fxChange 2.85, populationGrowth 0.6.
    const factor = (1.0089 / 1.0285) / 1.006;
    expect(o.perCapitaUsdPaths[0]![0]).toBeCloseTo(7786 * 1.12 * factor, 8);
  });
});
