// Sensitivity on Hai Phong's shipped data (1,000 paths): every cell and bar is checked against its
// definition (P judged directly under that scenario, model or assumption value), and the signs
// and zeros the mechanics imply are checked by hand, not against a remembered number.
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { ModelError, UsageError } from '../../src/core/errors.js';
import { withAssumption } from '../../src/report/goal-seek.js';
import { SENSITIVITY_MODELS, sensitivity, type SensitivityReport } from '../../src/report/sensitivity.js';
import type { TargetsEngine } from '../../src/report/targets-report.js';
import type { Scenario } from '../../src/scenarios/types.js';

let ws: Workspace;
let accounting: Scenario;
let report: SensitivityReport;
const probability = (s: Scenario, model?: string): number | null => ws.engine.report(s, { only: ['DH1-01'], model }).targets[0]!.probability;

beforeAll(async () => {
  ws = await openWorkspace({ region: 'haiphong', env: {}, version: 'test', paths: 1000 });
  accounting = ws.scenario('growth-accounting');
  report = sensitivity(ws.engine, { target: 'DH1-01', scenario: accounting, scenarios: ws.scenarios() });
});

describe('sensitivity: the scenario × model table', () => {
  it("has one row per region scenario (in the region's order) and one cell per model", () => {
    expect(report.table.map((r) => r.scenario)).toEqual(ws.scenarioNames());
    expect(report.models).toEqual(SENSITIVITY_MODELS);
    for (const row of report.table) expect(row.cells.map((c) => c.model)).toEqual([...SENSITIVITY_MODELS]);
    expect(report.table.filter((r) => r.chosen).map((r) => r.scenario)).toEqual(['growth-accounting']);
  });

  it('each cell is P judged directly under its scenario and model; auto is what `targets` judges (no model named)', () => {
    for (const row of report.table) {
      const s = ws.scenario(row.scenario);
      for (const c of row.cells) expect(c.probability, `${row.scenario}/${c.model}`).toBe(probability(s, c.model === 'auto' ? undefined : c.model));
    }
    const auto = report.table.find((r) => r.scenario === 'baseline')!.cells[0]!;
    // The baseline forecasts growth with local-mean, the verdict benchmark's model (GROWTH_MODEL).
    expect(auto.ran).toBe('local-mean');
  });

  it('a row\'s spread is its highest P minus its lowest', () => {
    for (const row of report.table) {
      const ps = row.cells.map((c) => c.probability!);
      expect(row.spread).toBeCloseTo(Math.max(...ps) - Math.min(...ps), 12);
    }
  });

  it('records a model that cannot run as a failed cell, not a crash of the whole table', () => {
    const failing: TargetsEngine = {
      ...ws.engine,
      report: (s, o) => {
        if (o?.model === 'drift') throw new ModelError('drift needs at least 3 observations', 'drift');
        return ws.engine.report(s, o);
      },
    };
    const r = sensitivity(failing, { target: 'DH1-01', scenario: accounting, scenarios: [accounting] });
    const drift = r.table[0]!.cells.find((c) => c.model === 'drift')!;
    expect(drift).toMatchObject({ probability: null, verdict: null, ran: null, note: 'drift needs at least 3 observations' });
    expect(r.table[0]!.cells.filter((c) => c.probability !== null)).toHaveLength(SENSITIVITY_MODELS.length - 1);
  });
});

