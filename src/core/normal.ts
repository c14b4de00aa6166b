/**
 * The standard normal distribution, hand-written because simple-statistics' normal functions are
 * not precise enough for tail probabilities and quantiles: its cumulativeStdNormalProbability
 * reads a table at steps of 0.01 in z, and its probit goes through an inverse error function
 * approximation good to about 1e-3. Here:
 * - CDF: W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for
 *   the error function", Math. Comp. 1969; ANORM in SPECFUN, ACM TOMS Algorithm 715, 1993),
 *   about 1e-16 relative over the whole range;
 * - quantile: M. J. Wichura's PPND16 (Algorithm AS 241, Applied Statistics 37(3), 1988),
 *   about 1e-16 relative.
 * Both agree with R's pnorm and qnorm to 1e-13 relative (test/numerics, fixture from
 * bench/r/numerics.R).
 */

// Cody (1993) ANORM: |x| ≤ 0.66291.
const A = [2.2352520354606839287, 1.6102823106855587881e2, 1.0676894854603709582e3, 1.8154981253343561249e4, 6.5682337918207449113e-2];
const B = [4.720258190468824187e1, 9.7609855173777669322e2, 1.0260932208618978205e4, 4.5507789335026729956e4];
// 0.66291 < |x| ≤ √32.
const C = [
  3.9894151208813466764e-1, 8.8831497943883759412, 9.3506656132177855979e1, 5.9727027639480026226e2, 2.4945375852903726711e3,
  6.8481904505362823326e3, 1.1602651437647350124e4, 9.8427148383839780218e3, 1.0765576773720192317e-8,
];
const D = [
  2.2266688044328115691e1, 2.3538790178262499861e2, 1.519377599407554805e3, 6.485558298266760755e3, 1.8615571640885098091e4,
  3.4900952721145977266e4, 3.8912003286093271411e4, 1.9685429676859990727e4,
];
// |x| > √32 (asymptotic form).
const P = [2.1589853405795699e-1, 1.274011611602473639e-1, 2.2235277870649807e-2, 1.421619193227893466e-3, 2.9112874951168792e-5, 2.307344176494017303e-2];
const Q = [1.28426009614491121, 4.68238212480865118e-1, 6.59881378689285515e-2, 3.78239633202758244e-3, 7.29751555083966205e-5];
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;

/** exp(−x²/2) without the rounding error of x² (x split at 1/16: Cody's device). */
function halfGaussian(x: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-0.5 * xsq * xsq) * Math.exp(-0.5 * del);
}

/** Φ(x), the standard normal CDF. @example normalCdf(1.959963984540054) // 0.975 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > 1.1e-16 ? x * x : 0;
    let num = A[4]! * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i += 1) {
      num = (num + A[i]!) * xsq;
      den = (den + B[i]!) * xsq;
    }
    return 0.5 + (x * (num + A[3]!)) / (den + B[3]!);
  }
  let tail: number; // Φ(−|x|)
  if (y <= 5.656854249492381) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i += 1) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    tail = (halfGaussian(y) * (num + C[7]!)) / (den + D[7]!);
  } else {
    if (y > 38.5) return x > 0 ? 1 : 0;
    const xsq = 1 / (x * x);
    let num = P[5]! * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i += 1) {
      num = (num + P[i]!) * xsq;
      den = (den + Q[i]!) * xsq;
    }
    const r = (xsq * (num + P[4]!)) / (den + Q[4]!);
    tail = (halfGaussian(y) * (ONE_OVER_SQRT_2PI - r)) / y;
  }
  return x > 0 ? 1 - tail : tail;
}

// Wichura (1988) PPND16: |p − 0.5| ≤ 0.425.
const WA = [3.387132872796366608, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3];
const WB = [1, 4.2313330701600911252e1, 6.871870074920579083e2, 5.3941960214247511077e3, 2.1213794301586595867e4, 3.930789580009271061e4, 2.8729085735721942674e4, 5.226495278852854561e3];
// r = √(−log(min(p, 1 − p))) ≤ 5.
const WC = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 2.4178072517745061177e-1, 2.27238449892691845833e-2, 7.7454501427834140764e-4];
const WD = [1, 2.05319162663775882187, 1.6763848301838038494, 6.8976733498510000455e-1, 1.4810397642748007459e-1, 1.51986665636164571966e-2, 5.475938084995344946e-4, 1.05075007164441684324e-9];
// r > 5.
const WE = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 2.9656057182850489123e-1, 2.6532189526576123093e-2, 1.2426609473880784386e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const WF = [1, 5.9983220655588793769e-1, 1.3692988092273580531e-1, 1.48753612908506148525e-2, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/** c[0] + c[1]·x + … + c[7]·x⁷ (Horner). */
function poly7(c: readonly number[], x: number): number {
  let v = c[7]!;
  for (let i = 6; i >= 0; i -= 1) v = v * x + c[i]!;
  return v;
}

/**
 * Φ⁻¹(p), the standard normal quantile.
 * @throws RangeError when p is outside [0, 1]
 * @example normalQuantile(0.9) // 1.2815515655446004
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile requires 0 < p < 1, got ${p}`);
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(WA, r)) / poly7(WB, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly7(WC, r) / poly7(WD, r);
  } else {
    r -= 5;
    x = poly7(WE, r) / poly7(WF, r);
  }
  return q < 0 ? -x : x;
}
