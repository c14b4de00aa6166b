// Builds a long CSV of N yearly series by repeating the 181 M1 training series under new ids
// (YAB1_r0, YAB1_r1, …), for the batch benchmark. Usage: node bench/make-batch.mjs N OUT.csv
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function makeBatch(n, out) {
  const lines = readFileSync(fileURLToPath(new URL('./data/m1-yearly-train.csv', import.meta.url)), 'utf8').trim().split('\n').slice(1);
  const bySeries = new Map();
  for (const line of lines) {
    const id = line.slice(0, line.indexOf(','));
    if (!bySeries.has(id)) bySeries.set(id, []);
    bySeries.get(id).push(line.slice(id.length));
  }
  const ids = [...bySeries.keys()];
  const rows = ['series,year,value'];
  for (let i = 0; i < n; i += 1) {
    const id = ids[i % ids.length];
    for (const rest of bySeries.get(id)) rows.push(`${id}_r${Math.floor(i / ids.length)}${rest}`);
  }
  writeFileSync(out, `${rows.join('\n')}\n`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) makeBatch(Number(process.argv[2]), process.argv[3]);
