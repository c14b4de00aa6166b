// The verdict benchmark (../shared/bench/README.md, "Verdict benchmark"): will an average-growth
// target be met? Penn World Table 9.1, three windows; Brier score, log score and reliability of
// targetcast's P(met), next to R's (bench/r/verdict.R). With each reliability bin: its sampling
// error (block bootstrap over economies) and how often a forecaster whose every P were exact would
// still miss the ±0.08 criterion (economies independent, and with the common world shock of 6-year
// growth that the panel shows before the window). Run after `npm run build`:
//   node bench/verdict.mjs [--seeds N]
import { fileURLToPath } from 'node:url';
import { loadPanel, windowTargets, WINDOW_ENDS, scoreProbabilities, geometricMean, R_VERDICT, FUTURE } from './verdict-protocol.mjs';
import { panelHistories, PWT_FILE, PWT_SOURCE } from './growth-panel.mjs';
import { fitGrowthPrior } from '../dist/models/local-mean.js';
import { forecastSeries } from '../dist/evaluate/forecast-series.js';
import { createRng } from '../dist/core/rng.js';
import { normalCdf } from '../dist/core/normal.js';

const PATHS = 2000;
/** The issue's reliability criterion: every populated bin's mean P within this of its share met. */
export const BIN_TOLERANCE = 0.08;

/**
 * P(met) for every target of a window. The growth prior is fitted on the panel's years up to the
 * window's last history year only ('panel prior'), or on the window's own 15-year histories of all
 * its economies ('pooled': what a multi-region file gives), so no future year is ever seen.
 */
export function windowProbabilities(w, panel, options = {}) {
  return windowForecasts(w, panel, options).probabilities;
}

/** windowProbabilities, with each economy's simulated 6-year averages (sorted) kept beside them. */
export function windowForecasts(w, panel, { prior: priorKind = 'panel', seed = 20251, model = 'local-mean' } = {}) {
  const histories = priorKind === 'panel' ? panelHistories(panel, w.lastHistory) : w.economies.map((e) => e.history);
  const growthPrior = model === 'local-mean' ? fitGrowthPrior(histories, `${PWT_SOURCE}, years ≤ ${w.lastHistory}`) : undefined;
  const byCode = new Map();
  for (const e of w.economies) {
    const series = { id: 'gdp_growth_real', basis: e.code, key: e.code, years: e.historyYears, values: e.history, observations: [], meta: { kind: 'rate' } };
    const fc = forecastSeries(series, { model, h: FUTURE, seed, paths: PATHS, growthPrior });
    // A path below −100%/yr has no geometric mean (NaN): it is a collapse, counted as not met.
    byCode.set(e.code, Float64Array.from(fc.paths, (p) => geometricMean(p)).map((g) => (Number.isNaN(g) ? -Infinity : g)).sort());
  }
  const probabilities = w.targets.map((t) => {
    const means = byCode.get(t.code);
    let hits = 0;
    for (const g of means) if (g >= t.threshold) hits += 1;
    return hits / means.length;
  });
  return { probabilities, means: byCode };
}

