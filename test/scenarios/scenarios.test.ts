import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataError, formatError, UsageError } from '../../src/core/errors.js';
import { applyEdits, listScenarios, loadScenario, parseScenario } from '../../src/data/load-scenario.js';
import { applyScenario, investmentGrowth } from '../../src/scenarios/apply-scenario.js';
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
  const cases: { name: string; edit: (d: Record<string, any>) => void; message: RegExp }[] = [
    { name: 'unknown top-level key', edit: (d) => (d.colour = 'red'), message: /'colour': unknown key/ },
    { name: 'unknown assumption', edit: (d) => (d.assumptions.magic = { ...d.assumptions.deflator }), message: /'assumptions\.magic': unknown assumption/ },
    { name: 'wrong type', edit: (d) => (d.assumptions.icor.value = 'four'), message: /'assumptions\.icor\.value': must be a number/ },
    { name: 'negative depreciation', edit: (d) => { d.assumptions.depreciation.value = -1; d.assumptions.depreciation.min = -5; }, message: /'assumptions\.depreciation': -1 is impossible/ },
    { name: 'capital share above 1', edit: (d) => { d.assumptions.capitalShare.value = 1.2; d.assumptions.capitalShare.max = 2; }, message: /'assumptions\.capitalShare': 1\.2 is impossible: a capital share lies between 0 and 1/ },
    { name: 'value outside its own bounds', edit: (d) => (d.assumptions.jobs.value = 1e7), message: /'assumptions\.jobs': 10000000 is outside 0 to 500000/ },
    { name: 'unknown growth mode', edit: (d) => (d.growth.mode = 'magic'), message: /'growth\.mode': "magic" is not one of forecast, path, recent/ },
    { name: 'shock in a non-year', edit: (d) => (d.shocks = { soon: -1 }), message: /'shocks\.soon': is not a year/ },
    { name: 'assumption without source or reason', edit: (d) => { d.assumptions.icor.source = null; delete d.assumptions.icor.note; }, message: /'assumptions\.icor\.note': an assumption without a source/ },
  ];
  it.each(cases)('$name', ({ edit, message }) => {
    const d = raw('investment-push');
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
    ['capitalShare=1.5', /capitalShare': 1\.5 is outside 0\.05 to 0\.95/],
    ['depreciation', /expected key=value/],
  ])('%s is refused', (edit, message) => {
    expect(() => applyEdits(push(), [edit])).toThrow(UsageError);
    expect(() => applyEdits(push(), [edit])).toThrow(message);
  });
});

describe('growth accounting (by hand)', () => {
  const base = { year: 2025, grdpUsdBn: 29.4, investmentShare: 0.437, growth: 11.81, labourThousand: 2100, perCapitaUsd: 7786 };
  it('ICOR rule: 2026 adds 100·0.6/(3.7·29.4) + 100·0.6·(17000/3)/2,100,000 = 0.5516 + 0.1619 pp', () => {
    const s = loadScenario(own, 'investment-push');
    const pp = investmentGrowth(s, base, [2026, 2027, 2028, 2029], [10, 10, 10, 10]);
    // Values from data/haiphong/scenarios/investment-push.json: 1.8 bn US$ over 3 years, ICOR 3.7, α 0.4, 17,000 jobs.
    expect(pp[0]).toBeCloseTo((100 * 0.6) / (3.7 * 29.4) + (100 * 0.6 * (17000 / 3)) / 2100000, 10);
    // 2027: GRDP has grown 10%: 100·0.6/(3.7·29.4·1.1) + the same labour term.
    expect(pp[1]).toBeCloseTo((100 * 0.6) / (3.7 * 29.4 * 1.1) + (100 * 0.6 * (17000 / 3)) / 2100000, 10);
    // After the three investment years, nothing (extraFdi is 0 by default).
    expect(pp[3]).toBe(0);
  });
  it('Cobb-Douglas: the first year adds α·ΔI/K with K = I/(g + δ) at its steady state', () => {
    const s = { ...loadScenario(own, 'investment-push'), investment: { method: 'cobb-douglas' as const, firstYear: 2026 } };
    const pp = investmentGrowth(s, base, [2026], [10]);
    const capital = (0.437 * 29.4) / (0.1181 + 0.05);
    expect(pp[0]).toBeCloseTo((100 * 0.4 * 0.6) / capital + (100 * 0.6 * (17000 / 3)) / 2100000, 10);
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
