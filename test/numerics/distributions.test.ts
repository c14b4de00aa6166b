// The normal and Student-t functions against R 4.2.2 (pnorm, qnorm, pt, qt) over their domains,
// and their round trips as properties (fast-check). Reference values: test/fixtures/r-numerics/
// numerics.json, written by bench/r/numerics.R (its `domains` block says which domains and why).
//
// Required: 1e-9 relative. Asserted: the bound each function achieves (with some margin), so that
// a loss of precision shows: pnorm and qnorm 1e-14 (largest 4.6e-16), pt 2e-11 (the largest
// error, 7.5e-12, is at df = 1e5; 2e-13 up to df = 1000), qt 1e-11 (largest 6.1e-13, df = 1e5).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/normal.js';
import { studentTCdf, studentTQuantile } from '../../src/core/student-t.js';

interface Fixture {
  r_version: string;
  pnorm: { x: number[]; p: number[] };
  qnorm: { p: number[]; q: number[] };
  pt: { df: number[]; t: number[]; p: number[] };
  qt: { df: number[]; p: number[]; q: number[]; q_ref: number[]; method: string[]; roundtrip: number[] };
}
const R: Fixture = JSON.parse(readFileSync(new URL('../fixtures/r-numerics/numerics.json', import.meta.url), 'utf8'));

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
/** The largest relative error over a table, with the row where it occurs. */
function worst(rows: number, error: (i: number) => number): { error: number; row: number } {
  let w = { error: 0, row: -1 };
  for (let i = 0; i < rows; i += 1) {
    const e = error(i);
    if (!(e <= w.error)) w = { error: e, row: i };
  }
  return w;
}

describe(`agreement with ${R.r_version}`, () => {
  it(`pnorm: ${R.pnorm.x.length} points, x in [-37.5, 8.3], to 1e-14 relative`, () => {
    const w = worst(R.pnorm.x.length, (i) => rel(normalCdf(R.pnorm.x[i]!), R.pnorm.p[i]!));
    expect(w.error, `x = ${R.pnorm.x[w.row]}`).toBeLessThan(1e-14);
  });

  it(`qnorm: ${R.qnorm.p.length} points, p in [1e-300, 1 - 1e-15], to 1e-14 relative`, () => {
    const w = worst(R.qnorm.p.length, (i) => rel(normalQuantile(R.qnorm.p[i]!), R.qnorm.q[i]!));
    expect(w.error, `p = ${R.qnorm.p[w.row]}`).toBeLessThan(1e-14);
  });

  it(`pt: ${R.pt.t.length} points, df 1 to 1e5, |t| 1e-3 to 1e6, to 2e-11 relative (2e-13 for df ≤ 1000)`, () => {
    const error = (i: number): number => rel(studentTCdf(R.pt.t[i]!, R.pt.df[i]!), R.pt.p[i]!);
    const all = worst(R.pt.t.length, error);
    expect(all.error, `df = ${R.pt.df[all.row]}, t = ${R.pt.t[all.row]}`).toBeLessThan(2e-11);
    const moderate = worst(R.pt.t.length, (i) => (R.pt.df[i]! <= 1000 ? error(i) : 0));
    expect(moderate.error, `df = ${R.pt.df[moderate.row]}, t = ${R.pt.t[moderate.row]}`).toBeLessThan(2e-13);
  });

  it(`qt: ${R.qt.p.length} points, df 1 to 1e5, p in [1e-300, 1 - 1e-15], to 1e-11 relative`, () => {
    // The reference is R's qt except where R's own pt says qt is off (see bench/r/numerics.R):
    // for 0.25 < p < 0.75 it comes from qbeta, and in the extreme tails of small df (198 rows,
    // where qt misses by up to 1%) from the root of pt.
    expect(Math.max(...R.qt.roundtrip.map(Math.abs))).toBeLessThan(1e-12);
    const w = worst(R.qt.p.length, (i) => rel(studentTQuantile(R.qt.p[i]!, R.qt.df[i]!), R.qt.q_ref[i]!));
    expect(w.error, `df = ${R.qt.df[w.row]}, p = ${R.qt.p[w.row]}`).toBeLessThan(1e-11);
    // Where the reference is qt itself, that is agreement with qt.
    const plain = worst(R.qt.p.length, (i) => (R.qt.method[i] === 'qt' ? rel(studentTQuantile(R.qt.p[i]!, R.qt.df[i]!), R.qt.q[i]!) : 0));
    expect(plain.error).toBeLessThan(1e-11);
    expect(R.qt.method.filter((m) => m === 'qt').length).toBeGreaterThan(3500);
  });
});

