/**
 * The application layer both shells use: a region (or a bare data set) opened into everything a
 * command or the dashboard needs: the data set with the region's included folders, its targets,
 * its scenarios (the region's own, the generic ones, the user's), the targets engine, the
 * dashboard's series and horizons. `--data` and `--targets` override the region's files.
 */
import { DataError, UsageError } from '../core/errors.js';
import type { Dataset, Series } from '../core/types.js';
import { loadDataset } from '../data/load-dataset.js';
import { loadPartialFigures, loadPeriodAverages } from '../data/load-context.js';
import { hasProfile, loadRegionProfile, type RegionProfile } from '../data/load-region.js';
import { applyEdits } from '../data/load-scenario.js';
import { loadTargets } from '../data/load-targets.js';
import { dashboardSeries, type DashboardSeries } from '../report/dashboard-report.js';
import { createTargetsEngine, DEFAULT_PATHS, type PriorChoice, type TargetsEngine, type TargetsFileData } from '../report/targets-report.js';
import { COMMON_ASSUMPTIONS, type Scenario } from '../scenarios/types.js';
import type { BridgeChoice } from '../targets/evaluate-targets.js';
import { withProForma, type ProForma } from '../targets/pro-forma.js';
import { basisChain } from '../targets/growth-history.js';
import { regionNowcasts } from './nowcast.js';
import type { Target } from '../targets/types.js';
import { defaultRegionName, findRegion, REGIONS_ROOT } from './region.js';
import { findScenario, scenarioDirs, scenarioNames, userScenarioDir } from './scenario-library.js';
import { planFromTargets } from './plan-scenario.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface WorkspaceRequest {
  /** `--region NAME|DIR` (default: data/regions.json's, unless --data names a bare data set). */
  readonly region?: string;
  /** `--data DIR|FILE`: the observations instead of the region's. */
  readonly data?: string;
  /** `--targets FILE`: the targets instead of the region's. */
  readonly targets?: string;
  readonly env: Env;
  readonly version: string;
  readonly seed?: number;
  /** Simulated paths (default: the region's profile, else DEFAULT_PATHS). */
  readonly paths?: number;
  readonly prior?: PriorChoice;
  readonly bridge?: BridgeChoice;
  /** Where installed regions are looked up (tests). */
  readonly regionsRoot?: string;
}

export interface Workspace {
  /** The pro-forma history in use (bridge pro-forma), with its method; null otherwise. */
  readonly proForma: ProForma | null;
  /** The region's profile; null for a bare data set (--data without a region.json). */
  readonly profile: RegionProfile | null;
  /** "Hai Phong" from the profile, else the data set's own name. */
  readonly name: string;
  readonly dataset: Dataset;
  readonly targets: TargetsFileData;
  readonly engine: TargetsEngine;
  readonly paths: number;
  /** Where scenario names are looked up, in order, and where a saved one goes. */
  readonly scenarioDirs: readonly string[];
  readonly saveDirs: readonly string[];
  readonly defaultScenario: string;
  /** Years the dashboard's `h` cycles through, and the one it opens on. */
  readonly horizons: readonly number[];
  readonly horizon: number;
  /** The dashboard's series: growth, per capita in US$ (where declared), then every series a target names. */
  readonly series: readonly DashboardSeries[];
  /** Every scenario name this region can use, its default first. */
  readonly scenarioNames: () => string[];
  /** A scenario by name with the region's shared assumptions and `--set` edits applied. @throws UsageError */
  readonly scenario: (name: string, edits?: readonly string[]) => Scenario;
  /** Every scenario, the default first (the dashboard's `s` cycles through them). */
  readonly scenarios: () => Scenario[];
}

const NO_TARGETS = (why: string): TargetsFileData => ({ file: why, targets: [], proxies: [], notFound: [] });

/** Observations of several folders in one data set: the first's metadata, every series keyed uniquely. */
export function mergeDatasets(primary: Dataset, others: readonly Dataset[]): Dataset {
  if (others.length === 0) return primary;
  const all: Series[] = [...primary.series, ...others.flatMap((d) => d.series)];
  const seen = new Set<string>();
  for (const s of all) {
    const k = `${s.id}\u0000${s.basis}`;
    if (seen.has(k)) {
      const where = others.find((d) => d.series.includes(s))?.file ?? primary.file;
      throw new DataError(`series ${s.id}${s.basis ? ` on basis ${s.basis}` : ''} is also in ${primary.file}: an included region must use its own basis`, { file: where });
    }
    seen.add(k);
  }
  const bases = new Map<string, number>();
  for (const s of all) bases.set(s.id, (bases.get(s.id) ?? 0) + 1);
  return {
    ...primary,
    series: all.map((s) => {
      const key = (bases.get(s.id) ?? 0) > 1 && s.basis ? `${s.id}@${s.basis}` : s.id;
      return key === s.key ? s : { ...s, key };
    }),
    warnings: [...primary.warnings, ...others.flatMap((d) => d.warnings)],
    included: others.map((d) => ({ file: d.file, sha256: d.hash })),
  };
}

