/**
 * Growth accounting (Solow 1957): Y = A · K^α · L^(1−α), so that
 *   1 + g_Y = (1 + g_A) · (1 + g_K)^α · (1 + g_L)^(1−α),
 * with capital by perpetual inventory, K_t = (1 − δ) K_{t−1} + s · Y_{t−1} + E_t (E: extra
 * investment in year t), started at its steady state K = s₀ · Y / (ḡ + δ) (Harberger 1978) for
 * the investment rate s₀ the economy had; a different s from then on moves growth.
 *
 * TFP growth g_A is calibrated on history as the Solow residual. Hai Phong publishes no annual
 * capital stock (investment is known for three scattered years), so the residual is taken on the
 * balanced-growth path the steady-state start assumes (capital growing with output, g_K = g_Y):
 *   1 + g_A = ((1 + ḡ_Y) / (1 + ḡ_L))^(1−α)
 * where ḡ_Y is the geometric mean of actual real growth over the calibration years and ḡ_L the
 * labour series' average growth. With nothing changed, the model therefore continues ḡ_Y exactly;
 * more investment, labour or TFP move it, which is what the levers are for.
 */

/** What TFP growth is calibrated on: stated in every report that uses it. */
export interface TfpCalibration {
  /** Calibration years of real growth (inclusive) and their geometric-mean growth, %/yr. */
  readonly from: number;
  readonly to: number;
  readonly growth: number;
  /** Labour series id, the first and last years used, and its average growth, %/yr. */
  readonly labourSeries: string;
  readonly labourFrom: number;
  readonly labourTo: number;
  readonly labourGrowth: number;
}

interface YearValues {
  readonly years: readonly number[];
  readonly values: readonly number[];
}

/**
 * The averages TFP is calibrated on: real growth over [from, to] and the labour series' average
 * growth between the two observations closest to that window (the labour series is often sparser).
 * @throws RangeError when the window has no growth figure or the labour series fewer than 2 years
 * @example calibrationInputs({years:[2020,2021], values:[10,12]}, {years:[2010,2020], values:[100,110]}, 'employed', 2020, 2021).growth // 10.995…
 */
export function calibrationInputs(growth: YearValues, labour: YearValues | null, labourSeries: string, from: number, to: number): TfpCalibration {
  const inWindow = growth.values.filter((_, i) => growth.years[i]! >= from && growth.years[i]! <= to);
  if (inWindow.length === 0) throw new RangeError(`growth accounting: no actual growth in ${from}-${to} to calibrate TFP on`);
  if (!labour || labour.years.length < 2) throw new RangeError(`growth accounting: labour series '${labourSeries}' needs at least 2 years to calibrate TFP on`);
  const product = inWindow.reduce((p, g) => p * (1 + g / 100), 1);
  // The labour observations nearest the window's ends (by distance in years; ties to the earlier).
  const nearest = (year: number): number => labour.years.reduce((best, y, i) => (Math.abs(y - year) < Math.abs(labour.years[best]! - year) ? i : best), 0);
  let a = nearest(from);
  let b = nearest(to);
  if (a === b) {
    // Both ends nearest one observation: take the widest span the series has instead.
    a = 0;
    b = labour.years.length - 1;
  }
  if (a > b) [a, b] = [b, a];
  const span = labour.years[b]! - labour.years[a]!;
  return {
    from,
    to,
    growth: 100 * (product ** (1 / inWindow.length) - 1),
    labourSeries,
    labourFrom: labour.years[a]!,
    labourTo: labour.years[b]!,
    labourGrowth: 100 * ((labour.values[b]! / labour.values[a]!) ** (1 / span) - 1),
  };
}

/**
 * TFP growth (%/yr) as the balanced-growth Solow residual: 100 · (((1 + ḡ_Y)/(1 + ḡ_L))^(1−α) − 1).
 * @example calibratedTfp({growth: 10, labourGrowth: 0, …}, 0.4) // 100 · (1.1^0.6 − 1) = 5.8868…
 */
export function calibratedTfp(c: Pick<TfpCalibration, 'growth' | 'labourGrowth'>, capitalShare: number): number {
  return 100 * (((1 + c.growth / 100) / (1 + c.labourGrowth / 100)) ** (1 - capitalShare) - 1);
}

export interface AccountingInputs {
  /** Capital share α, 0-1. */
  readonly capitalShare: number;
  /** Depreciation δ, a fraction a year. */
  readonly depreciation: number;
  /** Investment as a share of GRDP from the first forecast year, a fraction. */
  readonly investmentRate: number;
  /** The investment rate the initial capital stock is in steady state with (the data's), a fraction. */
  readonly initialInvestmentRate: number;
  /** Labour growth, %/yr, before extra jobs. */
  readonly labourGrowth: number;
  /** TFP growth, %/yr. */
  readonly tfpGrowth: number;
  /** Growth the initial capital stock is in steady state with, %/yr. */
  readonly steadyGrowth: number;
  /** GRDP in the base year, in the units of the extra investment (US$ bn). */
  readonly gdp: number;
}

/**
 * Real growth (%) year by year from the production function. `extraInvestment[t]` (same units as
 * `gdp`) adds to that year's capital; `extraLabour[t]` (a fraction of the labour force) to its
 * labour growth.
 * @throws RangeError when the inputs cannot make a capital stock (δ + ḡ ≤ 0, GRDP ≤ 0)
 */
export function accountingGrowth(years: readonly number[], inputs: AccountingInputs, extraInvestment?: readonly number[], extraLabour?: readonly number[]): number[] {
  const { capitalShare: alpha, depreciation: delta, investmentRate: s, initialInvestmentRate: s0, tfpGrowth, labourGrowth, steadyGrowth, gdp } = inputs;
  if (!(gdp > 0)) throw new RangeError('growth accounting: needs GRDP > 0 in the base year');
  if (!(steadyGrowth / 100 + delta > 0)) {
    throw new RangeError(`growth accounting: calibration growth (${steadyGrowth.toFixed(2)}%/yr) + depreciation (${(100 * delta).toFixed(2)}%) must be above 0 to start the capital stock; raise 'depreciation'`);
  }
  let y = gdp;
  let k = (s0 * y) / (steadyGrowth / 100 + delta);
  return years.map((_, t) => {
    const next = (1 - delta) * k + s * y + (extraInvestment?.[t] ?? 0);
    const gk = next / k - 1;
    const gl = labourGrowth / 100 + (extraLabour?.[t] ?? 0);
    const g = (1 + tfpGrowth / 100) * (1 + gk) ** alpha * (1 + gl) ** (1 - alpha) - 1;
    y *= 1 + g;
    k = next;
    return 100 * g;
  });
}
