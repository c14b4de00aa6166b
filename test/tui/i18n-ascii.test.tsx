// The dashboard's components in Vietnamese and in ASCII, and the chart's legend and markers.
// Components are drawn on their own (no App, no key presses), so every frame is immediate.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { ChartData, Lang } from '../../src/report/dashboard-report.js';
import type { GoalSeekReport } from '../../src/report/goal-seek.js';
import type { TargetResult } from '../../src/targets/types.js';
import { chartInputOf, renderChartWithLegend, type ChartInput } from '../../src/tui/chart-text.js';
import { AssumptionPanel } from '../../src/tui/components/AssumptionPanel.js';
import { Chart } from '../../src/tui/components/Chart.js';
import { Footer } from '../../src/tui/components/Footer.js';
import { GoalSeekView } from '../../src/tui/components/GoalSeekView.js';
import { HelpOverlay } from '../../src/tui/components/HelpOverlay.js';
import { TargetDetail } from '../../src/tui/components/TargetDetail.js';
import { TargetTable } from '../../src/tui/components/TargetTable.js';
import { TooSmall } from '../../src/tui/components/TooSmall.js';
import { createTheme, toAscii } from '../../src/tui/theme.js';

const plain = createTheme(false, false);
const ascii = createTheme(false, true);
/** Every character a byte from space to tilde (newlines apart). */
const onlyAscii = (text: string): boolean => /^[\x20-\x7e\n]*$/.test(text);

// Targets shaped as the engine gives them; the wording is data/haiphong/targets.json's (DH1-01, KH2630-02).
const open: TargetResult = {
  id: 'DH1-01', indicator: 'Average annual GRDP growth', document: 'Resolution of the 1st Congress', series: 'grdp_growth_real', basis: 'merged',
  kind: 'average-growth', when: '2026-2030', threshold: '≥ 13 %/yr', unit: '%/yr', goal: 13, years: [2026, 2030], proxy: false,
  source: 'https://example.org/dh1', wordingVi: 'Hải Phòng đặt mục tiêu tăng trưởng GRDP bình quân 13%/năm', status: 'open', verdict: 'off track',
  actual: null, gap: null, requiredGrowth: 13, bestGrowth: 16.7, recentGrowth: 11.3, probability: 0.04, probabilitySe: 0.002, borderline: false, provisional: false,
  reachYear: null, bridged: [], note: null,
};
const proxy = (suffix: string, goal: number): TargetResult => ({
  ...open, id: `PROXY-2045-${suffix}`, kind: 'level', when: '2045', threshold: `> ${goal} USD per person`, unit: 'USD per person', goal, years: [2045, 2045],
  proxy: true, verdict: 'on track', probability: 0.9, wordingVi: undefined,
});
const targets = [open, proxy('HI', 14005), proxy('R45', 29900), proxy('HANOI', 36000)];

const seek = {
  schemaVersion: 1, kind: 'goal-seek', scenario: 'growth-accounting', goal: 2 / 3, target: open,
  levers: [
    { key: 'extraFdi', label: 'Extra FDI every year', unit: 'bn US$/yr', current: 0, min: 0, max: 20, status: 'reached', direction: 'at least', value: 12.1, resolution: 0.1, probability: 0.67, best: { value: 20, probability: 0.9 }, trials: [], note: null },
    { key: 'jobs', label: 'Jobs the projects bring', unit: 'persons', current: 17000, min: 0, max: 100000, status: 'out of range', direction: 'at least', value: null, resolution: 1000, probability: 0.1, best: { value: 100000, probability: 0.1 }, trials: [], note: null },
  ],
} as unknown as GoalSeekReport;

const assumptions = [
  { key: 'jobs', label: 'Jobs the projects bring', value: 17000, unit: 'persons', min: 0, max: 100000, step: 1000, source: null, edited: false },
  { key: 'extraFdi', label: 'Extra FDI every year', value: 2.5, unit: 'bn US$/yr', min: 0, max: 20, step: 0.25, source: null, edited: true },
];

// A growth chart like the shipped one at 80×24: 12.5, 13 and 13.5% targets for 2026-2030 (Q821-02, DH1-01, Q1516-02).
const chart: ChartData = {
  years: [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030],
  history: [2.9, 12.4, 12.3, 10.3, 11.0, 11.8, null, null, null, null, null],
  mean: [null, null, null, null, null, 11.8, 10.9, 9.5, 8.6, 8.0, 7.6],
  lo80: [null, null, null, null, null, null, 8, 6, 5, 4.5, 4],
  hi80: [null, null, null, null, null, null, 14, 13, 12.4, 12, 11.8],
  markers: [
    { fromYear: 2026, toYear: 2030, value: 12.5, met: false },
    { fromYear: 2026, toYear: 2030, value: 13, met: false },
    { fromYear: 2026, toYear: 2030, value: 13.5, met: false },
    { fromYear: 2022, toYear: 2022, value: 13, met: false },
  ],
  lastActual: 2025,
  unit: '% y/y',
};

