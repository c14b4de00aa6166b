import { describe, expect, it } from 'vitest';
import { backtest, summariseBacktest } from '../../src/evaluate/backtest.js';
import { mase } from '../../src/evaluate/mase.js';
import { smape } from '../../src/evaluate/smape.js';
import { calibrate, calibrationFactors } from '../../src/evaluate/auto.js';
import { naive } from '../../src/models/naive.js';

describe('accuracy measures (definitions in ../shared/bench/README.md)', () => {
  it('sMAPE by hand: 200·|100−110|/(100+110) = 9.5238…, and 0 for y = f = 0', () => {
    expect(smape([100], [110])).toBeCloseTo(200 * 10 / 210, 12);
    expect(smape([0, 100], [0, 110])).toBeCloseTo(100 * 10 / 210, 12);
  });
  it('MASE by hand: training changes 1, 1 → scale 1; errors 0 and 2 → 1', () => {
    expect(mase([1, 2, 3], [4, 6], [4, 4])).toBe(1);
    expect(() => mase([5, 5, 5], [1], [1])).toThrow(/changes/);
  });
});

describe('rolling-origin backtest', () => {
  const y = [10, 12, 11, 13, 15, 14, 16, 18, 17, 19];
  it('expanding window from minTrain, horizons 1..h inside the data, cutoff = last training year', () => {
    const r = backtest(naive, y, { h: 3, minTrain: 7, firstYear: 2010 });
    // Origins 7, 8, 9 (cutoffs 2016, 2017, 2018) give 3 + 2 + 1 forecasts.
    expect(r.rows.map((x) => [x.cutoff, x.h, x.year])).toEqual([
      [2016, 1, 2017], [2016, 2, 2018], [2016, 3, 2019],
      [2017, 1, 2018], [2017, 2, 2019],
      [2018, 1, 2019],
    ]);
    // Naive from cutoff 2016 (value 16) forecasts 16 for 2017 (actual 18).
    expect(r.rows[0]).toMatchObject({ actual: 18, mean: 16 });
  });
  it('summary by hand: MASE of naive from 2016 scaled by that window (mean |change| of 10..16 = 8/6)', () => {
    const r = backtest(naive, y, { h: 1, minTrain: 7, firstYear: 2010, maxOrigins: 1 });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ cutoff: 2018, actual: 19, mean: 17 });
    const s = summariseBacktest(r);
    // Training window 10..17 (origin 9): sum |changes| = 2+1+2+2+1+2+2+1 = 13 over 8 → 1.625; |19−17| / 1.625.
    expect(s.mase).toBeCloseTo(2 / 1.625, 12);
    expect(s.forecasts).toBe(1);
  });
});

describe('interval calibration', () => {
  it('factors by hand: two z = ±2 at h = 1, prior 4 → s = 2/qnorm(0.75), k1² = (2s² + 4)/(2 + 4); h = 2 keeps k1', () => {
    const k = calibrationFactors([{ h: 1, z: 2 }, { h: 1, z: -2 }], 2, { prior: 4 });
    // R: qnorm(0.75) = 0.6744897501960817 (median of |z|); s² = (2 / 0.6744897501960817)² = 8.792454.
    const s2 = (2 / 0.6744897501960817) ** 2;
    expect(k[0]).toBeCloseTo(Math.sqrt((2 * s2 + 4) / 6), 12);
    expect(k[1]).toBeCloseTo(k[0]!, 12);
  });
  it('never narrows: small errors give factor 1', () => {
    expect(calibrationFactors([{ h: 1, z: 0.1 }, { h: 2, z: 0.1 }], 2)).toEqual([1, 1]);
  });
  it('widens each factor to a Student-t quantile on origins + prior: 5 origins of |z| = qnorm(0.75), prior 1 → qt(0.975, 6)/qnorm(0.975)', () => {
    // |z| = qnorm(0.75) = 0.6744897501960817 is the normal median of |z|, so the raw factor is 1.
    const rows = [2001, 2002, 2003, 2004, 2005].map((cutoff, i) => ({ h: 1, z: (i % 2 ? 1 : -1) * 0.6744897501960817, cutoff }));
    // R: qt(0.975, 6) = 2.4469118511449688, qnorm(0.975) = 1.9599639845400536.
    expect(calibrate(rows, 1, { prior: 1, tailPrior: 7 }).factors[0]).toBeCloseTo(2.4469118511449688 / 1.9599639845400536, 9);
  });
  it('grows with the horizon when long-horizon errors are larger', () => {
    const rows = [1, 2, 3].flatMap((h) => Array.from({ length: 20 }, (_, i) => ({ h, z: (i % 2 ? 1 : -1) * h })));
    const k = calibrate(rows, 3).factors;
    expect(k[0]!).toBeLessThan(k[1]!);
    expect(k[1]!).toBeLessThan(k[2]!);
  });
});
