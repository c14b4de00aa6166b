/** `targetcast compare`: the regions of a panel side by side on comparable targets, sorted by P. */
import { UsageError } from '../../core/errors.js';
import { compareRegions, GROWTH_KINDS, type CompareReport } from '../../report/compare.js';
import { formatProbability } from '../../report/format-target.js';
import type { TargetKind } from '../../targets/types.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Format, type Io } from '../io.js';
import { asciiWanted, renderTable, textWriter, wrap } from '../table.js';
import { FORMAT_FLAGS, workspaceFor } from './shared.js';
import { SCENARIO_FLAGS } from './targets.js';

const KINDS: readonly TargetKind[] = ['average-growth', 'annual-growth', 'level', 'share', 'count', 'cumulative'];

export const compareSpec: CommandSpec = {
  name: 'compare',
  short: 'regions side by side on comparable targets, sorted by P',
  usage: 'targetcast compare [--region R | --data PANEL.csv --targets FILE] [--kind KIND…] [--json|--csv]',
  summary:
    "Every open target of a panel (a file with several regions, each its own basis), each judged on its own region's forecast as `targetcast targets` judges it, side by side: growth needed, recent growth, P and verdict, the likeliest first. By default the growth targets (average-growth, annual-growth).",
  flags: [
    { name: 'kind', type: 'string', multiple: true, value: 'KIND', help: `target kinds to compare (repeat or comma-separate: ${KINDS.join(', ')}; default ${GROWTH_KINDS.join(', ')})` },
    { name: 'scenario', type: 'string', value: 'NAME', help: "scenario for the region's own growth series (default: the region's, else baseline)" },
    ...SCENARIO_FLAGS,
    ...FORMAT_FLAGS,
    { name: 'ascii', type: 'boolean', help: 'ASCII characters only in the text output (also with TERM=dumb)' },
  ],
  examples: ['targetcast compare --data panel.csv --targets panel-targets.json', 'targetcast compare --region NAME --kind level --json'],
};

const pct = (v: number | null): string => (v === null ? '' : `${v.toFixed(1)}%`);

export function renderCompare(report: CompareReport, format: Format, stamp: string | null, ascii = false): string {
  if (format === 'json') return jsonDocument(report, stamp);
  if (format === 'csv') {
    return toCsv(
      ['region', 'id', 'indicator', 'kind', 'when', 'threshold', 'required_growth', 'recent_growth', 'probability', 'probability_se', 'verdict', 'borderline'],
      report.rows.map((r) => [r.region, r.id, r.indicator, r.kind, r.when, r.threshold, r.requiredGrowth, r.recentGrowth, r.probability, r.probabilitySe, r.verdict, r.borderline]),
    );
  }
  // A basis is a territory: a region of a panel file, or one definition of a region (before or after a merger).
  const bases = report.regions.length <= 4 ? ` (${report.regions.map((r) => r || '(none)').join(', ')})` : '';
  const head = `${report.rows.length} open ${report.rows.length === 1 ? 'target' : 'targets'} (${report.kinds.join(', ')}) on ${report.regions.length} ${report.regions.length === 1 ? 'basis' : 'bases'}${bases}, scenario ${report.scenario}, ${report.paths} paths, seed ${report.seed}; the likeliest first. Each is judged on its own basis's forecast.`;
  if (report.rows.length === 0) return `${wrap(head)}\n\nNo open target of these kinds (targetcast targets --all says why each is not judged).\n`;
  const table = renderTable(
    [{ header: 'BASIS', max: 14 }, { header: 'TARGET', max: 11 }, { header: 'WHEN', max: 9 }, { header: 'GOAL', max: 12 }, { header: 'NEED', align: 'right' }, { header: 'RECENT', align: 'right' }, { header: 'P%', align: 'right' }, { header: 'VERDICT' }],
    report.rows.map((r) => [r.region || '(none)', r.id, r.when, r.threshold, pct(r.requiredGrowth), pct(r.recentGrowth), formatProbability(r.probability).replace('%', ''), `${r.verdict.toUpperCase()}${r.borderline ? '*' : ''}`]),
    { ascii },
  );
  return `${wrap(head)}\n\n${table}\n\nNEED: growth a year needed from the last actual; RECENT: recent average growth.\n*: P within 2 SE of 1/3 or 2/3 (another seed could move it).\n`;
}

export async function runCompare(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`compare: unexpected argument '${positionals[0]}'`);
  const asked = ((flags.kind as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const k of asked) if (!(KINDS as readonly string[]).includes(k)) throw new UsageError(`compare: --kind '${k.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}' is not one of ${KINDS.join(', ')}`);
  const ws = await workspaceFor(io, 'compare', flags, version);
  const scenario = ws.scenario(flags.scenario === undefined ? ws.defaultScenario : String(flags.scenario), (flags.set as string[] | undefined) ?? []);
  const report = compareRegions(ws.engine.report(scenario), asked.length ? (asked as TargetKind[]) : GROWTH_KINDS);
  const format = formatOf(flags);
  const out = renderCompare(report, format, io.stamp ?? null, asciiWanted(io, flags));
  io.stdout(format === 'text' ? textWriter(io, flags)(out) : out);
  return 0;
}