/** Targets of several files in one list; an id in two files is an error naming both. */
function mergeTargets(files: readonly TargetsFileData[]): TargetsFileData {
  if (files.length === 1) return files[0]!;
  const owner = new Map<string, string>();
  for (const f of files) {
    for (const t of [...f.targets, ...f.proxies]) {
      const before = owner.get(t.id);
      if (before) throw new DataError(`target id "${t.id}" is also in ${before}`, { file: f.file });
      owner.set(t.id, f.file);
    }
  }
  return {
    file: files.map((f) => f.file).join(' + '),
    targets: files.flatMap((f) => f.targets),
    proxies: files.flatMap((f) => f.proxies),
    notFound: files.flatMap((f) => f.notFound),
  };
}

/** A scenario with the assumptions every scenario shares filled from the region's profile where its file leaves them out. */
export function withRegionAssumptions(s: Scenario, profile: RegionProfile | null): Scenario {
  const shared = profile?.assumptions ?? {};
  const missing = COMMON_ASSUMPTIONS.filter((k) => !(k in s.assumptions) && shared[k]);
  return missing.length ? { ...s, assumptions: { ...Object.fromEntries(missing.map((k) => [k, shared[k]!])), ...s.assumptions } } : s;
}

/** A region's scenario by name (its own folder, then the generic ones, then the user's), with its shared assumptions. */
export function regionScenario(profile: RegionProfile, name: string, env: Env = {}): Scenario {
  return withRegionAssumptions(findScenario(scenarioDirs(env, profile.scenarios), name), profile);
}

/** The region whose files a request uses, or null for a bare data set. */
export function regionOf(request: Pick<WorkspaceRequest, 'region' | 'data' | 'regionsRoot'>): RegionProfile | null {
  const root = request.regionsRoot ?? REGIONS_ROOT;
  if (request.region !== undefined) return findRegion(request.region, root);
  if (request.data !== undefined) return hasProfile(request.data) ? loadRegionProfile(request.data) : null;
  const name = defaultRegionName(root);
  if (!name) throw new UsageError('no region given and no default installed: use --region NAME|DIR or --data FILE (targetcast regions lists the installed ones)');
  return findRegion(name, root);
}

/** The data set a request names: --data, else the region's folder with its included folders. */
export async function openDataset(request: Pick<WorkspaceRequest, 'region' | 'data' | 'regionsRoot'>, profile = regionOf(request)): Promise<Dataset> {
  if (request.data !== undefined) return loadDataset(request.data);
  if (!profile) throw new UsageError('no data: use --region NAME|DIR or --data FILE');
  const own = await loadDataset(profile.data);
  const included = await Promise.all(profile.include.map((dir) => loadDataset(loadRegionProfile(dir).data)));
  return mergeDatasets(own, included);
}

/** The region's horizons, else the future years its targets end in (at most three), else five years on. */
function horizonsOf(profile: RegionProfile | null, targets: readonly Target[], dataEnd: number): number[] {
  if (profile?.horizons.length) return [...profile.horizons];
  const ends = [...new Set(targets.map((t) => (t.period ? t.period[1] : t.year ?? 0)).filter((y) => y > dataEnd))].sort((a, b) => a - b);
  return ends.length ? ends.slice(0, 3) : [dataEnd + 5];
}

