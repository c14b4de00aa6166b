/** Reads models/targets/*.json: official targets, labelled 2045 proxies, and what was not found. */
import { DataError, escapeControl } from '../core/errors.js';
import type { Operator, Target, TargetKind } from '../targets/types.js';
import { checkSchema } from './json-schema.js';
import { displayPath, readJsonFile } from './load-dataset.js';

const KINDS: readonly TargetKind[] = ['annual-growth', 'average-growth', 'level', 'share', 'cumulative', 'count'];
const OPERATORS: readonly Operator[] = ['>=', '>', '<=', 'approx', 'range'];
/** Years a target may name: the range observations may have (README, "Data format"). */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export interface TargetsFile {
  readonly file: string;
  readonly targets: readonly Target[];
  readonly proxies: readonly Target[];
  readonly notFound: readonly { readonly id: string; readonly indicator: string; readonly period: string }[];
}

function parseTarget(raw: unknown, where: string, file: string, proxy: boolean): Target {
  const fail = (field: string, message: string): never => {
    throw new DataError(`${where}.${field}: ${message}`, { file });
  };
  if (typeof raw !== 'object' || raw === null) fail('', 'must be an object');
  const r = raw as Record<string, unknown>;
  const str = (k: string, required = true): string => {
    const v = r[k];
    // Every string here is printed (tables, the dashboard): no escape sequences or bells.
    if (typeof v === 'string' && CONTROL.test(v)) fail(k, `"${escapeControl(v)}" contains control characters`);
    if (typeof v === 'string' && v !== '') return v;
    if (required) fail(k, 'must be a non-empty string');
    return '';
  };
  const id = str('id');
  const at = `${where} (${id})`;
  const kind = str('kind') as TargetKind;
  if (!KINDS.includes(kind)) throw new DataError(`${at}.kind: "${kind}" is not one of ${KINDS.join(', ')}`, { file });
  const operator = str('operator') as Operator;
  if (!OPERATORS.includes(operator)) throw new DataError(`${at}.operator: "${operator}" is not one of ${OPERATORS.join(', ')}`, { file });
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) throw new DataError(`${at}.value: must be a finite number`, { file });
  const upper = r.upper === undefined || r.upper === null ? null : r.upper;
  if (upper !== null && typeof upper !== 'number') throw new DataError(`${at}.upper: must be a number or null`, { file });
  const year = r.year === undefined || r.year === null ? null : r.year;
  const isYear = (y: unknown): boolean => Number.isInteger(y) && (y as number) >= FIRST_YEAR && (y as number) <= LAST_YEAR;
  if (year !== null && !isYear(year)) throw new DataError(`${at}.year: must be a year ${FIRST_YEAR}-${LAST_YEAR} or null`, { file });
  const period = r.period === undefined || r.period === null ? null : r.period;
  if (period !== null && !(Array.isArray(period) && period.length === 2 && period.every(isYear) && period[0] <= period[1])) {
    throw new DataError(`${at}.period: must be [first, last] years ${FIRST_YEAR}-${LAST_YEAR}, first ≤ last, or null`, { file });
  }
  if (operator === 'range' && !(typeof upper === 'number' && Number.isFinite(upper) && upper >= r.value)) {
    throw new DataError(`${at}.upper: a range needs an upper bound at or above value (${r.value})`, { file });
  }
  const needsPeriod = kind === 'average-growth' || kind === 'cumulative';
  if (needsPeriod && period === null) throw new DataError(`${at}.period: a ${kind} target needs a period`, { file });
  if (!needsPeriod && year === null) throw new DataError(`${at}.year: a ${kind} target needs a year`, { file });
  const series = r.series === null || r.series === undefined ? null : str('series');
  return {
    id,
    document: str('document', false) || (proxy ? 'proxy (not an official target)' : 'document not stated'),
    level: str('level', false) || undefined,
    indicator: str('indicator', false) || id,
    series,
    kind,
    year: year as number | null,
    period: period as [number, number] | null,
    operator,
    value: r.value,
    upper: upper as number | null,
    unit: str('unit'),
    // No basis: the target is judged on data without one (a file with no basis column).
    basis: str('basis', false),
    wordingVi: str('wording_vi', false) || undefined,
    source: str('source'),
    note: str('note', false) || undefined,
    proxy: proxy || r.proxy === true,
    reasoning: str('reasoning', false) || undefined,
    ...(r.outcome && typeof r.outcome === 'object' ? { outcome: outcomeOf(r.outcome as Record<string, unknown>, at, file) } : {}),
  };
}

/** A document's statement of a passed target's outcome (the schema has checked its shape). */
function outcomeOf(o: Record<string, unknown>, at: string, file: string): NonNullable<Target['outcome']> {
  for (const k of ['source', 'quote', 'date']) {
    if (typeof o[k] === 'string' && CONTROL.test(o[k] as string)) throw new DataError(`${at}.outcome.${k}: "${escapeControl(o[k] as string)}" contains control characters`, { file });
  }
  return { verdict: o.verdict as 'met' | 'missed', source: o.source as string, quote: o.quote as string, ...(typeof o.date === 'string' ? { date: o.date } : {}) };
}

/** @throws DataError naming the file and the entry's field */
export function loadTargets(file: string): TargetsFile {
  const raw = readJsonFile(file);
  checkSchema(raw, 'targets-file', file);
  const d = (raw ?? {}) as { targets?: unknown; proxies?: unknown; notFound?: unknown };
  if (!Array.isArray(d.targets)) throw new DataError('must have a "targets" array', { file });
  const targets = d.targets.map((t, i) => parseTarget(t, `targets[${i}]`, file, false));
  const proxies = Array.isArray(d.proxies) ? d.proxies.map((t, i) => parseTarget(t, `proxies[${i}]`, file, true)) : [];
  const ids = new Set<string>();
  for (const t of [...targets, ...proxies]) {
    if (ids.has(t.id)) throw new DataError(`target id "${t.id}" appears twice`, { file });
    ids.add(t.id);
  }
  const notFound = Array.isArray(d.notFound)
    ? d.notFound.map((n, i) => {
        if (typeof n !== 'object' || n === null || Array.isArray(n)) throw new DataError(`notFound[${i}]: must be an object with id, indicator and period`, { file });
        const r = n as Record<string, unknown>;
        const text = (k: string): string => {
          const v = r[k] ?? '';
          if (typeof v !== 'string' && typeof v !== 'number') throw new DataError(`notFound[${i}].${k}: must be a string`, { file });
          if (CONTROL.test(String(v))) throw new DataError(`notFound[${i}].${k}: "${escapeControl(String(v))}" contains control characters`, { file });
          return String(v);
        };
        return { id: text('id'), indicator: text('indicator'), period: text('period') };
      })
    : [];
  return { file: displayPath(file), targets, proxies, notFound };
}
