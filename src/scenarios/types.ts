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

/** Growth accounting: extra investment, FDI and jobs turned into growth. */
export interface InvestmentSpec {
  /** 'icor': Δg = ΔI/Y / ICOR (the planners' rule); 'cobb-douglas': Δg = α ΔK/K + (1 − α) ΔL/L. */
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
   * extraInvestment, investmentYears, extraFdi, jobs, icor, capitalShare, depreciation
   * (investment scenarios); investmentRateExtra, labourGrowthExtra, tfpExtra (growth accounting: changes from the data's values).
   */
  readonly assumptions: Readonly<Record<string, Assumption>>;
  /** File it came from, for messages. */
  readonly file?: string;
}

export const COMMON_ASSUMPTIONS = ['deflator', 'fxChange', 'populationGrowth'] as const;
export const INVESTMENT_ASSUMPTIONS = ['extraInvestment', 'investmentYears', 'extraFdi', 'jobs', 'icor', 'capitalShare', 'depreciation'] as const;
/** Growth-accounting scenarios: the production function's inputs (capitalShare, depreciation too). */
export const ACCOUNTING_ASSUMPTIONS = ['capitalShare', 'depreciation', 'investmentRateExtra', 'labourGrowthExtra', 'tfpExtra'] as const;