const binOf = (p) => (p < 1 / 3 ? 0 : p < 2 / 3 ? 1 : 2);
const sd = (xs) => {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

/**
 * Sampling error of each reliability bin's share met: a block bootstrap over economies (an
 * economy's three targets are resampled together, since they share one future), `reps` replicates.
 * Returns one SE per bin (null when the bin is empty). It treats the window's economies as a sample
 * and their common future as fixed: the world shock all of them share is not in it (see calibrationNoise).
 */
export function binBootstrap(targets, probabilities, { reps = 2000, seed = 9 } = {}) {
  const byCode = new Map();
  targets.forEach((t, i) => {
    if (!byCode.has(t.code)) byCode.set(t.code, []);
    byCode.get(t.code).push([binOf(probabilities[i]), t.met ? 1 : 0]);
  });
  const groups = [...byCode.values()];
  const rng = createRng(seed);
  const shares = [[], [], []];
  for (let r = 0; r < reps; r += 1) {
    const n = [0, 0, 0];
    const met = [0, 0, 0];
    for (let k = 0; k < groups.length; k += 1) {
      for (const [b, y] of groups[Math.floor(rng.uniform() * groups.length)]) {
        n[b] += 1;
        met[b] += y;
      }
    }
    for (let b = 0; b < 3; b += 1) if (n[b]) shares[b].push(met[b] / n[b]);
  }
  return shares.map((xs) => (xs.length > 1 ? sd(xs) : null));
}

/**
 * Share of the variation of economies' 6-year average growth (each economy's own mean removed)
 * that is common to all economies in the same 6 years: an intraclass correlation over the
 * non-overlapping 6-year blocks ending `lastYear`, `lastYear` − 6, …, with the sampling noise of
 * each block's cross-section mean taken out. Only years ≤ lastYear are read.
 */
export function commonShare(panel, lastYear) {
  const first = Math.min(...[...panel.values()].map((byYear) => Math.min(...byYear.keys())));
  const ends = [];
  for (let e = lastYear; e - FUTURE + 1 >= first; e -= FUTURE) ends.push(e);
  const rows = [];
  for (const byYear of panel.values()) {
    const blocks = ends.map((e) => {
      const ys = Array.from({ length: FUTURE }, (_, k) => byYear.get(e - k));
      return ys.every((v) => v !== undefined) ? ys.reduce((s, v) => s + v, 0) / FUTURE : null;
    });
    const ok = blocks.filter((v) => v !== null);
    if (ok.length < 3) continue;
    const mean = ok.reduce((s, v) => s + v, 0) / ok.length;
    const c = Math.sqrt(ok.length / (ok.length - 1));
    rows.push(blocks.map((v) => (v === null ? null : (v - mean) * c)));
  }
  let common = 0;
  let idio = 0;
  let k = 0;
  ends.forEach((_, j) => {
    const xs = rows.map((r) => r[j]).filter((v) => v !== null);
    if (xs.length < 20) return;
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const vw = sd(xs) ** 2;
    common += m * m - vw / xs.length;
    idio += vw;
    k += 1;
  });
  return Math.max(0, common / k) / (Math.max(0, common / k) + idio / k);
}

/**
 * How often a forecaster whose every P is exact would still fail the reliability criterion in this
 * window: each economy's outcome is drawn from its own simulated 6-year averages (so its three
 * targets move together), through a Gaussian copula whose common factor carries a share `rho` of the
 * variation (0: economies independent). Returns the share of `reps` simulated futures in which every
 * populated bin is within BIN_TOLERANCE, and each bin's SD of (share met − mean P).
 */
export function calibrationNoise(w, probabilities, means, { rho = 0, reps = 1000, seed = 11 } = {}) {
  const rng = createRng(seed);
  const byCode = new Map();
  w.targets.forEach((t, i) => {
    if (!byCode.has(t.code)) byCode.set(t.code, []);
    byCode.get(t.code).push([binOf(probabilities[i]), t.threshold, probabilities[i]]);
  });
  let pass = 0;
  const gaps = [[], [], []];
  for (let r = 0; r < reps; r += 1) {
    const world = rng.normal();
    const n = [0, 0, 0];
    const met = [0, 0, 0];
    const p = [0, 0, 0];
    for (const [code, ts] of byCode) {
      const sorted = means.get(code);
      const u = normalCdf(Math.sqrt(rho) * world + Math.sqrt(1 - rho) * rng.normal());
      const g = sorted[Math.min(sorted.length - 1, Math.floor(u * sorted.length))];
      for (const [b, threshold, pr] of ts) {
        n[b] += 1;
        p[b] += pr;
        met[b] += g >= threshold ? 1 : 0;
      }
    }
    let ok = true;
    for (let b = 0; b < 3; b += 1) {
      if (!n[b]) continue;
      const gap = (met[b] - p[b]) / n[b];
      gaps[b].push(gap);
      if (Math.abs(gap) > BIN_TOLERANCE) ok = false;
    }
    if (ok) pass += 1;
  }
  return { pass: pass / reps, gapSd: gaps.map((xs) => (xs.length > 1 ? sd(xs) : null)) };
}

const f2 = (x) => (x === null ? '   -' : x.toFixed(2));
const binText = (bins) => bins.map((b) => (b.n ? `${f2(b.meanP)}/${f2(b.shareMet)}` : '   -     ')).join('  ');

export function runVerdict({ log = console.log, seeds = 1 } = {}) {
  const panel = loadPanel(PWT_FILE);
  const out = [];
  log('window  method                     Brier   log   P<1/3: P/met  1/3-2/3     >=2/3      (n per bin)');
  for (const end of WINDOW_ENDS.slice().reverse()) {
    const w = windowTargets(panel, end);
    const rows = [];
    for (const prior of ['panel', 'pooled']) {
      const t0 = Date.now();
      const { probabilities: ps, means } = windowForecasts(w, panel, { prior });
      const s = scoreProbabilities(w.targets, ps);
      rows.push({ method: `targetcast local-mean, ${prior}`, ...s, ms: Date.now() - t0 });
      if (prior === 'panel') {
        const rho = commonShare(panel, w.lastHistory);
        rows[rows.length - 1].noise = {
          se: binBootstrap(w.targets, ps),
          rho,
          independent: calibrationNoise(w, ps, means),
          common: calibrationNoise(w, ps, means, { rho }),
        };
      }
      if (prior === 'panel' && seeds > 1) {
        let maxSpread = 0;
        let meanSe = 0;
        const runs = [ps];
        for (let k = 1; k < seeds; k += 1) runs.push(windowProbabilities(w, panel, { prior, seed: 1000 + k }));
        const binsBySeed = runs.map((r) => scoreProbabilities(w.targets, r).bins);
        ps.forEach((p, i) => {
          const xs = runs.map((r) => r[i]);
          maxSpread = Math.max(maxSpread, Math.max(...xs) - Math.min(...xs));
          meanSe += Math.sqrt((p * (1 - p)) / PATHS);
        });
        const range = (b, key) => {
          const xs = binsBySeed.map((bins) => bins[b][key]).filter((x) => x !== null);
          return xs.length ? [Math.min(...xs), Math.max(...xs)] : null;
        };
        rows[rows.length - 1].seedSpread = { seeds, maxSpread, meanSe: meanSe / ps.length, bins: [0, 1, 2].map((b) => ({ meanP: range(b, 'meanP'), shareMet: range(b, 'shareMet') })) };
      }
    }
    const ref = R_VERDICT[end];
    log(`${end} (${w.economies.length} economies, ${w.targets.length} targets, share met ${rows[0].shareMet.toFixed(2)})`);
    for (const r of rows) {
      log(`        ${r.method.padEnd(26)} ${r.brier.toFixed(4)}  ${r.log.toFixed(3)}  ${binText(r.bins)}  (${r.bins.map((b) => b.n).join('/')})  ${(r.ms / 1000).toFixed(1)} s`);
      if (r.noise) {
        const { se, rho, independent, common } = r.noise;
        const miss = r.bins.map((b) => (b.n && Math.abs(b.meanP - b.shareMet) > BIN_TOLERANCE ? `${f2(b.meanP)}/${f2(b.shareMet)}` : null)).filter(Boolean);
        log(`        ${''.padEnd(26)} bins' share met ± SE (bootstrap over economies): ${r.bins.map((b, k) => (b.n ? `${f2(b.shareMet)} ± ${f2(se[k])}` : '-')).join('  ')}; ${miss.length ? `outside ±${BIN_TOLERANCE}: ${miss.join(', ')}` : `all within ±${BIN_TOLERANCE}`}`);
        log(`        ${''.padEnd(26)} if every P were exact: all bins within ±${BIN_TOLERANCE} in ${(100 * independent.pass).toFixed(0)}% of simulated futures with economies independent (SD of share met − P: ${independent.gapSd.map(f2).join('/')}), ${(100 * common.pass).toFixed(0)}% with a common world shock (ICC ${rho.toFixed(3)} of 6-year averages, panel ≤ ${w.lastHistory}; SD ${common.gapSd.map(f2).join('/')})`);
      }
      if (r.seedSpread) {
        const rg = ([a, b]) => (a === b ? f2(a) : `${f2(a)}-${f2(b)}`);
        log(`        ${''.padEnd(26)} ${r.seedSpread.seeds} seeds: largest change of a P ${r.seedSpread.maxSpread.toFixed(3)}, mean Monte Carlo SE ${r.seedSpread.meanSe.toFixed(4)}; bins (mean P / share met) ${r.seedSpread.bins.map((b) => (b.meanP ? `${rg(b.meanP)} / ${rg(b.shareMet)}` : '-')).join('  ')}`);
      }
    }
    for (const [name, r] of Object.entries(ref.rows)) {
      log(`        ${name.padEnd(26)} ${r.brier.toFixed(4)}  ${r.log.toFixed(3)}  ${r.bins.map(([p, m]) => `${f2(p)}/${f2(m)}`).join('  ')}`);
    }
    out.push({ end, rows, r: ref });
  }
  const mean = (xs) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const ours = mean(out.map((o) => o.rows[0].brier));
  const rEts = mean(out.map((o) => o.r.rows['R ets'].brier));
  log(`mean Brier over the windows: targetcast (panel prior) ${ours.toFixed(4)}, pooled ${mean(out.map((o) => o.rows[1].brier)).toFixed(4)}, R ets ${rEts.toFixed(4)}: ${(100 * (1 - ours / rEts)).toFixed(1)}% below R ets`);
  const allPass = (key) => out.reduce((p, o) => p * o.rows[0].noise[key].pass, 1);
  log(`reliability criterion (every bin within ±${BIN_TOLERANCE} in every window), if every P were exact: met in ${(100 * allPass('independent')).toFixed(0)}% of simulated futures with economies independent, ${(100 * allPass('common')).toFixed(0)}% with the common world shock (windows taken as independent)`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--seeds');
  runVerdict({ seeds: i > 0 ? Number(process.argv[i + 1]) : 1 });
}
