// The built program in a real terminal: tmux at 80×24, keys sent with send-keys, the screen
// read with capture-pane (as an analyst over SSH would see it). Every wait polls for a condition
// (a screen, or the terminal in raw mode) until a generous timeout; none waits a fixed time.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../cli/run-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `targetcast-e2e-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', session);

/** Polls `probe` every 50 ms until `pattern` matches what it returns; fails with the last value after `timeout` ms. */
async function poll(probe: () => string, pattern: RegExp, what: string, timeout: number): Promise<string> {
  const start = Date.now();
  let last = '';
  for (;;) {
    last = probe();
    if (pattern.test(last)) return last;
    if (Date.now() - start > timeout) throw new Error(`after ${timeout} ms ${what} never matched ${pattern}; last:\n${last}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const waitFor = (pattern: RegExp, timeout = 30_000): Promise<string> => poll(screen, pattern, 'the screen', timeout);

/**
 * The dashboard reads keys: its terminal is in raw mode (-icanon), which Ink sets just after the
 * first frame. A key sent before would sit in the line buffer and be echoed onto the screen.
 */
async function readingKeys(): Promise<void> {
  const tty = tmux('display-message', '-p', '-t', session, '#{pane_tty}').trim();
  await poll(() => execFileSync('stty', ['-a', '-F', tty], { encoding: 'utf8' }), /(^|\s)-icanon(\s|$)/m, `${tty}'s mode`, 30_000);
}

/** Sends the keys in one send-keys, as one burst; the caller then waits for the screen they must produce. */
function keys(...k: string[]): void {
  tmux('send-keys', '-t', session, ...k);
}
const probability = (s: string, id: string): number => Number(new RegExp(`${id}\\s.*?(\\d+(?:\\.\\d)?)%\\s+\\S+ (?:ON TRACK|AT RISK|OFF TRACK)`).exec(s)?.[1]);
/** Back on the chart and the targets table: the detail, help and goal-seek views say "Esc back". */
const BACK_ON_CHART = /Targets\s+WHEN(?![\s\S]*Esc back)/;

afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('dashboard in tmux at 80×24', () => {
  it('start, chart and targets, change series and an assumption, help, resize, quit', async () => {
    // CI=true as CI runners set it: Ink would then draw nothing until exit (is-in-ci), so the
    // dashboard clears it; a run without it is the plain start checked below.
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, `CI=true node ${CLI}; echo EXIT=$?; sleep 60`);
    let s = await waitFor(/Targets\s+WHEN/);
    expect(s).toMatch(/\[1\/6\] Real GRDP growth/);
    expect(s).toMatch(/2017 .*2029/);
    expect(s).toMatch(/Q1516-02 .*OFF TRACK/);
    expect(s.split('\n').every((line) => [...line].length <= 80)).toBe(true);
    await readingKeys();

    keys('Tab');
    s = await waitFor(/\[2\/6\] GRDP per capita/);
    expect(s).toMatch(/KH2630-02/);
    // Keys that arrive in one read each count: three Tabs from series 1 land on series 4.
    keys('1');
    await waitFor(/\[1\/6\]/);
    keys('Tab', 'Tab', 'Tab');
    await waitFor(/\[4\/6\]/);
    keys('1', 's', 's');
    s = await waitFor(/\[1\/6\][\s\S]*scenario investment-push /);
    const before = probability(s, 'DH1-01');
    expect(before).toBeGreaterThanOrEqual(0);
    // Raise the sustained extra FDI to 2 bn US$ a year (8 steps of 0.25) in the assumptions panel.
    keys('a', 'Down', 'Down', 'Down', 'Down', 'Down', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right');
    s = await waitFor(/Extra FDI every year\s+2 bn US\$\/yr\*/);
    keys('a');
    s = await waitFor(/Targets\s+WHEN/);
    expect(s).toMatch(/scenario investment-push\*/);
    expect(probability(s, 'DH1-01')).toBeGreaterThan(before);

    // What would it take for the first target, under the edited scenario (10,000 paths).
    keys('g');
    s = await waitFor(/Extra FDI every year\s+2 bn US\$\/yr\s+\S+/, 60_000);
    expect(s).toMatch(/What would it take: AP2026-01/);
    // A lone Esc is only known as Esc once no more bytes follow, so nothing is sent with it.
    keys('Escape');
    await waitFor(BACK_ON_CHART);

    keys('?');
    await waitFor(/targetcast keys/);
    keys('Escape');
    await waitFor(BACK_ON_CHART);

    tmux('resize-window', '-t', session, '-x', '120', '-y', '30');
    s = await waitFor(/Assumptions \(←\/→ change/);
    expect(s).toMatch(/Targets\s+WHEN/);
    tmux('resize-window', '-t', session, '-x', '70', '-y', '20');
    await waitFor(/terminal too small: need 80×24 \(now 70×20\)/);
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitFor(/Targets\s+WHEN/);

    // The assumption was edited and not saved: q asks once, a second q quits.
    keys('q');
    await waitFor(/unsaved edits: q again quits, w saves them/);
    keys('q');
    s = await waitFor(/EXIT=0/);
    // The alternate screen is left: the dashboard is gone from the terminal.
    expect(s).not.toMatch(/Targets\s+WHEN/);
  }, 300_000);

  it('starts and quits the same way outside CI', async () => {
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, `env -u CI -u CONTINUOUS_INTEGRATION node ${CLI}; echo EXIT=$?; sleep 60`);
    const s = await waitFor(/Targets\s+WHEN/);
    expect(s).toMatch(/\[1\/6\] Real GRDP growth/);
    await readingKeys();
    keys('q');
    expect(await waitFor(/EXIT=0/)).not.toMatch(/Targets\s+WHEN/);
  }, 120_000);
});
