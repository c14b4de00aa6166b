/** Official targets as data (models/targets/*.json) and what an evaluation says of each. */

export type TargetKind = 'annual-growth' | 'average-growth' | 'level' | 'share' | 'cumulative' | 'count';
export type Operator = '>=' | '>' | '<=' | 'approx' | 'range';

export interface Target {
  readonly id: string;
  readonly document: string;
  readonly level?: string;
  readonly indicator: string;
  /** The data set series it is judged on (an id), or null when none fits. */
  readonly series: string | null;
  readonly kind: TargetKind;
  readonly year: number | null;
  readonly period: readonly [number, number] | null;
  readonly operator: Operator;
  readonly value: number;
  readonly upper: number | null;
  readonly unit: string;
  /** pre-merger, merged, hai-duong, national, …: a target is judged on data of its own basis. */
  readonly basis: string;
  readonly wordingVi?: string;
  readonly source: string;
  readonly note?: string;
  /** True for a labelled stand-in where the documents give no number (e.g. 2045). */
  readonly proxy?: boolean;
  readonly reasoning?: string;
  /** A passed target's outcome as a document states it, for when the data hold no figure. */
  readonly outcome?: { readonly verdict: 'met' | 'missed'; readonly source: string; readonly quote: string; readonly date?: string };
}

export type Verdict = 'met' | 'missed' | 'on track' | 'at risk' | 'off track' | 'not judged';

/** Probability thresholds of the verdicts: on track at P ≥ 2/3, off track at P < 1/3. */
export const ON_TRACK = 2 / 3;
export const OFF_TRACK = 1 / 3;

export interface TargetResult {
  readonly id: string;
  readonly indicator: string;
  readonly document: string;
  readonly series: string | null;
  readonly basis: string;
  readonly kind: TargetKind;
  /** "2030" or "2026-2030". */
  readonly when: string;
  /** Human form of the threshold, e.g. "≥ 13.5 %/yr". */
  readonly threshold: string;
  /** The target's unit as the document states it. */
  readonly unit: string;
  /** The value judged against (the lower bound of a range or an "about" target). */
  readonly goal: number;
  /** First and last year of the target (the same year for a one-year target). */
  readonly years: readonly [number, number];
  readonly proxy: boolean;
  readonly source: string;
  /** The target's wording in the Vietnamese document (wording_vi of the targets file), when given. */
  readonly wordingVi?: string;
  readonly status: 'past' | 'open' | 'not judged';
  readonly verdict: Verdict;
  /** A passed period decided by less than 1% of the goal on a figure that is not final (estimate, preliminary, derived): shown "met (preliminary)". */
  readonly provisional: boolean;
  /** Achieved value for a past period (the growth, the average growth, the level). */
  readonly actual: number | null;
  /** actual − goal (for a range or an "about" target, the goal is the lower value). */
  readonly gap: number | null;
  /** Constant annual growth (%) needed from the last actual to meet the target. */
  readonly requiredGrowth: number | null;
  /** Best and recent-average annual growth achieved (%), for comparison with requiredGrowth. */
  readonly bestGrowth: number | null;
  readonly recentGrowth: number | null;
  /** P(target met) from the forecast's simulated paths. */
  readonly probability: number | null;
  /** Monte Carlo standard error of P: √(P(1 − P)/paths). */
  readonly probabilitySe: number | null;
  /** True when P is within 2 standard errors of a verdict threshold (1/3 or 2/3): another seed could flip the verdict. */
  readonly borderline: boolean;
  /** First year the median forecast meets the target, null if not within the horizon. */
  readonly reachYear: number | null;
  /** Years whose figures came from another basis or from a bridge choice, with how. */
  readonly bridged: readonly string[];
  /** Why it is not judged, or what to know about the judgement. */
  readonly note: string | null;
}
