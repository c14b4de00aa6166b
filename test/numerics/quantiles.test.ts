// Sample quantiles (simple-statistics behind src/core/quantiles.ts) against R's quantile(type = 7)
// on a sample with ties (test/fixtures/r-numerics/numerics.json, from bench/r/numerics.R), and,
// property-based (fast-check), against a full sort and the type-7 definition: with h = (n − 1)p,
// Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted x (Hyndman & Fan 1996, definition 7).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantiles, quantileSorted } from '../../src/core/quantiles.js';

const R: { quantile: { x: number[]; p: number[]; q: number[] } } = JSON.parse(readFileSync(new URL('../fixtures/r-numerics/numerics.json', import.meta.url), 'utf8'));

/** Definition 7 of Hyndman & Fan (1996) on sorted values. */
function type7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}

describe('sample quantiles', () => {
  it("R's quantile(x, p, type = 7) on 40 values with ties, to 1e-12 relative", () => {
    const got = quantiles(Float64Array.from(R.quantile.x), R.quantile.p);
    got.forEach((q, i) => expect(Math.abs(q / R.quantile.q[i]! - 1)).toBeLessThan(1e-12));
    const sorted = [...R.quantile.x].sort((a, b) => a - b);
    R.quantile.p.forEach((p, i) => expect(Math.abs(quantileSorted(sorted, p) / R.quantile.q[i]! - 1)).toBeLessThan(1e-12));
  });

  it('equal the type-7 definition on a full sort, for random samples with and without ties (fast-check)', () => {
    const sample = fc.oneof(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 300 }),
    );
    const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(sample, ps, (xs, p) => {
        const col = Float64Array.from(xs);
        const sorted = [...xs].sort((a, b) => a - b);
        const got = quantiles(col, p);
        p.forEach((pk, k) => {
          const want = type7(sorted, pk);
          expect(Math.abs(got[k]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
          expect(quantileSorted(sorted, pk)).toBe(got[k]);
        });
        expect(Array.from(col)).toEqual(xs); // the column is left as it was
      }),
      { numRuns: 1000, seed: 1996 },
    );
  });
});
