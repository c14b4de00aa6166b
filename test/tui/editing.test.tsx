// The dashboard driven as a terminal drives it (ink-testing-library, 80×24): keys that arrive in
// one read all count, and an assumption can be typed while the chosen target's P stays in sight.
// Every wait is for a condition on the frame, never for a fixed time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { beforeAll, describe, it } from 'vitest';
import { backtestFor, saveScenarioFile, setupDashboard, type DashboardSetup } from '../../src/cli/commands/dashboard.js';
import { App } from '../../src/tui/App.js';
import { createTheme } from '../../src/tui/theme.js';

const DATA = fileURLToPath(new URL('../../data/haiphong', import.meta.url));
let setup: DashboardSetup;
let saveDir: string;
beforeAll(async () => {
  setup = await setupDashboard(DATA, 'test', 500);
  saveDir = mkdtempSync(join(tmpdir(), 'targetcast-edit-'));
});

function mount() {
  return render(
    <App
      dataset={setup.dataset}
      engine={setup.engine}
      scenarios={setup.scenarios}
      series={setup.series}
      theme={createTheme(false, false)}
      saveScenario={(name, scenario, overwrite) => saveScenarioFile(saveDir, name, scenario, overwrite)}
      backtestOf={(s) => backtestFor(setup, s)}
      size={{ columns: 80, rows: 24 }}
    />,
  );
}

/** Waits until the last frame matches, polling; fails with the frame after `timeout` ms. */
async function until(app: ReturnType<typeof mount>, pattern: RegExp, timeout = 15_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (pattern.test(frame)) return frame;
    if (Date.now() - start > timeout) throw new Error(`frame never matched ${pattern}:\n${frame}`);
    await new Promise((r) => setImmediate(r));
  }
}

describe('dashboard keys at 80×24', () => {
  it('three Tabs in one read land on series 4 of 5', async () => {
    const app = mount();
    await until(app, /\[1\/5\]/);
    app.stdin.write('\t\t\t');
    await until(app, /\[4\/5\]/);
    app.unmount();
  });

  it('= types an assumption while the chosen target and its P stay in sight', async () => {
    const app = mount();
    await until(app, /\[1\/5\]/);
    // s s in one read: baseline → growth-accounting → investment-push (baseline first, then by name).
    app.stdin.write('ss');
    await until(app, /scenario investment-push/);
    app.stdin.write('a');
    // The panel replaces the table; the first open target (AP2026-01, 2026) and its P are shown above it.
    await until(app, /AP2026-01 2026 .*: P \d+(\.\d)?% (OFF TRACK|AT RISK|ON TRACK)/);
    app.stdin.write('=');
    await until(app, /GDP deflator: _ \(-5 to 20 %\/yr\) {2}Enter set/);
    app.stdin.write('4.5\r');
    await until(app, /GDP deflator +4\.5 %\/yr\*/);
    app.unmount();
  });
});
