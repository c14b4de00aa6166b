// Key-press latency of the dashboard: the time to rebuild the view (apply the scenario to
// 10,000 simulated paths and judge every target) after an assumption changes, as the App does
// on each key. Forecasts are memoised; the first build (model fits, backtests, paths) is timed apart.
import { fileURLToPath } from 'node:url';
import { setupDashboard } from '../dist/app/dashboard.js';
import { buildDashboardView } from '../dist/report/dashboard-report.js';
import { goalSeek } from '../dist/report/goal-seek.js';

export async function runDashboardBench({ paths = 10000, presses = 40, log = console.log } = {}) {
  const t0 = performance.now();
  const setup = await setupDashboard({ region: 'haiphong', env: {}, version: 'bench', paths });
  const push = setup.scenarios.findIndex((s) => s.name === 'investment-push');
  let state = { seriesIndex: 0, model: 'auto', scenarioIndex: push, edits: {}, horizon: setup.horizon, lang: 'en' };
  buildDashboardView(setup.dataset, setup.engine, setup.scenarios, setup.series, state);
  const first = performance.now() - t0;
  const times = [];
  for (let i = 0; i < presses; i += 1) {
    state = { ...state, seriesIndex: i % 2, edits: { extraFdi: 0.25 * (i % 9) } };
    const t = performance.now();
    buildDashboardView(setup.dataset, setup.engine, setup.scenarios, setup.series, state);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  log(`dashboard, ${paths} paths: first view ${first.toFixed(0)} ms; per key press median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (${presses} presses)`);
  // The g key: every lever of growth-accounting (P ≥ 2/3) for a growth target and a per-capita
  // US$ target, forecasts already memoised; median of 3.
  const accounting = setup.scenarios.find((s) => s.name === 'growth-accounting');
  const seek = {};
  for (const id of ['DH1-01', 'KH2630-02']) {
    const runs = [];
    let trials = 0;
    for (let i = 0; i < 3; i += 1) {
      const t = performance.now();
      const r = goalSeek(setup.engine, accounting, { target: id, goal: 2 / 3 });
      runs.push(performance.now() - t);
      trials = r.levers.reduce((n, l) => n + l.trials.length, 0);
    }
    runs.sort((a, b) => a - b);
    seek[id] = runs[1];
    log(`goal-seek (g key), ${paths} paths, ${id}: ${trials} trials, median ${runs[1].toFixed(0)} ms (${(runs[1] / trials).toFixed(1)} ms a trial)`);
  }
  return { first, median, p95, seek };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runDashboardBench();
