/**
 * Student's t distribution, for prediction intervals of regression models (as R's predict.lm).
 * Hand-written: simple-statistics has no t CDF or quantile (only a table of critical values).
 *
 * CDF through the regularised incomplete beta function (continued fraction by the modified Lentz
 * method, Numerical Recipes 3rd ed. §6.4), computing whichever of I and 1 − I is small directly,
 * so that both tails and the centre keep their relative precision; ln B(a, b) by Stirling's
 * series where an argument is large, so that ln Γ(a) − ln Γ(a + ½) does not cancel. Quantile by
 * Newton's method on the CDF (on log t in the tails, where the CDF behaves like a power of t),
 * kept inside a bracket. Agreement with R's pt and qt: test/numerics (fixture from
 * bench/r/numerics.R).
 */
import { normalCdf, normalQuantile } from './normal.js';

const LN_SQRT_2PI = 0.918938533204672741780329736406;

/** Lanczos approximation of ln Γ(x), g = 7, n = 9 (Numerical Recipes 3rd ed. §6.1), for 0 < x < 10. */
function logGammaLanczos(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGammaLanczos(1 - x);
  const xx = x - 1;
  let s = g[0]!;
  for (let i = 1; i < 9; i += 1) s += g[i]! / (xx + i);
  const t = xx + 7.5;
  return LN_SQRT_2PI + (xx + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln Γ(x) − ((x − ½) ln x − x + ln √(2π)): Stirling's series, x ≥ 10 (error < 1e-16 there). */
function stirlingCorrection(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r / 1188)))) / x;
}

/** ln Γ(x), x > 0. */
function logGamma(x: number): number {
  if (x < 10) return logGammaLanczos(x);
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When the larger argument a is 10 or more,
 * ln Γ(a) − ln Γ(a + b) = −(a − ½) log1p(b/a) − b ln(a + b) + b + corrections, which has no
 * cancellation of large terms (the form of R's lbeta via Stirling; DiDonato & Morris 1992).
 */
function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 10) return logGammaLanczos(a) + logGammaLanczos(b) - logGammaLanczos(a + b);
  const diff = -(big - 0.5) * Math.log1p(small / big) - small * Math.log(big + small) + small + stirlingCorrection(big) - stirlingCorrection(big + small);
  return logGamma(small) + diff;
}

/** The continued fraction of I_x(a, b) (Numerical Recipes 3rd ed. §6.4, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * I_x(a, b) and 1 − I_x(a, b), given x, y = 1 − x and their logarithms (each computed by the caller
 * without cancellation); the smaller side is computed directly, the other as 1 minus it.
 */
function betaBoth(x: number, y: number, lnx: number, lny: number, a: number, b: number): [number, number] {
  if (lnx === -Infinity) return [0, 1];
  if (lny === -Infinity) return [1, 0];
  const front = Math.exp(a * lnx + b * lny - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const i = (front * betaContinuedFraction(a, b, x)) / a;
    return [i, 1 - i];
  }
  const j = (front * betaContinuedFraction(b, a, y)) / b;
  return [1 - j, j];
}

/** I_x(a, b), the regularised incomplete beta function. */
export function incompleteBeta(x: number, a: number, b: number): number {
  return betaBoth(x, 1 - x, Math.log(x), Math.log1p(-x), a, b)[0];
}

/**
 * For s ≥ 0: the tail P(T > s) and the centre P(0 < T < s) of t(df), each to full relative
 * precision, with x = df/(df + s²) and 1 − x = s²/(df + s²) computed from u = s²/df.
 */
function tailAndCentre(s: number, df: number): { tail: number; centre: number } {
  if (s === 0) return { tail: 0.5, centre: 0 };
  if (s === Infinity) return { tail: 0, centre: 0.5 };
  const u = (s * s) / df;
  let x: number;
  let y: number;
  let lnx: number;
  let lny: number;
  if (u < 1e300) {
    x = 1 / (1 + u);
    y = u / (1 + u);
    lnx = -Math.log1p(u);
    lny = Math.log(u) + lnx;
  } else {
    // s² overflows or nearly: work with ln u.
    const lnu = 2 * Math.log(s) - Math.log(df);
    x = Math.exp(-lnu);
    y = 1;
    lnx = -lnu;
    lny = 0;
  }
  const [i, j] = betaBoth(x, y, lnx, lny, df / 2, 0.5);
  return { tail: 0.5 * i, centre: 0.5 * j };
}

/** ln of the t(df) density at s ≥ 0. */
function logDensity(s: number, df: number): number {
  const u = (s * s) / df;
  const ln1pu = u < 1e300 ? Math.log1p(u) : 2 * Math.log(s) - Math.log(df);
  return -logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * ln1pu;
}