describe('sensitivity: the tornado', () => {
  const bar = (key: string) => report.tornado.bars.find((b) => b.key === key)!;

  it('moves every assumption of the scenario once each way, and P now is the target\'s P', () => {
    expect(report.tornado.bars.map((b) => b.key).sort()).toEqual(Object.keys(accounting.assumptions).sort());
    expect(report.tornado.probability).toBe(report.target.probability);
    expect(report.tornado.probability).toBe(probability(accounting));
  });

  it('each move is P at current ∓ step, judged directly, minus P now', () => {
    for (const b of report.tornado.bars) {
      for (const m of [b.down, b.up]) {
        if (m.delta === null) continue;
        const p = probability(withAssumption(accounting, b.key, m.value))!;
        expect(m.probability, `${b.key}=${m.value}`).toBe(p);
        expect(m.delta).toBeCloseTo(p - report.tornado.probability, 12);
      }
    }
    // tfpExtra: 0 ± its step 0.1 (models/scenarios/growth-accounting.json).
    expect([bar('tfpExtra').down.value, bar('tfpExtra').up.value]).toEqual([-0.1, 0.1]);
    // capitalShare 0.4 ± 0.05, without the binary residue (0.4 − 0.05 = 0.35000000000000003).
    expect([bar('capitalShare').down.value, bar('capitalShare').up.value]).toEqual([0.35, 0.45]);
  });

  it('signs: more extra FDI, TFP, labour or investment cannot lower P; less cannot raise it', () => {
    // Each lever adds growth to every path in every year (growth accounting): P(average ≥ 13%) is monotone in it.
    for (const key of ['extraFdi', 'tfpExtra', 'labourGrowthExtra', 'investmentRateExtra']) {
      expect(bar(key).up.delta!, key).toBeGreaterThanOrEqual(0);
      if (bar(key).down.delta !== null) expect(bar(key).down.delta!, key).toBeLessThanOrEqual(0);
    }
    expect(bar('tfpExtra').up.delta!).toBeGreaterThan(0);
    expect(bar('tfpExtra').down.delta!).toBeLessThan(0);
  });

  it('a lever at the end of its range does not move that way: extra FDI is 0, its minimum', () => {
    expect(bar('extraFdi').current).toBe(0);
    expect(bar('extraFdi').down).toEqual({ value: 0, probability: null, delta: null, note: 'at the end of its range' });
  });

  it('zeros by hand: prices and population do not move real growth; α does not while no lever is moved', () => {
    // DH1-01 is real GRDP growth: the deflator, the exchange rate and population growth only enter nominal and per-capita US$ figures.
    for (const key of ['deflator', 'fxChange', 'populationGrowth']) expect([bar(key).down.delta, bar(key).up.delta], key).toEqual([0, 0]);
    // With every lever at 0, TFP is the residual that makes the model reproduce 2020-2024 growth at any α
    // (g = TFP + α·gK + (1 − α)·gL with gK = g): changing α changes TFP, not growth.
    expect([bar('capitalShare').down.delta, bar('capitalShare').up.delta]).toEqual([0, 0]);
  });

  it('bars are sorted by swing, the widest first; swing = max(0, ΔP down, ΔP up) − min(0, ΔP down, ΔP up)', () => {
    const swings = report.tornado.bars.map((b) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const b of report.tornado.bars) {
      const d = [0, b.down.delta ?? 0, b.up.delta ?? 0];
      expect(b.swing).toBeCloseTo(Math.max(...d) - Math.min(...d), 12);
    }
    expect(report.tornado.bars[0]!.key).toBe('tfpExtra');
  });

  it('steps multiplies each step, clamped to the range: 100 steps of tfpExtra (0.1) reach its bounds ±5', () => {
    const r = sensitivity(ws.engine, { target: 'DH1-01', scenario: accounting, scenarios: [accounting], steps: 100 });
    const tfp = r.tornado.bars.find((b) => b.key === 'tfpExtra')!;
    expect([tfp.down.value, tfp.up.value, tfp.step]).toEqual([-5, 5, 10]);
    // The mean path 10.18%/yr (scenario growth-accounting) + 5 = 15.18 is above DH1-01's 13%: P over a half;
    // − 5 = 5.18 is 7.8 points below it, several of the paths' spreads: P under 1%.
    expect(tfp.up.probability!).toBeGreaterThan(0.5);
    expect(tfp.down.probability!).toBeLessThan(0.01);
  });

  it('a scenario with --set edits: its row and the tornado start from the edited value', () => {
    const edited = withAssumption(accounting, 'tfpExtra', 1);
    const r = sensitivity(ws.engine, { target: 'DH1-01', scenario: edited, scenarios: ws.scenarios() });
    const row = r.table.find((x) => x.chosen)!;
    expect(row.cells[0]!.probability).toBe(probability(edited));
    expect(row.cells[0]!.probability).toBeGreaterThan(report.target.probability!);
    expect(r.tornado.bars.find((b) => b.key === 'tfpExtra')!.down.value).toBe(0.9);
  });
});

describe('sensitivity: what it refuses', () => {
  it.each([
    ['an unknown target', 'NO-SUCH', 1, /unknown target 'NO-SUCH'/],
    ['a target whose period has passed', 'R45-04', 1, /R45-04 has no probability to vary: its period has passed \(missed\)/],
    ['steps of 0', 'DH1-01', 0, /--steps 0 must be a positive number/],
  ])('%s', (_what, target, steps, message) => {
    expect(() => sensitivity(ws.engine, { target, scenario: accounting, scenarios: [accounting], steps })).toThrow(UsageError);
    expect(() => sensitivity(ws.engine, { target, scenario: accounting, scenarios: [accounting], steps })).toThrow(message);
  });
});
