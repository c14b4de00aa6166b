// The dashboard driven as a terminal drives it (ink-testing-library, 80×24): keys that arrive in
// one read all count, and an assumption can be typed while the chosen target's P stays in sight.
// Every wait is for a condition on the frame, never for a fixed time.
import { beforeAll, describe, it } from 'vitest';
import { dashboardFixture, frameMatching, mountDashboard, type Dashboard } from './harness.js';

let fixture: Awaited<ReturnType<typeof dashboardFixture>>;
beforeAll(async () => {
  fixture = await dashboardFixture();
});
const mount = (): Dashboard => mountDashboard(fixture, 80);
const until = (app: Dashboard, pattern: RegExp): Promise<string> => frameMatching(app, pattern, { timeout: 15_000 });

describe('dashboard keys at 80×24', () => {
  it('three Tabs in one read land on series 4 of 6', async () => {
    const app = mount();
    await until(app, /\[1\/6\]/);
    app.stdin.write('\t\t\t');
    await until(app, /\[4\/6\]/);
    app.unmount();
  });

  it('= types an assumption while the chosen target and its P stay in sight', async () => {
    const app = mount();
    await until(app, /\[1\/6\]/);
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
