/** `targetcast regions`: the regions installed with targetcast, from their profiles. */
import { defaultRegionName, listRegions } from '../../app/region.js';
import { listScenarios } from '../../data/load-scenario.js';
import { loadTargets } from '../../data/load-targets.js';
import { UsageError } from '../../core/errors.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Io } from '../io.js';
import { asciiWanted, renderTable, textWriter } from '../table.js';
import { FORMAT_FLAGS } from './shared.js';

export const regionsSpec: CommandSpec = {
  name: 'regions',
  short: 'the regions installed (use one with --region NAME)',
  usage: 'targetcast regions [--json|--csv]',
  summary: 'List the installed regions (folders under data/ with a region.json): name, currency, bases and their dates, targets and own scenarios. Any command takes --region NAME or --region DIR (a folder of your own with a region.json).',
  flags: [...FORMAT_FLAGS, { name: 'ascii', type: 'boolean', help: 'ASCII characters only in the text output (also with TERM=dumb)' }],
  examples: ['targetcast regions', 'targetcast targets --region NAME', 'targetcast --region ./my-province'],
};

export async function runRegions(io: Io, flags: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`regions: unexpected argument '${positionals[0]}'`);
  const fallback = defaultRegionName();
  const rows = listRegions().map((r) => ({
    id: r.id,
    name: r.name.en,
    nameVi: r.name.vi,
    country: r.country,
    currency: r.currency,
    default: r.id === fallback,
    bases: r.bases.map((b) => ({ id: b.id, from: b.from, until: b.until, note: b.note })),
    targets: r.targets ? loadTargets(r.targets).targets.length : 0,
    scenarios: r.scenarios ? listScenarios(r.scenarios) : [],
    include: r.include.map((d) => d.split(/[\\/]/).pop()!),
    horizons: r.horizons,
    dir: r.dir,
  }));
  const format = formatOf(flags);
  if (format === 'json') {
    io.stdout(jsonDocument({ schemaVersion: 1, kind: 'regions', regions: rows }, io.stamp ?? null));
    return 0;
  }
  if (format === 'csv') {
    io.stdout(toCsv(['id', 'name', 'name_vi', 'country', 'currency', 'default', 'bases', 'targets', 'scenarios', 'include'], rows.map((r) => [r.id, r.name, r.nameVi, r.country, r.currency, r.default, r.bases.map((b) => b.id).join('; '), r.targets, r.scenarios.join('; '), r.include.join('; ')])));
    return 0;
  }
  const dates = (b: { from: string | null; until: string | null }): string => (b.from ? ` from ${b.from}` : '') + (b.until ? ` until ${b.until}` : '');
  const table = renderTable(
    [{ header: 'REGION' }, { header: 'NAME', max: 24 }, { header: 'TARGETS', align: 'right' }, { header: 'OWN SCENARIOS', max: 30 }],
    rows.map((r) => [`${r.id}${r.default ? ' *' : ''}`, r.name, String(r.targets), r.scenarios.join(', ') || '-']),
    { ascii: asciiWanted(io, flags) },
  );
  const details = rows.map((r) => `${r.id}: ${r.bases.map((b) => `${b.id}${dates(b)}`).join(', ') || 'no bases'}${r.include.length ? `; includes ${r.include.join(', ')}` : ''}${r.currency ? `; ${r.currency}` : ''}`);
  io.stdout(textWriter(io, flags)(`${table}\n\n${details.join('\n')}\n* the default (data/regions.json); use another with --region NAME or --region DIR\n`));
  return 0;
}
