/**
 * `targetcast report`: the brief, one self-contained HTML page (or Markdown) a reader opens
 * offline. The inputs are opened exactly as `targetcast targets` opens them (the workspace);
 * the brief itself is src/report/brief's. The document goes through main's --out (a temporary
 * file renamed onto FILE only on success), so a failed run overwrites nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../../app/atomic-write.js';
import type { Workspace } from '../../app/workspace.js';
import { UsageError } from '../../core/errors.js';
import { parseVerdictBenchmark, type VerdictBenchmark } from '../../report/brief/benchmark.js';
import type { BriefInputFile } from '../../report/brief/brief.js';
import { BRIEF_FORMATS, renderBrief, type BriefFormat, type BriefRequest } from '../../report/brief/render-brief.js';
import type { BriefLang } from '../../report/brief/strings.js';
import { DEFAULT_LEVERS } from '../../report/goal-seek.js';
import type { Scenario } from '../../scenarios/types.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import type { Io } from '../io.js';
import { workspaceFor } from './shared.js';
import { SCENARIO_FLAGS } from './targets.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
/** At most this many scenarios in the comparison when none is named (each is one cheap judgement). */
const MAX_COMPARED = 6;

export const reportSpec: CommandSpec = {
  name: 'report',
  short: 'a brief to hand on: one self-contained HTML page (or Markdown)',
  usage: 'targetcast report --out FILE [--scenario NAME…] [--lang en|vi] [--format html|md] [--seed N] [--no-timestamp]',
  summary:
    "Write a brief a reader opens offline: the question and the short answer (targets met, missed, on track, at risk, off track; what it would take for the main open ones, by goal-seek), charts (growth fan with the targets, GRDP per capita in US$, the scenarios compared, the levers against their history), every target with its document, wording and source, the assumptions with their sources, the method and its benchmark, and the inputs' sha256. The first --scenario is judged; more are compared with it (default: every scenario of the region).",
  flags: [
    { name: 'scenario', type: 'string', multiple: true, value: 'NAME', help: "scenario to judge (default: the region's); repeat to compare with others" },
    ...SCENARIO_FLAGS,
    { name: 'lang', type: 'string', value: 'LANG', help: 'language of the brief (default en)', choices: ['en', 'vi'] },
    { name: 'format', type: 'string', value: 'FORMAT', help: 'html (default; md when FILE ends in .md) or md', choices: ['html', 'md'] },
    { name: 'out', type: 'string', value: 'FILE', help: 'where to write the brief (required; atomically: all or nothing)' },
    { name: 'no-timestamp', type: 'boolean', help: 'leave the date out, so that reruns with the same seed are byte-identical' },
  ],
  examples: ['targetcast report --out brief.html', 'targetcast report --lang vi --scenario growth-accounting --scenario plan --out bao-cao.html', 'targetcast report --format md --out brief.md'],
};

