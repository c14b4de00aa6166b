import { UsageError } from '../../core/errors.js';
import type { TargetsReport } from '../../report/targets-report.js';
import type { TargetResult } from '../../targets/types.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Format, type Io } from '../io.js';
import { asciiWanted, renderTable, textWriter, wrap } from '../table.js';
import { doneOrNeed, formatProbability, shortGoal } from '../../report/format-target.js';
import { DATA_FLAG, FORMAT_FLAGS, REGION_FLAG, TARGETS_FLAG, workspaceFor } from './shared.js';

/** Flags every command that judges targets under a scenario takes. */
export const SCENARIO_FLAGS = [
  REGION_FLAG,
  DATA_FLAG,
  TARGETS_FLAG,
  { name: 'set', type: 'string', multiple: true, value: 'KEY=VALUE', help: 'change an assumption, e.g. --set extraFdi=2 or --set shocks.2027=-1' },
  { name: 'seed', type: 'string', value: 'N', help: 'random seed for the simulated paths (default 20251)' },
  { name: 'paths', type: 'string', value: 'N', help: "number of simulated paths, 100-100000 (default: the region's, else 10000; as the dashboard)" },
  { name: 'prior', type: 'string', value: 'CHOICE', help: "growth model's prior: the shipped panel's (Penn World Table) or pooled from the file's regions (default panel)", choices: ['panel', 'pooled'] },
  { name: 'bridge', type: 'string', value: 'CHOICE', help: "fill a basis's missing years with the other basis's figure, its own forecast, or the pro-forma of its parts (default: pro-forma where the region declares one, else other-basis)", choices: ['other-basis', 'forecast', 'pro-forma'] },
] as const;

const SHARED_FLAGS = [
  ...SCENARIO_FLAGS,
  { name: 'all', type: 'boolean', help: 'also list targets that cannot be judged on this data set' },
  { name: 'fail-on', type: 'string', value: 'VERDICT', help: 'exit 3 when any target has this verdict', choices: ['off-track', 'at-risk', 'missed'] },
  ...FORMAT_FLAGS,
  { name: 'ascii', type: 'boolean', help: 'ASCII characters only in the text output (also with TERM=dumb)' },
] as const;

export const targetsSpec: CommandSpec = {
  name: 'targets',
  short: 'can each official target still be met, and with what probability',
  usage: 'targetcast targets [--scenario NAME] [--set KEY=VALUE…] [--all] [--fail-on off-track] [--json|--csv]',
  summary: 'Judge every official target under a scenario: met or missed where the period has passed; otherwise the growth it needs, the probability of meeting it from simulated paths, the year the median path reaches it, and a verdict (on track P ≥ 2/3, at risk, off track P < 1/3).',
  flags: [{ name: 'scenario', type: 'string', value: 'NAME', help: "scenario: the region's own, a generic one or yours (default: the region's, else baseline)" }, ...SHARED_FLAGS],
  examples: ['targetcast targets', 'targetcast targets --scenario investment-push --set extraFdi=2', 'targetcast targets --json --fail-on off-track'],
};

/** The tables of `scenario --csv`, one per run (each CSV stays one rectangle a spreadsheet reads). */
const SCENARIO_CSV_TABLES = ['targets', 'assumptions', 'outlook'] as const;
type ScenarioCsvTable = (typeof SCENARIO_CSV_TABLES)[number];

export const scenarioSpec: CommandSpec = {
  name: 'scenario',
  short: "a scenario's assumptions, growth path and target table",
  usage: 'targetcast scenario NAME [--set KEY=VALUE…] [--json|--csv [--csv-table targets|assumptions|outlook]]',
  summary: 'Show a scenario: its assumptions with their sources, the growth it adds, the growth and per-capita US$ outlook, and the targets judged under it.',
  flags: [
    ...SHARED_FLAGS,
    { name: 'csv-table', type: 'string', value: 'TABLE', help: 'which table the CSV holds: the targets (default), the assumptions, or the outlook by year (implies --csv)', choices: SCENARIO_CSV_TABLES },
  ],
  examples: ['targetcast scenario investment-push', 'targetcast scenario plan --set growth.after=14', 'targetcast scenario growth-accounting --csv-table outlook'],
};