/**
 * Above this many degrees of freedom the continued fraction would need tens of thousands of
 * terms; t(df) is then the normal to within the Cornish-Fisher expansion's O(t⁹/df⁴) (below 1e-14
 * relative for |t| < 40).
 */
const LARGE_DF = 1e7;

/** P(T ≤ t) for T ~ t(df). @example studentTCdf(2.228138851986274, 10) // 0.975 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df > LARGE_DF) {
    // The normal score z whose Cornish-Fisher t quantile is t (Newton; the expansion is monotone).
    let z = t;
    for (let k = 0; k < 4; k += 1) z -= (cornishFisher(z, df) - t) / cornishFisherSlope(z, df);
    return normalCdf(z);
  }
  const { tail, centre } = tailAndCentre(Math.abs(t), df);
  // Of the two forms, the one that adds to ½ rather than subtracts keeps the precision.
  if (t < 0) return tail < 0.25 ? tail : 0.5 - centre;
  return tail < 0.25 ? 1 - tail : 0.5 + centre;
}

/**
 * The p-quantile of t(df).
 * @throws RangeError when p is outside (0, 1) or df ≤ 0
 * @example studentTQuantile(0.975, 10) // 2.2281388519649385 (R: qt(0.975, 10))
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`studentTQuantile requires 0 < p < 1 and df > 0, got p=${p}, df=${df}`);
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // the tail beyond the quantile; 1 − p is exact for p ≥ ½
  const s = df > LARGE_DF ? cornishFisher(-normalQuantile(q), df) : q > 0.25 ? centreQuantile(0.5 - q, df) : tailQuantile(q, df);
  return p < 0.5 ? -s : s;
}

/** s > 0 with P(0 < T < s) = c, 0 < c < ¼: Newton on s, kept in a bracket. */
function centreQuantile(c: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (tailAndCentre(hi, df).centre < c) hi *= 2; // qt(0.75, df) ≤ 1 for df ≥ 1
  let s = Math.min(hi, Math.max(lo, startingValue(0.5 - c, df)));
  for (let k = 0; k < 100; k += 1) {
    const f = tailAndCentre(s, df).centre - c;
    if (f === 0) return s;
    if (f < 0) lo = s;
    else hi = s;
    let next = s - f / Math.exp(logDensity(s, df));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - s) <= 1e-15 * s) return next;
    s = next;
  }
  return s;
}

/** s > 0 with P(T > s) = q, 0 < q ≤ ¼: Newton on ln s (the tail is near a power of s), kept in a bracket. */
function tailQuantile(q: number, df: number): number {
  const lnq = Math.log(q);
  const g = (v: number): number => Math.log(tailAndCentre(Math.exp(v), df).tail) - lnq; // decreasing in v
  // Two starting values: the normal quantile corrected for df, and the power-law tail.
  const normalStart = startingValue(q, df);
  const lnK = -logBeta(df / 2, 0.5) - 0.5 * Math.log(df);
  const powerStart = (lnK + ((df - 1) / 2) * Math.log(df) - lnq) / df;
  let v = Math.log(normalStart);
  let gv = g(v);
  const gp = g(powerStart);
  if (Math.abs(gp) < Math.abs(gv)) {
    v = powerStart;
    gv = gp;
  }
  // A bracket [lo, hi] on ln s with g(lo) > 0 > g(hi).
  let lo = v;
  let hi = v;
  if (gv > 0) for (let step = 1; g(hi) > 0; step *= 2) hi += step;
  else for (let step = 1; g(lo) < 0 && lo > -50; step *= 2) lo -= step;
  for (let k = 0; k < 100; k += 1) {
    if (gv === 0) break;
    if (gv > 0) lo = v;
    else hi = v;
    const s = Math.exp(v);
    const slope = -Math.exp(v + logDensity(s, df) - Math.log(tailAndCentre(s, df).tail));
    let next = v - gv / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - v) <= 1e-15 * Math.max(1, Math.abs(v))) {
      v = next;
      break;
    }
    v = next;
    gv = g(v);
  }
  return Math.exp(v);
}

/** The t(df) quantile at normal score z by the Cornish-Fisher expansion to df⁻³ (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  return z + (z * (z2 + 1)) / (4 * df) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) + (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df ** 3);
}

/** d cornishFisher / dz. */
function cornishFisherSlope(z: number, df: number): number {
  const z2 = z * z;
  return 1 + (3 * z2 + 1) / (4 * df) + ((25 * z2 + 48) * z2 + 3) / (96 * df * df) + (((21 * z2 + 95) * z2 + 51) * z2 - 15) / (384 * df ** 3);
}

/** A starting value for the Newton iterations: the Cornish-Fisher quantile (the normal one where that fails, df < 1). */
function startingValue(q: number, df: number): number {
  const z = -normalQuantile(q);
  const s = cornishFisher(z, df);
  return s > 0 ? s : z;
}
