// Issue 11: impossible values are refused with one line naming where they came from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError, formatError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/data/load-dataset.js';
import { applyEdits, listScenarios, loadScenario } from '../../src/data/load-scenario.js';
import { loadTargets } from '../../src/data/load-targets.js';
import { buildTargetsReport } from '../../src/report/targets-report.js';

const GENERIC = fileURLToPath(new URL('../../models/scenarios', import.meta.url));
const OWN = fileURLToPath(new URL('../../data/haiphong/scenarios', import.meta.url));
/** Hai Phong's own scenario folder first, then the generic one (as the region looks names up). */
const SCENARIOS_OF = (name: string): string => (listScenarios(OWN).includes(name) ? OWN : GENERIC);
const DATA = fileURLToPath(new URL('../../data/haiphong', import.meta.url));
const TARGETS = fileURLToPath(new URL('../../data/haiphong/targets.json', import.meta.url));

describe('scenario values', () => {
  it.each([
    { scenario: 'baseline', set: 'shocks.2027=-200', message: /'shocks.2027': -200 pp is outside -70 to 70 percentage points/ },
    { scenario: 'plan', set: 'growth.after=-100', message: /'growth.after': -100% is outside -70 to 110 %\/yr/ },
    { scenario: 'plan', set: 'growth.path.2027=250', message: /'growth.path.2027': 250% is outside -70 to 110 %\/yr/ },
  ])('$scenario --set $set is a usage error', ({ scenario, set, message }) => {
    const s = loadScenario(SCENARIOS_OF(scenario), scenario);
    expect(() => applyEdits(s, [set])).toThrow(UsageError);
    expect(() => applyEdits(s, [set])).toThrow(message);
  });

  it('a path and a shock that together take growth to −100% or below are refused', async () => {
    // plan: later years at −60%, then a −60 pp shock in 2030: −120% that year.
    const s = applyEdits(loadScenario(OWN, 'plan'), ['growth.after=-60', 'shocks.2030=-60']);
    const dataset = await loadDataset(DATA);
    const run = () => buildTargetsReport(dataset, loadTargets(TARGETS), s, { version: 'test', paths: 200 });
    expect(run).toThrow(DataError);
    expect(run).toThrow(/growth in 2030 would be -120.0%, and output cannot fall by 100% or more/);
  });
});

describe('growth data', () => {
  it('growth of −100% or less is an error at its file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'targetcast-values-'));
    const file = join(dir, 'g.csv');
    const rows = ['series,year,value', ...Array.from({ length: 11 }, (_, i) => `gdp_growth_real,${2010 + i},5`), 'gdp_growth_real,2021,-150'];
    writeFileSync(file, `${rows.join('\n')}\n`);
    const dataset = await loadDataset(file);
    const targets = { file: 't', targets: [{ id: 'T', document: 'd', indicator: 'avg', series: 'gdp_growth_real', kind: 'average-growth' as const, year: null, period: [2022, 2025] as const, operator: '>=' as const, value: 5, upper: null, unit: '%', basis: '', source: 'https://example.org' }], proxies: [], notFound: [] };
    const baseline = loadScenario(GENERIC, 'baseline');
    try {
      buildTargetsReport(dataset, targets, baseline, { version: 'test', paths: 200 });
      expect.unreachable();
    } catch (e) {
      // Header is line 1, so 2010-2020 are lines 2-12 and 2021 is line 13.
      expect(formatError(e)).toBe(`${file}:13: column 'value': growth of -150% in 2021 (series gdp_growth_real) is impossible: output cannot fall by 100% or more`);
    }
  });
});

describe('targets files', () => {
  const target = { id: 'T1', document: 'd', indicator: 'avg', series: 'g', kind: 'average-growth', year: null, period: [2022, 2025], operator: '>=', value: 5, upper: null, unit: '%', basis: 'X', source: 'https://example.org' };
  const write = (doc: object): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'targetcast-targets-')), 't.json');
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };
  it.each([
    { name: 'a year 99999', patch: { kind: 'level', year: 99999, period: null }, message: /targets\[0\]\.year: 99999 is above 2200/ },
    { name: 'a year −5', patch: { kind: 'level', year: -5, period: null }, message: /targets\[0\]\.year: -5 is below 1800/ },
    { name: 'a period to 999999', patch: { period: [2026, 999999] }, message: /targets\[0\]\.period\[1\]: 999999 is above 2200/ },
    { name: 'a misspelt key', patch: { valeu: 5 }, message: /targets\[0\]\.valeu: unknown key/ },
    { name: 'a range whose value is above its upper bound', patch: { operator: 'range', value: 5, upper: 3 }, message: /\.upper: a range needs an upper bound at or above value \(5\)/ },
    { name: 'an escape sequence in the wording', patch: { indicator: 'x\u001b[2J' }, message: /\.indicator: "x\\x1b\[2J" contains control characters/ },
  ])('$name: one line naming the file and field', ({ patch, message }) => {
    const file = write({ targets: [{ ...target, ...patch }], proxies: [], notFound: [] });
    expect(() => loadTargets(file)).toThrow(DataError);
    expect(() => loadTargets(file)).toThrow(message);
  });
  it('notFound: [null] is refused', () => {
    const file = write({ targets: [target], proxies: [], notFound: [null] });
    expect(() => loadTargets(file)).toThrow(/notFound\[0\]: must be an object/);
  });
});
