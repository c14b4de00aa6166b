/**
 * The incremental capital-output ratio from a region's own data: investment as a share of GDP
 * (`roles.investment` / `roles.gdp_nominal`, both current prices) over real growth, lagged L years:
 *   ICOR_t = (I_{t−L} / Y_{t−L}) / g_t.
 * A single year's ratio swings with the cycle, so the rule uses several years: the ratio of the
 * averages, mean(I/Y) / mean(g) over every year pair the data have (the period ICOR of the
 * planning literature, e.g. Vietnam's statistics office's ICOR for a five-year plan, total
 * investment over the period's increase in GDP).
 */
import type { Dataset } from '../core/types.js';
import { observedValue, roleSeries, roleValue } from '../targets/derived.js';

export interface InvestmentShare {
  readonly year: number;
  /** Investment / nominal GDP, a fraction. */
  readonly share: number;
  readonly basis: string;
  /**
   * Real growth L = 0, 1, 2 years later on the same territory (the share's basis, else the next
   * basis of the chain that has the year, as across a merger), from the data set's growth series.
   */
  readonly growthAfter?: readonly ({ readonly value: number; readonly basis: string } | null)[];
}

/**
 * Investment / nominal GDP for every year the data have both, on the bases of `chain` (a year on
 * `preferred` wins over the same year on another basis).
 */
export function investmentShareHistory(dataset: Dataset, chain: readonly string[], preferred: string): InvestmentShare[] {
  const id = roleSeries(dataset, 'investment');
  if (!id) return [];
  const growthId = dataset.info.growthSeries;
  const growthAt = (year: number, basis: string): { value: number; basis: string } | null => {
    if (!growthId) return null;
    for (const b of [basis, ...chain.filter((x) => x !== basis)]) {
      const v = observedValue(dataset, growthId, year, b);
      if (v !== undefined) return { value: v, basis: b };
    }
    return null;
  };
  const years = [...new Set(dataset.series.filter((s) => s.id === id).flatMap((s) => s.years))].sort((a, b) => a - b);
  const out: InvestmentShare[] = [];
  for (const year of years) {
    for (const basis of [preferred, ...chain.filter((b) => b !== preferred)]) {
      const invest = roleValue(dataset, 'investment', year, basis);
      const nominal = roleValue(dataset, 'gdp_nominal', year, basis);
      if (invest && nominal && nominal.value > 0) {
        out.push({ year, share: invest.value / nominal.value, basis, growthAfter: [0, 1, 2].map((lag) => growthAt(year + lag, basis)) });
        break;
      }
    }
  }
  return out;
}

export interface IcorYear {
  /** The year of the investment share and the (later, by the lag) year of the growth. */
  readonly investmentYear: number;
  readonly growthYear: number;
  readonly share: number;
  readonly growth: number;
  readonly icor: number;
}

export interface IcorEstimate {
  readonly value: number;
  readonly lag: number;
  readonly years: readonly IcorYear[];
  /** "4.25: mean investment 51.3% of GDP (2021, 2024) over mean growth 12.07% (2022, 2025), lag 1 year" */
  readonly description: string;
}

/**
 * The multi-year ICOR: mean(I/Y)_{t−L} / mean(g_t) over every year t with growth and an investment
 * share L years before. Growth is the share's own territory's (`growthAfter`) where known, else
 * `growth` (the history the scenario runs on). Null when no year pairs up or mean growth is not
 * positive.
 * @example icorFromHistory([{year: 2021, share: 0.5511, basis: ''}, {year: 2024, share: 0.4742, basis: ''}], {years: [2022, 2025], values: [12.32, 11.81]}, 1)!.value
 *   // (0.5511 + 0.4742) / 2 · 100 / ((12.32 + 11.81) / 2) = 4.2490…
 */
export function icorFromHistory(shares: readonly InvestmentShare[], growth: { readonly years: readonly number[]; readonly values: readonly number[] }, lag: number): IcorEstimate | null {
  const years: IcorYear[] = [];
  for (const s of shares) {
    const i = growth.years.indexOf(s.year + lag);
    const own = s.growthAfter?.[lag];
    const g = own ? own.value : i >= 0 ? growth.values[i]! : NaN;
    if (Number.isFinite(g)) years.push({ investmentYear: s.year, growthYear: s.year + lag, share: s.share, growth: g, icor: (100 * s.share) / g });
  }
  if (years.length === 0) return null;
  const meanShare = years.reduce((a, y) => a + y.share, 0) / years.length;
  const meanGrowth = years.reduce((a, y) => a + y.growth, 0) / years.length;
  if (!(meanGrowth > 0)) return null;
  const value = (100 * meanShare) / meanGrowth;
  const list = (ys: readonly number[]): string => ys.join(', ');
  return {
    value,
    lag,
    years,
    description: `${value.toFixed(2)}: mean investment ${(100 * meanShare).toFixed(1)}% of GDP (${list(years.map((y) => y.investmentYear))}) over mean growth ${meanGrowth.toFixed(2)}% (${list(years.map((y) => y.growthYear))}), lag ${lag} year${lag === 1 ? '' : 's'}`,
  };
}
