/**
 * What it would take: for an open target, the value of one scenario lever (investment rate,
 * extra FDI, labour growth, TFP growth, …) at which the probability of meeting the target reaches
 * a level the user chooses, the other assumptions held where they are.
 *
 * The probability is read off the same simulated paths at every trial value (common random
 * numbers), and every lever moves the growth paths one way in every year, so P is monotone in the
 * lever: bisection between the range's ends finds where it crosses the goal. Because P is a share
 * of a finite number of paths it moves in steps of 1/paths; the answer is the smallest lever
 * value (largest, for a lever that lowers P) that reaches the goal, to a tenth of the lever's step.
 */
import { UsageError } from '../core/errors.js';
import type { Scenario } from '../scenarios/types.js';
import type { TargetResult } from '../targets/types.js';
import type { Provenance } from './forecast-report.js';
import type { TargetsEngine } from './targets-report.js';

/** Levers a goal-seek tries by default: what policy can move, not prices or parameters. */
export const DEFAULT_LEVERS = ['investmentRate', 'extraFdi', 'extraInvestment', 'jobs', 'labourGrowth', 'tfpExtra'] as const;

export interface LeverResult {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly current: number;
  readonly min: number;
  readonly max: number;
  /**
   * - reached: `value` is where P first reaches the goal
   * - already: P reaches the goal over the whole range (value: the range's end that helps least)
   * - out of range: not even the range's best end reaches it (value: null; best: that end)
   * - no effect: the lever does not move this target's probability
   */
  readonly status: 'reached' | 'already' | 'out of range' | 'no effect';
  readonly value: number | null;
  /** P at `value` (or at the best end when out of range). */
  readonly probability: number;
  /** The range end that raises P most, and P there. */
  readonly best: { readonly value: number; readonly probability: number };
  /** Lever value → P, every trial, in the order made. */
  readonly trials: readonly { readonly value: number; readonly probability: number }[];
}

export interface GoalSeekReport extends Provenance {
  readonly schemaVersion: 1;
  readonly kind: 'goal-seek';
  readonly scenario: string;
  readonly goal: number;
  readonly target: TargetResult;
  readonly levers: readonly LeverResult[];
}

/** The scenario with one assumption's value replaced (bounds were checked by the caller). */
export function withAssumption(scenario: Scenario, key: string, value: number): Scenario {
  const a = scenario.assumptions[key]!;
  return { ...scenario, assumptions: { ...scenario.assumptions, [key]: { ...a, value } } };
}

/**
 * @throws UsageError for an unknown target or lever, a target that is not open, or a goal outside (0, 1)
 */
export function goalSeek(
  engine: TargetsEngine,
  scenario: Scenario,
  request: { readonly target: string; readonly goal: number; readonly levers?: readonly string[]; readonly model?: string },
): GoalSeekReport {
  const { goal } = request;
  if (!(goal > 0 && goal < 1)) throw new UsageError(`--probability ${goal} must lie strictly between 0 and 1 (e.g. 0.5)`);
  const judge = (s: Scenario) => engine.report(s, { only: [request.target], model: request.model });
  const first = judge(scenario);
  const target = first.targets[0];
  if (!target) throw new UsageError(`unknown target '${request.target}' (see targetcast targets --all for the ids)`);
  if (target.status !== 'open' || target.probability === null) {
    const why = target.status === 'past' ? `its period has passed (${target.verdict})` : (target.note ?? 'it is not judged');
    throw new UsageError(`target ${target.id} cannot be goal-sought: ${why}`);
  }
  const known = Object.keys(scenario.assumptions);
  const keys = request.levers ?? DEFAULT_LEVERS.filter((k) => known.includes(k));
  if (keys.length === 0) {
    throw new UsageError(`scenario '${scenario.name}' has no levers (${DEFAULT_LEVERS.join(', ')}); try --scenario growth-accounting or investment-push, or --lever KEY`);
  }
  for (const k of keys) {
    if (!known.includes(k)) throw new UsageError(`--lever '${k}' is not an assumption of scenario '${scenario.name}' (it has: ${known.join(', ')})`);
  }
  const probabilityAt = (key: string, value: number): number => judge(withAssumption(scenario, key, value)).targets[0]!.probability ?? 0;
  const levers = keys.map((key) => seekLever(scenario, key, goal, probabilityAt));
  return {
    schemaVersion: 1,
    kind: 'goal-seek',
    tool: first.tool,
    seed: first.seed,
    input: first.input,
    scenario: scenario.name,
    goal,
    target,
    levers,
  };
}

function seekLever(scenario: Scenario, key: string, goal: number, probabilityAt: (key: string, value: number) => number): LeverResult {
  const a = scenario.assumptions[key]!;
  const trials: { value: number; probability: number }[] = [];
  const at = (value: number): number => {
    const probability = probabilityAt(key, value);
    trials.push({ value, probability });
    return probability;
  };
  const pMin = at(a.min);
  const pMax = at(a.max);
  const base = { key, label: a.label, unit: a.unit, current: a.value, min: a.min, max: a.max, trials };
  if (pMin === pMax) return { ...base, status: pMin >= goal ? 'already' : 'no effect', value: pMin >= goal ? a.min : null, probability: pMin, best: { value: a.max, probability: pMax } };
  const rising = pMax > pMin;
  const best = rising ? { value: a.max, probability: pMax } : { value: a.min, probability: pMin };
  const worst = rising ? { value: a.min, probability: pMin } : { value: a.max, probability: pMax };
  if (best.probability < goal) return { ...base, status: 'out of range', value: null, probability: best.probability, best };
  if (worst.probability >= goal) return { ...base, status: 'already', value: worst.value, probability: worst.probability, best };
  // Invariant: P(fails) < goal ≤ P(meets).
  let fails = worst.value;
  let meets = best.value;
  let pMeets = best.probability;
  const tolerance = a.step / 10;
  for (let i = 0; i < 60 && Math.abs(meets - fails) > tolerance; i += 1) {
    const mid = (fails + meets) / 2;
    const p = at(mid);
    if (p >= goal) {
      meets = mid;
      pMeets = p;
    } else {
      fails = mid;
    }
  }
  // Report the value on the tolerance grid, on the side that meets the goal.
  const decimals = Math.max(0, -Math.floor(Math.log10(tolerance)));
  const factor = 10 ** decimals;
  const rounded = rising ? Math.ceil(meets * factor - 1e-9) / factor : Math.floor(meets * factor + 1e-9) / factor;
  const value = Math.min(a.max, Math.max(a.min, rounded));
  const probability = value === meets ? pMeets : at(value);
  // P is monotone in the lever, so the rounded value meets the goal too; if it ever did not, the
  // unrounded one is reported rather than a value that fails.
  return probability >= goal ? { ...base, status: 'reached', value, probability, best } : { ...base, status: 'reached', value: meets, probability: pMeets, best };
}
