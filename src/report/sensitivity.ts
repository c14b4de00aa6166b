/**
 * How much the answer depends on choices: the probability of meeting one target under every
 * scenario and growth model (a scenario × model table), and a tornado of the chosen scenario's
 * assumptions, each moved a plausible step down and up, the others held.
 *
 * Every P is read off the engine's simulated paths with the same seed (common random numbers), so
 * a ΔP in the tornado is the assumption's effect, not Monte Carlo noise. The growth models differ
 * in their paths' mean (a `forecast` scenario takes it from the model) and in their spread (every
 * scenario keeps the model's spread around its own mean path).
 */
import { TargetcastError, UsageError } from '../core/errors.js';
import type { Scenario } from '../scenarios/types.js';
import type { TargetResult } from '../targets/types.js';
import type { Provenance } from './forecast-report.js';
import { withAssumption } from './goal-seek.js';
import type { TargetsEngine } from './targets-report.js';

/**
 * The growth models the table compares: `auto` (what `targetcast targets` uses: the scenario's own
 * model if it names one, else local-mean, the verdict benchmark's choice), and four simple ones
 * that bracket it: a random walk, a random walk with drift, growth-reverting AR(1) and the median
 * combination (src/models/registry.ts).
 */
export const SENSITIVITY_MODELS = ['auto', 'naive', 'drift', 'ar1', 'combo'] as const;

/** One step: the assumption's own `step` (the dashboard's ←/→) times this, unless asked otherwise. */
export const DEFAULT_STEPS = 1;

export interface SensitivityCell {
  readonly model: string;
  /** P(target met); null when the model cannot run on this history (see note). */
  readonly probability: number | null;
  readonly probabilitySe: number | null;
  readonly verdict: TargetResult['verdict'] | null;
  /** The model that ran (local-mean for auto, or the fallback for a series too short). */
  readonly ran: string | null;
  readonly note: string | null;
}

export interface SensitivityRow {
  readonly scenario: string;
  /** True for the scenario the tornado moves (with the user's --set edits, if any). */
  readonly chosen: boolean;
  readonly cells: readonly SensitivityCell[];
  /** Highest minus lowest P across the row's models (null with fewer than two P). */
  readonly spread: number | null;
}

/** One move of an assumption: the value tried, P there and its difference from P now (null: at the range's end, no move). */
export interface TornadoMove {
  readonly value: number;
  readonly probability: number | null;
  readonly delta: number | null;
  readonly note: string | null;
}

export interface TornadoBar {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly current: number;
  readonly min: number;
  readonly max: number;
  /** The move each way: the assumption's step × steps. */
  readonly step: number;
  readonly down: TornadoMove;
  readonly up: TornadoMove;
  /** Width of the bar: max(0, ΔP down, ΔP up) − min(0, ΔP down, ΔP up). */
  readonly swing: number;
}

export interface SensitivityReport extends Provenance {
  readonly schemaVersion: 1;
  readonly kind: 'sensitivity';
  readonly paths: number;
  /** The target as judged under the chosen scenario with the auto model. */
  readonly target: TargetResult;
  readonly scenario: string;
  readonly models: readonly string[];
  readonly table: readonly SensitivityRow[];
  readonly tornado: {
    readonly scenario: string;
    /** Multiple of each assumption's own step moved each way. */
    readonly steps: number;
    readonly probability: number;
    /** Widest swing first; assumptions whose moves do not change P come last, by key. */
    readonly bars: readonly TornadoBar[];
  };
}

/** Rounds away the binary residue of value ± step (0.4 − 0.05 = 0.35000000000000003). */
const tidy = (x: number): number => Number.parseFloat(x.toPrecision(12));

/**
 * @throws UsageError for an unknown target, a target that is not open, or steps ≤ 0
 */
