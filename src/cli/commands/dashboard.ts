/**
 * `targetcast` with no command (or `targetcast dashboard`): the Ink dashboard when stdin and
 * stdout are terminals; otherwise the same view as a text report (PITFALLS: Ink without a TTY
 * crashes in raw mode, so it is never mounted then). Loading is the application layer's.
 */
import { dashboardBacktest, saveDashboardScenario, setupDashboard } from '../../app/dashboard.js';
import { UsageError } from '../../core/errors.js';
import type { DashboardState, Lang } from '../../report/dashboard-report.js';
import { resolveTheme } from '../../tui/theme.js';
import { intFlag, type CommandSpec, type ParsedFlags } from '../args.js';
import { renderTextReport } from '../dashboard-text.js';
import { resolve } from 'node:path';
import { writeBrief } from './report.js';
import type { Io } from '../io.js';
import { DATA_FLAG, REGION_FLAG, TARGETS_FLAG } from './shared.js';

export const dashboardSpec: CommandSpec = {
  name: 'dashboard',
  short: 'the interactive dashboard (the default in a terminal)',
  usage: 'targetcast [dashboard] [--region NAME|DIR] [--data DIR|FILE] [--targets FILE] [--scenario NAME] [--lang en|vi] [--color auto|always|never] [--ascii]',
  summary: 'Chart, target table and editable scenario assumptions, at 80×24 or larger. Without a terminal (piped, cron), prints the same view as text.',
  flags: [
    REGION_FLAG,
    DATA_FLAG,
    TARGETS_FLAG,
    { name: 'scenario', type: 'string', value: 'NAME', help: "scenario to start with (default: the region's, else baseline)" },
    { name: 'lang', type: 'string', value: 'LANG', help: 'labels in English or Vietnamese', choices: ['en', 'vi'] },
    { name: 'color', type: 'string', value: 'WHEN', help: 'colour (NO_COLOR and TERM=dumb turn it off in auto)', choices: ['auto', 'always', 'never'] },
    { name: 'ascii', type: 'boolean', help: 'ASCII symbols only (also with TERM=dumb)' },
    { name: 'paths', type: 'string', value: 'N', help: "simulated paths behind the probabilities (default: the region's, else 10000)" },
  ],
  examples: ['targetcast', 'targetcast --lang vi', 'targetcast --region NAME', 'TERM=dumb targetcast | less'],
};

export async function runDashboard(io: Io, flags: ParsedFlags, positionals: string[], version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`unknown command '${positionals[0]}' (see targetcast --help)`);
  const theme = resolveTheme({ env: io.env, flag: flags.color as string | undefined, isTTY: io.stdoutIsTTY, asciiFlag: flags.ascii === true });
  const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));
  const setup = await setupDashboard({ region: str(flags.region), data: str(flags.data), targets: str(flags.targets), env: io.env, version, paths: intFlag('dashboard', flags, 'paths', 100, 100000) });
  for (const w of setup.dataset.warnings) io.stderr(`warning: ${w}\n`);
  const scenarioName = String(flags.scenario ?? setup.workspace.defaultScenario);
  const scenarioIndex = setup.scenarios.findIndex((s) => s.name === scenarioName);
  if (scenarioIndex < 0) throw new UsageError(`unknown scenario '${scenarioName}' (known: ${setup.scenarios.map((s) => s.name).join(', ')})`);
  const initial: DashboardState = { seriesIndex: 0, model: 'auto', scenarioIndex, edits: {}, horizon: setup.horizon, lang: (flags.lang as Lang | undefined) ?? 'en' };
  if (!io.stdoutIsTTY || !io.stdinIsTTY || io.env.TERM === 'dumb') {
    io.stdout(renderTextReport(setup, initial, theme));
    return 0;
  }
  // Ink renders nothing but the final frame when CI or CONTINUOUS_INTEGRATION is set (is-in-ci,
  // read once when Ink loads), which leaves an interactive terminal blank. Stdout and stdin are
  // terminals here, so someone is watching: clear both before Ink is imported.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { startDashboard } = await import('../../tui/start-dashboard.js');
  await startDashboard({
    setup,
    theme,
    initial,
    saveScenario: (name, scenario, overwrite) => saveDashboardScenario(setup, name, scenario, overwrite, io.pid ?? process.pid),
    backtestOf: (s) => dashboardBacktest(setup, s),
    // e: the brief for the scenario on screen, edits included, into the working directory.
    writeBrief: (scenario, lang) => {
      const region = setup.workspace.profile?.id ?? setup.dataset.info.id;
      const file = resolve(process.cwd(), `targetcast-brief-${region}-${scenario.name}.html`.replace(/[^A-Za-z0-9._-]/g, '_'));
      return writeBrief(file, setup.workspace, { lang, format: 'html', scenario, generatedAt: io.stamp ?? null, command: `targetcast dashboard (e) --region ${region}` }, io.pid ?? process.pid);
    },
  });
  return 0;
}
