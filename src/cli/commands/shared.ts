import { UsageError } from '../../core/errors.js';
import type { Dataset, Series } from '../../core/types.js';
import { selectSeries } from '../../data/build-series.js';
import { openDataset, openWorkspace, type Workspace } from '../../app/workspace.js';
import type { PriorChoice } from '../../report/targets-report.js';
import type { BridgeChoice } from '../../targets/evaluate-targets.js';
import { intFlag, type FlagSpec, type ParsedFlags } from '../args.js';
import type { Io } from '../io.js';

export const REGION_FLAG: FlagSpec = { name: 'region', type: 'string', value: 'NAME|DIR', help: 'an installed region (targetcast regions) or a folder with a region.json (default: data/regions.json\'s)' };
export const DATA_FLAG: FlagSpec = { name: 'data', type: 'string', value: 'DIR|FILE', help: "data set directory or observations CSV instead of the region's" };
export const TARGETS_FLAG: FlagSpec = { name: 'targets', type: 'string', value: 'FILE', help: "targets file instead of the region's (format: README, Your own region)" };
export const SERIES_FLAG: FlagSpec = { name: 'series', type: 'string', multiple: true, value: 'ID', help: 'only these series (repeat, or comma-separate; ID or ID@basis)' };
export const FORMAT_FLAGS: readonly FlagSpec[] = [
  { name: 'json', type: 'boolean', help: 'print one JSON document' },
  { name: 'csv', type: 'boolean', help: 'print CSV' },
  { name: 'out', type: 'string', value: 'FILE', help: 'write the output to FILE (atomically: all or nothing) instead of stdout' },
  { name: 'no-timestamp', type: 'boolean', help: 'leave generatedAt out of JSON (so reruns are byte-identical)' },
];

const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

/** Opens the region (--region, --data, --targets, and the engine's --seed, --paths, --prior, --bridge) for a command. */
export async function workspaceFor(io: Io, command: string, flags: ParsedFlags, version: string): Promise<Workspace> {
  const ws = await openWorkspace({
    region: str(flags.region),
    data: str(flags.data),
    targets: str(flags.targets),
    env: io.env,
    version,
    seed: intFlag(command, flags, 'seed', 0, 2 ** 32 - 1),
    paths: intFlag(command, flags, 'paths', 100, 100000),
    prior: flags.prior as PriorChoice | undefined,
    bridge: flags.bridge as BridgeChoice | undefined,
  });
  for (const w of ws.dataset.warnings) io.stderr(`warning: ${w}\n`);
  return ws;
}

/** Loads the data set named by --data or --region (or the default region) and the series named by --series. */
export async function loadSelection(io: Io, command: string, flags: ParsedFlags): Promise<{ dataset: Dataset; series: Series[] }> {
  const dataset = await openDataset({ region: str(flags.region), data: str(flags.data) });
  for (const w of dataset.warnings) io.stderr(`warning: ${w}\n`);
  const wanted = ((flags.series as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) return { dataset, series: [...dataset.series] };
  const { found, unknown } = selectSeries(dataset.series, wanted);
  if (unknown.length > 0) {
    const known = dataset.series.map((s) => s.key);
    const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, … (${known.length} in all; see targetcast data)` : known.join(', ');
    throw new UsageError(`${command}: unknown series ${unknown.map((u) => `'${u}'`).join(', ')} (known: ${shown})`);
  }
  return { dataset, series: found };
}

/** A progress bar on stderr, only when stderr is a terminal and the run is long enough to need one. */
export function progressBar(io: Io & { readonly stderrIsTTY?: boolean }, label: string): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  let last = -1;
  return (done, total) => {
    if (total < 50) return;
    const pct = Math.floor((100 * done) / total);
    if (pct === last && done !== total) return;
    last = pct;
    const width = 30;
    const filled = Math.round((width * done) / total);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) io.stderr('\n');
  };
}
