/**
 * `targetcast` with no command (or `targetcast dashboard`): the Ink dashboard when stdin and
 * stdout are terminals; otherwise the same view as a text report (PITFALLS: Ink without a TTY
 * crashes in raw mode, so it is never mounted then).
 */
import { UsageError } from '../../core/errors.js';
import type { SeriesKind } from '../../core/types.js';
import { loadDataset } from '../../data/load-dataset.js';
import { loadTargets } from '../../data/load-targets.js';
import { backtest, summariseBacktest, type BacktestSummary } from '../../evaluate/backtest.js';
import { latestRun } from '../../models/forecast-series.js';
import { MODELS } from '../../models/registry.js';
import { buildDashboardView, dashboardSeries, editedScenario, type DashboardSeries, type DashboardState, type Lang } from '../../report/dashboard-report.js';
import { createTargetsEngine, type TargetsEngine } from '../../report/targets-report.js';
import type { Scenario } from '../../scenarios/types.js';
import { renderChartWithLegend } from '../../tui/chart-text.js';
import { resolveTheme, type Theme } from '../../tui/theme.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import type { Io } from '../io.js';
import { renderTargets, TARGETS_FILE } from './targets.js';
import { findScenario, saveScenario, scenarioDirs, scenarioNames, SHIPPED_SCENARIOS } from '../scenario-library.js';
import type { SaveResult } from '../../tui/App.js';
import { DATA_FLAG } from './shared.js';
import { wrap } from '../table.js';

export const dashboardSpec: CommandSpec = {
  name: 'dashboard',
  short: 'the interactive dashboard (the default in a terminal)',
  usage: 'targetcast [dashboard] [--data DIR|FILE] [--targets FILE] [--scenario NAME] [--lang en|vi] [--color auto|always|never] [--ascii]',
  summary: 'Chart, target table and editable scenario assumptions, at 80×24 or larger. Without a terminal (piped, cron), prints the same view as text.',
  flags: [
    DATA_FLAG,
    { name: 'targets', type: 'string', value: 'FILE', help: 'targets file (default: models/targets/haiphong.json)' },
    { name: 'scenario', type: 'string', value: 'NAME', help: 'scenario to start with (default baseline)' },
    { name: 'lang', type: 'string', value: 'LANG', help: 'labels in English or Vietnamese', choices: ['en', 'vi'] },
    { name: 'color', type: 'string', value: 'WHEN', help: 'colour (NO_COLOR and TERM=dumb turn it off in auto)', choices: ['auto', 'always', 'never'] },
    { name: 'ascii', type: 'boolean', help: 'ASCII symbols only (also with TERM=dumb)' },
    { name: 'paths', type: 'string', value: 'N', help: 'simulated paths behind the probabilities (default 10000)' },
  ],
  examples: ['targetcast', 'targetcast --lang vi', 'TERM=dumb targetcast | less'],
};

/** Paths behind the dashboard's probabilities: enough for stable percentages, cheap to re-judge. */
export const DASHBOARD_PATHS = 10000;

export interface DashboardSetup {
  readonly engine: TargetsEngine;
  readonly scenarios: readonly Scenario[];
  readonly series: readonly DashboardSeries[];
  readonly dataset: Awaited<ReturnType<typeof loadDataset>>;
}

export async function setupDashboard(dataPath: string, version: string, paths = DASHBOARD_PATHS, dirs: readonly string[] = [SHIPPED_SCENARIOS], targetsFile = TARGETS_FILE): Promise<DashboardSetup> {
  const dataset = await loadDataset(dataPath);
  const targets = loadTargets(targetsFile);
  const scenarios = scenarioNames(dirs).map((n) => findScenario(dirs, n));
  // baseline first: it is what the economist sees on opening.
  scenarios.sort((a, b) => (a.name === 'baseline' ? -1 : b.name === 'baseline' ? 1 : a.name.localeCompare(b.name)));
  const engine = createTargetsEngine(dataset, targets, { version, paths });
  return { engine, scenarios, series: dashboardSeries(dataset, [...targets.targets, ...targets.proxies], engine.growthSeries), dataset };
}

