// The built program in a real terminal: tmux at 80×24, keys sent with send-keys, the screen
// read with capture-pane (as an analyst over SSH would see it).
import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../cli/run-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `targetcast-e2e-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', session);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(pattern: RegExp, timeout = 15000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeout) {
    last = screen();
    if (pattern.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`screen never matched ${pattern}; last screen:\n${last}`);
}
async function keys(...k: string[]): Promise<void> {
  for (const key of k) {
    tmux('send-keys', '-t', session, key);
    await sleep(120);
  }
}
const probability = (s: string, id: string): number => Number(new RegExp(`${id}\\s.*?(\\d+)%\\s+\\S+ (?:ON TRACK|AT RISK|OFF TRACK)`).exec(s)?.[1]);

afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('dashboard in tmux at 80×24', () => {
  it('start, chart and targets, change series and an assumption, help, resize, quit', async () => {
    // CI=true as CI runners set it: Ink would then draw nothing until exit (is-in-ci), so the
    // dashboard clears it; a run without it is the plain start checked below.
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, `CI=true node ${CLI}; echo EXIT=$?; sleep 30`);
    let s = await waitFor(/Targets\s+WHEN/);
    expect(s).toMatch(/\[1\/5\] Real GRDP growth/);
    expect(s).toMatch(/2017 .*2029/);
    expect(s).toMatch(/Q1516-02 .*OFF TRACK/);
    expect(s.split('\n').every((line) => [...line].length <= 80)).toBe(true);

    await keys('Tab');
    s = await waitFor(/\[2\/5\] GRDP per capita/);
    expect(s).toMatch(/KH2630-02/);
    await keys('1', 's', 's');
    s = await waitFor(/scenario investment-push/);
    const before = probability(s, 'DH1-01');
    // Raise the sustained extra FDI to 2 bn US$ a year in the assumptions panel.
    await keys('a', 'Down', 'Down', 'Down', 'Down', 'Down', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right');
    s = await waitFor(/Extra FDI every year\s+2 bn US\$\/yr\*/);
    await keys('a');
    s = await waitFor(/Targets\s+WHEN/);
    expect(s).toMatch(/scenario investment-push\*/);
    expect(probability(s, 'DH1-01')).toBeGreaterThan(before);

    // What would it take for the first target, under the edited scenario (10,000 paths).
    await keys('g');
    s = await waitFor(/Extra FDI every year\s+2 bn US\$\/yr\s+\S+/);
    expect(s).toMatch(/What would it take: AP2026-01/);
    await keys('Escape');
    await waitFor(/Targets\s+WHEN/);

    await keys('?');
    await waitFor(/targetcast keys/);
    await keys('Escape');
    await waitFor(/Targets\s+WHEN/);

    tmux('resize-window', '-t', session, '-x', '120', '-y', '30');
    s = await waitFor(/Assumptions \(←\/→ change/);
    expect(s).toMatch(/Targets\s+WHEN/);
    tmux('resize-window', '-t', session, '-x', '70', '-y', '20');
    await waitFor(/terminal too small: need 80×24 \(now 70×20\)/);
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitFor(/Targets\s+WHEN/);

    await keys('q');
    s = await waitFor(/EXIT=0/);
    // The alternate screen is left: the dashboard is gone from the terminal.
    expect(s).not.toMatch(/Targets\s+WHEN/);
  }, 60000);

  it('starts and quits the same way outside CI', async () => {
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, `env -u CI -u CONTINUOUS_INTEGRATION node ${CLI}; echo EXIT=$?; sleep 30`);
    const s = await waitFor(/Targets\s+WHEN/);
    expect(s).toMatch(/\[1\/5\] Real GRDP growth/);
    await keys('q');
    expect(await waitFor(/EXIT=0/)).not.toMatch(/Targets\s+WHEN/);
  }, 30000);
});