export function sensitivity(
  engine: TargetsEngine,
  request: {
    readonly target: string;
    /** The scenario the tornado moves; its row in the table uses it as given (with edits). */
    readonly scenario: Scenario;
    /** Every scenario of the table's rows, in order (the chosen one is replaced by `scenario`). */
    readonly scenarios: readonly Scenario[];
    readonly models?: readonly string[];
    readonly steps?: number;
  },
): SensitivityReport {
  const steps = request.steps ?? DEFAULT_STEPS;
  if (!(steps > 0 && Number.isFinite(steps))) throw new UsageError(`sensitivity: --steps ${steps} must be a positive number (e.g. 2)`);
  const models = request.models ?? SENSITIVITY_MODELS;
  const chosen = request.scenario;
  const judge = (s: Scenario): TargetResult | undefined => engine.report(s, { only: [request.target] }).targets[0];
  const base = engine.report(chosen, { only: [request.target] });
  const target = base.targets[0];
  if (!target) throw new UsageError(`unknown target '${request.target}' (see targetcast targets --all for the ids)`);
  if (target.status !== 'open' || target.probability === null) {
    const why = target.status === 'past' ? `its period has passed (${target.verdict})` : (target.note ?? 'it is not judged');
    throw new UsageError(`target ${target.id} has no probability to vary: ${why}`);
  }

  const cell = (s: Scenario, model: string): SensitivityCell => {
    try {
      const report = engine.report(s, { only: [request.target], model: model === 'auto' ? undefined : model });
      const r = report.targets[0];
      return { model, probability: r?.probability ?? null, probabilitySe: r?.probabilitySe ?? null, verdict: r?.verdict ?? null, ran: report.growth.model, note: r && r.probability === null ? (r.note ?? null) : null };
    } catch (e) {
      // A model that cannot run on this history, or a scenario the data cannot carry, is a recorded failure of that cell.
      if (e instanceof TargetcastError) return { model, probability: null, probabilitySe: null, verdict: null, ran: null, note: e.message };
      throw e;
    }
  };
  const listed = request.scenarios.some((s) => s.name === chosen.name);
  const rows = [...request.scenarios.map((s) => (s.name === chosen.name ? chosen : s)), ...(listed ? [] : [chosen])].map((s): SensitivityRow => {
      const cells = models.map((m) => cell(s, m));
      const ps = cells.map((c) => c.probability).filter((p): p is number => p !== null);
      return { scenario: s.name, chosen: s === chosen, cells, spread: ps.length >= 2 ? tidy(Math.max(...ps) - Math.min(...ps)) : null };
    });

  const p0 = target.probability;
  const move = (key: string, value: number, current: number): TornadoMove => {
    if (value === current) return { value, probability: null, delta: null, note: 'at the end of its range' };
    try {
      const p = judge(withAssumption(chosen, key, value))?.probability ?? null;
      return { value, probability: p, delta: p === null ? null : tidy(p - p0), note: null };
    } catch (e) {
      if (e instanceof TargetcastError) return { value, probability: null, delta: null, note: e.message };
      throw e;
    }
  };
  const bars = Object.entries(chosen.assumptions)
    .map(([key, a]): TornadoBar => {
      const step = tidy(a.step * steps);
      const down = move(key, tidy(Math.max(a.min, a.value - step)), a.value);
      const up = move(key, tidy(Math.min(a.max, a.value + step)), a.value);
      const deltas = [0, down.delta ?? 0, up.delta ?? 0];
      return { key, label: a.label, unit: a.unit, current: a.value, min: a.min, max: a.max, step, down, up, swing: tidy(Math.max(...deltas) - Math.min(...deltas)) };
    })
    .sort((x, y) => y.swing - x.swing || x.key.localeCompare(y.key));

  return {
    schemaVersion: 1,
    kind: 'sensitivity',
    tool: base.tool,
    seed: base.seed,
    input: base.input,
    paths: base.paths,
    target,
    scenario: chosen.name,
    models,
    table: rows,
    tornado: { scenario: chosen.name, steps, probability: p0, bars },
  };
}