function frames(lang: Lang, theme = plain): Record<string, string> {
  const draw = (node: Parameters<typeof render>[0]): string => {
    const app = render(node);
    const frame = app.lastFrame() ?? '';
    app.unmount();
    return frame;
  };
  return {
    table: draw(<TargetTable targets={targets} selected={0} theme={theme} width={80} height={6} lang={lang} />),
    detail: draw(<TargetDetail target={open} theme={theme} width={80} lang={lang} />),
    footer: draw(<Footer keys={[['Tab', 'series'], ['m', 'model'], ['↑/↓', 'target'], ['g', 'goal-seek'], ['?', 'keys'], ['q', 'quit']]} theme={theme} lang={lang} />),
    help: draw(<HelpOverlay theme={theme} width={80} lang={lang} />),
    seek: draw(<GoalSeekView report={seek} error={null} goal={2 / 3} theme={theme} width={80} lang={lang} />),
    seekWorking: draw(<GoalSeekView report={null} error={null} goal={2 / 3} theme={theme} width={80} lang={lang} />),
    small: draw(<TooSmall columns={79} rows={24} lang={lang} theme={theme} />),
    panel: draw(<AssumptionPanel assumptions={assumptions} selected={0} theme={theme} width={36} height={6} lang={lang} message={null} />),
    chart: draw(<Chart chart={chart} theme={theme} width={80} height={10} lang={lang} />),
  };
}

