/**
 * Nowcasting a year from its partial-year figures (Q1, H1, 9-month growth; year-to-date levels):
 * the full-year figure is the partial one plus the average gap between full and partial figures of
 * the same months in past years (levels: times the average ratio, on logs), with a Student-t
 * prediction interval from the spread of those gaps. The method is backtested by leaving each past
 * year out in turn. Pure: the pairs come from the data set and its context file.
 */
import { studentTCdf, studentTQuantile } from '../core/student-t.js';

export type NowcastKind = 'rate' | 'level';

export interface NowcastPair {
  readonly year: number;
  readonly partial: number;
  readonly full: number;
}

export interface NowcastFit {
  readonly kind: NowcastKind;
  readonly n: number;
  /** Mean of full − partial (rate) or of ln(full / partial) (level). */
  readonly bias: number;
  /** Standard deviation of those gaps (n − 1); NaN below 2 pairs. */
  readonly sd: number;
}

/** The gaps between full-year and partial figures: full − partial, or ln(full / partial) for levels. */
const gap = (kind: NowcastKind, p: NowcastPair): number => (kind === 'rate' ? p.full - p.partial : Math.log(p.full / p.partial));

export function fitNowcast(pairs: readonly NowcastPair[], kind: NowcastKind): NowcastFit {
  const gaps = pairs.map((p) => gap(kind, p));
  const n = gaps.length;
  const bias = n ? gaps.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const sd = n >= 2 ? Math.sqrt(gaps.reduce((a, g) => a + (g - bias) ** 2, 0) / (n - 1)) : Number.NaN;
  return { kind, n, bias, sd };
}

export interface NowcastValue {
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  /** P(full-year figure ≥ x). */
  readonly probabilityAtLeast: (x: number) => number;
}

/**
 * The full-year estimate from a partial figure, with its 80% prediction interval: scale
 * sd·√(1 + 1/n), Student t with n − 1 degrees of freedom (the fit needs 2 pairs at least).
 */
export function nowcastFrom(partial: number, fit: NowcastFit): NowcastValue | null {
  if (!(fit.n >= 2) || !Number.isFinite(fit.sd)) return null;
  const scale = Math.max(fit.sd, 1e-9) * Math.sqrt(1 + 1 / fit.n);
  const df = fit.n - 1;
  const q = studentTQuantile(0.9, df);
  const centre = fit.kind === 'rate' ? partial + fit.bias : Math.log(partial) + fit.bias;
  const back = (v: number): number => (fit.kind === 'rate' ? v : Math.exp(v));
  return {
    mean: back(centre),
    lo80: back(centre - q * scale),
    hi80: back(centre + q * scale),
    probabilityAtLeast: (x) => {
      if (fit.kind === 'level' && x <= 0) return 1;
      const z = ((fit.kind === 'rate' ? x : Math.log(x)) - centre) / scale;
      return 1 - studentTCdf(z, df);
    },
  };
}

export interface NowcastBacktest {
  readonly n: number;
  /** Mean absolute and root-mean-square error of the leave-one-out nowcasts (points for rates, % for levels). */
  readonly mae: number;
  readonly rmse: number;
  /** Share of left-out years inside their 80% interval. */
  readonly coverage80: number;
  /** The same errors had the partial figure been taken as the full year (no correction). */
  readonly naiveMae: number;
}

/** Leave-one-out backtest: each past year nowcast from the others (needs 3 pairs at least). */
export function backtestNowcast(pairs: readonly NowcastPair[], kind: NowcastKind): NowcastBacktest | null {
  if (pairs.length < 3) return null;
  const errors: number[] = [];
  const naive: number[] = [];
  let inside = 0;
  for (const p of pairs) {
    const v = nowcastFrom(p.partial, fitNowcast(pairs.filter((q) => q !== p), kind))!;
    const err = kind === 'rate' ? v.mean - p.full : 100 * (v.mean / p.full - 1);
    errors.push(err);
    naive.push(kind === 'rate' ? p.partial - p.full : 100 * (p.partial / p.full - 1));
    if (p.full >= v.lo80 && p.full <= v.hi80) inside += 1;
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    n: pairs.length,
    mae: mean(errors.map(Math.abs)),
    rmse: Math.sqrt(mean(errors.map((e) => e * e))),
    coverage80: inside / pairs.length,
    naiveMae: mean(naive.map(Math.abs)),
  };
}
