/**
 * Regions side by side: every open target of the chosen kinds, each judged on its own region
 * (basis) by the same engine run, sorted by P (the likeliest first). Past and not-judged targets
 * are left out: there is nothing to compare.
 */
import type { TargetKind, TargetResult } from '../targets/types.js';
import type { TargetsReport } from './targets-report.js';

export interface CompareRow {
  readonly region: string;
  readonly id: string;
  readonly indicator: string;
  readonly kind: TargetKind;
  readonly when: string;
  readonly threshold: string;
  readonly requiredGrowth: number | null;
  readonly recentGrowth: number | null;
  readonly probability: number;
  readonly probabilitySe: number | null;
  readonly verdict: TargetResult['verdict'];
  readonly borderline: boolean;
}

export interface CompareReport {
  readonly schemaVersion: 1;
  readonly kind: 'compare';
  readonly tool: TargetsReport['tool'];
  readonly seed: number;
  readonly input: TargetsReport['input'];
  readonly targetsFile: string;
  readonly scenario: string;
  readonly paths: number;
  readonly kinds: readonly TargetKind[];
  /** Regions with at least one row, in the order of their best P. */
  readonly regions: readonly string[];
  readonly rows: readonly CompareRow[];
}

export const GROWTH_KINDS: readonly TargetKind[] = ['average-growth', 'annual-growth'];

export function compareRegions(report: TargetsReport, kinds: readonly TargetKind[] = GROWTH_KINDS): CompareReport {
  const rows: CompareRow[] = report.targets
    .filter((t) => t.status === 'open' && t.probability !== null && kinds.includes(t.kind))
    .map((t) => ({
      region: t.basis,
      id: t.id,
      indicator: t.indicator,
      kind: t.kind,
      when: t.when,
      threshold: t.threshold,
      requiredGrowth: t.requiredGrowth,
      recentGrowth: t.recentGrowth,
      probability: t.probability!,
      probabilitySe: t.probabilitySe,
      verdict: t.verdict,
      borderline: t.borderline,
    }))
    .sort((a, b) => b.probability - a.probability || a.region.localeCompare(b.region) || a.id.localeCompare(b.id));
  return {
    schemaVersion: 1,
    kind: 'compare',
    tool: report.tool,
    seed: report.seed,
    input: report.input,
    targetsFile: report.targetsFile,
    scenario: report.scenario.name,
    paths: report.paths,
    kinds,
    regions: [...new Set(rows.map((r) => r.region))],
    rows,
  };
}