export async function openWorkspace(request: WorkspaceRequest): Promise<Workspace> {
  const profile = regionOf(request);
  const loaded = await openDataset(request, profile);
  // A merged territory's pro-forma history (derived, labelled): the default bridge where declared.
  const bridge: BridgeChoice | undefined = request.bridge ?? (profile?.proForma ? 'pro-forma' : undefined);
  let dataset = loaded;
  let proForma: ProForma | null = null;
  if (bridge === 'pro-forma') {
    if (!profile?.proForma) throw new UsageError(`--bridge pro-forma: the region declares no pro-forma (region.json "proForma": the merged basis and its parts)`);
    const growthId = loaded.info.growthSeries;
    if (growthId) ({ dataset, proForma } = withProForma(loaded, growthId, profile.proForma));
    if (!proForma) throw new UsageError(`--bridge pro-forma: the parts ${profile.proForma.parts.join(', ')} have no common years of growth and nominal output in this data set`);
  }
  // Targets: --targets, else the region's file and its included regions' (with the region's data).
  let targets: TargetsFileData;
  if (request.targets !== undefined) targets = loadTargets(request.targets);
  else if (profile) {
    const included = request.data === undefined ? profile.include.map(loadRegionProfile) : [];
    const files = [profile, ...included].filter((p) => p.targets !== null).map((p) => loadTargets(p.targets!));
    targets = files.length ? mergeTargets(files) : NO_TARGETS(`(no targets file in ${profile.file.replace(/region\.json$/, '')}; use --targets FILE)`);
  } else targets = NO_TARGETS('(no targets file: use --targets FILE)');
  const paths = request.paths ?? profile?.paths ?? DEFAULT_PATHS;
  // Nowcasts of the year under way, from the context file's partial-year figures (the region's own data only).
  const context = profile?.context && request.data === undefined ? loadPartialFigures(profile.context, profile.nowcast.flatMap((n) => n.partials.map((p) => p.series))) : null;
  const dataEnd = Math.max(...dataset.series.map((s) => s.years[s.years.length - 1]!));
  // A region whose every basis has ended (a province merged away) gets no later figures: the years
  // after its last basis ended are past, not open, however far its data run.
  const ends = profile?.bases.map((b) => (b.until ? Number(b.until.slice(0, 4)) : null)) ?? [];
  const ended = ends.length > 0 && ends.every((y) => y !== null) ? Math.max(...(ends as number[])) + 1 : 0;
  const asOf = Math.max(dataEnd + 1, ended);
  const nowBasis = dataset.info.currentBasis ?? '';
  const periodAverages = profile?.context && profile.periodAverages && request.data === undefined ? loadPeriodAverages(profile.context, profile.periodAverages) : [];
  const nowcasts = context && profile ? regionNowcasts(dataset, context, profile.nowcast, nowBasis, basisChain(dataset, nowBasis), asOf) : [];
  const engine = createTargetsEngine(dataset, targets, { version: request.version, seed: request.seed, paths, prior: request.prior, bridge, asOf, proFormaMethod: proForma?.method, nowcasts, nowcastsMissing: profile?.nowcast.map((n) => n.series).filter((s) => !nowcasts.some((c) => c.series === s)) ?? [], periodAverages, perCapitaReading: profile?.perCapita?.reading, perCapitaReason: profile?.perCapita?.reason ?? undefined });
  const dirs = scenarioDirs(request.env, profile?.scenarios ?? null);
  const saveDirs = [...(profile?.scenarios ? [profile.scenarios] : []), userScenarioDir(request.env)];
  const withRegion = (s: Scenario): Scenario => withRegionAssumptions(s, profile);
  let plan: Scenario | null | undefined;
  const generatedPlan = (): Scenario | null => {
    if (plan === undefined) plan = planFromTargets([...targets.targets, ...targets.proxies], engine.growthSeries, engine.futureBasis, Math.max(...dataset.series.map((s) => s.years[s.years.length - 1]!)) + 1);
    return plan;
  };
  // The folders are read once per call: `found` is every scenario file's name, in lookup order.
  const namesOf = (found: readonly string[]): string[] => {
    const all = found.includes('plan') || !generatedPlan() ? [...found] : [...found, 'plan'];
    const first = profile?.defaultScenario ?? 'baseline';
    return [...all.filter((n) => n === first), ...all.filter((n) => n !== first)];
  };
  const load = (name: string, edits: readonly string[], found: readonly string[]): Scenario => {
    const known = namesOf(found);
    if (!known.includes(name)) throw new UsageError(`unknown scenario '${name.replace(/[^\x20-\x7e]/g, '?').slice(0, 64)}' (known: ${[...known].sort().join(', ') || 'none'})`);
    const own = name === 'plan' && !found.includes('plan') ? generatedPlan() : null;
    return applyEdits(withRegion(own ?? findScenario(dirs, name)), edits);
  };
  const names = (): string[] => namesOf(scenarioNames(dirs));
  const scenario = (name: string, edits: readonly string[] = []): Scenario => load(name, edits, scenarioNames(dirs));
  const scenarios = (): Scenario[] => {
    const found = scenarioNames(dirs);
    return namesOf(found).map((n) => load(n, [], found));
  };
  const horizons = horizonsOf(profile, [...targets.targets, ...targets.proxies], dataEnd);
  return {
    proForma,
    profile,
    name: profile?.name.en ?? dataset.info.nameEn,
    dataset,
    targets,
    engine,
    paths,
    scenarioDirs: dirs,
    saveDirs,
    defaultScenario: profile?.defaultScenario ?? 'baseline',
    horizons,
    horizon: horizons.find((y) => y > dataEnd) ?? horizons[horizons.length - 1]!,
    series: dashboardSeries(dataset, [...targets.targets, ...targets.proxies], engine.growthSeries),
    scenarioNames: names,
    scenario,
    scenarios,
  };
}

