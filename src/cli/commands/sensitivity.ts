/** `targetcast sensitivity`: P of one target by scenario and growth model, and a tornado of the scenario's assumptions. */
import { UsageError } from '../../core/errors.js';
import { shortGoal } from '../../report/format-target.js';
import { DEFAULT_STEPS, SENSITIVITY_MODELS, sensitivity, type SensitivityReport, type TornadoBar, type TornadoMove } from '../../report/sensitivity.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Format, type Io } from '../io.js';
import { asciiWanted, renderTable, textWriter, wrap } from '../table.js';
import { FORMAT_FLAGS, workspaceFor } from './shared.js';
import { SCENARIO_FLAGS } from './targets.js';

/** The scenario with levers, as goal-seek: the tornado of a plain forecast has no growth assumptions to move. */
const DEFAULT_SCENARIO = 'growth-accounting';

/** Characters each side of the tornado's axis. */
const HALF = 12;

export const sensitivitySpec: CommandSpec = {
  name: 'sensitivity',
  short: 'how P of one target moves with scenario, model and each assumption',
  usage: 'targetcast sensitivity TARGET [--scenario NAME] [--set KEY=VALUE…] [--steps K] [--json|--csv] [--ascii]',
  summary:
    `For one open target: P(met) under every scenario of the region and growth model (${SENSITIVITY_MODELS.join(', ')}; auto is what targetcast targets uses), then a tornado: each assumption of the scenario moved K of its own steps down and up (within its range), the others held, the change in P, widest swing first. Every P comes from the same simulated paths (one seed), so a change is the assumption's, not noise.`,
  flags: [
    { name: 'scenario', type: 'string', value: 'NAME', help: `the scenario whose assumptions the tornado moves (default ${DEFAULT_SCENARIO}); its row of the table carries --set edits` },
    { name: 'steps', type: 'string', value: 'K', help: `move each assumption K times its own step each way (default ${DEFAULT_STEPS}; decimals allowed)` },
    ...SCENARIO_FLAGS,
    ...FORMAT_FLAGS,
    { name: 'ascii', type: 'boolean', help: 'ASCII characters only in the text output (also with TERM=dumb)' },
  ],
  examples: ['targetcast sensitivity DH1-01', 'targetcast sensitivity KH2630-02 --scenario investment-push --steps 4', 'targetcast sensitivity DH1-01 --csv'],
};

const pct = (p: number | null): string => (p === null ? '' : (100 * p).toFixed(1));
/** ΔP in points: one decimal, two below a tenth of a point (so a change of a few paths does not read +0.0). */
const points = (d: number): string => {
  const x = Math.abs(100 * d);
  return `${d > 0 ? '+' : d < 0 ? '-' : ''}${x.toFixed(x > 0 && x < 0.1 ? 2 : 1)}`;
};
/** An assumption's value as tried (already rounded to 12 significant digits by the report). */
const valueText = (v: number): string => String(v);

function moveText(m: TornadoMove, bar: TornadoBar): string {
  if (m.delta !== null) return points(m.delta);
  if (m.value === bar.current) return m.value === bar.min ? 'at min' : 'at max';
  return 'fails';
}

/** The bar: ΔP of the move down drawn with `down`, of the move up with `up`, from the axis outwards (the longer first). */
function tornadoBar(bar: TornadoBar, scale: number, glyphs: { readonly down: string; readonly up: string; readonly axis: string }): string {
  const cells = Array.from({ length: 2 * HALF + 1 }, () => ' ');
  cells[HALF] = glyphs.axis;
  const moves = [
    { d: bar.down.delta ?? 0, g: glyphs.down },
    { d: bar.up.delta ?? 0, g: glyphs.up },
  ].sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
  for (const { d, g } of moves) {
    if (d === 0 || scale === 0) continue;
    // A move that changes P at all gets at least one character.
    const n = Math.min(HALF, Math.max(1, Math.round((Math.abs(d) / scale) * HALF)));
    for (let i = 1; i <= n; i += 1) cells[d < 0 ? HALF - i : HALF + i] = g;
  }
  return cells.join('');
}

