// The backtest written series by series is the same document as built whole, and a long series
// uses at most MAX_BACKTEST_ORIGINS origins (the latest).
import { describe, expect, it } from 'vitest';
import { renderBacktest } from '../../src/cli/commands/backtest.js';
import { jsonDocument } from '../../src/cli/io.js';
import type { Dataset, Series } from '../../src/core/types.js';
import { backtestEntry, buildBacktestReport, MAX_BACKTEST_ORIGINS } from '../../src/report/backtest-report.js';

// A steady 3%-a-year level with a small wobble: 60 years (1961-2020), and a short one.
const series = (key: string, n: number): Series => {
  const values = Array.from({ length: n }, (_, i) => 100 * 1.03 ** i * (1 + 0.01 * Math.sin(i)));
  return { id: key, basis: '', key, years: values.map((_, i) => 2021 - n + i), values, observations: [] };
};
const dataset: Dataset = { info: { id: 't', nameEn: 't', nameVi: 't', description: '', bases: {} }, file: 't.csv', hash: '0', series: [series('long', 60), series('short', 12)], warnings: [] };
const request = { models: ['naive', 'drift', 'theta'], h: 3, minTrain: 6, version: 'test' };

describe('backtest', () => {
  it('streamed JSON is the text of the whole report', async () => {
    const whole = jsonDocument(buildBacktestReport(dataset, dataset.series, request), '2026-01-01T00:00:00.000Z');
    expect(await renderBacktest(buildBacktestReport(dataset, dataset.series, request), 'json', '2026-01-01T00:00:00.000Z')).toBe(whole);
  });

  it(`a 60-year series is backtested from its latest ${MAX_BACKTEST_ORIGINS} origins`, () => {
    const cutoffs = new Set(backtestEntry(dataset.series[0]!, request).models[0]!.rows.map((r) => r.cutoff));
    expect(cutoffs.size).toBe(MAX_BACKTEST_ORIGINS);
    // The last origin leaves one year to forecast (2020); the first of the 30 is 29 years before it.
    expect(Math.max(...cutoffs)).toBe(2019);
    expect(Math.min(...cutoffs)).toBe(1990);
  });
});