/** A path as the brief shows it: relative to the package for shipped files, else as resolved. */
function shownPath(file: string): string {
  const abs = resolve(file);
  const rel = relative(ROOT, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The verdict benchmark's scores from the README shipped with the tool, or null when it is not there. */
export function readVerdictBenchmark(file = README): VerdictBenchmark | null {
  if (!existsSync(file)) return null;
  return parseVerdictBenchmark(readFileSync(file, 'utf8'), `${basename(file)}, “How good is P? The verdict benchmark” (bench/verdict.mjs)`);
}

/** The region's name in the language: the profile's, else the data set's, else the data file's name. */
function regionTitle(ws: Workspace, lang: BriefLang): string {
  const named = lang === 'vi' ? ws.profile?.name.vi || ws.dataset.info.nameVi || ws.name : ws.name || ws.dataset.info.nameEn;
  return named || ws.dataset.info.id || basename(ws.dataset.file).replace(/\.[^.]+$/, '');
}

/** Every input file the brief stands on, with its sha256: observations, included regions, targets, scenarios. */
function inputFiles(ws: Workspace, scenarios: readonly Scenario[]): BriefInputFile[] {
  const files: BriefInputFile[] = [{ role: 'data', file: shownPath(ws.dataset.file), sha256: ws.dataset.hash }];
  for (const inc of ws.dataset.included ?? []) files.push({ role: 'data (included)', file: shownPath(inc.file), sha256: inc.sha256 });
  if (ws.profile && existsSync(ws.profile.file)) files.push({ role: 'region profile', file: shownPath(ws.profile.file), sha256: sha256Of(ws.profile.file) });
  for (const f of ws.targets.file.split(' + ')) if (existsSync(f)) files.push({ role: 'targets', file: shownPath(f), sha256: sha256Of(f) });
  for (const s of scenarios) if (s.file && existsSync(s.file)) files.push({ role: `scenario ${s.name}`, file: shownPath(s.file), sha256: sha256Of(s.file) });
  return files;
}

/** The command line that reproduces the brief (the flags given, --out last). */
function commandLine(flags: ParsedFlags): string {
  const parts = ['targetcast report'];
  const quote = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`);
  for (const name of ['region', 'data', 'targets', 'scenario', 'set', 'seed', 'paths', 'prior', 'bridge', 'lang', 'format']) {
    const v = flags[name];
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) parts.push(`--${name} ${quote(String(x))}`);
  }
  if (flags['no-timestamp'] === true) parts.push('--no-timestamp');
  if (typeof flags.out === 'string') parts.push(`--out ${quote(basename(flags.out))}`);
  return parts.join(' ');
}

export interface ReportOptions {
  readonly lang: BriefLang;
  readonly format: BriefFormat;
  /** The scenario judged, as loaded or as edited on screen. */
  readonly scenario: Scenario;
  /** Scenarios compared with it (default: every scenario of the region, at most 6). */
  readonly compare?: readonly string[];
  readonly generatedAt: string | null;
  readonly command: string;
}

/**
 * The brief request for a workspace: the inputs `targetcast targets` uses, plus the scenario (which
 * the dashboard passes edited) and the ones to compare. Lever questions go to the scenario itself
 * when it has levers, else to the region's growth-accounting scenario when there is one.
 */
export function briefRequest(ws: Workspace, options: ReportOptions): BriefRequest {
  const names = options.compare ?? ws.scenarioNames().slice(0, MAX_COMPARED);
  const compare = names
    .filter((n) => n !== options.scenario.name)
    .map((name): Scenario | { name: string; error: string } => {
      try {
        return ws.scenario(name);
      } catch (e) {
        return { name, error: (e as Error).message };
      }
    });
  const hasLevers = (s: Scenario) => DEFAULT_LEVERS.some((k) => k in s.assumptions);
  let leverScenario: Scenario | null = options.scenario;
  let leverNote: string | undefined;
  if (!hasLevers(options.scenario)) {
    leverScenario = null;
    leverNote = `scenario '${options.scenario.name}' has no levers and this region has no growth-accounting scenario`;
    if (ws.scenarioNames().includes('growth-accounting')) {
      try {
        leverScenario = ws.scenario('growth-accounting');
      } catch (e) {
        leverNote = `scenario 'growth-accounting': ${(e as Error).message}`;
      }
    }
  }
  const loaded = [options.scenario, ...compare.filter((s): s is Scenario => !('error' in s)), ...(leverScenario && leverScenario !== options.scenario ? [leverScenario] : [])];
  return {
    engine: ws.engine,
    dataset: ws.dataset,
    region: regionTitle(ws, options.lang),
    scenario: options.scenario,
    compare,
    leverScenario,
    leverNote,
    lang: options.lang,
    format: options.format,
    benchmark: readVerdictBenchmark(),
    inputs: inputFiles(ws, [...new Map(loaded.map((s) => [s.name, s])).values()]),
    generatedAt: options.generatedAt,
    command: options.command,
  };
}

/**
 * Writes the brief for a workspace and scenario to `file` atomically (temporary file, fsync,
 * rename) and says where: for the dashboard, which passes the scenario on screen.
 * @throws NodeJS.ErrnoException when the file cannot be written (nothing is left behind)
 */
export async function writeBrief(file: string, ws: Workspace, options: ReportOptions, pid: number): Promise<string> {
  const text = await renderBrief(briefRequest(ws, options));
  writeFileAtomically(file, text, pid);
  return `brief written to ${file}`;
}

/** Opens the inputs as `targetcast targets` does (one function, to follow the workspace as it changes). */
function openInputs(io: Io, flags: ParsedFlags, version: string): Promise<Workspace> {
  return workspaceFor(io, 'report', flags, version);
}

export async function runReport(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`report: unexpected argument '${positionals[0]}' (use --scenario NAME, --out FILE)`);
  if (typeof flags.out !== 'string') throw new UsageError('report: --out FILE is required (e.g. --out brief.html)');
  const format = (flags.format as BriefFormat | undefined) ?? (/\.(md|markdown)$/i.test(flags.out) ? 'md' : 'html');
  if (!BRIEF_FORMATS.includes(format)) throw new UsageError(`report: --format '${format}' is not one of ${BRIEF_FORMATS.join(', ')}`);
  const ws = await openInputs(io, flags, version);
  const asked = (flags.scenario as string[] | undefined) ?? [];
  const scenario = ws.scenario(asked[0] ?? ws.defaultScenario, (flags.set as string[] | undefined) ?? []);
  const text = await renderBrief(
    briefRequest(ws, {
      lang: (flags.lang as BriefLang | undefined) ?? 'en',
      format,
      scenario,
      compare: asked.length > 1 ? asked : undefined,
      generatedAt: io.stamp ?? null,
      command: commandLine(flags),
    }),
  );
  io.stdout(text);
  return 0;
}