/**
 * `scenario --csv --csv-table assumptions|outlook`: the assumptions (key, value, unit, source) or
 * the outlook by year (growth with its 80%/95% intervals, the points the scenario adds, GRDP per
 * capita in US$), every year the engine forecasts.
 */
function renderScenarioCsv(report: TargetsReport, table: Exclude<ScenarioCsvTable, 'targets'>): string {
  const s = report.scenario;
  if (table === 'assumptions') {
    return toCsv(
      ['scenario', 'key', 'label', 'value', 'unit', 'source', 'note'],
      s.assumptions.map((a) => [s.name, a.key, a.label, a.value, a.unit, a.source, a.note]),
    );
  }
  const added = new Map(s.added.map((a) => [a.year, a]));
  const perCapita = new Map(report.perCapitaUsd.outlook.map((p) => [p.year, p]));
  return toCsv(
    ['scenario', 'year', 'growth_mean', 'growth_median', 'growth_lo80', 'growth_hi80', 'growth_lo95', 'growth_hi95', 'added_shock', 'added_investment', 'added', 'per_capita_usd_mean', 'per_capita_usd_lo80', 'per_capita_usd_hi80'],
    report.growth.outlook.map((g) => {
      const a = added.get(g.year);
      const pc = perCapita.get(g.year);
      return [s.name, g.year, g.mean, g.median, g.lo80, g.hi80, g.lo95, g.hi95, a?.shock ?? null, a?.investment ?? null, a ? a.shock + a.investment : null, pc?.mean ?? null, pc?.lo80 ?? null, pc?.hi80 ?? null];
    }),
  );
}


/** "2021-2030" → "2021-30", to save columns at 80. */
const shortWhen = (when: string): string => when.replace(/^(\d{4})-\d{2}(\d{2})$/, '$1-$2');

const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^Average annual GRDP growth/i, 'Avg growth'],
  [/^Average annual /i, 'Avg '],
  [/^Average /i, 'Avg '],
  [/^State budget revenue/i, 'Budget revenue'],
  [/GRDP per capita/i, 'GRDP/capita'],
  [/Merchandise export/i, 'Export'],
  [/Total social investment/i, 'Investment'],
];
const shortIndicator = (s: string): string => ABBREVIATIONS.reduce((acc, [re, to]) => acc.replace(re, to), s);

/**
 * The id as the table shows it: a proxy is marked ~ and loses its PROXY- prefix, so that the
 * three 2045 proxies stay apart in the column (~2045-HI, ~2045-R45, ~2045-HANOI).
 */
const shownId = (r: TargetResult): string => (r.proxy ? `~${r.id.replace(/^PROXY-/, '')}` : r.id);

function targetRows(results: readonly TargetResult[]): string[][] {
  return results.map((r) => [
    shownId(r),
    shortIndicator(r.indicator),
    shortWhen(r.when),
    shortGoal(r, r.unit),
    doneOrNeed(r),
    formatProbability(r.probability).replace('%', ''),
    r.probabilitySe === null ? '' : (100 * r.probabilitySe).toFixed(1),
    // A provisional past verdict is MET? / MISSED? (the legend says why): 80 columns hold it.
    `${r.verdict.toUpperCase()}${r.provisional ? '?' : ''}${r.borderline ? '*' : ''}`,
  ]);
}

/** Why a target is not judged, wrapped under its row within 80 columns. */
function reasonLines(r: TargetResult): string[] {
  const why = (r.note ?? 'no reason recorded').replace(/^not judged: /, '');
  const indent = ' '.repeat(11);
  return wrap(`why: ${why}`, 80 - indent.length - 5)
    .split('\n')
    .map((l, i) => `${indent}${i === 0 ? '' : '     '}${l}`);
}

/** The legend's line for proxies, naming the first one shown as the table shows it; none when there is no proxy. */
function proxyNote(shown: readonly TargetResult[]): string {
  const p = shown.find((t) => t.proxy);
  return p ? `\n~: proxy, not an official target (${shownId(p)} is ${p.id}).` : '';
}

