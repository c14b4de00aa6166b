// Known values from R 4.2.2 + forecast 8.20: test/fixtures/r-reference/<id>.json, made by
// bench/r/reference.R (each entry records its R call). See that folder's README.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitAr1 } from '../../src/models/ar1.js';
import { drift } from '../../src/models/drift.js';
import { fitEts, type Trend } from '../../src/models/ets.js';
import { forecastFitted } from '../../src/models/forecast.js';
import { linearTrend } from '../../src/models/linear-trend.js';
import { naive } from '../../src/models/naive.js';
import { theta } from '../../src/models/theta.js';

interface RForecast {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  [key: string]: unknown;
}
interface Fixture {
  id: string;
  x: number[];
  methods: Record<string, RForecast>;
}
const dir = fileURLToPath(new URL('../fixtures/r-reference/', import.meta.url));
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('-accuracy.json'))
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Fixture);

const H = 6;
function expectClose(ours: readonly number[], theirs: readonly number[], relative: number): void {
  ours.forEach((v, i) => {
    const r = theirs[i]!;
    expect(Math.abs(v - r)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(r)));
  });
}
function ourForecast(fc: ReturnType<typeof forecastFitted>) {
  return {
    mean: fc.steps.map((s) => s.mean),
    lower80: fc.steps.map((s) => s.lo80),
    upper80: fc.steps.map((s) => s.hi80),
    lower95: fc.steps.map((s) => s.lo95),
    upper95: fc.steps.map((s) => s.hi95),
  };
}

describe.each(fixtures.map((f) => [f.id, f] as const))('R forecast 8.20 on series %s', (_id, f) => {
  it('naive(x, h=6): mean and both intervals to 1e-9', () => {
    const ours = ourForecast(forecastFitted(naive.fit(f.x), { h: H }));
    for (const k of ['mean', 'lower80', 'upper80', 'lower95', 'upper95'] as const) expectClose(ours[k], f.methods.naive![k], 1e-9);
  });

  it('rwf(x, drift=TRUE, h=6): mean, intervals and drift to 1e-9', () => {
    const fitted = drift.fit(f.x);
    expect(fitted.params.drift).toBeCloseTo(f.methods.rwf_drift!.drift as number, 6);
    const ours = ourForecast(forecastFitted(fitted, { h: H }));
    for (const k of ['mean', 'lower80', 'upper80', 'lower95', 'upper95'] as const) expectClose(ours[k], f.methods.rwf_drift![k], 1e-9);
  });

  it('forecast(tslm(x ~ trend)): mean and 95% interval to 1e-9; our 80% interval is never narrower', () => {
    const ours = ourForecast(forecastFitted(linearTrend.fit(f.x), { h: H }));
    const r = f.methods.tslm_trend!;
    expectClose(ours.mean, r.mean, 1e-9);
    expectClose(ours.lower95, r.lower95, 1e-9);
    expectClose(ours.upper95, r.upper95, 1e-9);
    ours.lower80.forEach((v, i) => expect(v).toBeLessThanOrEqual(r.lower80[i]! + 1e-9));
  });

  // ses/holt minimise the one-step MSE over α, β, φ and the initial states (for additive errors
  // the same optimum as the likelihood n·log(SSE)). Nelder-Mead optima differ slightly, so the
  // test is that ours is at least as good as R's (MSE ≤ R's) and the forecasts are close.
  it.each([
    ['ses', 'N', 1e-3],
    ['holt', 'A', 0.05],
    ['holt_damped', 'Ad', 0.25],
  ] as const)('%s: in-sample MSE no worse than R and forecasts close', (key, trend: Trend, tolerance) => {
    const r = f.methods[key]!;
    if (r.fallback_HoltWintersZZ) return; // R used HoltWinters, not ETS (n too small): nothing to compare
    const fitted = fitEts(f.x, trend);
    const mse = fitted.fitted.reduce((s, v, i) => s + (f.x[i]! - v) ** 2, 0) / f.x.length;
    expect(mse).toBeLessThanOrEqual((r.mse as number) * (1 + 1e-6));
    expectClose(ourForecast(forecastFitted(fitted, { h: H })).mean, r.mean, tolerance);
  });

  it('thetaf(x, h=6): mean to 1e-4 and intervals to 1e-2', () => {
    const ours = ourForecast(forecastFitted(theta.fit(f.x), { h: H }));
    expectClose(ours.mean, f.methods.thetaf!.mean, 1e-4);
    expectClose(ours.lower95, f.methods.thetaf!.lower95, 3e-2);
    expectClose(ours.upper95, f.methods.thetaf!.upper95, 3e-2);
  });

  it('Arima(x, c(1,0,0), method="ML"): log-likelihood no worse than R, φ and μ close unless near a unit root', () => {
    const r = f.methods.arima100 as RForecast & { coef: { ar1: number; intercept: number }; loglik: number };
    const ours = fitAr1(f.x);
    if (r.coef.ar1 > 0.995) return; // R sits on the unit-root boundary; our φ is capped at 0.999 (stationary)
    expect(ours.loglik).toBeGreaterThanOrEqual(r.loglik - 1e-4);
    expect(ours.phi).toBeCloseTo(r.coef.ar1, 3);
    expect(Math.abs(ours.mu - r.coef.intercept)).toBeLessThan(1e-3 * Math.max(1, Math.abs(r.coef.intercept)));
  });
});
