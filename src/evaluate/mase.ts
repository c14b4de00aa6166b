import { mean } from 'simple-statistics';

/**
 * Mean absolute scaled error: mean |y − f| over the horizon divided by the in-sample mean
 * absolute one-step change of the training series (Hyndman & Koehler 2006; non-seasonal).
 * @throws RangeError when the training series has fewer than 2 points or never changes
 * @example mase([1, 2, 3], [4, 6], [4, 4]) // (0 + 2) / 2 / 1 = 1
 */
export function mase(training: readonly number[], actual: readonly number[], forecast: readonly number[]): number {
  if (training.length < 2) throw new RangeError('mase requires a training series of at least 2 points');
  const scale = mean(training.slice(1).map((v, t) => Math.abs(v - training[t]!)));
  if (scale === 0) throw new RangeError('mase requires a training series that changes');
  return mean(actual.map((y, i) => Math.abs(y - forecast[i]!))) / scale;
}
