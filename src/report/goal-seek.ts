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
import { ALPHA_RANGE } from '../scenarios/apply-scenario.js';
import type { Scenario } from '../scenarios/types.js';
import type { TargetResult } from '../targets/types.js';
import type { Provenance } from './forecast-report.js';
import type { TargetsEngine, TargetsReport } from './targets-report.js';

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
  /** The needed value placed against the region's own history (null: no answer or no history). */
  readonly context?: LeverContext | null;
}

/**
 * A needed value in the region's own terms: the total it implies (investment as % of GRDP,
 * registered FDI in a year) against the best year and the recent average.
 */
export interface LeverContext {
  readonly what: string;
  readonly total: number;
  readonly unit: string;
  readonly best: { readonly year: number; readonly value: number } | null;
  readonly recent: { readonly from: number; readonly to: number; readonly value: number } | null;
  readonly plausibleMax: number | null;
  readonly verdict: 'within the range seen' | 'beyond the best year' | 'beyond anything plausible' | 'no history';
  /** "beyond the best year (2.5× 2024)" */
  readonly text: string;
}

/** Levers moved together: the smallest common share of each lever's own answer that reaches the goal. */
export interface LeverPackage {
  readonly scale: number;
  readonly probability: number;
  readonly levers: readonly { readonly key: string; readonly label: string; readonly unit: string; readonly value: number; readonly resolution: number; readonly context: LeverContext | null }[];
}

/** The growth needed: the scenario's mean path moved by the same amount every year to the target's end. */
export interface GrowthPathNeeded {
  readonly shift: number;
  readonly probability: number;
  readonly years: readonly { readonly year: number; readonly now: number; readonly needed: number }[];
  /** The region's own growth history: best year and the last five years' average. */
  readonly bestYear: { readonly year: number; readonly value: number } | null;
  readonly recent: { readonly from: number; readonly to: number; readonly value: number } | null;
}

/**
 * Investment above 60% of GDP is beyond anything plausible (assumption: the threshold the issue-14
 * review set; gross capital formation that high appears in the World Bank's WDI only in a few
 * small resource-boom economies).
 */
export const PLAUSIBLE_INVESTMENT_RATE = 60;

export interface GoalSeekReport extends Provenance {
  readonly schemaVersion: 1;
  readonly kind: 'goal-seek';
  readonly scenario: string;
  readonly goal: number;
  readonly target: TargetResult;
  readonly levers: readonly LeverResult[];
  /** The levers that reached the goal alone, moved together (null: fewer than two reached it). */
  readonly package?: LeverPackage | null;
  /** The year-by-year growth needed (null when no shift within ±30 pp reaches the goal). */
  readonly growthPath?: GrowthPathNeeded | null;
  /** Growth-accounting scenarios: each lever's answer at capital share α 0.4, 0.5 and 0.6. */
  readonly byAlpha?: readonly { readonly alpha: number; readonly levers: readonly { readonly key: string; readonly status: LeverResult['status']; readonly value: number | null }[] }[];
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
  request: {
    readonly target: string;
    readonly goal: number;
    readonly levers?: readonly string[];
    readonly model?: string;
    /** Also the package, the growth path needed and the answers at α 0.4-0.6 (several times the work; the CLI asks for them). */
    readonly extras?: boolean;
    /** Only the package of the extras (the dashboard's g: cheaper than every extra). */
    readonly withPackage?: boolean;
  },
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
  const levers = keys.map((key) => {
    const l = seekLever(scenario, key, goal, probabilityAt);
    return { ...l, context: l.value === null ? null : leverContext(scenario, first, key, l.value) };
  });
  const extras = request.extras === true;
  const pkg = extras || request.withPackage === true ? leverPackage(scenario, levers, goal, (s) => judge(s).targets[0]!.probability ?? 0, first) : null;
  const growthPath = extras ? growthNeeded(scenario, first, target, goal, (s) => judge(s).targets[0]!.probability ?? 0) : null;
  const alphaKnown = extras && scenario.growth.mode === 'accounting' && scenario.assumptions.capitalShare !== undefined;
  const byAlpha = alphaKnown
    ? ALPHA_RANGE.map((alpha) => {
        const s = withAssumption(scenario, 'capitalShare', alpha);
        const at = (key: string, value: number): number => judge(withAssumption(s, key, value)).targets[0]!.probability ?? 0;
        return { alpha, levers: keys.filter((k) => k !== 'capitalShare').map((key) => { const l = seekLever(s, key, goal, at); return { key, status: l.status, value: l.value }; }) };
      })
    : undefined;
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
    package: pkg,
    growthPath,
    ...(byAlpha ? { byAlpha } : {}),
  };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Where `total` stands against a history: best year, recent average (the last three figures), a ceiling. */
