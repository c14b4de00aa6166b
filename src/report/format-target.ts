/** Short forms of target goals and values for 80-column tables (text report and dashboard). */
import type { TargetResult } from '../targets/types.js';

import { formatNumber } from './format-number.js';

/** 180000 → 180k, 116442.134 → 116k: big levels in thousands so that goals fit their column. */
export const compact = (v: number): string =>
  Math.abs(v) >= 100000 ? `${Math.round(v / 1000)}k` : Math.abs(v) >= 10000 ? `${(v / 1000).toFixed(1)}k` : formatNumber(v, 1).replace(/\.0$/, '');
const UNITS: readonly [RegExp, string][] = [
  [/^billion USD.*/i, 'bn US$'],
  // Any other currency: "billion XYZ …" → "bn XYZ" (the code the data state).
  [/^billion ([A-Z]{3})\b.*/, 'bn $1'],
  [/^million USD.*/i, 'm US$'],
  [/^USD per person.*/i, 'US$'],
  [/^million tonnes.*/i, 'Mt'],
  [/^% of (national )?GDP.*/i, '% GDP'],
];
export function shortGoal(r: TargetResult, unit: string): string {
  const growth = r.kind === 'annual-growth' || r.kind === 'average-growth';
  if (growth) return r.threshold.replace(/ (%|%\/yr)$/, '$1');
  const u = UNITS.reduce((acc, [re, to]) => acc.replace(re, to), unit);
  return r.threshold.replace(/[\d.]+/g, (m) => compact(Number(m))).replace(unit, u);
}


const pct = (v: number | null, d = 1): string => (v === null ? '' : `${v.toFixed(d)}%`);

/** Achieved and gap for a past target (growth gaps in points, level gaps in percent), else the growth needed. */
export function doneOrNeed(r: TargetResult): string {
  if (r.status === 'past' && r.actual !== null) {
    const growth = r.kind === 'annual-growth' || r.kind === 'average-growth';
    // Growth gaps in percentage points; level gaps relative to the goal, so they fit.
    const gap = growth ? formatNumber(r.gap!, 1) : `${formatNumber((100 * r.gap!) / (r.actual - r.gap!), 0)}%`;
    return `${growth ? formatNumber(r.actual, 1) : compact(r.actual)} ${r.gap! >= 0 ? '+' : ''}${gap}`;
  }
  return r.requiredGrowth !== null ? pct(r.requiredGrowth) : '';
}


/**
 * P as a percentage: whole percent, but one decimal within a point of the verdict thresholds
 * (1/3, 2/3), so that "33%" never sits beside a verdict that 33.2% explains.
 */
export function formatProbability(p: number | null): string {
  if (p === null) return '';
  const near = Math.abs(p - 1 / 3) < 0.01 || Math.abs(p - 2 / 3) < 0.01;
  return near ? `${(100 * p).toFixed(1)}%` : `${Math.round(100 * p)}%`;
}

/** The verdict as shown: a provisional past verdict says so ("met (preliminary)"). */
export function verdictLabel(r: Pick<TargetResult, 'verdict' | 'provisional'>): string {
  return r.provisional ? `${r.verdict} (preliminary)` : r.verdict;
}
