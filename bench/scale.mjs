// Scale figures of issue 11 (`npm run bench`, or node bench/scale.mjs after npm run build): the
// cost of long fields, many rows, many series and long series, and how fast an interrupt stops a
// long run. Each input is generated here (seeded), written to a temporary folder.
//
// Old → new for the CSV reader (issue 16): `node bench/scale.mjs --csv [--baseline OLD/dist/cli.js]`
// runs only the two CSV cases, 3 times each (--runs N for N) (median time, largest peak RSS: GNU time's %M, the
// "Maximum resident set size" of time -v), and with --baseline the same on an earlier build,
// alternating old and new runs, e.g.
//   git archive 2f56606 | tar -x -C /tmp/old && ln -s $PWD/node_modules /tmp/old/ &&
//   (cd /tmp/old && npx tsc -p tsconfig.build.json)      # the hand-written reader
//   node bench/scale.mjs --csv --baseline /tmp/old/dist/cli.js
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'targetcast-scale-'));
let seed = 11;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);

function write(name, lines) {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Wall time and peak RSS of one CLI run (GNU time). */
function measure(args, cli = CLI) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, mb: kb / 1024, status: r.status };
}

/** Median time and largest peak RSS of several runs. */
function summary(all) {
  const ms = all.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(all.length / 2)];
  return { ms, mb: Math.max(...all.map((r) => r.mb)), status: all[0].status };
}

const figure = (r) => `${(r.ms / 1000).toFixed(1).padStart(6)} s ${r.mb.toFixed(0).padStart(6)} MB`;

/**
 * The two CSV-reader cases, with what they cost before csv-parse: the hand-written reader of
 * commit 2f56606, measured with --baseline on 2026-12-01 on the 2-core build machine while it was
 * shared (load average 5-15; csv-parse then took 2.8-4.0 s and 338-375 MB, and 2.4-4.3 s and
 * 161 MB), and issue 11's figures before that. README "Dependencies and hand-written code" has the table.
 */
function csvCases(longNote, million) {
  return [
    ['validate: 63 MB file, one note field on one line', ['validate', longNote], 'csv-parse on the text 2.4-3.4 s, 340 MB; hand-written reader 0.9-1.6 s, 174 MB; issue 11: 19 s, 2.2 GB'],
    ['validate: 1,000,000 rows', ['validate', million], 'csv-parse on the text 2.2-3.5 s, 162 MB; hand-written reader 1.2-2.3 s, 158 MB; issue 11: 7.3 s, 629 MB'],
  ];
}

function writeCsvInputs() {
  const longNote = write('long-note.csv', ['series,year,value,note', `a,2020,1,"${'x'.repeat(63_000_000)}"`]);
  const rows = ['series,year,value'];
  for (let s = 0; s < 5000; s += 1) for (let y = 1900; y < 2100; y += 1) rows.push(`s${s},${y},${rnd().toFixed(6)}`);
  return { longNote, million: write('million.csv', rows) };
}

/** Old → new for the CSV reader only (issue 16); old and new runs alternate, so both see the same load. */
export function runCsvScale({ baseline, runs = 3 } = {}, log = console.log) {
  const { longNote, million } = writeCsvInputs();
  for (const [label, args, before] of csvCases(longNote, million)) {
    const now = [];
    const old = [];
    for (let k = 0; k < runs; k += 1) {
      if (baseline) old.push(measure(args, baseline));
      now.push(measure(args, CLI));
    }
    if (baseline) log(`${label.padEnd(48)} ${figure(summary(old))}  →  ${figure(summary(now))}`);
    else log(`${label.padEnd(48)} ${figure(summary(now))}   (${before})`);
  }
}

/** Milliseconds from SIGTERM to exit, `after` ms into a run. */
function interruptLatency(args, after) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    setTimeout(() => {
      const t0 = process.hrtime.bigint();
      child.on('exit', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code }));
      child.kill('SIGTERM');
    }, after);
  });
}

export async function runScale(log = console.log) {
  const { longNote, million } = writeCsvInputs();
  const many = ['series,year,value'];
  for (let s = 0; s < 2056; s += 1) {
    let v = 100;
    for (let y = 2001; y <= 2020; y += 1) many.push(`s${s},${y},${(v *= 1 + 0.03 + 0.05 * (rnd() - 0.5)).toFixed(4)}`);
  }
  const manySeries = write('many-series.csv', many);
  const long = ['series,year,value'];
  let v = 100;
  for (let y = 1800; y <= 2200; y += 1) long.push(`L,${y},${(v *= 1 + 0.02 + 0.04 * (rnd() - 0.5)).toFixed(4)}`);
  const longSeries = write('long-series.csv', long);
  const years = Array.from({ length: 401 }, (_, i) => 1800 + i);
  const wide = [`series,${years.join(',')}`];
  for (let s = 0; s < 3000; s += 1) {
    let w = 100;
    wide.push(`w${s},${years.map(() => (w *= 1 + 0.02 + 0.04 * (rnd() - 0.5)).toFixed(3)).join(',')}`);
  }
  const wideFile = write('wide-3000x401.csv', wide);
  const cases = [
    ...csvCases(longNote, million),
    ['backtest --json: 2,056 series × 20 years', ['backtest', '--data', manySeries, '--json'], 'was 68 s, 1.8 GB'],
    ['backtest --json: one 401-year series', ['backtest', '--data', longSeries, '--json'], 'was 1.4 s'],
    ['forecast --json: wide file, 3,000 series × 401 years', ['forecast', '--data', wideFile, '--json'], 'estimated at 70 min'],
  ];
  for (const [label, args, before] of cases) log(`${label.padEnd(48)} ${figure(measure(args))}   (${before})`);
  const stop = await interruptLatency(['backtest', '--data', manySeries, '--json'], 3000);
  log(`${'SIGTERM 3 s into that backtest: stops in'.padEnd(48)} ${stop.ms.toFixed(0).padStart(6)} ms  exit ${stop.code} (was 67 s; goal 500 ms)`);
  const stopValidate = await interruptLatency(['validate', million], 1500);
  log(`${'SIGTERM 1.5 s into validate of 1M rows: stops in'.padEnd(48)} ${stopValidate.ms.toFixed(0).padStart(6)} ms  exit ${stopValidate.code} (was 7.8 s; goal 500 ms)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--baseline');
  if (argv.includes('--csv')) runCsvScale({ baseline: at >= 0 ? argv[at + 1] : undefined, runs: argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3 });
  else await runScale();
}