function placed(what: string, total: number, unit: string, history: readonly { year: number; value: number }[], plausibleMax: number | null, ratioToBest: boolean): LeverContext {
  const sorted = [...history].sort((a, b) => a.year - b.year);
  const best = sorted.length ? sorted.reduce((b, x) => (x.value > b.value ? x : b)) : null;
  const last = sorted.slice(-3);
  const recent = last.length ? { from: last[0]!.year, to: last[last.length - 1]!.year, value: mean(last.map((x) => x.value)) } : null;
  const u = unit.startsWith('%') ? unit : ` ${unit}`;
  let verdict: LeverContext['verdict'];
  let text: string;
  if (plausibleMax !== null && total > plausibleMax) {
    verdict = 'beyond anything plausible';
    text = `beyond anything plausible (above ${fmt(plausibleMax)}${u}${best ? `; best year ${fmt(best.value)}${u} in ${best.year}` : ''})`;
  } else if (!best) {
    verdict = 'no history';
    text = 'no history to compare with';
  } else if (total > best.value) {
    verdict = 'beyond the best year';
    text = ratioToBest && best.value > 0 ? `beyond the best year (${(total / best.value).toFixed(1)}× ${best.year})` : `beyond the best year (${fmt(best.value)}${u} in ${best.year})`;
  } else {
    verdict = 'within the range seen';
    text = `within the range seen (best ${fmt(best.value)}${u} in ${best.year})`;
  }
  return { what: `${what} ${fmt(total)}${u}`, total, unit, best, recent, plausibleMax, verdict, text };
}

/**
 * A needed lever value in the region's terms: the investment rate it means against the data's
 * investment shares (ceiling PLAUSIBLE_INVESTMENT_RATE), or the total against the lever's
 * reference history (scenario file); null for levers without either.
 */
export function leverContext(scenario: Scenario, report: TargetsReport, key: string, value: number): LeverContext | null {
  const a = scenario.assumptions[key];
  if (!a) return null;
  const acc = report.scenario.accounting;
  if (key === 'investmentRateExtra' && acc) {
    const history = (acc.investmentRates ?? []).map((x) => ({ year: x.year, value: x.rate }));
    return placed('investment', acc.initialInvestmentRate + value, '% of GRDP', history, PLAUSIBLE_INVESTMENT_RATE, false);
  }
  const ref = a.reference;
  if (ref) {
    const history = Object.entries(ref.values).map(([y, v]) => ({ year: Number(y), value: v }));
    const latest = [...history].sort((x, y) => y.year - x.year)[0]!;
    const total = ref.base === 'latest' ? latest.value + value : value;
    return placed(ref.label, total, ref.unit, history, ref.plausibleMax ?? null, true);
  }
  return null;
}

/**
 * The levers that reached the goal alone, moved together: each to current + s · (its own answer −
 * current), the smallest s in (0, 1] that reaches the goal (bisection; P rises with s since every
 * lever raises it). Null when fewer than two levers reached the goal alone.
 */
