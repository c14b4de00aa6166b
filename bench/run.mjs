// `npm run bench`: accuracy on M1 yearly next to R, engine time, and the CLI's wall time.
// Figures print to stdout; nothing here is a pass/fail test (see README "Accuracy and speed").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../dist/data/load-dataset.js';
import { forecastFitted } from '../dist/models/forecast.js';
import { MODELS } from '../dist/models/registry.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAccuracy } from './accuracy.mjs';
import { makeBatch } from './make-batch.mjs';
import { runDashboardBench } from './dashboard.mjs';
import { runVerdict } from './verdict.mjs';
import { runScale } from './scale.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wall(args, runs = 5) {
  const times = [];
  let peakKb = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, here('../dist/cli.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`targetcast ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    peakKb = Math.max(peakKb, Number(r.stderr.trim().split('\n').pop()));
  }
  return { ms: median(times), peakMb: peakKb / 1024 };
}

console.log('== Accuracy: M1 yearly, 181 series, h = 6 (intervals calibrated) ==');
await runAccuracy();

console.log('\n== Verdict benchmark: P(average-growth target met), Penn World Table 9.1, 3 windows, 3 seeds ==');
runVerdict({ seeds: 3 });

console.log('\n== Scale: long fields, many rows, many and long series, interrupts (issue 11) ==');
await runScale();

console.log('\n== Engine: fit + forecast (h = 6, no backtest) all 181 series with every model ==');
const m1 = await loadDataset(here('./data/m1-yearly-train.csv'));
for (let rep = 0; rep < 2; rep += 1) {
  const t0 = process.hrtime.bigint();
  for (const model of MODELS) for (const s of m1.series) forecastFitted(model.fit(s.values), { h: 6 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${rep === 0 ? 'cold' : 'warm'}: ${MODELS.length} models × ${m1.series.length} series in ${ms.toFixed(0)} ms`);
}

console.log('\n== CLI wall time (median of 5 runs, peak RSS) ==');
for (const args of [['--help'], ['data'], ['forecast', '--data', here('./data/m1-yearly-train.csv'), '--json']]) {
  const r = wall(args);
  console.log(`targetcast ${args.join(' ').replace(here('./data/'), 'bench/data/')}: ${r.ms.toFixed(0)} ms, ${r.peakMb.toFixed(0)} MB`);
}

console.log('\n== Batch: targetcast forecast --json over N series (M1 repeated under new ids; one run each) ==');
const dir = mkdtempSync(join(tmpdir(), 'targetcast-bench-'));
for (const n of [181, 1000, 10000]) {
  const file = n === 181 ? here('./data/m1-yearly-train.csv') : makeBatch(n, join(dir, `batch-${n}.csv`));
  const r = wall(['forecast', '--data', file, '--json', '--no-timestamp'], 1);
  console.log(`${String(n).padStart(6)} series: ${(r.ms / 1000).toFixed(1)} s wall, ${(r.ms / n).toFixed(2)} ms/series, peak RSS ${r.peakMb.toFixed(0)} MB`);
}

console.log('\n== Dashboard key-press latency ==');
await runDashboardBench();