/** Backtests every model on the series behind a dashboard entry (growth: the bridged history). */
export function backtestFor(setup: DashboardSetup, chosen: DashboardSeries): BacktestSummary[] {
  let y: readonly number[];
  let kind: SeriesKind | undefined;
  if (chosen.kind === 'data') {
    y = latestRun(chosen.series).values;
    kind = chosen.series.meta?.kind;
  } else if (chosen.kind === 'growth') {
    const report = setup.engine.report(setup.scenarios[0]!);
    y = report.growth.history.map((h) => h.value);
    kind = 'rate';
  } else return [];
  // Short series: train on at least 3 years so that there is something to compare (the view says so).
  const minTrain = Math.max(3, Math.min(6, y.length - 2));
  return MODELS.map((m) => ({ ...summariseBacktest(backtest(m, y, { h: 3, minTrain, fit: { kind } })), minTrain }));
}

/** Saves a scenario into `dir` atomically; refuses an existing name unless overwrite (see saveScenario). */
export function saveScenarioFile(dir: string, name: string, scenario: Scenario, overwrite: boolean): SaveResult {
  return saveScenario([dir], name, scenario, overwrite, process.pid);
}

/** The dashboard's first screen as plain text, for pipes and scripts. */
export function renderTextReport(setup: DashboardSetup, state: DashboardState, theme: Theme, width = 80): string {
  const view = buildDashboardView(setup.dataset, setup.engine, setup.scenarios, setup.series, state);
  // Plot, axis, years and a legend of every mark (the legend's words follow --lang).
  const chart = renderChartWithLegend(
    {
      years: view.chart.years,
      lines: [
        { values: view.chart.lo80, token: 'band' },
        { values: view.chart.hi80, token: 'band' },
        { values: view.chart.history, token: 'history' },
        { values: view.chart.mean, token: 'forecast' },
      ],
      markers: view.chart.markers.map((m) => ({ ...m, token: 'target' as const })),
      lastActual: view.chart.lastActual,
      width,
      height: 11,
      unit: view.chart.unit,
      lang: state.lang,
    },
    theme,
    state.lang,
  );
  const head = `${view.dataset}: ${view.seriesLabel} (${view.chart.unit}), ${view.scenario.name} scenario, to ${view.horizon}`;
  // The chart is the first series'; the table every target, as `targetcast targets` prints it.
  const all = setup.engine.report(editedScenario(setup.scenarios[state.scenarioIndex]!, state.edits));
  // TERM=dumb and --ascii: the one ASCII mapping over everything (names may be Vietnamese).
  return theme.text(`${wrap(head, width)}\n\n${[...chart.rows, ...chart.legend].join('\n')}\n\n${renderTargets(all, 'text', false, null, theme.ascii)}`);
}

export async function runDashboard(io: Io, flags: ParsedFlags, positionals: string[], defaultData: string, version: string): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`unknown command '${positionals[0]}' (see targetcast --help)`);
  const theme = resolveTheme({ env: io.env, flag: flags.color as string | undefined, isTTY: io.stdoutIsTTY, asciiFlag: flags.ascii === true });
  const paths = flags.paths === undefined ? DASHBOARD_PATHS : Number(flags.paths);
  if (!Number.isInteger(paths) || paths < 100 || paths > 100000) throw new UsageError(`--paths '${String(flags.paths)}' must be a whole number from 100 to 100000`);
  const dirs = scenarioDirs(io.env);
  const setup = await setupDashboard(String(flags.data ?? defaultData), version, paths, dirs, String(flags.targets ?? TARGETS_FILE));
  const scenarioName = String(flags.scenario ?? 'baseline');
  const scenarioIndex = setup.scenarios.findIndex((s) => s.name === scenarioName);
  if (scenarioIndex < 0) throw new UsageError(`unknown scenario '${scenarioName}' (known: ${setup.scenarios.map((s) => s.name).join(', ')})`);
  const initial: DashboardState = { seriesIndex: 0, model: 'auto', scenarioIndex, edits: {}, horizon: 2030, lang: (flags.lang as Lang | undefined) ?? 'en' };
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
  await startDashboard({ setup, theme, initial, saveScenario: (name, scenario, overwrite) => saveScenario(dirs, name, scenario, overwrite, io.pid ?? process.pid), backtestOf: (s) => backtestFor(setup, s) });
  return 0;
}