function leverPackage(scenario: Scenario, levers: readonly LeverResult[], goal: number, probabilityOf: (s: Scenario) => number, report: TargetsReport): LeverPackage | null {
  const parts = levers.filter((l) => l.status === 'reached' && l.value !== null && l.value !== l.current);
  if (parts.length < 2) return null;
  const at = (scale: number): Scenario => parts.reduce((s, l) => withAssumption(s, l.key, l.current + scale * (l.value! - l.current)), scenario);
  let lo = 0;
  let hi = 1;
  let pHi = probabilityOf(at(1));
  if (pHi < goal) return null;
  for (let i = 0; i < 30 && hi - lo > 0.001; i += 1) {
    const mid = (lo + hi) / 2;
    const p = probabilityOf(at(mid));
    if (p >= goal) {
      hi = mid;
      pHi = p;
    } else lo = mid;
  }
  return {
    scale: hi,
    probability: pHi,
    levers: parts.map((l) => {
      const value = l.current + hi * (l.value! - l.current);
      return { key: l.key, label: l.label, unit: l.unit, value, resolution: l.resolution, context: leverContext(scenario, report, l.key, value) };
    }),
  };
}

/**
 * The growth path needed: the scenario's mean growth moved by the same shift s every year from the
 * first forecast year to the target's last, the smallest s (to 0.01 pp) at which P reaches the goal.
 */
function growthNeeded(scenario: Scenario, report: TargetsReport, target: TargetResult, goal: number, probabilityOf: (s: Scenario) => number): GrowthPathNeeded | null {
  const end = target.years[1];
  const outlook = report.growth.outlook.filter((g) => g.year <= end);
  if (outlook.length === 0) return null;
  const shifted = (x: number): Scenario => ({ ...scenario, shocks: { ...scenario.shocks, ...Object.fromEntries(outlook.map((g) => [String(g.year), (scenario.shocks[String(g.year)] ?? 0) + x])) } });
  let lo = -30;
  let hi = 30;
  let pHi = probabilityOf(shifted(hi));
  if (pHi < goal || probabilityOf(shifted(lo)) >= goal) return null;
  while (hi - lo > 0.005) {
    const mid = (lo + hi) / 2;
    const p = probabilityOf(shifted(mid));
    if (p >= goal) {
      hi = mid;
      pHi = p;
    } else lo = mid;
  }
  const history = report.growth.history;
  const best = history.length ? history.reduce((b, h) => (h.value > b.value ? h : b)) : null;
  const last = history.slice(-5);
  return {
    shift: hi,
    probability: pHi,
    years: outlook.map((g) => ({ year: g.year, now: g.mean, needed: g.mean + hi })),
    bestYear: best ? { year: best.year, value: best.value } : null,
    recent: last.length ? { from: last[0]!.year, to: last[last.length - 1]!.year, value: mean(last.map((h) => h.value)) } : null,
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
    // The grid value next to the crossing on the side that meets the goal: fails and meets lie
    // within half a grid step, so at most one grid value lies between them; P there is checked,
    // not assumed (P is monotone in the lever, so the grid value beyond it meets the goal).
    const next = rising ? Math.ceil(fails / resolution + 1e-9) * resolution : Math.floor(fails / resolution - 1e-9) * resolution;
    const clamp = (v: number): number => Number(Math.min(a.max, Math.max(a.min, v)).toFixed(12));
    const between = rising ? next <= meets : next >= meets;
    if (!between) {
      const value = clamp(next);
      const probability = value === meets ? pMeets : at(value);
      if (probability >= goal) return { ...base, status: 'reached', direction, value, probability, best };
      return { ...base, status: 'reached', direction, value: meets, probability: pMeets, best };
    }
    const pNext = at(clamp(next));
    if (pNext >= goal) return { ...base, status: 'reached', direction, value: clamp(next), probability: pNext, best };
    const beyond = clamp(rising ? next + resolution : next - resolution);
    const pBeyond = at(beyond);
    if (pBeyond >= goal) return { ...base, status: 'reached', direction, value: beyond, probability: pBeyond, best };
    return { ...base, status: 'reached', direction, value: meets, probability: pMeets, best };
  } catch (e) {
    return { ...base, status: 'failed', direction, value: null, probability: null, best, note: (e as Error).message };
  }
}
