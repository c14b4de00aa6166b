/**
 * Mounts the dashboard on the real terminal: alternate screen on entry and off on exit (Ink 6
 * has no option for it), so that quitting leaves the terminal and its scrollback as they were.
 */
import { render } from 'ink';
import type { DashboardSeries, DashboardState, Lang } from '../report/dashboard-report.js';
import type { BacktestSummary } from '../evaluate/backtest.js';
import type { Scenario } from '../scenarios/types.js';
import type { DashboardSetup } from '../app/dashboard.js';
import type { SaveResult } from '../app/scenario-library.js';
import { App } from './App.js';
import type { Theme } from './theme.js';

export interface StartOptions {
  readonly setup: DashboardSetup;
  readonly theme: Theme;
  readonly initial: DashboardState;
  readonly saveScenario: (name: string, scenario: Scenario, overwrite: boolean) => SaveResult;
  readonly backtestOf: (series: DashboardSeries) => readonly BacktestSummary[];
  readonly writeBrief?: (scenario: Scenario, lang: Lang) => Promise<string>;
}

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?1049l';

export async function startDashboard(options: StartOptions): Promise<void> {
  const { setup } = options;
  process.stdout.write(ENTER_ALT);
  const restore = (): void => {
    process.stdout.write(`\u001b[?25h${LEAVE_ALT}`);
  };
  process.once('exit', restore);
  const instance = render(
    <App
      dataset={setup.dataset}
      engine={setup.engine}
      scenarios={setup.scenarios}
      series={setup.series}
      horizons={setup.horizons}
      theme={options.theme}
      initial={options.initial}
      saveScenario={options.saveScenario}
      backtestOf={options.backtestOf}
      writeBrief={options.writeBrief}
    />,
    { exitOnCtrlC: true, patchConsole: true },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    restore();
    process.removeListener('exit', restore);
  }
}
