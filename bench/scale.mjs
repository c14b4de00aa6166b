// Scale figures of issue 11 (`npm run bench`, or node bench/scale.mjs after npm run build): the
// cost of long fields, many rows, many series and long series, and how fast an interrupt stops a
// long run. Each input is generated here (seeded), written to a temporary folder.
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
function measure(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, mb: kb / 1024, status: r.status };
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
  const longNote = write('long-note.csv', ['series,year,value,note', `a,2020,1,"${'x'.repeat(63_000_000)}"`]);
  const rows = ['series,year,value'];
  for (let s = 0; s < 5000; s += 1) for (let y = 1900; y < 2100; y += 1) rows.push(`s${s},${y},${rnd().toFixed(6)}`);
  const million = write('million.csv', rows);
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
    ['validate: 63 MB file, one note field on one line', ['validate', longNote], 'was 19 s, 2.2 GB (issue 11)'],
    ['validate: 1,000,000 rows', ['validate', million], 'was 7.3 s, 629 MB'],
    ['backtest --json: 2,056 series × 20 years', ['backtest', '--data', manySeries, '--json'], 'was 68 s, 1.8 GB'],
    ['backtest --json: one 401-year series', ['backtest', '--data', longSeries, '--json'], 'was 1.4 s'],
    ['forecast --json: wide file, 3,000 series × 401 years', ['forecast', '--data', wideFile, '--json'], 'estimated at 70 min'],
  ];
  for (const [label, args, before] of cases) {
    const r = measure(args);
    log(`${label.padEnd(48)} ${(r.ms / 1000).toFixed(1).padStart(6)} s ${r.mb.toFixed(0).padStart(6)} MB   (${before})`);
  }
  const stop = await interruptLatency(['backtest', '--data', manySeries, '--json'], 3000);
  log(`${'SIGTERM 3 s into that backtest: stops in'.padEnd(48)} ${stop.ms.toFixed(0).padStart(6)} ms  exit ${stop.code} (was 67 s; goal 500 ms)`);
  const stopValidate = await interruptLatency(['validate', million], 1500);
  log(`${'SIGTERM 1.5 s into validate of 1M rows: stops in'.padEnd(48)} ${stopValidate.ms.toFixed(0).padStart(6)} ms  exit ${stopValidate.code} (was 7.8 s; goal 500 ms)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runScale();
