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
