// Mounting the dashboard on the shipped data for ink-testing-library tests, and waiting for a
// frame: every wait is for a condition on the frame (polled until a generous timeout), never for
// a fixed time, so the tests hold on a busy machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { dashboardBacktest, saveDashboardScenario, setupDashboard, type DashboardSetup } from '../../src/app/dashboard.js';
import { App } from '../../src/tui/App.js';
import { createTheme } from '../../src/tui/theme.js';
import { writeBrief } from '../../src/cli/commands/report.js';


/** The shipped data set with 500 paths (enough to draw; probabilities are tested elsewhere), and a folder for saves. */
export async function dashboardFixture(): Promise<{ setup: DashboardSetup; saveDir: string }> {
  const saveDir = mkdtempSync(join(tmpdir(), 'targetcast-save-'));
  return { setup: await setupDashboard({ region: 'haiphong', env: { HOME: saveDir }, version: 'test', paths: 500 }), saveDir };
}

export function mountDashboard(fixture: { setup: DashboardSetup; saveDir: string }, columns: number, rows = 24, color = false) {
  const { setup, saveDir } = fixture;
  return render(
    <App
      dataset={setup.dataset}
      engine={setup.engine}
      scenarios={setup.scenarios}
      series={setup.series}
      horizons={setup.horizons}
      initial={{ horizon: setup.horizon }}
      theme={createTheme(color, false)}
      saveScenario={(name, scenario, overwrite) => saveDashboardScenario(setup, name, scenario, overwrite, process.pid, [saveDir])}
      backtestOf={(s) => dashboardBacktest(setup, s)}
      writeBrief={(scenario, lang) => writeBrief(join(saveDir, `brief-${scenario.name}.html`), setup.workspace, { lang, format: 'html', scenario, generatedAt: null, command: 'test' }, process.pid)}
      size={{ columns, rows }}
    />,
  );
}
export type Dashboard = ReturnType<typeof mountDashboard>;

/** What a frame must show: a pattern, or a test of the whole frame. */
export type Condition = RegExp | ((frame: string) => boolean);
const holds = (condition: Condition, frame: string): boolean => (condition instanceof RegExp ? condition.test(frame) : condition(frame));

/**
 * Polls lastFrame() every 10 ms until it satisfies `condition` and returns that frame; after
 * `timeout` ms fails with the last frame. The timeout only bounds a failure: a passing wait ends
 * as soon as the frame is drawn.
 */
export async function frameMatching(app: Dashboard, condition: Condition, { timeout = 10_000 } = {}): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (holds(condition, frame)) return frame;
    if (Date.now() - start > timeout) throw new Error(`after ${timeout} ms the frame still does not show ${condition}:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
