/**
 * The one entry: reads the command, branches once into a headless command or the dashboard,
 * and turns every error into one line on stderr with the right exit code (2 input/usage, 1 runtime).
 */
import { readFileSync } from 'node:fs';
import { formatError, TargetcastError, UsageError } from '../core/errors.js';
import { parseFlags, renderHelp, type CommandSpec, type ParsedFlags } from './args.js';
import { generatedAt, type Io } from './io.js';
import { wrap } from './table.js';
import { openAtomicOutput } from '../app/atomic-write.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

interface Command {
  readonly spec: CommandSpec;
  readonly run: (io: Io, flags: ParsedFlags, positionals: string[]) => Promise<number>;
  /** Exit codes whose output is a whole document worth keeping in --out FILE (default 0 and 3). */
  readonly documentOn?: readonly number[];
}

/**
 * Each command's module is imported only when that command runs (or for the help, which lists
 * them all): a script's `targetcast validate` need not load the report or the dashboard code.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  data: async () => {
    const { dataSpec, runData } = await import('./commands/data.js');
    return { spec: dataSpec, run: (io, f, p) => runData(io, f, p) };
  },
  forecast: async () => {
    const { forecastSpec, runForecast } = await import('./commands/forecast.js');
    return { spec: forecastSpec, run: (io, f, p) => runForecast(io, f, p, version()) };
  },
  backtest: async () => {
    const { backtestSpec, runBacktest } = await import('./commands/backtest.js');
    return { spec: backtestSpec, run: (io, f, p) => runBacktest(io, f, p, version()) };
  },
  targets: async () => {
    const { targetsSpec, runTargets } = await import('./commands/targets.js');
    return { spec: targetsSpec, run: (io, f, p) => runTargets(io, f, p, version()) };
  },
  scenario: async () => {
    const { scenarioSpec, runScenario } = await import('./commands/targets.js');
    return { spec: scenarioSpec, run: (io, f, p) => runScenario(io, f, p, version()) };
  },
  'goal-seek': async () => {
    const { goalSeekSpec, runGoalSeek } = await import('./commands/goal-seek.js');
    return { spec: goalSeekSpec, run: (io, f, p) => runGoalSeek(io, f, p, version()) };
  },
  sensitivity: async () => {
    const { sensitivitySpec, runSensitivity } = await import('./commands/sensitivity.js');
    return { spec: sensitivitySpec, run: (io, f, p) => runSensitivity(io, f, p, version()) };
  },
  report: async () => {
    const { reportSpec, runReport } = await import('./commands/report.js');
    return { spec: reportSpec, run: (io, f, p) => runReport(io, f, p, version()) };
  },
  compare: async () => {
    const { compareSpec, runCompare } = await import('./commands/compare.js');
    return { spec: compareSpec, run: (io, f, p) => runCompare(io, f, p, version()) };
  },
  regions: async () => {
    const { regionsSpec, runRegions } = await import('./commands/regions.js');
    return { spec: regionsSpec, run: runRegions };
  },
  dashboard: async () => {
    const { dashboardSpec, runDashboard } = await import('./commands/dashboard.js');
    return { spec: dashboardSpec, run: (io, f, p) => runDashboard(io, f, p, version()) };
  },
  validate: async () => {
    const { validateSpec, runValidate } = await import('./commands/validate.js');
    // An invalid file's list of problems is the document asked for: written, then exit 2.
    return { spec: validateSpec, run: runValidate, documentOn: [0, 2] };
  },
};

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  // 80 columns: a command's line wraps under its own description.
  const names = commands.map((c) => `  ${c.spec.name.padEnd(13)}${wrap(c.spec.short, 65).split('\n').join(`\n${' '.repeat(15)}`)}`);
  return [
    wrap('targetcast: can the official targets still be reached, with what probability, and what would it take?'),
    '',
    'Usage: targetcast [COMMAND] [OPTIONS]',
    '',
    'With no command, opens the dashboard on the default region (in a terminal),',
    'or prints the same view as text (when piped).',
    '',
    'Commands:',
    ...names,
    '',
    'Run `targetcast COMMAND --help` for a command\'s options.',
    '  --help       show this help',
    '  --version    print the version',
    '',
  ].join('\n');
}

/** Runs the CLI on argv (without node and script). Returns the exit code; never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const wantsJson = argv.includes('--json');
  try {
    const [first, ...rest] = argv;
    if (first === undefined) return await (await COMMANDS.dashboard!()).run(io, {}, []);
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(await mainHelp());
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    // Flags before the command (`targetcast --region x targets`): say where the command goes.
    const later = first.startsWith('-') ? argv.find((a) => !a.startsWith('-') && a !== 'dashboard' && Object.hasOwn(COMMANDS, a)) : undefined;
    if (later) throw new UsageError(`the command goes first: targetcast ${later} ${argv.filter((a) => a !== later).join(' ')}`.trim());
    const load = first.startsWith('-') ? COMMANDS.dashboard! : Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!load) {
      throw new UsageError(`unknown command '${first}' (allowed: ${Object.keys(COMMANDS).join(', ')})`);
    }
    const command = await load();
    const { flags, positionals } = parseFlags(command.spec, first.startsWith('-') ? argv : rest);
    if (flags.help) {
      io.stdout(renderHelp(command.spec));
      return 0;
    }
    if (flags.json && flags.csv) throw new UsageError(`${command.spec.name}: choose one of --json and --csv`);
    const stamp = generatedAt(io, flags['no-timestamp'] === true);
    if (typeof flags.out !== 'string') return await command.run({ ...io, stamp }, flags, positionals);
    // --out: the document goes to a temporary file renamed onto FILE only on success.
    const out = openAtomicOutput(flags.out, io.pid ?? 0);
    try {
      const code = await command.run({ ...io, stamp, stdout: out.write, stdoutIsTTY: false }, flags, positionals);
      // A Ctrl-C (or SIGTERM/SIGHUP) that arrived during synchronous work is delivered once the
      // event loop polls: let it poll before renaming (an immediate queued from the check phase
      // runs only after the next poll), so an interrupted run never replaces FILE.
      await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
      if ((command.documentOn ?? [0, 3]).includes(code)) out.commit();
      else out.abort();
      return code;
    } catch (error) {
      out.abort();
      throw error;
    }
  } catch (error) {
    const known = error instanceof TargetcastError;
    const message = known ? formatError(error) : `internal error: ${formatError(error)} (please report it)`;
    io.stderr(`targetcast: ${message}\n`);
    if (wantsJson) {
      const type = known ? (error as TargetcastError).type : 'internal';
      io.stdout(`${JSON.stringify({ schemaVersion: 1, kind: 'error', error: { type, message } }, null, 2)}\n`);
    }
    return known ? (error as TargetcastError).exitCode : 1;
  }
}
