/**
 * Reads models/scenarios/NAME.json and applies `--set key=value` edits. Every problem is one
 * line naming the file and the key: unknown keys, wrong types, impossible values.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { ACCOUNTING_ASSUMPTIONS, COMMON_ASSUMPTIONS, INVESTMENT_ASSUMPTIONS, type Assumption, type GrowthMode, type GrowthWindow, type Scenario } from '../scenarios/types.js';
import { editAssumption } from '../scenarios/edit-assumption.js';
import { readJsonFile } from './load-dataset.js';

const TOP_KEYS = ['name', 'description', 'growth', 'shocks', 'investment', 'assumptions'];
/**
 * Real growth a scenario may set (%/yr, exclusive) and the largest shock (pp): the Penn World
 * Table's 183 economies, 1951-2011, never grew by less than −66% or more than +106% in a year
 * (bench/data/pwt-growth-1951-2011.csv), and below −100% output would turn negative.
 */
const GROWTH_RANGE = [-70, 110] as const;
const MAX_SHOCK = 70;
const ASSUMPTION_KEYS = ['value', 'unit', 'label', 'min', 'max', 'step', 'source', 'note', 'reference'];

/** Hard limits no edit may cross, whatever a file's min/max say. */
const PHYSICAL: Readonly<Record<string, readonly [number, number]>> = {
  capitalShare: [0, 1],
  depreciation: [0, 100],
  icor: [0.1, 100],
  investmentYears: [1, 50],
  jobs: [0, 1e8],
  extraInvestment: [0, 1e4],
  extraFdi: [0, 1e4],
  investmentRateExtra: [-100, 100],
  labourGrowthExtra: [-50, 50],
  tfpExtra: [-50, 50],
};

export function listScenarios(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
  } catch {
    return [];
  }
}

function checkAssumption(key: string, a: Assumption, fail: (key: string, message: string) => never): void {
  if (!Number.isFinite(a.value)) fail(key, 'value must be a finite number');
  if (a.value < a.min || a.value > a.max) fail(key, `${a.value} is outside ${a.min} to ${a.max}`);
  const limit = PHYSICAL[key];
  if (limit && (a.value < limit[0] || a.value > limit[1])) {
    fail(key, key === 'capitalShare' ? `${a.value} is impossible: a capital share lies between 0 and 1` : `${a.value} is impossible (allowed ${limit[0]} to ${limit[1]})`);
  }
}

/** A lever's history (see LeverReference): label, unit, source, base, and years mapped to numbers. */
function checkReference(r: unknown, fail: (message: string) => never): void {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) fail('must be an object with label, unit, values, base, source');
  const x = r as Record<string, unknown>;
  for (const k of Object.keys(x)) if (!['label', 'unit', 'values', 'base', 'source', 'plausibleMax', 'note'].includes(k)) fail(`unknown key '${k}'`);
  for (const k of ['label', 'unit', 'source']) if (typeof x[k] !== 'string') fail(`${k} must be a string`);
  if (x.base !== 'latest' && x.base !== 'zero') fail('base must be "latest" or "zero"');
  if (x.plausibleMax !== undefined && (typeof x.plausibleMax !== 'number' || !Number.isFinite(x.plausibleMax))) fail('plausibleMax must be a number');
  const v = x.values as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || Object.keys(v).length === 0) fail('values must map years to numbers');
  for (const [y, n] of Object.entries(v)) if (!/^\d{4}$/.test(y) || typeof n !== 'number' || !Number.isFinite(n)) fail(`values.${y} must be a year mapped to a number`);
}

/** Validates a parsed scenario document. @throws DataError naming the key */
/** `from`/`to` years, or `last`: the latest N years with data (1-50). */
function windowOf(g: Record<string, unknown>, fail: (key: string, message: string) => never, message: string): GrowthWindow {
  if (g.last !== undefined) {
    if (g.from !== undefined || g.to !== undefined) fail('growth.last', 'give either last or from and to, not both');
    if (!Number.isInteger(g.last) || (g.last as number) < 1 || (g.last as number) > 50) fail('growth.last', 'must be a whole number of years from 1 to 50');
    return { last: g.last as number };
  }
  if (!Number.isInteger(g.from) || !Number.isInteger(g.to) || (g.from as number) > (g.to as number)) fail('growth.from', message);
  return { from: g.from as number, to: g.to as number };
}

