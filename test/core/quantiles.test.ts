import { describe, expect, it } from 'vitest';
import { quantiles, quantileSorted } from '../../src/core/quantiles.js';
import { createRng } from '../../src/core/rng.js';

describe('quantiles by multi-selection agree with a full sort', () => {
  // Reference: R's type-7 quantile on the sorted values (quantileSorted), for random columns
  // with and without ties, of odd and even lengths.
  const ps = [0.025, 0.1, 0.5, 0.9, 0.975];
  it.each([1, 2, 3, 7, 10, 101, 1000, 10000])('n = %i', (n) => {
    const rng = createRng(n).uniform;
    for (const ties of [false, true]) {
      const values = Float64Array.from({ length: n }, () => (ties ? Math.floor(rng() * 5) : rng() * 100 - 50));
      const sorted = Float64Array.from(values).sort();
      const expected = ps.map((p) => quantileSorted(sorted, p));
      expect(quantiles(Float64Array.from(values), ps)).toEqual(expected.map((e) => expect.closeTo(e, 12)));
    }
  });
});
