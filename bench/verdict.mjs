// The verdict benchmark (../shared/bench/README.md, "Verdict benchmark"): will an average-growth
// target be met? Penn World Table 9.1, three windows; Brier score, log score and reliability of
// targetcast's P(met), next to R's (bench/r/verdict.R). Run after `npm run build`:
//   node bench/verdict.mjs [--seeds N]
import { fileURLToPath } from 'node:url';
import { loadPanel, windowTargets, WINDOW_ENDS, scoreProbabilities, geometricMean, R_VERDICT, FUTURE } from './verdict-protocol.mjs';
import { panelHistories, PWT_FILE, PWT_SOURCE } from './growth-panel.mjs';
import { fitGrowthPrior } from '../dist/models/local-mean.js';
import { forecastSeries } from '../dist/models/forecast-series.js';

const PATHS = 2000;

/**
 * P(met) for every target of a window. The growth prior is fitted on the panel's years up to the
 * window's last history year only ('panel prior'), or on the window's own 15-year histories of all
 * its economies ('pooled': what a multi-region file gives), so no future year is ever seen.
 */
export function windowProbabilities(w, panel, { prior: priorKind = 'panel', seed = 20251, model = 'local-mean' } = {}) {
  const histories = priorKind === 'panel' ? panelHistories(panel, w.lastHistory) : w.economies.map((e) => e.history);
  const growthPrior = model === 'local-mean' ? fitGrowthPrior(histories, `${PWT_SOURCE}, years ≤ ${w.lastHistory}`) : undefined;
  const byCode = new Map();
  for (const e of w.economies) {
    const series = { id: 'gdp_growth_real', basis: e.code, key: e.code, years: e.historyYears, values: e.history, observations: [], meta: { kind: 'rate' } };
    const fc = forecastSeries(series, { model, h: FUTURE, seed, paths: PATHS, growthPrior });
    byCode.set(e.code, fc.paths.map((p) => geometricMean(p)));
  }
  return w.targets.map((t) => {
    const means = byCode.get(t.code);
    let hits = 0;
    for (const g of means) if (g >= t.threshold) hits += 1;
    return hits / means.length;
  });
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
      const ps = windowProbabilities(w, panel, { prior });
      const s = scoreProbabilities(w.targets, ps);
      rows.push({ method: `targetcast local-mean, ${prior}`, ...s, ms: Date.now() - t0 });
      if (prior === 'panel' && seeds > 1) {
        let maxSpread = 0;
        let meanSe = 0;
        const runs = [ps];
        for (let k = 1; k < seeds; k += 1) runs.push(windowProbabilities(w, panel, { prior, seed: 1000 + k }));
        ps.forEach((p, i) => {
          const xs = runs.map((r) => r[i]);
          maxSpread = Math.max(maxSpread, Math.max(...xs) - Math.min(...xs));
          meanSe += Math.sqrt((p * (1 - p)) / PATHS);
        });
        rows[rows.length - 1].seedSpread = { seeds, maxSpread, meanSe: meanSe / ps.length };
      }
    }
    const ref = R_VERDICT[end];
    log(`${end} (${w.economies.length} economies, ${w.targets.length} targets, share met ${rows[0].shareMet.toFixed(2)})`);
    for (const r of rows) {
      log(`        ${r.method.padEnd(26)} ${r.brier.toFixed(4)}  ${r.log.toFixed(3)}  ${binText(r.bins)}  (${r.bins.map((b) => b.n).join('/')})  ${(r.ms / 1000).toFixed(1)} s`);
      if (r.seedSpread) log(`        ${''.padEnd(26)} ${r.seedSpread.seeds} seeds: largest change of a P ${r.seedSpread.maxSpread.toFixed(3)}, mean Monte Carlo SE ${r.seedSpread.meanSe.toFixed(4)}`);
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
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--seeds');
  runVerdict({ seeds: i > 0 ? Number(process.argv[i + 1]) : 1 });
}
