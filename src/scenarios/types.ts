/**
 * Scenarios as data (models/scenarios/*.json): named, editable assumptions applied on top of a
 * model. Every number a user may change is an Assumption with its unit, bounds, step (the
 * dashboard's ←/→) and its source, or is labelled an assumption.
 */

export interface Assumption {
  readonly value: number;
  readonly unit: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Where the default comes from (a URL or a shipped data row); null when it is an assumption. */
  readonly source: string | null;
  readonly note?: string;
  /**
   * What the region has seen of this lever, for goal-seek to place a needed value against
   * (registered FDI by year, for example); sourced like the assumption.
   */
  readonly reference?: LeverReference;
}

/**
 * A lever's history: the needed value is compared as `base` + lever (latest: on top of the latest
 * year's figure, as for extra FDI a year; zero: the value alone, as for a one-off project).
 */
export interface LeverReference {
  readonly label: string;
  readonly unit: string;
  readonly values: Readonly<Record<string, number>>;
  readonly base: 'latest' | 'zero';
  readonly source: string;
  /** Above this (in the reference's unit) the value is beyond anything plausible; say why in `note`. */
  readonly plausibleMax?: number;
  readonly note?: string;
}

/** How the scenario sets the mean growth path; the spread around it is the baseline forecast's. */
export type GrowthMode =
  /** the `auto` (or named) model's forecast */
  | { readonly mode: 'forecast'; readonly model?: string }
  /** an official path: growth by year, `after` for later years */
  | { readonly mode: 'path'; readonly path: Readonly<Record<string, number>>; readonly after: number }
  /** the average of the actual years from..to (or the `last` N years with data) continues */
  | ({ readonly mode: 'recent' } & GrowthWindow)
  /**
   * growth accounting (Cobb-Douglas with calibrated TFP, see growth-accounting.ts): TFP is
   * calibrated on actual growth over from..to and on the labour series' growth
   */
  | ({ readonly mode: 'accounting'; readonly labour?: string } & GrowthWindow);

/**
 * The years a scenario reads off the history: fixed (`from`..`to`, a region's own scenario) or the
 * `last` N years with data (a scenario any region can use).
 */
export type GrowthWindow = { readonly from: number; readonly to: number; readonly last?: undefined } | { readonly last: number; readonly from?: undefined; readonly to?: undefined };

/** The window's years for a history whose last year is `lastYear`. */
export function windowYears(w: GrowthWindow, lastYear: number): { readonly from: number; readonly to: number } {
  return w.last !== undefined ? { from: lastYear - w.last + 1, to: lastYear } : { from: w.from, to: w.to };
}

/**
 * Growth accounting: extra investment, FDI and jobs turned into growth. Registered capital (extra
 * FDI a year, a one-off project) is disbursed at `fdiDisbursement` of registration, evenly over
 * `investmentYears` years from the year it is registered; only disbursed capital is investment.
 */
export interface InvestmentSpec {
  /**
   * 'icor': ΔY_t = D_{t−L} / ICOR (the planners' rule, L = `icorLag` years), so
   * Δg_t = 100 · D_{t−L} / (ICOR · Y_{t−1}); the ICOR credits all output growth to investment, so
   * jobs add nothing on top. 'cobb-douglas': Δg = α ΔK/K + (1 − α) ΔL/L.
   */
  readonly method: 'icor' | 'cobb-douglas';
  /** The first year the extra investment flows (default: the year after the data's last). */
  readonly firstYear?: number;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly growth: GrowthMode;
  /** Percentage points added to growth in a year (negative for a shock). */
  readonly shocks: Readonly<Record<string, number>>;
  readonly investment: InvestmentSpec | null;
  /**
   * Editable numbers. Known keys: deflator, fxChange, populationGrowth (all scenarios);
   * extraInvestment, investmentYears, extraFdi, fdiDisbursement, jobs, icor, icorLag, capitalShare,
   * depreciation (investment scenarios); investmentRateExtra, labourGrowthExtra, tfpExtra (growth accounting: changes from the data's values).
   */
  readonly assumptions: Readonly<Record<string, Assumption>>;
  /** File it came from, for messages. */
  readonly file?: string;
}

export const COMMON_ASSUMPTIONS = ['deflator', 'fxChange', 'populationGrowth'] as const;
export const INVESTMENT_ASSUMPTIONS = ['extraInvestment', 'investmentYears', 'extraFdi', 'fdiDisbursement', 'jobs', 'icor', 'icorLag', 'capitalShare', 'depreciation'] as const;
/** Growth-accounting scenarios: the production function's inputs (capitalShare, depreciation too). */
export const ACCOUNTING_ASSUMPTIONS = ['capitalShare', 'depreciation', 'investmentRateExtra', 'labourGrowthExtra', 'tfpExtra'] as const;
