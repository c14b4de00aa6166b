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
export const DEFAULT_LEVERS = ['investmentRateExtra', 'extraFdi', 'extraInvestment', 'jobs', 'labourGrowthExtra', 'tfpExtra'] as const;

export interface LeverResult {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly current: number;
  readonly min: number;
  readonly max: number;
  /**
   * - reached: P reaches the goal at `value` (and beyond it, in `direction`)
   * - already: P reaches the goal over the whole range (value: the range's end that helps least)
   * - out of range: not even the range's best end reaches it (value: null; best: that end)
   * - no effect: the lever does not move this target's probability (P: what it stays at)
   * - failed: the model cannot run somewhere in the lever's range (see note)
   */
  readonly status: 'reached' | 'already' | 'out of range' | 'no effect' | 'failed';
  /** 'at least' when raising the lever raises P, 'at most' when lowering it does. */
  readonly direction: 'at least' | 'at most';
  readonly value: number | null;
  /** The grid `value` lies on: a tenth of the lever's step, a whole number for whole-number levers. */
  readonly resolution: number;
  /** P at `value` (at the best end when out of range; null when failed). */
  readonly probability: number | null;
  /** The range end that raises P most, and P there. */
  readonly best: { readonly value: number; readonly probability: number | null };
  /** Lever value → P, every trial, in the order made. */
  readonly trials: readonly { readonly value: number; readonly probability: number }[];
  readonly note: string | null;
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

/** A tenth of the step, on a power-of-ten grid; whole numbers for levers stepped in whole numbers. */
function resolutionOf(step: number): number {
  const grid = 10 ** Math.floor(Math.log10(step / 10));
  return Number.isInteger(step) && step >= 1 ? Math.max(1, grid) : grid;
}

function seekLever(scenario: Scenario, key: string, goal: number, probabilityAt: (key: string, value: number) => number): LeverResult {
  const a = scenario.assumptions[key]!;
  const resolution = resolutionOf(a.step);
  const trials: { value: number; probability: number }[] = [];
  const at = (value: number): number => {
    const probability = probabilityAt(key, value);
    trials.push({ value, probability });
    return probability;
  };
  const base = { key, label: a.label, unit: a.unit, current: a.value, min: a.min, max: a.max, resolution, trials, note: null };
  let pMin: number;
  let pMax: number;
  try {
    pMin = at(a.min);
    pMax = at(a.max);
  } catch (e) {
    return { ...base, status: 'failed', direction: 'at least', value: null, probability: null, best: { value: a.value, probability: null }, note: (e as Error).message };
  }
  if (pMin === pMax) return { ...base, status: 'no effect', direction: 'at least', value: null, probability: pMin, best: { value: a.max, probability: pMax } };
  const rising = pMax > pMin;
  const direction = rising ? 'at least' : 'at most';
  const best = rising ? { value: a.max, probability: pMax } : { value: a.min, probability: pMin };
  const worst = rising ? { value: a.min, probability: pMin } : { value: a.max, probability: pMax };
  if (best.probability < goal) return { ...base, status: 'out of range', direction, value: null, probability: best.probability, best };
  if (worst.probability >= goal) return { ...base, status: 'already', direction, value: worst.value, probability: worst.probability, best };
  // Invariant: P(fails) < goal ≤ P(meets). Stop when the two lie within one grid step.
  let fails = worst.value;
  let meets = best.value;
  let pMeets = best.probability;
  try {
    for (let i = 0; i < 80 && Math.abs(meets - fails) > resolution / 2; i += 1) {
      const mid = (fails + meets) / 2;
      const p = at(mid);
      if (p >= goal) {
        meets = mid;
        pMeets = p;
      } else {
        fails = mid;
      }
    }
    // The value on the grid, on the side that meets the goal; P there is checked, not assumed.
    const onGrid = (rising ? Math.ceil(meets / resolution - 1e-9) : Math.floor(meets / resolution + 1e-9)) * resolution;
    const value = Number(Math.min(a.max, Math.max(a.min, onGrid)).toFixed(12));
    const probability = value === meets ? pMeets : at(value);
    if (probability >= goal) return { ...base, status: 'reached', direction, value, probability, best };
    return { ...base, status: 'reached', direction, value: meets, probability: pMeets, best };
  } catch (e) {
    return { ...base, status: 'failed', direction, value: null, probability: null, best, note: (e as Error).message };
  }
}
