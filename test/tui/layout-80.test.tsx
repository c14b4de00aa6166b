// What an 80×24 fresh-clone trial found cut or hidden, drawn component by component (no App, no
// key presses, so every frame is immediate): lever names cut mid-word, the basis line hiding the
// pro-forma years, a lone actual year hidden under the forecast, the help's footer.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { DashboardState, DashboardView } from '../../src/report/dashboard-report.js';
import type { GoalSeekReport } from '../../src/report/goal-seek.js';
import { renderChartWithLegend, type ChartInput } from '../../src/tui/chart-text.js';
import { Footer } from '../../src/tui/components/Footer.js';
import { GoalSeekView } from '../../src/tui/components/GoalSeekView.js';
import { headerLines } from '../../src/tui/components/Header.js';
import { fitWords } from '../../src/tui/fit-words.js';
import { describeHistoryBases } from '../../src/tui/history-bases.js';
import { createTheme } from '../../src/tui/theme.js';

const plain = createTheme(false, false);
const ascii = createTheme(false, true);
const draw = (node: Parameters<typeof render>[0]): string => {
  const app = render(node);
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
};
const width = (line: string): number => [...line].length;

describe('fitWords', () => {
  it.each([
    ['fits: unchanged', 'Extra FDI every year', 25, '…', 'Extra FDI every year'],
    // The two lever labels the trial saw cut mid-word ('New project capital (regi').
    ['cut at the last whole word', 'New project capital (registered)', 25, '…', 'New project capital…'],
    ['a word ending at the cut is kept', 'Investment rate above base', 24, '…', 'Investment rate above…'],
    ['ASCII ellipsis', 'New project capital (registered)', 25, '...', 'New project capital...'],
    ['one long word: cut inside it, still marked', 'Kapitalbeteiligungsgesellschaft', 10, '…', 'Kapitalbe…'],
  ])('%s', (_, text, room, ellipsis, expected) => {
    const out = fitWords(text, room, ellipsis);
    expect(out).toBe(expected);
    expect(width(out)).toBeLessThanOrEqual(room);
  });
});

describe('describeHistoryBases: the years the tool derived are named', () => {
  // The shape of the shipped growth history (data/haiphong: 2017 on the old city, 2018-2024 a
  // pro-forma of the merged city with status 'derived', 2025 published for the merged city).
  const history = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, basis: year === 2017 ? 'old' : 'new' }));
  const derived = (year: number, basis: string): boolean => basis === 'new' && year <= 2024;
  it.each([
    ['en', 'old ≤2017 + pro-forma new 2018-2024 + new 2025'],
    ['vi', 'old ≤2017 + new quy đổi 2018-2024 + new 2025'],
  ] as const)('%s', (lang, expected) => {
    expect(describeHistoryBases(history, derived, lang)).toBe(expected);
  });
  it('one basis, nothing derived: just its name', () => {
    expect(describeHistoryBases(history.slice(1), () => false, 'en')).toBe('new');
  });
});

describe('header', () => {
  const view = {
    dataset: 'Some city, Some country',
    seriesLabel: 'Real GRDP growth (constant 2010 prices)',
    seriesCount: 6,
    basis: 'old ≤2017 + new 2018-2025',
    model: { requested: 'auto', used: 'local-mean', reason: null },
    scenario: { name: 'growth-accounting', meanPath: '', edited: true },
    horizon: 2030,
  } as unknown as DashboardView;
  const state: DashboardState = { seriesIndex: 0, model: 'auto', scenarioIndex: 0, edits: {}, horizon: 2030, lang: 'en' };

  it('a basis that does not fit beside the settings gets a line of its own, whole, at 80 columns', () => {
    const basis = 'old ≤2017 + pro-forma new 2018-2024 + new 2025';
    const lines = headerLines({ view, state, theme: plain, width: 80, basis });
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('model auto→local-mean · scenario growth-accounting* · to 2030');
    expect(lines[2]).toBe(`basis ${basis}`);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(80);
  });

  it('a short basis stays on the second line; a wide screen holds it all on two', () => {
    expect(headerLines({ view, state, theme: plain, width: 80, basis: 'new' })).toHaveLength(2);
    expect(headerLines({ view, state, theme: plain, width: 130, basis: 'old ≤2017 + pro-forma new 2018-2024 + new 2025' })).toHaveLength(2);
  });
});