export function parseScenario(doc: unknown, file: string): Scenario {
  const fail = (key: string, message: string): never => {
    throw new DataError(`'${key}': ${message}`, { file });
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new DataError('must be a JSON object', { file });
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!TOP_KEYS.includes(k)) fail(k, `unknown key (allowed: ${TOP_KEYS.join(', ')})`);
  if (typeof d.name !== 'string' || d.name === '') fail('name', 'must be a non-empty string');
  const g = d.growth as Record<string, unknown> | undefined;
  if (typeof g !== 'object' || g === null) fail('growth', 'must be an object with a "mode"');
  let growth: GrowthMode;
  if (g!.mode === 'forecast') {
    growth = { mode: 'forecast', model: typeof g!.model === 'string' ? g!.model : undefined };
  } else if (g!.mode === 'path') {
    const path = g!.path as Record<string, unknown>;
    if (typeof path !== 'object' || path === null) fail('growth.path', 'must map years to growth rates');
    for (const [y, v] of Object.entries(path)) {
      if (!/^\d{4}$/.test(y)) fail(`growth.path.${y}`, 'is not a year');
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`growth.path.${y}`, 'must be a number (% growth)');
      if (!((v as number) > GROWTH_RANGE[0] && (v as number) < GROWTH_RANGE[1])) fail(`growth.path.${y}`, `${String(v)}% is outside ${GROWTH_RANGE[0]} to ${GROWTH_RANGE[1]} %/yr`);
    }
    if (typeof g!.after !== 'number' || !Number.isFinite(g!.after)) fail('growth.after', 'must be a number (% growth for later years)');
    if (!((g!.after as number) > GROWTH_RANGE[0] && (g!.after as number) < GROWTH_RANGE[1])) fail('growth.after', `${String(g!.after)}% is outside ${GROWTH_RANGE[0]} to ${GROWTH_RANGE[1]} %/yr`);
    growth = { mode: 'path', path: path as Record<string, number>, after: g!.after as number };
  } else if (g!.mode === 'recent') {
    growth = { mode: 'recent', ...windowOf(g!, fail, 'from and to must be years, from ≤ to') };
  } else if (g!.mode === 'accounting') {
    if (g!.labour !== undefined && (typeof g!.labour !== 'string' || g!.labour === '')) fail('growth.labour', 'must name the labour series TFP is calibrated on (e.g. "employed"), or be left out for the data set\'s employed or labour_force role');
    growth = { mode: 'accounting', ...windowOf(g!, fail, 'from and to (the years TFP is calibrated on) must be years, from ≤ to'), ...(typeof g!.labour === 'string' ? { labour: g!.labour } : {}) };
  } else {
    return fail('growth.mode', `"${String(g!.mode)}" is not one of forecast, path, recent, accounting`);
  }
  const shocks = (d.shocks ?? {}) as Record<string, unknown>;
  if (typeof shocks !== 'object' || shocks === null || Array.isArray(shocks)) fail('shocks', 'must map years to percentage points');
  for (const [y, v] of Object.entries(shocks)) {
    if (!/^\d{4}$/.test(y)) fail(`shocks.${y}`, 'is not a year');
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`shocks.${y}`, 'must be a number (percentage points)');
    if (Math.abs(v as number) > MAX_SHOCK) fail(`shocks.${y}`, `${String(v)} pp is outside -${MAX_SHOCK} to ${MAX_SHOCK} percentage points`);
  }
  let investment: Scenario['investment'] = null;
  if (d.investment !== undefined && d.investment !== null) {
    const inv = d.investment as Record<string, unknown>;
    if (inv.method !== 'icor' && inv.method !== 'cobb-douglas') fail('investment.method', `"${String(inv.method)}" is not one of icor, cobb-douglas`);
    if (inv.firstYear !== undefined && !Number.isInteger(inv.firstYear)) fail('investment.firstYear', 'must be a year (or left out: the year after the data)');
    investment = { method: inv.method as 'icor' | 'cobb-douglas', ...(inv.firstYear !== undefined ? { firstYear: inv.firstYear as number } : {}) };
    if (growth.mode === 'accounting' && investment.method !== 'cobb-douglas') {
      fail('investment.method', 'growth accounting turns extra investment into growth through its production function: use "cobb-douglas"');
    }
  }
  const allowed: string[] = [
    ...new Set([...COMMON_ASSUMPTIONS, ...(investment ? INVESTMENT_ASSUMPTIONS : []), ...(growth.mode === 'accounting' ? ACCOUNTING_ASSUMPTIONS : [])]),
  ].filter((k) => !(growth.mode === 'accounting' && (k === 'icor' || k === 'icorLag')));
  const rawA = (d.assumptions ?? {}) as Record<string, unknown>;
  if (typeof rawA !== 'object' || rawA === null || Array.isArray(rawA)) fail('assumptions', 'must be an object');
  const assumptions: Record<string, Assumption> = {};
  for (const [key, v] of Object.entries(rawA)) {
    if (!allowed.includes(key)) fail(`assumptions.${key}`, `unknown assumption (allowed here: ${allowed.join(', ')})`);
    if (typeof v !== 'object' || v === null) fail(`assumptions.${key}`, 'must be an object with value, unit, label, min, max, step, source');
    const a = v as Record<string, unknown>;
    for (const k of Object.keys(a)) if (!ASSUMPTION_KEYS.includes(k)) fail(`assumptions.${key}.${k}`, `unknown key (allowed: ${ASSUMPTION_KEYS.join(', ')})`);
    for (const k of ['value', 'min', 'max', 'step']) if (typeof a[k] !== 'number' || !Number.isFinite(a[k])) fail(`assumptions.${key}.${k}`, 'must be a number');
    for (const k of ['unit', 'label']) if (typeof a[k] !== 'string') fail(`assumptions.${key}.${k}`, 'must be a string');
    if (a.source !== null && typeof a.source !== 'string') fail(`assumptions.${key}.source`, 'must be a URL or data reference, or null for an assumption');
    if (a.source === null && typeof a.note !== 'string') fail(`assumptions.${key}.note`, 'an assumption without a source must say why its value was chosen');
    if (a.reference !== undefined) checkReference(a.reference, (m) => fail(`assumptions.${key}.reference`, m));
    const assumption = a as unknown as Assumption;
    checkAssumption(key, assumption, (k, m) => fail(`assumptions.${k}`, m));
    assumptions[key] = assumption;
  }
  return {
    name: d.name as string,
    description: typeof d.description === 'string' ? d.description : '',
    growth,
    shocks: shocks as Record<string, number>,
    investment,
    assumptions,
    file,
  };
}

