import { mean } from 'simple-statistics';

/**
 * Symmetric MAPE in percent, the M3 definition: mean of 200·|y − f| / (|y| + |f|)
 * (Makridakis & Hibon 2000). A pair with y = f = 0 counts as 0.
 * @throws RangeError when the arrays differ in length or are empty
 * @example smape([100], [110]) // 9.523809523809524
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length !== forecast.length || actual.length === 0) {
    throw new RangeError('smape requires two non-empty arrays of the same length');
  }
  return mean(
    actual.map((y, i) => {
      const f = forecast[i]!;
      const d = Math.abs(y) + Math.abs(f);
      return d === 0 ? 0 : (200 * Math.abs(y - f)) / d;
    }),
  );
}