describe('goal-seek at 80 columns: lever names whole, or cut at a word with a mark', () => {
  const lever = (key: string, label: string, unit: string, value: number) => ({
    key, label, unit, current: 0, min: 0, max: 100, status: 'reached', direction: 'at least', value, resolution: 0.01, probability: 2 / 3, best: { value: 100, probability: 0.9 }, trials: [], note: null,
  });
  // Labels and values as `targetcast seek AP2026-01 --scenario growth-accounting` gives them (data/haiphong/scenarios).
  const report = (extra: readonly ReturnType<typeof lever>[] = []) =>
    ({
      schemaVersion: 1, kind: 'goal-seek', scenario: 'growth-accounting', goal: 2 / 3,
      target: { id: 'AP2026-01', indicator: 'GRDP growth', unit: '%', goal: 13, when: '2026', basis: 'merged', kind: 'level', threshold: '≈ 13 %', probability: 0.2 },
      levers: [lever('investmentRateExtra', 'Investment rate above base', 'pp of GRDP', 31.35), lever('extraInvestment', 'New project capital (registered)', 'bn US$', 44.96), ...extra],
    }) as unknown as GoalSeekReport;

  it('the shipped labels are shown whole, the columns aligned, every line within 80', () => {
    const frame = draw(<GoalSeekView report={report()} error={null} goal={2 / 3} theme={plain} width={80} lang="en" />);
    expect(frame).toMatch(/Investment rate above base\s+0 pp of GRDP\s+≥ 31\.35 pp of GRDP\s+66\.7%/);
    expect(frame).toMatch(/New project capital \(registered\)\s+0 bn US\$\s+≥ 44\.96 bn US\$\s+66\.7%/);
    for (const l of frame.split('\n')) expect(width(l)).toBeLessThanOrEqual(80);
  });

  it.each([
    ['Unicode', plain, '…'],
    ['ASCII', ascii, '...'],
  ] as const)('a label longer than its room is cut at a word with the ellipsis (%s)', (_, theme, ellipsis) => {
    const long = lever('jobs', 'Jobs beyond the trend in the whole enlarged territory, counted twice a year', 'persons', 409700);
    const frame = draw(<GoalSeekView report={report([long])} error={null} goal={2 / 3} theme={theme} width={80} lang="en" />);
    const row = frame.split('\n').find((l) => l.startsWith('Jobs'))!;
    const label = row.slice(0, row.indexOf(ellipsis) + ellipsis.length);
    expect(label).toMatch(new RegExp(`^Jobs beyond the [a-z ]*[a-z]${ellipsis.replace(/\./g, '\\.')}$`));
    // The word before the mark is a whole word of the label.
    const words = label.slice(0, -ellipsis.length).split(' ');
    expect('Jobs beyond the trend in the whole enlarged territory, counted twice a year'.split(' ').slice(0, words.length)).toEqual(words);
    for (const l of frame.split('\n')) expect(width(l)).toBeLessThanOrEqual(80);
  });
});

describe('chart: a series with a single actual year (GRDP per capita in US$)', () => {
  // The shape of the shipped per-capita chart: one actual year (2025), the forecast starting from it.
  const input: ChartInput = {
    years: [2025, 2026, 2027, 2028, 2029, 2030],
    lines: [
      { values: [null, 7352, 7552, 7783, 7950, 8168], token: 'band' },
      { values: [null, 7962, 8630, 9233, 9984, 10688], token: 'band' },
      { values: [7171, null, null, null, null, null], token: 'history' },
      { values: [7171, 7650, 8123, 8587, 9032, 9494], token: 'forecast' },
    ],
    markers: [{ fromYear: 2030, toYear: 2030, value: 11247, token: 'target' }],
    lastActual: 2025,
    width: 80,
    height: 12,
    unit: 'US$ per person (current)',
  };

  it.each([
    ['Unicode', plain, '●'],
    ['ASCII', ascii, 'o'],
  ] as const)('the point is drawn over the forecast\'s first cell, and the legend shows the point (%s)', (_, theme, point) => {
    const { rows, legend } = renderChartWithLegend(input, theme, 'en');
    const plot = rows.slice(0, -2).map((r) => r.slice(r.indexOf(theme.symbols.axis) + 1));
    expect(plot.filter((r) => r.startsWith(point))).toHaveLength(1);
    expect(legend.join(' ')).toContain(`${point} actual`);
    expect(legend.join(' ')).not.toContain(`${theme.symbols.chart[4]} actual`);
  });

  it('a history of several years keeps the line in the legend', () => {
    const { legend } = renderChartWithLegend({ ...input, lines: input.lines.map((l) => (l.token === 'history' ? { ...l, values: [7000, 7171, null, null, null, null] } : l)) }, plain, 'en');
    expect(legend.join(' ')).toContain('─ actual');
  });
});

describe('footer of the help overlay', () => {
  it.each([
    ['en', 'any key back to the chart'],
    ['vi', 'phím bất kỳ quay lại biểu đồ'],
  ] as const)('%s', (lang, expected) => {
    expect(draw(<Footer keys={[['any key', 'back to the chart']]} theme={plain} lang={lang} width={80} />)).toBe(expected);
  });
});
