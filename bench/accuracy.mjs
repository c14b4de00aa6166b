// M1 yearly accuracy benchmark (181 series, h = 6): every model and `auto`, next to R's
// reference figures (../shared/bench/README.md, R 4.2.2 + forecast 8.20, reproduced in
// test/fixtures/r-reference/m1-accuracy.json). Run after `npm run build`: node bench/accuracy.mjs [model…]
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../dist/data/load-dataset.js';
import { forecastSeries } from '../dist/models/forecast-series.js';
import { MODEL_NAMES } from '../dist/models/registry.js';
import { smape, mase } from '../dist/evaluate/backtest.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const H = 6;
const R_REFERENCE = {
  naive: { smape: 22.43, mase: 4.893, c80: 45.7, c95: 61.7, r: 'naive()' },
  drift: { smape: 16.66, mase: 3.49, c80: 57.2, c95: 71.6, r: 'rwf(drift=TRUE)' },
  ets: { smape: 18.61, mase: 3.771, c80: 58.0, c95: 71.7, r: 'ets()' },
  theta: { smape: 20.17, mase: 4.189, c80: 50.5, c95: 68.7, r: 'thetaf()' },
  auto: { smape: 17.23, mase: 3.467, c80: 54.4, c95: 70.4, r: 'auto.arima()' },
  combo: { smape: 18.11, mase: 3.711, r: 'mean of ets, auto.arima, thetaf' },
};

export async function runAccuracy(models = MODEL_NAMES, { calibrate = true, log = console.log } = {}) {
  const train = await loadDataset(here('./data/m1-yearly-train.csv'));
  const test = await loadDataset(here('./data/m1-yearly-test.csv'));
  const testByKey = new Map(test.series.map((s) => [s.key, s.values]));
  const rows = [];
  for (const model of models) {
    const t0 = process.hrtime.bigint();
    let s = 0, m = 0, c80 = 0, c95 = 0, points = 0, fallbacks = 0;
    const chosen = new Map();
    for (const series of train.series) {
      const actual = testByKey.get(series.key);
      const fc = forecastSeries(series, { model, h: H, calibrate });
      if (fc.fallback) fallbacks += 1;
      chosen.set(fc.model, (chosen.get(fc.model) ?? 0) + 1);
      const mean = fc.forecast.map((f) => f.mean);
      s += smape(actual, mean);
      m += mase(series.values, actual, mean);
      fc.forecast.forEach((f, i) => {
        const y = actual[i];
        if (y >= f.lo80 && y <= f.hi80) c80 += 1;
        if (y >= f.lo95 && y <= f.hi95) c95 += 1;
        points += 1;
      });
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const n = train.series.length;
    const row = { model, smape: s / n, mase: m / n, coverage80: (100 * c80) / points, coverage95: (100 * c95) / points, seconds, fallbacks, chosen: Object.fromEntries(chosen) };
    rows.push(row);
    const ref = R_REFERENCE[model];
    log(
      `${model.padEnd(11)} sMAPE ${row.smape.toFixed(2).padStart(6)}  MASE ${row.mase.toFixed(3).padStart(6)}  cover80 ${row.coverage80.toFixed(1).padStart(5)}  cover95 ${row.coverage95.toFixed(1).padStart(5)}  ${seconds.toFixed(2).padStart(6)} s` +
        (ref ? `   | R ${ref.r}: ${ref.smape} / ${ref.mase}${ref.c80 ? ` / ${ref.c80} / ${ref.c95}` : ''}` : ''),
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const models = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rows = await runAccuracy(models.length ? models : MODEL_NAMES, { calibrate: !process.argv.includes('--raw') });
  const auto = rows.find((r) => r.model === 'auto');
  if (auto) console.log(`auto chose: ${JSON.stringify(auto.chosen)}`);
}
