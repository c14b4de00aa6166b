// The verdict benchmark's protocol (../shared/bench/README.md, "Verdict benchmark"), in one place:
// the Penn World Table 9.1 growth panel, its three windows, the three targets per economy, and
// the scores (Brier, log score, reliability). Pure functions over plain arrays.
/** Windows: 15 history years and 6 future years, ending in `end`. */
export const WINDOW_ENDS = [1999, 2005, 2011];
export const HISTORY = 15;
export const FUTURE = 6;
/** Targets: the future geometric-mean growth ≥ the last 10 history years' geometric mean + d. */
export const OFFSETS = [-1, 0, 1];
export const RECENT = 10;

/** The panel as Map<code, Map<year, growth %>>: one reader for the benchmark and the prior. */
export { readPanel as loadPanel } from './growth-panel.mjs';

/** 100·((Π (1 + g/100))^(1/n) − 1): the average growth that compounds to the same total. */
export function geometricMean(gs) {
  let log = 0;
  for (const g of gs) log += Math.log1p(g / 100);
  return 100 * Math.expm1(log / gs.length);
}

const round2 = (x) => Math.round(x * 100) / 100;

/**
 * The economies and targets of the window ending `end`: an economy takes part when it has every
 * year of the window. Each target: { code, offset, threshold, met, history (years, values), future }.
 */
export function windowTargets(panel, end) {
  const first = end - HISTORY - FUTURE + 1;
  const lastHistory = end - FUTURE;
  const economies = [];
  for (const [code, byYear] of panel) {
    const years = Array.from({ length: HISTORY + FUTURE }, (_, k) => first + k);
    if (!years.every((y) => byYear.has(y))) continue;
    const history = years.slice(0, HISTORY).map((y) => byYear.get(y));
    const future = years.slice(HISTORY).map((y) => byYear.get(y));
    economies.push({ code, historyYears: years.slice(0, HISTORY), history, future });
  }
  const targets = [];
  for (const e of economies) {
    const base = geometricMean(e.history.slice(-RECENT));
    const actual = geometricMean(e.future);
    for (const d of OFFSETS) {
      const threshold = round2(base + d);
      targets.push({ code: e.code, offset: d, threshold, met: actual >= threshold, from: lastHistory + 1, to: end });
    }
  }
  return { end, lastHistory, economies, targets };
}

/** Brier score, log score (P clipped to [0.001, 0.999]) and the three-bin reliability table. */
export function scoreProbabilities(targets, probabilities) {
  let brier = 0;
  let log = 0;
  const bins = [
    { label: '<1/3', lo: 0, hi: 1 / 3, n: 0, p: 0, met: 0 },
    { label: '1/3-2/3', lo: 1 / 3, hi: 2 / 3, n: 0, p: 0, met: 0 },
    { label: '>=2/3', lo: 2 / 3, hi: Infinity, n: 0, p: 0, met: 0 },
  ];
  targets.forEach((t, i) => {
    const p = probabilities[i];
    const y = t.met ? 1 : 0;
    brier += (p - y) ** 2;
    const c = Math.min(0.999, Math.max(0.001, p));
    log -= Math.log(y ? c : 1 - c);
    const bin = bins.find((b) => p >= b.lo && p < b.hi);
    bin.n += 1;
    bin.p += p;
    bin.met += y;
  });
  const n = targets.length;
  return {
    n,
    shareMet: targets.filter((t) => t.met).length / n,
    brier: brier / n,
    log: log / n,
    bins: bins.map((b) => ({ label: b.label, n: b.n, meanP: b.n ? b.p / b.n : null, shareMet: b.n ? b.met / b.n : null })),
  };
}

/** R 4.2.2 + forecast 8.20 and the plain normal rule, as published in ../shared/bench/README.md. */
export const R_VERDICT = {
  2011: { economies: 180, targets: 540, shareMet: 0.47, rows: {
    'R ets': { brier: 0.2168, log: 0.668, bins: [[0.19, 0.22], [0.52, 0.45], [0.82, 0.72]] },
    'R auto.arima': { brier: 0.2175, log: 0.635, bins: [[0.17, 0.24], [0.52, 0.46], [0.83, 0.74]] },
    'normal rule': { brier: 0.2471, log: 0.767, bins: [[0.16, 0.26], [0.51, 0.5], [0.84, 0.64]] } } },
  2005: { economies: 156, targets: 468, shareMet: 0.55, rows: {
    'R ets': { brier: 0.2179, log: 0.651, bins: [[0.18, 0.27], [0.51, 0.57], [0.81, 0.78]] },
    'R auto.arima': { brier: 0.2364, log: 0.701, bins: [[0.17, 0.34], [0.49, 0.57], [0.83, 0.75]] },
    'normal rule': { brier: 0.2229, log: 0.674, bins: [[0.18, 0.29], [0.51, 0.56], [0.82, 0.74]] } } },
  1999: { economies: 156, targets: 468, shareMet: 0.56, rows: {
    'R ets': { brier: 0.2571, log: 0.762, bins: [[0.18, 0.43], [0.49, 0.59], [0.79, 0.76]] },
    'R auto.arima': { brier: 0.2689, log: 0.795, bins: [[0.17, 0.45], [0.49, 0.57], [0.79, 0.74]] },
    'normal rule': { brier: 0.2384, log: 0.692, bins: [[0.2, 0.35], [0.51, 0.58], [0.8, 0.7]] } } },
};