function renderText(report: SensitivityReport, ascii: boolean): string {
  const t = report.target;
  const glyphs = ascii ? { down: '=', up: '#', axis: '|' } : { down: '░', up: '█', axis: '│' };
  const all = report.table.flatMap((r) => r.cells.map((c) => ({ scenario: r.scenario, ...c }))).filter((c) => c.probability !== null);
  const lo = all.reduce((a, b) => (b.probability! < a.probability! ? b : a), all[0]!);
  const hi = all.reduce((a, b) => (b.probability! > a.probability! ? b : a), all[0]!);
  const head = [
    `Sensitivity of ${t.id} ${t.indicator} ${t.when} ${shortGoal(t, t.unit)} (${t.basis}${t.proxy ? ', proxy' : ''}): P(met) in %, seed ${report.seed}, ${report.paths} paths.`,
    `Scenario ${report.scenario}, model auto: P ${pct(t.probability)}% (${t.verdict}). Across scenarios and models P runs from ${pct(lo.probability)}% (${lo.scenario}, ${lo.model}) to ${pct(hi.probability)}% (${hi.scenario}, ${hi.model}).`,
  ];
  const table = renderTable(
    [{ header: 'SCENARIO', max: 22 }, ...report.models.map((m) => ({ header: m, align: 'right' as const })), { header: 'SPREAD', align: 'right' }],
    report.table.map((r) => [`${r.scenario}${r.chosen ? '*' : ''}`, ...r.cells.map((c) => (c.probability === null ? 'fails' : pct(c.probability))), r.spread === null ? '' : pct(r.spread)]),
    { ascii, width: 80 },
  );
  const failed = report.table.flatMap((r) => r.cells.filter((c) => c.probability === null).map((c) => `${r.scenario} under ${c.model}: ${c.note ?? 'no probability'}`));
  const autoRan = [...new Set(report.table.map((r) => r.cells.find((c) => c.model === 'auto')?.ran).filter((x): x is string => Boolean(x)))];
  const tableNotes = [
    `*: the scenario the tornado moves. auto: the scenario's own model, else the default (${autoRan.join(', ') || 'local-mean'}), as targetcast targets. SPREAD: highest minus lowest P in the row, in points.`,
    ...failed,
  ];
  const tor = report.tornado;
  const scale = Math.max(0, ...tor.bars.flatMap((b) => [Math.abs(b.down.delta ?? 0), Math.abs(b.up.delta ?? 0)]));
  const tornado = renderTable(
    [{ header: 'ASSUMPTION', max: 19 }, { header: 'DOWN → UP', align: 'right', max: 17 }, { header: 'ΔP DOWN', align: 'right' }, { header: 'ΔP UP', align: 'right' }, { header: `${'-'.padEnd(HALF)}0${'+'.padStart(HALF)}` }],
    tor.bars.map((b) => [b.key, `${valueText(b.down.value)} → ${valueText(b.up.value)}`, moveText(b.down, b), moveText(b.up, b), tornadoBar(b, scale, glyphs)]),
    { ascii, width: 80 },
  );
  const stepWords = tor.steps === 1 ? 'one step (its own)' : `${tor.steps} of its own steps`;
  const torHead = `Tornado: each assumption of ${tor.scenario} moved ${stepWords} down and up within its range, the others held; ΔP in points from ${pct(tor.probability)}%.`;
  const legend = `${glyphs.down}: the move down, ${glyphs.up}: the move up; ${HALF} characters = ${scale > 0 ? `${(100 * scale).toFixed(1)} points` : 'no change'}. --steps K moves K steps; --set KEY=VALUE starts elsewhere.`;
  const broken = tor.bars.flatMap((b) => [b.down, b.up].filter((m) => m.note && m.value !== b.current).map((m) => `${b.key} = ${valueText(m.value)}: ${m.note}`));
  return `${wrap(head.join('\n'))}\n\n${table}\n${wrap(tableNotes.join('\n'))}\n\n${wrap(torHead)}\n${tornado}\n${wrap([legend, ...broken].join('\n'))}\n`;
}

/** The CSV is long: one row per P, the table's (part table) and the tornado's (part tornado, move down or up). */
export function renderSensitivity(report: SensitivityReport, format: Format, stamp: string | null, ascii = false): string {
  if (format === 'json') return jsonDocument(report, stamp);
  if (format === 'csv') {
    const id = report.target.id;
    return toCsv(
      ['part', 'target', 'scenario', 'model', 'assumption', 'move', 'current', 'value', 'probability', 'probability_se', 'delta', 'verdict', 'note'],
      [
        ...report.table.flatMap((r) => r.cells.map((c) => ['table', id, r.scenario, c.model, null, null, null, null, c.probability, c.probabilitySe, null, c.verdict, c.note])),
        ...report.tornado.bars.flatMap((b) =>
          (['down', 'up'] as const).map((dir) => {
            const m = b[dir];
            return ['tornado', id, report.tornado.scenario, 'auto', b.key, dir, b.current, m.value, m.probability, null, m.delta, null, m.note];
          }),
        ),
      ],
    );
  }
  return renderText(report, ascii);
}

export async function runSensitivity(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  const [target, ...rest] = positionals;
  if (target === undefined) throw new UsageError('sensitivity: name a target (e.g. targetcast sensitivity DH1-01; targetcast targets lists them)');
  if (rest.length > 0) throw new UsageError(`sensitivity: takes one target, got ${positionals.length}`);
  const raw = flags.steps === undefined ? String(DEFAULT_STEPS) : String(flags.steps);
  const steps = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(steps) || steps <= 0 || steps > 1000) throw new UsageError(`sensitivity: --steps '${raw.slice(0, 40)}' must be a positive number up to 1000 (e.g. 2)`);
  const ws = await workspaceFor(io, 'sensitivity', flags, version);
  const chosen = ws.scenario(String(flags.scenario ?? DEFAULT_SCENARIO), (flags.set as string[] | undefined) ?? []);
  const report = sensitivity(ws.engine, { target, scenario: chosen, scenarios: ws.scenarioNames().map((n) => (n === chosen.name ? chosen : ws.scenario(n))), steps });
  const format = formatOf(flags);
  const out = renderSensitivity(report, format, io.stamp ?? null, asciiWanted(io, flags));
  io.stdout(format === 'text' ? textWriter(io, flags)(out) : out);
  return 0;
}
