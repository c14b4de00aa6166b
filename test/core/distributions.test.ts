// Reference values from R 4.2.2: options(digits = 17); qnorm, pnorm, qt, pt as named per case.
import { describe, expect, it } from 'vitest';
import { distCdf, distInterval, distPoint, distQuantile, lognormal, normal, scaleDist, unwarpZ, warped, warpZ } from '../../src/core/dist.js';
import { normalCdf, normalQuantile } from '../../src/core/normal.js';
import { createRng } from '../../src/core/rng.js';
import { studentTCdf, studentTQuantile } from '../../src/core/student-t.js';

describe('normal and t distributions against R', () => {
  it.each([
    ['qnorm(0.9)', () => normalQuantile(0.9), 1.2815515655446008, 1e-12],
    ['qnorm(0.975)', () => normalQuantile(0.975), 1.9599639845400536, 1e-12],
    ['qnorm(0.001)', () => normalQuantile(0.001), -3.0902323061678132, 1e-10],
    ['pnorm(1.5)', () => normalCdf(1.5), 0.93319279873114192, 1e-7],
    ['pnorm(-2.2)', () => normalCdf(-2.2), 0.013903447513498606, 1e-8],
    ['qt(0.975, 10)', () => studentTQuantile(0.975, 10), 2.2281388519862739, 1e-9],
    ['qt(0.9, 3)', () => studentTQuantile(0.9, 3), 1.6377443536962091, 1e-9],
    ['qt(0.975, 2)', () => studentTQuantile(0.975, 2), 4.3026527297494619, 1e-9],
    ['pt(1.3, 7)', () => studentTCdf(1.3, 7), 0.88261608230381139, 1e-10],
  ] as const)('%s', (_name, f, expected, tolerance) => {
    expect(Math.abs(f() - expected)).toBeLessThan(tolerance);
  });

  it('refuses p outside (0, 1)', () => {
    expect(() => normalQuantile(1.5)).toThrow(/0 < p < 1/);
    expect(() => studentTQuantile(0, 3)).toThrow(/studentTQuantile requires/);
  });
});

describe('forecast distributions', () => {
  it('normal: interval = mean ± qnorm·sd; cdf inverts the quantile', () => {
    const d = normal(10, 2);
    const [lo, hi] = distInterval(d, 80);
    expect(lo).toBeCloseTo(10 - 2 * 1.2815515655446008, 10);
    expect(hi).toBeCloseTo(10 + 2 * 1.2815515655446008, 10);
    expect(distCdf(d, hi)).toBeCloseTo(0.9, 7);
  });

  it('lognormal: the point is the median exp(mu), quantiles are exp of normal quantiles', () => {
    const d = lognormal(Math.log(100), 0.1);
    expect(distPoint(d)).toBeCloseTo(100, 10);
    expect(distQuantile(d, 0.975)).toBeCloseTo(100 * Math.exp(0.1 * 1.9599639845400536), 8);
    expect(distCdf(d, 100)).toBeCloseTo(0.5, 7);
  });

  it('average of two normals is the quantile average: N(mean of means, mean of sds)', () => {
    const d = { type: 'average', parts: [normal(0, 1), normal(10, 3)] } as const;
    expect(distQuantile(d, 0.9)).toBeCloseTo(5 + 2 * 1.2815515655446008, 9);
    expect(distCdf(d, 5 + 2 * 1.2815515655446008)).toBeCloseTo(0.9, 6);
  });

  it('scaling widens about the centre', () => {
    const [lo, hi] = distInterval(scaleDist(normal(3, 1), 2), 95);
    expect(hi - 3).toBeCloseTo(2 * 1.9599639845400536, 10);
    expect(3 - lo).toBeCloseTo(2 * 1.9599639845400536, 10);
  });

  it('the tail warp is the identity at s = 1, maps the 80/95% points as stated, and inverts', () => {
    expect(warped(normal(0, 1), { s80: 1, s95: 1 })).toEqual(normal(0, 1));
    const t = { s80: 1.1, s95: 1.3 };
    expect(warpZ(t, 1.2815515655446004)).toBeCloseTo(1.2815515655446004 * 1.1, 12);
    expect(warpZ(t, -1.959963984540054)).toBeCloseTo(-1.959963984540054 * 1.3, 12);
    for (const z of [-4, -1.5, -0.3, 0, 0.7, 1.6, 3]) expect(unwarpZ(t, warpZ(t, z))).toBeCloseTo(z, 12);
    const [lo, hi] = distInterval(warped(normal(0, 2), t), 95);
    expect(hi).toBeCloseTo(2 * 1.959963984540054 * 1.3, 6);
    expect(lo).toBeCloseTo(-hi, 9);
  });
});

describe('seeded random numbers', () => {
  it('same seed, same stream; mean and variance of 20000 normals near 0 and 1', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20000 }, () => a.normal());
    expect(Array.from({ length: 5 }, () => b.normal())).toEqual(xs.slice(0, 5));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    // Standard errors: 1/sqrt(20000) = 0.0071 for the mean, about 0.01 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });
});
