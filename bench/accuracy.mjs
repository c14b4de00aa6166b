// Accuracy benchmarks on two yearly competition sets, every model and `auto`, each next to R's
// reference figures (../shared/bench/README.md, R 4.2.2 + forecast 8.20):
//   M1 yearly, 181 series, h = 6 (reproduced by bench/r/m1-accuracy.R → test/fixtures/r-reference/m1-accuracy.json)
//   Tourism yearly, 518 series, h = 4 (bench/r/tourism-accuracy.R → test/fixtures/r-reference/tourism-accuracy.json)
// A choice that helps one set and hurts the other is tuning to noise: look at both.
// Run after `npm run build`: node bench/accuracy.mjs [m1|tourism] [model…] [--raw]
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../dist/data/load-dataset.js';
import { forecastSeries } from '../dist/evaluate/forecast-series.js';
import { MODEL_NAMES as ALL_MODELS } from '../dist/models/registry.js';

// local-mean is a model of growth rates (%) with a prior from real GDP growth: the M1 and Tourism
// series are levels, so it has no place here (bench/verdict.mjs scores it).
const MODEL_NAMES = ALL_MODELS.filter((m) => m !== 'local-mean');
import { smape, mase } from '../dist/evaluate/backtest.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const DATASETS = {
  m1: {
    title: 'M1 yearly, 181 series, h = 6',
    h: 6,
    train: './data/m1-yearly-train.csv',
    test: './data/m1-yearly-test.csv',
    reference: {
      naive: { smape: 22.43, mase: 4.893, c80: 45.7, c95: 61.7, r: 'naive()' },
      drift: { smape: 16.66, mase: 3.49, c80: 57.2, c95: 71.6, r: 'rwf(drift=TRUE)' },
      ets: { smape: 18.61, mase: 3.771, c80: 58.0, c95: 71.7, r: 'ets()' },
      theta: { smape: 20.17, mase: 4.189, c80: 50.5, c95: 68.7, r: 'thetaf()' },
      auto: { smape: 17.23, mase: 3.467, c80: 54.4, c95: 70.4, r: 'auto.arima()' },
      combo: { smape: 18.11, mase: 3.711, r: 'mean of ets, auto.arima, thetaf' },
    },
  },
  tourism: {
    title: 'Tourism yearly, 518 series, h = 4',
    h: 4,
    train: './data/tourism-yearly-train.csv',
    test: './data/tourism-yearly-test.csv',
    // ../shared/bench/README.md; coverage of naive, thetaf and auto.arima from bench/r/tourism-accuracy.R
    reference: {
      naive: { smape: 22.34, mase: 3.007, c80: 58.5, c95: 73.6, r: 'naive()' },
      drift: { smape: 20.46, mase: 2.617, c80: 61.1, c95: 78.5, r: 'rwf(drift=TRUE)' },
      ets: { smape: 23.01, mase: 3.0, c80: 70.7, c95: 84.0, r: 'ets()' },
      theta: { smape: 20.58, mase: 2.73, c80: 60.3, c95: 77.5, r: 'thetaf()' },
      auto: { smape: 24.13, mase: 3.197, c80: 52.8, c95: 71.3, r: 'auto.arima()' },
      combo: { smape: 22.67, mase: 2.864, r: 'mean of ets, auto.arima, thetaf' },
    },
  },
};

/**
 * Scores each model on one data set's held-out years: sMAPE, MASE and interval coverage averaged
 * over series (definitions in ../shared/bench/README.md), with auto's choice counts.
 */
export async function runAccuracy(models = MODEL_NAMES, { dataset = 'm1', calibrate = true, log = console.log } = {}) {
  const set = DATASETS[dataset];
  if (!set) throw new Error(`runAccuracy: unknown dataset '${dataset}' (allowed: ${Object.keys(DATASETS).join(', ')})`);
  const train = await loadDataset(here(set.train));
  const test = await loadDataset(here(set.test));
  const testByKey = new Map(test.series.map((s) => [s.key, s.values]));
  const rows = [];
  for (const model of models) {
    const t0 = process.hrtime.bigint();
    let s = 0, m = 0, c80 = 0, c95 = 0, points = 0, fallbacks = 0;
    const chosen = new Map();
    for (const series of train.series) {
      const actual = testByKey.get(series.key);
      const fc = forecastSeries(series, { model, h: set.h, calibrate });
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
    const ref = set.reference[model];
    log(
      `${model.padEnd(11)} sMAPE ${row.smape.toFixed(2).padStart(6)}  MASE ${row.mase.toFixed(3).padStart(6)}  cover80 ${row.coverage80.toFixed(1).padStart(5)}  cover95 ${row.coverage95.toFixed(1).padStart(5)}  ${seconds.toFixed(2).padStart(6)} s` +
        (ref ? `   | R ${ref.r}: ${ref.smape} / ${ref.mase}${ref.c80 ? ` / ${ref.c80} / ${ref.c95}` : ''}` : ''),
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const sets = args.filter((a) => a in DATASETS);
  const models = args.filter((a) => !(a in DATASETS));
  for (const dataset of sets.length ? sets : Object.keys(DATASETS)) {
    console.log(`== ${DATASETS[dataset].title} (intervals ${process.argv.includes('--raw') ? 'uncalibrated' : 'calibrated'}) ==`);
    const rows = await runAccuracy(models.length ? models : MODEL_NAMES, { dataset, calibrate: !process.argv.includes('--raw') });
    const auto = rows.find((r) => r.model === 'auto');
    if (auto) console.log(`auto chose: ${JSON.stringify(auto.chosen)}`);
    const combo = rows.find((r) => r.model === 'combo');
    if (auto && combo) {
      const ok = auto.smape <= combo.smape && auto.mase <= combo.mase;
      console.log(`auto vs combo: sMAPE ${(auto.smape - combo.smape).toFixed(2)}, MASE ${(auto.mase - combo.mase).toFixed(3)} (${ok ? 'auto no worse' : 'auto WORSE'})`);
    }
    console.log('');
  }
}