describe('Vietnamese (--lang vi, l)', () => {
  const vi = frames('vi');
  it.each([
    ['table', /Mục tiêu\s+KỲ\s+CHỈ TIÊU\s+CẦN\/ĐẠT\s+P\s+ĐÁNH GIÁ/],
    ['table', /CHỆCH HƯỚNG/],
    ['table', /%\/năm/],
    ['detail', /Chỉ tiêu/],
    ['detail', /Nguyên văn\s+Hải Phòng đặt mục tiêu tăng trưởng GRDP bình quân 13%\/năm/],
    ['detail', /Trạng thái\s+đang diễn ra, chệch hướng/],
    ['footer', /^Tab chuỗi {2}m mô hình {2}↑\/↓ mục tiêu {2}g cần gì {2}\? phím {2}q thoát/],
    ['help', /Phím của targetcast/],
    ['help', /chuỗi tiếp \/ trước/],
    ['help', /Đánh giá: đúng hướng P ≥ 2\/3/],
    ['seek', /Cần gì để đạt: DH1-01/],
    ['seek', /Kịch bản growth-accounting: P hiện 4%; để P ≥ 66\.7%, từng đòn bẩy riêng lẻ/],
    ['seek', /ĐÒN BẨY\s+HIỆN TẠI\s+CẦN/],
    ['seek', /FDI tăng thêm mỗi năm\s+0 tỷ USD\/năm\s+≥ 12\.1 tỷ USD\/năm/],
    ['seek', /Việc làm tăng thêm\s+17,000 người\s+chưa đủ: 100,000 người/],
    ['seekWorking', /đang tính từng đòn bẩy để P ≥ 66\.7%/],
    ['small', /cửa sổ quá nhỏ: cần 80×24 \(hiện 79×24\); q để thoát/],
    ['panel', /Giả định \(←\/→ đổi/],
    ['panel', /Việc làm tăng thêm\s+17,000 người/],
    ['chart', /thực tế .*dự báo .*khoảng 80%/],
    ['chart', /mục tiêu giai đoạn/],
  ])('%s: %s', (view, pattern) => {
    // Wrapped lines joined: a phrase may break anywhere at 80 columns.
    expect(vi[view]!.replace(/\n\s*/g, ' ')).toMatch(pattern);
  });

  it('leaves no English label in the views (the data, ids and model names aside)', () => {
    const english = /\b(Target|Indicator|Status|WHEN|GOAL|VERDICT|series|model|scenario|quit|help|Scenario|each lever|working|actual|forecast|band|period target|terminal too small|Assumptions)\b/;
    for (const [view, frame] of Object.entries(vi)) {
      // Data in the frames: indicator, document, source, lever keys; English by nature.
      const words = frame.replace(/Average annual GRDP growth|Resolution of the 1st Congress|https:\S+|growth-accounting|extraFdi|jobs:/g, '');
      expect(words, view).not.toMatch(english);
    }
  });

  it('the English detail view has no Vietnamese wording row', () => {
    expect(frames('en').detail).not.toMatch(/Hải Phòng/);
  });
});

describe('ASCII (--ascii, TERM=dumb)', () => {
  it.each(['en', 'vi'] as const)('every view prints ASCII only (%s)', (lang) => {
    for (const [view, frame] of Object.entries(frames(lang, ascii))) {
      const bad = [...frame].filter((c) => !onlyAscii(c));
      expect(bad, `${view}:\n${frame}`).toEqual([]);
    }
  });

  it('the one mapping (toAscii): symbols, arrows and Vietnamese letters', () => {
    expect(toAscii('P ≥ 2/3 · ≤ 5 ≈ 13 ± 0.2 … → ←/→ ↑/↓ 80×24')).toBe('P >= 2/3 . <= 5 ~ 13 +- 0.2 ... -> <-/-> ^/v 80x24');
    expect(toAscii('Mục tiêu đạt: CHỆCH HƯỚNG, Đà Nẵng')).toBe('Muc tieu dat: CHECH HUONG, Da Nang');
    expect(toAscii('◆┄─═┆│┤└╭╮╰╯╔╗╚╝')).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('chart', () => {
  // The dashboard's own renderer input (chartInputOf), with this file's last actual year and unit.
  const input: ChartInput = { ...chartInputOf(chart, 80, 9, 'en'), lastActual: 2025, unit: '% y/y' };

  it('the legend has an entry for every mark drawn, the period-target line too', () => {
    const { legend } = renderChartWithLegend(input, plain, 'en');
    const text = legend.join(' ');
    for (const entry of ['─ actual', '═ forecast', '· 80% band', '┆ last actual', '◆ target', '┄ period target']) expect(text).toContain(entry);
  });

  it('targets on one row are one marker with a note of their values', () => {
    // At some chart heights 12.5, 13 and 13.5 share a row, at others they do not: where they
    // do, one diamond starts the row and the legend lists the three values.
    let together = 0;
    for (let height = 4; height <= 14; height += 1) {
      const periods = input.markers.filter((m) => m.fromYear !== m.toYear);
      const { rows, legend } = renderChartWithLegend({ ...input, markers: periods, height }, plain, 'en');
      const periodRows = rows.filter((r) => r.includes('┄'));
      if (periodRows.length !== 1) continue;
      together += 1;
      expect(legend.join(' ')).toContain('◆ 12.5/13/13.5%');
      expect([...periodRows[0]!].filter((c) => c === '◆')).toHaveLength(1);
    }
    expect(together).toBeGreaterThan(0);
  });

  it.each([
    ['Unicode', plain],
    ['ASCII', ascii],
  ])('actual and forecast are drawn with different characters, without colour (%s)', (_, theme) => {
    const only = (token: 'history' | 'forecast'): Set<string> => {
      const { rows } = renderChartWithLegend({ ...input, lines: input.lines.filter((l) => l.token === token), markers: [], lastActual: null }, theme, 'en');
      return new Set(rows.slice(0, -2).flatMap((r) => [...r.slice(r.indexOf(theme.symbols.axis) + 1)]).filter((c) => c !== ' '));
    };
    const history = only('history');
    const forecast = only('forecast');
    expect(history.size).toBeGreaterThan(0);
    expect(forecast.size).toBeGreaterThan(0);
    expect([...history].filter((c) => forecast.has(c))).toEqual([]);
  });

  it('fits 80 columns in both languages', () => {
    for (const lang of ['en', 'vi'] as const) {
      const { rows, legend } = renderChartWithLegend(input, plain, lang);
      for (const line of [...rows, ...legend]) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });
});

describe('truncation', () => {
  it('the target table keeps the three 2045 proxies apart at 80 columns', () => {
    const table = frames('en').table;
    for (const id of ['~PROXY-2045-HI ', '~PROXY-2045-R45 ', '~PROXY-2045-HANOI ']) expect(table).toContain(id);
  });

  it('an assumption value is never cut: a long label is clipped instead', () => {
    const panel = frames('en').panel;
    expect(panel).toMatch(/Jobs the projects.* 17,000 persons\n/);
    expect(panel).toMatch(/ 2\.5 bn US\$\/yr\*/);
  });
});