export function loadScenario(dir: string, name: string): Scenario {
  const known = listScenarios(dir);
  if (!known.includes(name)) throw new UsageError(`unknown scenario '${name}' (known: ${known.join(', ') || 'none'})`);
  const file = join(dir, `${name}.json`);
  return parseScenario(readJsonFile(file), file);
}

/**
 * Applies `key=value` edits: an assumption name (`extraFdi=2`), `shocks.YEAR=pp`,
 * `growth.after=13` or `growth.path.YEAR=13.5`. The result is validated like a file.
 * @throws UsageError naming the key
 */
export function applyEdits(scenario: Scenario, edits: readonly string[]): Scenario {
  if (edits.length === 0) return scenario;
  // biome-ignore lint/suspicious/noExplicitAny: a plain JSON copy edited by path, then validated like a file.
  const doc = JSON.parse(JSON.stringify({ ...scenario, file: undefined })) as Record<string, any>;
  delete doc.file;
  for (const edit of edits) {
    const m = /^([\w.]+)=(.*)$/.exec(edit);
    if (!m) throw new UsageError(`--set '${edit}': expected key=value`);
    const [, key, raw] = m as unknown as [string, string, string];
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--set ${key}: "${raw}" is not a number`);
    const parts = key.split('.');
    if (parts.length === 1) {
      // Own keys only: '__proto__', 'constructor' or 'toString' name no assumption (and must not
      // reach Object.prototype).
      if (!Object.hasOwn(doc.assumptions, key)) {
        throw new UsageError(`--set: unknown key '${key}' (allowed: ${[...Object.keys(doc.assumptions), 'shocks.YEAR', ...(doc.growth.mode === 'path' ? ['growth.after', 'growth.path.YEAR'] : [])].join(', ')})`);
      }
      // The edited value says so and keeps the original's source as history (editAssumption).
      doc.assumptions[key] = editAssumption(doc.assumptions[key], value);
    } else if (parts[0] === 'shocks' && parts.length === 2 && /^\d{4}$/.test(parts[1]!)) {
      doc.shocks = { ...doc.shocks, [parts[1]!]: value };
    } else if (parts[0] === 'growth' && doc.growth.mode === 'path' && parts[1] === 'after' && parts.length === 2) {
      doc.growth.after = value;
    } else if (parts[0] === 'growth' && doc.growth.mode === 'path' && parts[1] === 'path' && parts.length === 3 && /^\d{4}$/.test(parts[2]!)) {
      doc.growth.path[parts[2]!] = value;
    } else {
      throw new UsageError(`--set: unknown key '${key}'`);
    }
  }
  try {
    return { ...parseScenario(doc, scenario.file ?? scenario.name), file: scenario.file };
  } catch (e) {
    if (e instanceof DataError) throw new UsageError(`--set: ${e.message}`);
    throw e;
  }
}