export function renderTargets(report: TargetsReport, format: Format, all: boolean, stamp: string | null = null, ascii = false): string {
  const shown = all ? report.targets : report.targets.filter((t) => t.status !== 'not judged');
  if (format === 'json') return jsonDocument({ ...report, targets: shown }, stamp);
  if (format === 'csv') {
    return toCsv(
      ['id', 'indicator', 'when', 'threshold', 'basis', 'status', 'verdict', 'actual', 'gap', 'required_growth', 'probability', 'reach_year', 'proxy', 'bridged', 'source', 'note', 'probability_se', 'borderline', 'provisional', 'wording_vi'],
      shown.map((r) => [r.id, r.indicator, r.when, r.threshold, r.basis, r.status, r.verdict, r.actual, r.gap, r.requiredGrowth, r.probability, r.reachYear, r.proxy, r.bridged.join('; '), r.source, r.note, r.probabilitySe, r.borderline, r.provisional, r.wordingVi ?? null]),
    );
  }
  const s = report.scenario;
  const head = [
    `Scenario ${s.name}: ${s.meanPath}`,
    `Bridge: ${report.bridge === 'forecast' ? "a basis's missing years come from its own forecast" : report.bridge === 'pro-forma' ? `years before the merger are a pro-forma of the parts (derived)${report.proForma ? `: ${report.proForma}` : ''}` : "a basis's missing years take the other basis's figure"} (--bridge)`,
    `Growth model ${report.growth.model} on ${report.growth.history.map((h) => `${h.year}`).slice(0, 1)}-${report.growth.history[report.growth.history.length - 1]!.year} (${[...new Set(report.growth.history.map((h) => h.basis))].join(' + ')}); seed ${report.seed}, ${report.paths} paths`,
    ...(report.nowcastsMissing.length ? [`Nowcast ${report.asOf}: none for ${report.nowcastsMissing.join(', ')} (no ${report.asOf} partial-year figure with at least two past years to calibrate it); their ${report.asOf} targets are judged on the forecast`] : []),
    ...report.nowcasts.map((n) => `Nowcast ${n.series} ${n.year} (${n.basis || 'no basis'}): ${n.mean.toFixed(2)} (80% ${n.lo80.toFixed(2)} to ${n.hi80.toFixed(2)}); ${n.note}`),
    ...(report.perCapitaUsd.base
      ? [
          `Per capita: US$${report.perCapitaUsd.base.value.toFixed(0)} in ${report.perCapitaUsd.base.year} (${report.perCapitaUsd.base.reading === 'population' ? 'GDP / population' : 'as published'})${report.perCapitaUsd.otherReading ? `; the other reading gives US$${report.perCapitaUsd.otherReading.value.toFixed(0)} (each per-capita target states its verdict under it)` : ''}${report.perCapitaUsd.reason ? `. Why: ${report.perCapitaUsd.reason}` : ''}`,
        ]
      : []),
    ...(report.prior
      ? [`Prior (--prior ${report.prior.choice}): growth reverts towards ${report.prior.longRunMean.toFixed(1)}%/yr, half-life ${report.prior.halfLifeYears.toFixed(0)} years; ${report.prior.source}`]
      : []),
  ];
  // One table per basis, so that 80 columns hold the rest.
  const bases = [...new Set(shown.map((t) => t.basis))];
  const tables = bases.map((basis) => {
    const rows = shown.filter((t) => t.basis === basis);
    const table = renderTable(
      [
        { header: 'ID', max: 11 },
        { header: 'TARGET', max: 11 },
        { header: 'WHEN', max: 7 },
        { header: 'GOAL', max: 11 },
        { header: 'DONE/NEED', align: 'right', max: 11 },
        { header: 'P%', align: 'right' },
        { header: ascii ? 'SE' : '±', align: 'right' },
        { header: 'VERDICT' },
      ],
      targetRows(rows),
      { ascii },
    );
    // Under --all, the reason a target is not judged goes on the lines under its row.
    const [header, ...lines] = table.split('\n');
    const body = lines.flatMap((line, i) => (rows[i]!.status === 'not judged' ? [line, ...reasonLines(rows[i]!)] : [line]));
    return `Basis ${basis || '(none: the data have no basis column)'}\n${[header, ...body].join('\n')}`;
  });
  const table = tables.join('\n\n');
  const legend =
    `DONE/NEED: achieved and gap for a past period, else growth needed a year\nfrom the last actual. P%: chance of meeting it; ${ascii ? 'SE' : '±'}: its Monte Carlo standard\nerror (points). *: P within 2 SE of 1/3 or 2/3 (another seed could move it).${shown.some((t) => t.provisional) ? '\nMET?/MISSED?: preliminary, decided by less than 1% of the goal on a figure\nthat is not final (an estimate): the final figure may turn it.' : ''}${proxyNote(shown)}`;
  const hidden = report.targets.length - shown.length;
  return `${wrap(head.join('\n'))}\n\n${table}\n\n${legend}${hidden > 0 ? `\n${hidden} targets cannot be judged on this data set (--all lists them with the reason).` : ''}\n`;
}

