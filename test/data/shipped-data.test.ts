// The shipped data sets: every observation sourced, every series described, nothing unexplained.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-dataset.js';
import { parseCsv } from '../../src/data/parse-csv.js';
import { sourceList } from '../../src/report/data-summary.js';

const root = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

describe.each(['data/haiphong', 'data/haiduong'])('%s', (dir) => {
  it('loads without problems or warnings; every series has metadata', async () => {
    const ds = await loadDataset(root(dir));
    expect(ds.warnings).toEqual([]);
    for (const s of ds.series) expect(s.meta, s.key).toBeDefined();
  });

  it('every observation has an http(s) source URL and a status', async () => {
    const ds = await loadDataset(root(dir));
    for (const s of ds.series) {
      for (const o of s.observations) {
        const urls = sourceList(o.source);
        expect(urls.length, `${s.key} ${o.year}`).toBeGreaterThan(0);
        for (const u of urls) expect(u, `${s.key} ${o.year}`).toMatch(/^https?:\/\/\S+$/);
        expect(o.status, `${s.key} ${o.year}`).toBeDefined();
      }
    }
  });

  it('alternates say what they are and why they were not shipped, with a source', () => {
    const { records, problems } = parseCsv(readFileSync(root(`${dir}/alternates.csv`), 'utf8'));
    expect(problems).toEqual([]);
    const header = records[0]!.fields;
    const col = (name: string): number => header.indexOf(name);
    expect(col('why_not_shipped')).toBeGreaterThan(0);
    for (const r of records.slice(1)) {
      expect(r.fields).toHaveLength(header.length);
      expect(r.fields[col('source')]).toMatch(/https?:\/\//);
      expect(r.fields[col('why_not_shipped')]!.length).toBeGreaterThan(10);
    }
  });
});

it('the shipped Hai Phong GRDP growth is the official 2017-2024 pre-merger series and the 2025 merged figure', async () => {
  const ds = await loadDataset(root('data/haiphong'));
  const pre = ds.series.find((s) => s.key === 'grdp_growth_real@pre-merger')!;
  // Figures from data/haiphong/observations.csv (statistics office releases cited there).
  expect(pre.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  expect(pre.values).toEqual([13.93, 16.25, 16.68, 11.22, 12.38, 12.32, 10.34, 11.01]);
  const merged = ds.series.find((s) => s.key === 'grdp_growth_real@merged')!;
  expect(merged.values).toEqual([11.81]);
});

// Issue 13: each corrected figure pinned to the row it comes from.
describe('issue 13 corrections (data/haiphong and data/haiduong)', () => {
  type Row = Record<string, string>;
  const rows = (file: string): Row[] => {
    const { records } = parseCsv(readFileSync(root(file), 'utf8'));
    const header = records[0]!.fields;
    return records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
  };
  const find = (file: string, series: string, year: string, basis: string): Row[] =>
    rows(file).filter((r) => r.series === series && r.year === year && r.basis === basis);
  const value = (file: string, series: string, year: string, basis: string): number => {
    const hits = find(file, series, year, basis);
    expect(hits, `${file} ${series} ${year} ${basis}`).toHaveLength(1);
    return Number(hits[0]!.value);
  };

  it('GRDP per capita 2017 = US$3,770 is the plan restated, so it is an alternate, not an observation', async () => {
    const ds = await loadDataset(root('data/haiphong'));
    expect(ds.series.find((s) => s.key === 'grdp_per_capita_usd@pre-merger')).toBeUndefined();
    // alternates.csv, haiphongdpi.gov.vn: 'ước đạt 3.770 USD, đạt kế hoạch (kế hoạch 3.770 USD)'.
    const alt = find('data/haiphong/alternates.csv', 'grdp_per_capita_usd', '2017', 'pre-merger');
    expect(alt.map((r) => Number(r.value))).toEqual([3770]);
    expect(alt[0]!.why_not_shipped).toMatch(/PLAN/);
  });

  it('H1-2025 growth: merged 11.2, old Hai Phong 11.04, Hai Duong 11.59 (statistics-office breakdown)', () => {
    // context.csv rows citing doanhnghiepkinhdoanh.doanhnhanvn.vn (Chi cục Thống kê Hải Phòng).
    expect(value('data/haiphong/context.csv', 'grdp_growth_h1', '2025', 'merged')).toBe(11.2);
    expect(value('data/haiphong/context.csv', 'grdp_growth_h1', '2025', 'pre-merger')).toBe(11.04);
    expect(value('data/haiduong/context.csv', 'grdp_growth_h1', '2025', 'hai-duong')).toBe(11.59);
    // The Sở Tài chính's earlier 11.46 is kept as an alternate.
    expect(value('data/haiduong/alternates.csv', 'grdp_growth_h1', '2025', 'hai-duong')).toBe(11.46);
  });

  it('the 4,207 mn US$ FDI is the H2-2025 requirement (plan minus H1), not the 2025 outturn', async () => {
    const ds = await loadDataset(root('data/haiphong'));
    expect(ds.series.find((s) => s.key === 'fdi_registered_new_plus_adjusted@merged')).toBeUndefined();
    expect(value('data/haiphong/alternates.csv', 'fdi_registered_new_plus_adjusted', '2025', 'merged')).toBe(4.207);
    // Same article's budget: plan 165,011.6 − 64,017.5 = 100,994.1 = the H1 merged budget in context.csv (thiennhienmoitruong.vn).
    expect(165011.6 - 64017.5).toBeCloseTo(value('data/haiphong/context.csv', 'state_budget_revenue_total_ytd_h1', '2025', 'merged'), 0);
    // FDI: 5,500 − 4,207 = 1,293 ≈ the H1 'gần 1,3 tỷ USD' (thoidai.com.vn), within 10 million US$.
    expect(Math.abs(5500 - 4207 - value('data/haiphong/context.csv', 'fdi_registered_ytd_h1', '2025', 'merged'))).toBeLessThan(10);
  });

  it('exports 2025: the UBND 50.14 bn (merged) is shipped; the statistics office 35 bn is an alternate; 9M 36 bn and 10M 33.37 bn are context', () => {
    expect(value('data/haiphong/observations.csv', 'exports', '2025', 'merged')).toBe(50.14);
    expect(value('data/haiphong/alternates.csv', 'exports', '2025', 'merged')).toBe(35);
    // vneconomy.vn 2025-10-07: 36 bn = 72.4% of the 49.7 scenario, so the 9M figure is merged-basis.
    expect(value('data/haiphong/context.csv', 'exports_ytd_9m', '2025', 'merged')).toBe(36);
    expect((100 * 36) / 49.7).toBeCloseTo(72.4, 1);
    expect(value('data/haiphong/context.csv', 'exports_ytd_10m', '2025', 'merged')).toBe(33.37);
  });

  it('2021-2025: the official average 11.39%/yr is in context.csv; the annual figures compound to 11.57%/yr', async () => {
    expect(value('data/haiphong/context.csv', 'grdp_growth_avg_period', '2021-2025', 'pre-merger')).toBe(11.39);
    const ds = await loadDataset(root('data/haiphong'));
    const pre = ds.series.find((s) => s.key === 'grdp_growth_real@pre-merger')!;
    const merged = ds.series.find((s) => s.key === 'grdp_growth_real@merged')!;
    const g = [2021, 2022, 2023, 2024].map((y) => pre.values[pre.years.indexOf(y)]!).concat(merged.values[merged.years.indexOf(2025)]!);
    expect(g).toEqual([12.38, 12.32, 10.34, 11.01, 11.81]);
    expect(100 * (g.reduce((p, x) => p * (1 + x / 100), 1) ** (1 / 5) - 1)).toBeCloseTo(11.57, 2);
  });

  it('past partial-year and full-year growth pairs exist for a nowcast backtest', async () => {
    const ds = await loadDataset(root('data/haiphong'));
    const full = ds.series.find((s) => s.key === 'grdp_growth_real@pre-merger')!;
    const years = (series: string): number[] =>
      rows('data/haiphong/context.csv')
        .filter((r) => r.series === series && r.basis === 'pre-merger' && full.years.includes(Number(r.year)))
        .map((r) => Number(r.year));
    // context.csv: Q1 2022-2024, H1 2018 and 2022-2024, 9M 2018-2021 and 2023-2024 (old city, each with its source row).
    expect(years('grdp_growth_q1')).toEqual([2022, 2023, 2024]);
    expect(years('grdp_growth_h1')).toEqual([2018, 2022, 2023, 2024]);
    expect(years('grdp_growth_ytd_9m')).toEqual([2018, 2019, 2020, 2021, 2023, 2024]);
  });

  it('every context row has a source URL and a status', () => {
    for (const file of ['data/haiphong/context.csv', 'data/haiduong/context.csv']) {
      for (const r of rows(file)) {
        expect(r.source, `${file} ${r.series} ${r.year}`).toMatch(/^https?:\/\//);
        expect(['official', 'estimate', 'preliminary']).toContain(r.status);
      }
    }
  });

  it('the deflator default is Hai Phong\'s own implied deflator 2022-2024, 0.89%/yr', async () => {
    // observations.csv: grdp_nominal 2021 315.71 and 2024 445.995; grdp_growth_real 2022-2024 12.32, 10.34, 11.01.
    const nominal = value('data/haiphong/observations.csv', 'grdp_nominal', '2024', 'pre-merger') / value('data/haiphong/observations.csv', 'grdp_nominal', '2021', 'pre-merger');
    const real = [2022, 2023, 2024].reduce((p, y) => p * (1 + value('data/haiphong/observations.csv', 'grdp_growth_real', String(y), 'pre-merger') / 100), 1);
    const deflator = 100 * ((nominal / real) ** (1 / 3) - 1);
    expect(deflator).toBeCloseTo(0.89, 2);
    // The region's profile holds the shared assumptions; its scenarios take them from there.
    const a = JSON.parse(readFileSync(root('data/haiphong/region.json'), 'utf8')).assumptions.deflator;
    expect(a.value).toBe(0.89);
    expect(a.note).toMatch(/0\.89%\/yr/);
    for (const s of ['plan', 'investment-push', 'growth-accounting']) expect(JSON.parse(readFileSync(root(`data/haiphong/scenarios/${s}.json`), 'utf8')).assumptions.deflator).toBeUndefined();
  });

  it('the restored plan targets name series that hold the actual figures', async () => {
    const ds = await loadDataset(root('data/haiphong'));
    const targets = JSON.parse(readFileSync(root('data/haiphong/targets.json'), 'utf8')).targets as {
      id: string;
      series: string;
      year: number;
      basis: string;
    }[];
    const actual = (id: string): number | undefined => {
      const t = targets.find((x) => x.id === id)!;
      // A series with one basis only is keyed by its id alone.
      const s = ds.series.find((x) => x.key === `${t.series}@${t.basis}`) ?? ds.series.find((x) => x.key === t.series);
      return s?.values[s.years.indexOf(t.year)];
    };
    // Actuals from observations.csv: growth 2017 13.93, 2018 16.25; FDI 2021 3.13, 2022 2.5, 2023 3.4; budget 2022 107,132.6; GRDP 2010 prices 2020 190.7688.
    expect(['AP2017-01', 'AP2018-01', 'AP2021-02', 'AP2022-06', 'AP2022-07', 'AP2023-03', 'DH15-01'].map(actual)).toEqual([
      13.93, 16.25, 3.13, 2.5, 107132.6, 3.4, 190.7688,
    ]);
    // No 2022 port throughput was found: AP2022-08 stays unjudged until one is.
    expect(actual('AP2022-08')).toBeUndefined();
  });
});
