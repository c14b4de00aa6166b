// `auto` uses the median combination and calibrates from its own backtest; the median drops a
// member that runs away. Benchmark figures behind these choices: README, "Accuracy and speed".
import { describe, expect, it } from 'vitest';
import { normal } from '../../src/core/dist.js';
import { calibrate, candidatesFor, chooseModel, LEVEL_CANDIDATES } from '../../src/evaluate/auto.js';
import { combineFitted } from '../../src/models/combination.js';
import type { Fitted } from '../../src/models/model.js';
import { combo } from '../../src/models/registry.js';

/** A fitted stand-in whose forecast at every step is N(mean, 1) and whose paths are mean + z. */
const constant = (model: string, mean: number): Fitted => ({
  model,
  n: 3,
  fitted: [mean, mean, mean],
  params: {},
  sigma: 1,
  aicc: null,
  forecastDists: (h) => Array.from({ length: h }, () => normal(mean, 1)),
  samplePath: (h, z) => Array.from({ length: h }, (_, i) => mean + z[i + 1]!),
});

describe('trimmed combination', () => {
  const members = [constant('a', 1), constant('b', 2), constant('c', 4), constant('d', 1000)];
  it.each([
    // trim, point: the mean of the members kept (by hand)
    [0, (1 + 2 + 4 + 1000) / 4],
    [1, (2 + 4) / 2],
    [5, (2 + 4) / 2], // trim is lowered to ⌊(4 − 1)/2⌋ = 1
  ])('trim %i: point %d', (trim, point) => {
    const f = combineFitted('m', 3, members, trim);
    const d = f.forecastDists(2);
    expect(d[0]!.type).toBe('average');
    // The average of N(2, 1) and N(4, 1) quantiles is N(3, 1): its median is the mean of the parts.
    const parts = (d[0] as unknown as { parts: { mean: number }[] }).parts.map((p) => p.mean);
    expect(parts.reduce((s, x) => s + x, 0) / parts.length).toBeCloseTo(point, 12);
    // Paths average the same members as the distributions: with z = 0 the path is the point.
    expect(f.samplePath(2, [0, 0, 0])[1]).toBeCloseTo(point, 12);
  });
  it('the registered combo is the median of its four members', () => {
    expect((combo as unknown as { trim: number }).trim).toBe(1);
    expect(combo.members.map((m) => m.name)).toEqual(['drift', 'damped', 'theta', 'ar1']);
  });
});

describe('chooseModel', () => {
  // A made-up series of 20 points (steady growth with wobble): long enough for 12 backtest origins.
  const y = Array.from({ length: 20 }, (_, t) => 100 + 5 * t + (t % 3) * 4);
  it('uses the combination and names the best single model in its reason', () => {
    const c = chooseModel(y, { h: 4 });
    expect(c.model.name).toBe(LEVEL_CANDIDATES.combination);
    expect(c.reason).toMatch(/^the combination, backtest MASE/);
    expect(c.scores.map((s) => s.model)).toEqual([...LEVEL_CANDIDATES.alternatives, 'combo']);
    // Calibration rests on the chosen model's own errors only.
    expect(c.all.map((r) => r.model)).toEqual(['combo']);
  });
  it('says a rate series gets its default model (ar1), not "the combination"', () => {
    // The same made-up wobble as a growth rate (%): the rate candidate set is ar1 alone.
    const rate = y.map((v, t) => 8 + ((v + t) % 5) - 2);
    const c = chooseModel(rate, { h: 4, fit: { kind: 'rate' } });
    expect(c.model.name).toBe('ar1');
    expect(c.reason).toMatch(/^the default for a rate series, backtest MASE/);
  });
  it('falls back to drift, and says so, on a series too short to backtest', () => {
    const c = chooseModel([1, 2, 4, 5, 7], { h: 4 });
    expect(c.model.name).toBe('drift');
    expect(c.reason).toMatch(/too short to backtest \(5 points\)/);
  });
  it('has a candidate set for every kind (rates get their own later)', () => {
    expect(candidatesFor(undefined)).toBe(LEVEL_CANDIDATES);
  });
});

describe('calibrate: tails', () => {
  // 12 origins × 1 horizon: most errors tiny, two large ones (peaked, heavy-tailed).
  const zs = [0.05, -0.05, 0.1, -0.1, 0.1, -0.1, 0.15, -0.15, 0.2, -0.2, 3, -3];
  const rows = zs.map((z, i) => ({ h: 1, z, cutoff: 2000 + i }));
  const cal = calibrate(rows, 1, { prior: 1, tailPrior: 7 });
  it('may narrow the 80% interval but never the 95% one, and keeps the warp monotone', () => {
    expect(cal.tails.s80).toBeLessThan(1);
    expect(cal.tails.s95).toBeGreaterThanOrEqual(1);
    expect(cal.tails.s95).toBeGreaterThanOrEqual(cal.tails.s80);
  });
  it('believes the measured stretch r only as r^(o/(o + tailPrior)): 12 origins, tailPrior 7 → exponent 12/19', () => {
    // The same rows with tailPrior 0 give the full stretch r; 7 gives r^(12/19).
    const full = calibrate(rows, 1, { prior: 1, tailPrior: 0 }).tails.s80;
    expect(cal.tails.s80).toBeCloseTo(full ** (12 / 19), 12);
  });
});