/**
 * The exact p-quantile of F lies within a relative δ of q: F(q·(1 + δ)) and F(q·(1 − δ)) fall on
 * either side of p (q < 0). A check on the quantile itself: the round trip F(q) = p would
 * magnify q's rounding error by d ln F / d ln q (about df, or z², in the tails).
 */
function expectQuantileWithin(F: (x: number) => number, q: number, p: number, delta: number): void {
  expect(q).toBeLessThan(0);
  expect(F(q * (1 + delta))).toBeLessThanOrEqual(p);
  expect(F(q * (1 - delta))).toBeGreaterThanOrEqual(p);
}

describe('round trips and symmetry (fast-check)', () => {
  const runs = { numRuns: 2000, seed: 20261201 };
  const df = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.double({ min: 1, max: 1e5, noNaN: true }));

  it('Φ(Φ⁻¹(p)) = p to (1 + z²)·1e-15 relative, p in [1e-300, ½]; Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    // p as 10^−e, e uniform: every order of magnitude is tried. In the tail d ln Φ(z)/dz ≈ |z|, so
    // a rounding error ε·|z| in z moves Φ by z²·ε relative: the bound grows with z².
    fc.assert(
      fc.property(fc.double({ min: -Math.log10(0.5), max: 300, noNaN: true }), (e) => {
        const p = 10 ** -e;
        const z = normalQuantile(p);
        expect(rel(normalCdf(z), p)).toBeLessThan((1 + z * z) * 1e-15);
        // 1 − p rounds for small p: compare at the p that 1 − p really is.
        const upper = 1 - p;
        expect(rel(normalQuantile(upper), -normalQuantile(1 - upper))).toBeLessThan(1e-14);
      }),
      runs,
    );
  });

  it('Φ(x) + Φ(−x) = 1 and Φ is increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (x, dx) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2.3e-16);
        expect(normalCdf(x + dx)).toBeGreaterThanOrEqual(normalCdf(x));
      }),
      runs,
    );
  });

  it('F_t⁻¹(p) is the p-quantile of F_t to 1e-13 relative, p in [1e-300, ½)', () => {
    fc.assert(
      fc.property(fc.double({ min: -Math.log10(0.5) + 1e-9, max: 300, noNaN: true }), df, (e, nu) => {
        const p = 10 ** -e;
        const t = studentTQuantile(p, nu);
        fc.pre(Number.isFinite(t));
        expectQuantileWithin((x) => studentTCdf(x, nu), t, p, 1e-13);
      }),
      runs,
    );
  });

  it('near the centre, F_t(F_t⁻¹(½ + c)) − ½ = c to 1e-12 relative, c in [1e-12, ¼]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.6, max: 12, noNaN: true }), df, (e, nu) => {
        const p = 0.5 + 10 ** -e;
        const c = p - 0.5; // exact
        expect(rel(studentTCdf(studentTQuantile(p, nu), nu) - 0.5, c)).toBeLessThan(1e-12);
        expect(studentTQuantile(1 - p, nu)).toBe(-studentTQuantile(p, nu)); // 1 − p is exact here
      }),
      runs,
    );
  });

  it('F_t(t) + F_t(−t) = 1; t quantiles lie beyond the normal one and shrink towards it as df grows', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), df, fc.double({ min: 0.5 + 1e-6, max: 1 - 1e-12, noNaN: true }), (t, nu, p) => {
        expect(Math.abs(studentTCdf(t, nu) + studentTCdf(-t, nu) - 1)).toBeLessThan(1e-15);
        const q = studentTQuantile(p, nu);
        expect(q).toBeGreaterThanOrEqual(normalQuantile(p) * (1 - 1e-15));
        expect(studentTQuantile(p, nu * 2)).toBeLessThanOrEqual(q * (1 + 1e-15));
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });

  it('beyond df = 1e7 (Cornish-Fisher, A&S 26.7.5): z(z² + 1)/(4 df) from the normal quantile', () => {
    // df up to 1e10 and |z| ≥ 1, so that the gap (≥ 5e-11 of z) is not lost to rounding.
    fc.assert(
      fc.property(fc.double({ min: 7, max: 10, noNaN: true }), fc.double({ min: 1e-300, max: 0.15, noNaN: true }), (e, p) => {
        const nu = 10 ** e;
        const z = normalQuantile(p);
        const gap = studentTQuantile(p, nu) - z;
        // The first term of the expansion, to 1% (the later terms are smaller by a factor z²/df).
        expect(Math.abs(gap / ((z * (z * z + 1)) / (4 * nu)) - 1)).toBeLessThan(0.01);
        expectQuantileWithin((x) => studentTCdf(x, nu), studentTQuantile(p, nu), p, 1e-13);
      }),
      { numRuns: 500, seed: 20261203 },
    );
  });
});
