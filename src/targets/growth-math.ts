/**
 * Compound-growth arithmetic for targets. Growth rates are in percent.
 */

/**
 * Average annual growth (%) of a run of annual rates: the geometric mean of (1 + g/100), minus 1.
 * @example averageGrowth([10, 12]) // 100·(sqrt(1.10·1.12) − 1) = 10.995…
 */
export function averageGrowth(rates: readonly number[]): number {
  if (rates.length === 0) throw new RangeError('averageGrowth requires at least one rate');
  let logSum = 0;
  for (const g of rates) logSum += Math.log1p(g / 100);
  return 100 * Math.expm1(logSum / rates.length);
}

/**
 * Constant growth (%) needed in the `remaining` years so that the whole period of
 * `done.length + remaining` years averages `target` %: solves
 * Π(1 + g_done) · (1 + r)^remaining = (1 + target)^(done + remaining).
 * @example requiredAverageGrowth(13.5, [11.39, 11.39, 11.39, 11.39, 11.39], 5) // 15.65… (Decision 1516, 2021-2030)
 */
export function requiredAverageGrowth(target: number, done: readonly number[], remaining: number): number {
  if (remaining <= 0) throw new RangeError('requiredAverageGrowth requires remaining years > 0');
  const total = done.length + remaining;
  let logDone = 0;
  for (const g of done) logDone += Math.log1p(g / 100);
  return 100 * Math.expm1((total * Math.log1p(target / 100) - logDone) / remaining);
}

/**
 * Constant growth (%) that takes a level from `from` to `to` in `years` years.
 * @example requiredLevelGrowth(7790, 11247, 5) // 7.62… (US$ per capita 2025 → 2030)
 */
export function requiredLevelGrowth(from: number, to: number, years: number): number {
  if (!(from > 0) || !(to > 0) || years <= 0) throw new RangeError('requiredLevelGrowth requires positive levels and years > 0');
  return 100 * (Math.pow(to / from, 1 / years) - 1);
}
