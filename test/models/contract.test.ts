// The contract every model passes (after statsforecast's shared model tests): forecast length h,
// fitted length n, same seed → same paths, intervals nested and widening with the level, no NaN,
// on every one of the 181 M1 yearly training series and on short and awkward series.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/data/load-dataset.js';
import { forecastFitted } from '../../src/models/forecast.js';
import { MODELS } from '../../src/models/registry.js';

const m1 = await loadDataset(fileURLToPath(new URL('../../bench/data/m1-yearly-train.csv', import.meta.url)));
const H = 6;

describe.each(MODELS.map((m) => [m.name, m] as const))('model %s', (_name, model) => {
  it('on every M1 yearly series: h steps, n fitted, finite, nested intervals that widen with the level', () => {
    for (const s of m1.series) {
      const fitted = model.fit(s.values);
      expect(fitted.fitted).toHaveLength(s.values.length);
      const fc = forecastFitted(fitted, { h: H });
      expect(fc.steps).toHaveLength(H);
      for (const step of fc.steps) {
        for (const v of [step.mean, step.lo80, step.hi80, step.lo95, step.hi95]) expect(Number.isFinite(v)).toBe(true);
        expect(step.lo95).toBeLessThanOrEqual(step.lo80);
        expect(step.lo80).toBeLessThanOrEqual(step.mean);
        expect(step.mean).toBeLessThanOrEqual(step.hi80);
        expect(step.hi80).toBeLessThanOrEqual(step.hi95);
        expect(step.hi95 - step.lo95).toBeGreaterThan(step.hi80 - step.lo80);
      }
    }
  });

  it('same seed → same paths; another seed → other paths', () => {
    const y = m1.series[0]!.values;
    const fitted = model.fit(y);
    const a = forecastFitted(fitted, { h: H, paths: 50, seed: 7 }).paths;
    const b = forecastFitted(fitted, { h: H, paths: 50, seed: 7 }).paths;
    const c = forecastFitted(fitted, { h: H, paths: 50, seed: 8 }).paths;
    expect(a).toHaveLength(50);
    expect(a[0]).toHaveLength(H);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it(`fits its minimum length (${model.minLength}) and a flat series without NaN`, () => {
    const short = Array.from({ length: model.minLength }, (_, i) => 10 + i * 0.5 + (i % 2) * 0.3);
    const flat = new Array<number>(10).fill(5);
    for (const y of [short, flat]) {
      const fc = forecastFitted(model.fit(y), { h: H });
      for (const step of fc.steps) expect(Number.isFinite(step.mean) && Number.isFinite(step.hi95)).toBe(true);
    }
  });
});

describe('simulated paths agree with the (calibrated) distribution at every step', () => {
  it.each(MODELS.map((m) => m.name))('%s: shares of 4000 paths below lo95, lo80, hi80, hi95 are 2.5, 10, 90, 97.5% ± 1', (name) => {
    const model = MODELS.find((m) => m.name === name)!;
    // Calibration factors rising with the horizon and a tail stretch, as auto produces them.
    const fc = forecastFitted(model.fit(m1.series[3]!.values), { h: 6, paths: 4000, seed: 1, scale: [1.2, 1.5, 1.8, 2, 2.2, 2.4], tails: { s80: 1.05, s95: 1.2 } });
    fc.steps.forEach((step, i) => {
      const share = (x: number) => fc.paths.filter((p) => p[i]! <= x).length / fc.paths.length;
      // Matched by construction up to interpolation between order statistics (1/4000 each).
      expect(Math.abs(share(step.lo95) - 0.025)).toBeLessThan(0.01);
      expect(Math.abs(share(step.lo80) - 0.1)).toBeLessThan(0.01);
      expect(Math.abs(share(step.hi80) - 0.9)).toBeLessThan(0.01);
      expect(Math.abs(share(step.hi95) - 0.975)).toBeLessThan(0.01);
    });
  });
});
