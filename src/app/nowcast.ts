/**
 * The region's nowcasts: for each series the profile names (region.json `nowcast`), the year under
 * way (the first without a full-year figure) estimated from its latest partial-year figure in the
 * context file, with the method's leave-one-out backtest on past years that have both.
 */
import type { Dataset } from '../core/types.js';
import type { TargetNowcast } from '../targets/evaluate-targets.js';
import { backtestNowcast, fitNowcast, nowcastFrom, type NowcastBacktest, type NowcastKind, type NowcastPair } from '../targets/nowcast.js';

export interface NowcastSpec {
  readonly series: string;
  readonly kind: NowcastKind;
  readonly partials: readonly { readonly series: string; readonly months: number }[];
}

export interface RegionNowcast extends TargetNowcast {
  readonly series: string;
  readonly basis: string;
  readonly year: number;
  readonly kind: NowcastKind;
  /** The partial figure it starts from. */
  readonly from: { readonly series: string; readonly months: number; readonly value: number };
  readonly pairs: number;
}

/** Per partial series: how many past years have both figures, and the backtest of the method on them. */
export interface NowcastBacktestRow {
  readonly series: string;
  readonly partial: string;
  readonly months: number;
  readonly pairs: readonly NowcastPair[];
  readonly backtest: NowcastBacktest | null;
}

const valueAt = (ds: Dataset, id: string, basis: string, year: number): number | undefined => {
  const s = ds.series.find((x) => x.id === id && x.basis === basis);
  const i = s ? s.years.indexOf(year) : -1;
  return i >= 0 ? s!.values[i] : undefined;
};

/** Past years with both a partial and a full-year figure on the same basis (the bases of `chain`). */
function pairsOf(data: Dataset, context: Dataset, full: string, partial: string, chain: readonly string[], before: number): NowcastPair[] {
  const out: NowcastPair[] = [];
  for (const s of context.series.filter((x) => x.id === partial && chain.includes(x.basis))) {
    s.years.forEach((year, i) => {
      const f = valueAt(data, full, s.basis, year);
      if (f !== undefined && year < before) out.push({ year, partial: s.values[i]!, full: f });
    });
  }
  return out.sort((a, b) => a.year - b.year);
}

export function nowcastBacktests(data: Dataset, context: Dataset, specs: readonly NowcastSpec[], chain: readonly string[], before: number): NowcastBacktestRow[] {
  return specs.flatMap((spec) =>
    spec.partials.map((p) => {
      const pairs = pairsOf(data, context, spec.series, p.series, chain, before);
      return { series: spec.series, partial: p.series, months: p.months, pairs, backtest: backtestNowcast(pairs, spec.kind) };
    }),
  );
}

/** Nowcasts of `year` on `basis` for every spec with a partial figure that year (the one with most months). */
export function regionNowcasts(data: Dataset, context: Dataset, specs: readonly NowcastSpec[], basis: string, chain: readonly string[], year: number): RegionNowcast[] {
  const out: RegionNowcast[] = [];
  for (const spec of specs) {
    if (valueAt(data, spec.series, basis, year) !== undefined) continue;
    const latest = [...spec.partials].sort((a, b) => b.months - a.months).find((p) => valueAt(context, p.series, basis, year) !== undefined);
    if (!latest) continue;
    const pairs = pairsOf(data, context, spec.series, latest.series, chain, year);
    const fit = fitNowcast(pairs, spec.kind);
    const partial = valueAt(context, latest.series, basis, year)!;
    const v = nowcastFrom(partial, fit);
    if (!v) continue;
    const bt = backtestNowcast(pairs, spec.kind);
    const unit = spec.kind === 'rate' ? ' pp' : '%';
    out.push({
      ...v,
      series: spec.series,
      basis,
      year,
      kind: spec.kind,
      from: { series: latest.series, months: latest.months, value: partial },
      pairs: pairs.length,
      note: `${latest.series} ${year} = ${partial} (${latest.months} months) ${spec.kind === 'rate' ? `+ ${fit.bias.toFixed(2)} pp` : `× ${Math.exp(fit.bias).toFixed(3)}`}, the average full-year ${spec.kind === 'rate' ? 'gap' : 'ratio'} of ${pairs.length} past years (${pairs.map((p) => p.year).join(', ')})${bt ? `; leave-one-out backtest: MAE ${bt.mae.toFixed(2)}${unit}, 80% interval covered ${Math.round(100 * bt.coverage80)}% (the partial figure alone: MAE ${bt.naiveMae.toFixed(2)}${unit})` : ''}`,
    });
  }
  return out;
}
