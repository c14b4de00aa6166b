import { UsageError } from '../../core/errors.js';
import { formatLeverValue, formatNeeded, formatSeekProbability } from '../../report/format-lever.js';
import { formatProbability, shortGoal } from '../../report/format-target.js';
import { DEFAULT_LEVERS, goalSeek, type GoalSeekReport } from '../../report/goal-seek.js';
import { ON_TRACK } from '../../targets/types.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Format, type Io } from '../io.js';
import { asciiWanted, renderTable, textWriter, wrap } from '../table.js';
import { FORMAT_FLAGS, workspaceFor } from './shared.js';
import { SCENARIO_FLAGS } from './targets.js';

const DEFAULT_SCENARIO = 'growth-accounting';

export const goalSeekSpec: CommandSpec = {
  name: 'goal-seek',
  short: 'what it would take: the lever value that makes a target likely enough',
  usage: 'targetcast goal-seek TARGET [--probability P] [--lever KEY…] [--scenario NAME] [--set KEY=VALUE…] [--json|--csv]',
  summary:
    `For one open target, each lever of the scenario (${DEFAULT_LEVERS.join(', ')}) moved alone, the others held: the value at which the probability of meeting the target reaches P, found by bisection over the lever's range on the same simulated paths.`,
  flags: [
    { name: 'probability', type: 'string', value: 'P', help: `the probability to reach, between 0 and 1 (default ${ON_TRACK.toFixed(3)}, the on-track threshold)` },
    { name: 'lever', type: 'string', multiple: true, value: 'KEY', help: "only these assumptions (repeat, or comma-separate; any assumption of the scenario)" },
    { name: 'scenario', type: 'string', value: 'NAME', help: `scenario: the region's own, a generic one or yours (default ${DEFAULT_SCENARIO})` },
    ...SCENARIO_FLAGS,
    ...FORMAT_FLAGS,
    { name: 'ascii', type: 'boolean', help: 'ASCII characters only in the text output (also with TERM=dumb)' },
  ],
  examples: ['targetcast goal-seek DH1-01', 'targetcast goal-seek KH2630-02 --probability 0.5 --lever extraFdi', 'targetcast goal-seek DH1-01 --scenario investment-push --json'],
};

