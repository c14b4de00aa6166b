/** How goal-seek answers read in the text report and the dashboard (one place for both). */
import { formatProbability } from './format-target.js';
import type { LeverResult } from './goal-seek.js';

/** A lever value on its grid: as many decimals as the resolution has, thousands grouped. */
export function formatLeverValue(value: number, unit: string, resolution: number): string {
  const decimals = Math.max(0, Math.round(-Math.log10(resolution)));
  const n = value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  return unit ? `${n} ${unit}` : n;
}

/** What the lever must be: "≥ 12.1 bn US$/yr", "≤ 0.15 %/yr", or why there is no answer. */
export function formatNeeded(l: LeverResult): string {
  const sign = l.direction === 'at least' ? '≥' : '≤';
  if (l.status === 'reached') return `${sign} ${formatLeverValue(l.value!, l.unit, l.resolution)}`;
  if (l.status === 'already') return 'met over the range';
  if (l.status === 'no effect') return 'no effect';
  if (l.status === 'failed') return 'cannot run';
  return `not by ${formatLeverValue(l.best.value, l.unit, l.resolution)}`;
}

/** P with one decimal when it is within a point of the goal (so 89.95% never reads as 90%). */
export function formatSeekProbability(p: number | null, goal: number): string {
  if (p === null) return '';
  return Math.abs(p - goal) < 0.01 ? `${(100 * p).toFixed(1)}%` : formatProbability(p);
}