function renderScenarioText(report: TargetsReport, ascii: boolean): string {
  const s = report.scenario;
  const assumptions = renderTable(
    [{ header: 'KEY' }, { header: 'VALUE', align: 'right' }, { header: 'UNIT' }, { header: 'SOURCE', max: 44 }],
    s.assumptions.map((a) => [a.key, String(a.value), a.unit, a.source ?? a.note ?? 'assumption']),
    { ascii },
  );
  const outlook = renderTable(
    [{ header: 'YEAR' }, { header: 'GROWTH', align: 'right' }, { header: '80% INTERVAL', align: 'right' }, { header: 'ADDED pp', align: 'right' }, { header: 'GRDP/CAP US$', align: 'right' }],
    report.growth.outlook.slice(0, 10).map((g, i) => {
      const added = s.added[i]!;
      const pc = report.perCapitaUsd.outlook[i];
      return [String(g.year), g.mean.toFixed(2), `${g.lo80.toFixed(1)} to ${g.hi80.toFixed(1)}`, (added.shock + added.investment).toFixed(2), pc ? pc.mean.toFixed(0) : ''];
    }),
    { ascii },
  );
  return `${wrap(`${s.name}: ${s.description}`)}\n\n${assumptions}\n\n${outlook}\n\n`;
}

async function run(io: Io, flags: ParsedFlags, name: string | undefined, version: string, withScenario: boolean): Promise<number> {
  const ws = await workspaceFor(io, 'targets', flags, version);
  const scenario = ws.scenario(name ?? ws.defaultScenario, (flags.set as string[] | undefined) ?? []);
  const report = ws.engine.report(scenario);
  const csvTable = withScenario ? (flags['csv-table'] as ScenarioCsvTable | undefined) : undefined;
  if (csvTable && flags.json) throw new UsageError('scenario: --csv-table is for CSV; choose one of --json and --csv-table');
  const format = csvTable ? 'csv' : formatOf(flags);
  const ascii = asciiWanted(io, flags);
  const text = csvTable && csvTable !== 'targets' ? renderScenarioCsv(report, csvTable) : renderTargets(report, format, flags.all === true, io.stamp ?? null, ascii);
  io.stdout(format === 'text' ? textWriter(io, flags)(withScenario ? renderScenarioText(report, ascii) + text : text) : text);
  const failOn = flags['fail-on'] as string | undefined;
  if (failOn && report.targets.some((t) => t.verdict === failOn.replace('-', ' '))) return 3;
  return 0;
}

export function runTargets(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`targets: unexpected argument '${positionals[0]}' (use --scenario NAME)`);
  return run(io, flags, flags.scenario === undefined ? undefined : String(flags.scenario), version, false);
}

export async function runScenario(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  const [name, ...rest] = positionals;
  if (name === undefined) {
    const ws = await workspaceFor(io, 'scenario', flags, version);
    throw new UsageError(`scenario: name a scenario (known: ${ws.scenarioNames().join(', ')})`);
  }
  if (rest.length > 0) throw new UsageError(`scenario: takes one name, got ${positionals.length}`);
  return run(io, flags, name, version, true);
}