export function renderGoalSeek(report: GoalSeekReport, format: Format, stamp: string | null, ascii = false): string {
  if (format === 'json') return jsonDocument(report, stamp);
  if (format === 'csv') {
    return toCsv(
      ['target', 'scenario', 'goal_probability', 'lever', 'label', 'unit', 'current', 'min', 'max', 'status', 'direction', 'value', 'probability', 'best_value', 'best_probability', 'note'],
      report.levers.map((l) => [report.target.id, report.scenario, report.goal, l.key, l.label, l.unit, l.current, l.min, l.max, l.status, l.direction, l.value, l.probability, l.best.value, l.best.probability, l.note]),
    );
  }
  const t = report.target;
  const head = [
    `What it would take: ${t.id} ${t.indicator} ${t.when} ${shortGoal(t, t.unit)} (${t.basis}${t.proxy ? ', proxy' : ''})`,
    `Scenario ${report.scenario}: P now ${formatProbability(t.probability)} (${t.verdict}); goal P ≥ ${formatProbability(report.goal)}. Each lever alone, the others as they are.`,
  ];
  const table = renderTable(
    [{ header: 'LEVER', max: 26 }, { header: 'NOW', align: 'right', max: 16 }, { header: 'NEEDED', align: 'right', max: 24 }, { header: 'P THEN', align: 'right' }],
    report.levers.map((l) => [l.label, formatLeverValue(l.current, l.unit, l.resolution), formatNeeded(l), formatSeekProbability(l.probability, report.goal)]),
    { ascii },
  );
  const notes = [
    ...(report.levers.some((l) => l.status === 'out of range') ? ["'not by X': even at the end of the lever's range P stays below the goal (P THEN is P there)."] : []),
    ...report.levers.filter((l) => l.status === 'failed').map((l) => `${l.key} cannot run over its whole range: ${l.note}`),
  ];
  const placed = report.levers.filter((l) => l.context);
  const history = placed.length
    ? `\nAgainst the region's own history:\n${placed.map((l) => wrap(`- ${l.label}: ${l.context!.what}, ${l.context!.text}${l.context!.recent ? `; recent average ${l.context!.recent.value.toFixed(1)} (${l.context!.recent.from}-${l.context!.recent.to})` : ''}.`)).join('\n')}\n`
    : '';
  const pkg = report.package;
  const packageText = pkg
    ? `\n${wrap(`Package: the levers that reach the goal alone, moved together, need ${(100 * pkg.scale).toFixed(0)}% of each one's own answer (P ${formatSeekProbability(pkg.probability, report.goal)}):`)}\n${pkg.levers.map((l) => wrap(`- ${l.label} ${formatLeverValue(l.value, l.unit, l.resolution)}${l.context ? `: ${l.context.what}, ${l.context.text}` : ''}`)).join('\n')}\n`
    : '';
  const path = report.growthPath;
  const pathText = path
    ? `\n${wrap(`Growth needed: the scenario's path ${path.shift >= 0 ? '+' : ''}${path.shift.toFixed(2)} pp every year to ${path.years[path.years.length - 1]!.year} (P ${formatSeekProbability(path.probability, report.goal)})${path.bestYear ? `; best year on record ${path.bestYear.value.toFixed(2)}% (${path.bestYear.year})` : ''}${path.recent ? `, ${path.recent.from}-${path.recent.to} average ${path.recent.value.toFixed(2)}%` : ''}.`)}\n${renderTable(
        [{ header: 'YEAR' }, { header: 'NOW %', align: 'right' }, { header: 'NEEDED %', align: 'right' }],
        path.years.map((y) => [String(y.year), y.now.toFixed(2), y.needed.toFixed(2)]),
        { ascii },
      )}\n`
    : '';
  const alpha = report.byAlpha
    ? `\n${wrap('The answers depend on the capital share α (the city publishes no labour share) and, more, on the mechanics (targetcast sensitivity; the ICOR rule of investment-push gives other answers):')}\n${renderTable(
        [{ header: 'LEVER', max: 26 }, ...report.byAlpha.map((b) => ({ header: `α ${b.alpha}`, align: 'right' as const, max: 16 }))],
        report.levers.filter((l) => l.key !== 'capitalShare').map((l) => [l.label, ...report.byAlpha!.map((b) => {
          const x = b.levers.find((y) => y.key === l.key);
          return x?.value === null || x === undefined ? (x?.status ?? '') : formatLeverValue(x.value, '', l.resolution);
        })]),
        { ascii },
      )}\n`
    : '';
  return `${wrap(head.join('\n'))}\n\n${table}\n${notes.length ? `\n${wrap(notes.join('\n'))}\n` : ''}${history}${pkg ? packageText : ''}${pathText}${alpha}`;
}

export async function runGoalSeek(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  const [target, ...rest] = positionals;
  if (target === undefined) throw new UsageError('goal-seek: name a target (e.g. targetcast goal-seek DH1-01; targetcast targets lists them)');
  if (rest.length > 0) throw new UsageError(`goal-seek: takes one target, got ${positionals.length}`);
  const raw = flags.probability === undefined ? String(ON_TRACK) : String(flags.probability);
  const goal = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(goal) || goal <= 0 || goal >= 1) throw new UsageError(`goal-seek: --probability '${raw}' must be a number strictly between 0 and 1 (e.g. 0.5)`);
  const levers = ((flags.lever as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const ws = await workspaceFor(io, 'goal-seek', flags, version);
  const scenario = ws.scenario(String(flags.scenario ?? DEFAULT_SCENARIO), (flags.set as string[] | undefined) ?? []);
  const engine = ws.engine;
  const report = goalSeek(engine, scenario, { target, goal, levers: levers.length ? levers : undefined, extras: true });
  const format = formatOf(flags);
  const out = renderGoalSeek(report, format, io.stamp ?? null, asciiWanted(io, flags));
  io.stdout(format === 'text' ? textWriter(io, flags)(out) : out);
  return 0;
}
