// The dashboard's views and keys, with ink-testing-library at 80 and 120 columns.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtestFor, saveScenarioFile, setupDashboard, type DashboardSetup } from '../../src/cli/commands/dashboard.js';
import { App } from '../../src/tui/App.js';
import { createTheme } from '../../src/tui/theme.js';

const DATA = fileURLToPath(new URL('../../data/haiphong', import.meta.url));
let setup: DashboardSetup;
let saveDir: string;
beforeAll(async () => {
  setup = await setupDashboard(DATA, 'test', 500);
  saveDir = mkdtempSync(join(tmpdir(), 'targetcast-save-'));
});

const KEY = { tab: '\t', up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', escape: '\u001B' };
const tick = (ms = 60) => new Promise((r) => setTimeout(r, ms));

function mount(columns: number, rows = 24, color = false) {
  return render(
    <App
      dataset={setup.dataset}
      engine={setup.engine}
      scenarios={setup.scenarios}
      series={setup.series}
      theme={createTheme(color, false)}
      saveScenario={(name, scenario, overwrite) => saveScenarioFile(saveDir, name, scenario, overwrite)}
      backtestOf={(s) => backtestFor(setup, s)}
      size={{ columns, rows }}
    />,
  );
}
async function press(app: ReturnType<typeof mount>, ...keys: string[]) {
  for (const k of keys) {
    app.stdin.write(k);
    await tick();
  }
  return app.lastFrame() ?? '';
}
const lines = (frame: string) => frame.split('\n');
const width = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

describe.each([80, 120])('dashboard at %i columns', (columns) => {
  it('opens on GRDP growth: header, chart with years, targets with verdicts in words, footer of keys; fits the screen', async () => {
    const app = mount(columns);
    await tick();
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/targetcast · Hai Phong city, Vietnam · \[1\/5\] Real GRDP growth/);
    expect(frame).toMatch(/scenario baseline · to 2030/);
    expect(frame).toMatch(/2017 .* 2025 .* 2029/);
    expect(frame).toMatch(/Q1516-02 .* OFF TRACK/);
    expect(frame).toMatch(/Tab series {2}m model {2}s scenario/);
    expect(lines(frame).length).toBeLessThanOrEqual(24);
    for (const l of lines(frame)) expect(width(l)).toBeLessThanOrEqual(columns);
    app.unmount();
  });

  it('Tab and number keys switch series; h cycles the horizon; m the model; s the scenario', async () => {
    const app = mount(columns);
    await tick();
    expect(await press(app, KEY.tab)).toMatch(/\[2\/5\] GRDP per capita \(current US\$\)/);
    expect(await press(app, '3')).toMatch(/\[3\/5\] State budget revenue/);
    expect(await press(app, '1', '\u001B[Z')).toMatch(/\[5\/5\]/); // Shift-Tab wraps to the last series
    expect(await press(app, '1', 'h')).toMatch(/to 2045/);
    expect(await press(app, 'h')).toMatch(/to 2025/);
    expect(await press(app, 'm')).toMatch(/model naive/);
    expect(await press(app, 's')).toMatch(/scenario growth-accounting/); // scenarios in name order
    expect(await press(app, 's')).toMatch(/scenario investment-push/);
    app.unmount();
  });

  it('editing an assumption recomputes the targets at once, marks the edit, and r resets', async () => {
    const app = mount(columns);
    await tick();
    await press(app, 's', 's'); // growth-accounting, then investment-push
    if (columns < 110) await press(app, 'a'); // the panel takes the table's place at 80 columns
    const before = app.lastFrame()!;
    // Down to extraFdi (deflator, fxChange, populationGrowth, extraInvestment, investmentYears, extraFdi) and raise it.
    const after = await press(app, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.right, KEY.right, KEY.right, KEY.right);
    expect(after).toMatch(/Extra FDI every year\s+1 bn US\$\/yr\*/);
    expect(after).toMatch(/scenario investment-push\*/);
    if (columns < 110) await press(app, 'a');
    const withTable = app.lastFrame()!;
    const p = (frame: string) => Number(/DH1-01 .*?(\d+)%\s+[○◐●]/.exec(frame)?.[1]);
    const base = await (async () => {
      const fresh = mount(columns);
      await tick();
      await press(fresh, 's', 's');
      const f = fresh.lastFrame()!;
      fresh.unmount();
      return p(f);
    })();
    expect(p(withTable)).toBeGreaterThan(base);
    expect(await press(app, 'r')).not.toMatch(/investment-push\*/);
    expect(before).not.toBe(after);
    app.unmount();
  });

  it('d shows observations with status and source; b the model comparison; Esc returns', async () => {
    const app = mount(columns);
    await tick();
    expect(await press(app, '3', 'd')).toMatch(/2024\s+118255\.3\s+official\s+https?:\/\//);
    expect(await press(app, KEY.escape, 'b')).toMatch(/models by backtest.*\n.*MODEL\s+N\s+sMAPE\s+MASE/);
    expect(await press(app, KEY.escape)).toMatch(/Targets\s+WHEN/);
    app.unmount();
  });

  it('Enter opens the chosen target with its source; ? shows the help overlay; any key closes it', async () => {
    const app = mount(columns);
    await tick();
    if (columns >= 110) await press(app, 'a'); // move focus from the side panel to the table
    const detail = await press(app, KEY.down, KEY.down, KEY.enter);
    expect(detail).toMatch(/Target\s+Q821-02/);
    expect(detail).toMatch(/Source\s+https?:\/\//);
    expect(await press(app, KEY.escape, '?')).toMatch(/targetcast keys/);
    expect(await press(app, 'x')).toMatch(/Targets\s+WHEN/);
    app.unmount();
  });
  it('g on a target: "working" first, then each lever\'s value needed; ←/→ change the probability sought; a scenario without levers says which have them', async () => {
    const app = mount(columns);
    await tick();
    const row = lines(app.lastFrame()!).filter((l) => /^\s*[▶ ]?[A-Z]+\d/.test(l)).findIndex((l) => /DH1-01/.test(l));
    expect(row).toBeGreaterThanOrEqual(0);
    if (columns >= 110) await press(app, 'a'); // wide: ↑/↓ move the assumption until focus moves to the targets
    for (let i = 0; i < row; i += 1) await press(app, KEY.down);
    const flat = (f: string) => f.replace(/\s+/g, ' ');
    expect(flat(await press(app, 'g'))).toMatch(/Scenario baseline has no levers to move .* Press s until growth-accounting or investment-push/);
    const working = await press(app, 's');
    expect(working).toMatch(/working out each lever for P ≥ 66\.7%|What would it take: DH1-01/);
    await waitFor(app, /TFP growth above trend/);
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/What would it take: DH1-01 ≥ 13%\/yr 2026-2030 \(merged\)/);
    const tfp = Number(/TFP growth above trend\s+0 pp\/yr\s+≥ ([\d.]+) pp\/yr/.exec(frame)?.[1]);
    expect(tfp).toBeGreaterThan(0);
    for (const l of lines(frame)) expect(width(l)).toBeLessThanOrEqual(columns);
    // ←/→ move the probability sought on a 5-point grid: 66.7% → 60% → 55%.
    await press(app, KEY.left, KEY.left);
    await waitFor(app, /for P ≥\s+55%/);
    await waitFor(app, /TFP growth above trend\s+0 pp\/yr\s+≥ [\d.]+ pp\/yr/);
    const lower = Number(/TFP growth above trend\s+0 pp\/yr\s+≥ ([\d.]+) pp\/yr/.exec(app.lastFrame()!)?.[1]);
    expect(lower).toBeLessThan(tfp);
    expect(await press(app, KEY.escape)).toMatch(/Targets\s+WHEN/);
    app.unmount();
  });
});

async function waitFor(app: ReturnType<typeof mount>, pattern: RegExp, timeout = 10000): Promise<void> {
  const start = Date.now();
  while (!pattern.test(app.lastFrame() ?? '')) {
    if (Date.now() - start > timeout) throw new Error(`frame never matched ${pattern}:\n${app.lastFrame()}`);
    await tick(50);
  }
}

describe('dashboard edge cases', () => {
  it('g judges with the model chosen by m, as the table does', async () => {
    const app = mount(80);
    await tick();
    await press(app, 's', 'm'); // growth-accounting, model naive
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/model naive/);
    const tableP = /AP2026-01 .*?(\d+(?:\.\d)?)%\s+[○◐●]/.exec(frame)?.[1];
    expect(tableP).toBeDefined();
    await press(app, 'g');
    await waitFor(app, /P now \d/);
    expect(app.lastFrame()!).toMatch(new RegExp(`What would it take: AP2026-01[\\s\\S]*P now ${tableP}%`));
    app.unmount();
  });
  it('wide, with the focus on the assumptions, g and Enter say how to choose a target', async () => {
    const app = mount(120);
    await tick();
    const frame = (await press(app, 'g')).replace(/\s+/g, ' ');
    expect(frame).toMatch(/pick a target: a, ↑\/↓, then g/);
    expect((await press(app, '\r')).replace(/\s+/g, ' ')).toMatch(/pick a target: a, ↑\/↓, then Enter/);
    expect(frame).not.toMatch(/What would it take/);
    app.unmount();
  });
  it('below 80×24 says the terminal is too small', async () => {
    const app = mount(79, 24);
    await tick();
    expect(app.lastFrame()).toMatch(/terminal too small: need 80×24 \(now 79×24\)/);
    app.unmount();
  });

  it('--lang vi labels (l key) in Vietnamese from the series metadata', async () => {
    const app = mount(80);
    await tick();
    const frame = await press(app, 'l');
    expect(frame).toMatch(/Thành phố Hải Phòng/);
    expect(frame).toMatch(/kịch bản baseline/);
    expect(frame).toMatch(/Mục tiêu/);
    app.unmount();
  });

  it('without colour there are no escape codes; with colour verdicts are painted', async () => {
    const plain = mount(80, 24, false);
    await tick();
    expect(plain.lastFrame()).not.toMatch(/\u001b\[/);
    plain.unmount();
    const coloured = mount(80, 24, true);
    await tick();
    expect(coloured.lastFrame()).toMatch(/\u001b\[/);
    coloured.unmount();
  });

  it('w saves the edited scenario under a new name, and never overwrites without asking', async () => {
    const app = mount(80);
    await tick();
    await press(app, 'a', KEY.right); // deflator 2.8 → 3.3
    await press(app, 'w');
    await press(app, 'x'); // name: baseline-editedx
    const saved = await press(app, KEY.enter);
    expect(saved).toMatch(/saved models\/scenarios\/baseline-editedx\.json/);
    const doc = JSON.parse(readFileSync(join(saveDir, 'baseline-editedx.json'), 'utf8'));
    expect(doc.assumptions.deflator.value).toBe(3.3);
    await press(app, 'w', 'x');
    expect(await press(app, KEY.enter)).toMatch(/baseline-editedx exists: overwrite\? y\/n/);
    expect(await press(app, 'n')).toMatch(/not saved: baseline-editedx exists/);
    app.unmount();
  });
});
