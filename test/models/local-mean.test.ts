// The local-mean growth model (src/models/local-mean.ts): its Kalman filter checked by hand on one
// observation, its prior re-derived from the panel, and bounded bands for rates at long horizons.
import { describe, expect, it } from 'vitest';
import { DIFFUSE_LOCAL_SD, filterGrowth, fitGrowthPrior, localMean } from '../../src/models/local-mean.js';
import { PANEL_GROWTH_PRIOR } from '../../src/models/growth-prior.js';
import { ar1, RATE_MAX_PHI } from '../../src/models/ar1.js';
import { forecastFitted } from '../../src/models/forecast.js';
import { studentTQuantile } from '../../src/core/student-t.js';
import { panelHistories, readPanel, PWT_SOURCE } from '../../bench/growth-panel.mjs';

const prior = { mean: 4, qMean: 0.5, lambda: 0.9, qLocal: 0.3, phi: 0.2 };

describe('filterGrowth', () => {
  it('after one observation, by hand (Durbin & Koopman §4.3 update)', () => {
    // Prior variances at unit scale: m 0.25, d 0.09/(1 − 0.81) = 0.47368, u 1/(1 − 0.04) = 1.04167.
    const pm = 0.25, pd = 0.09 / 0.19, pu = 1 / 0.96;
    const F = pm + pd + pu; // 1.76535
    const v = 7 - 4;
    const f = filterGrowth([7], prior);
    expect(f.ss).toBeCloseTo((v * v) / F, 12);
    expect(f.logDet).toBeCloseTo(Math.log(F), 12);
    // Each component takes its share of the surprise: a_i = prior_i + P_i / F · v.
    expect(f.state[0]).toBeCloseTo(4 + (pm / F) * v, 12);
    expect(f.state[1]).toBeCloseTo((pd / F) * v, 12);
    expect(f.state[2]).toBeCloseTo((pu / F) * v, 12);
    expect(f.cov[0][0]).toBeCloseTo(pm - (pm * pm) / F, 12);
  });
});

describe('the shipped panel prior', () => {
  it('is what fitGrowthPrior gives on the Penn World Table panel in bench/data (bench/make-growth-prior.mjs)', () => {
    const refit = fitGrowthPrior(panelHistories(readPanel()), `${PWT_SOURCE}; every economy's latest consecutive run, 1951-2011`);
    for (const key of ['mean', 'qMean', 'lambda', 'qLocal', 'phi', 'logScaleMean', 'logScaleSd', 'economies', 'observations'] as const) {
      expect(refit[key], key).toBeCloseTo(PANEL_GROWTH_PRIOR[key], 6);
    }
    expect(refit.source).toBe(PANEL_GROWTH_PRIOR.source);
  });
});

describe('rates stay bounded at long horizons', () => {
  // Hai Phong real GRDP growth 2017-2025 (data/haiphong/observations.csv; 2025 is the merged city's).
  const growth = [14.01, 16.01, 16.68, 11.22, 12.38, 12.32, 10.34, 11.01, 11.81];

  it('local-mean: the 95% band at h = 20 is within the stationary bound', () => {
    const fitted = localMean(PANEL_GROWTH_PRIOR).fit(growth);
    const fc = forecastFitted(fitted, { h: 20 });
    const { qLocal, lambda, phi, scalePriorYears } = PANEL_GROWTH_PRIOR;
    // Bound: sd(m + d + u) ≤ sd(m) + sd(d) + sd(u). At h = 20 each is at most its filtered sd
    // carried forward (√P_mm; λ^h √P_dd; φ^h √P_uu) plus the shocks since (at most the stationary
    // sds q_η/√(1 − λ²) and 1/√(1 − φ²)), times the scale s and the Student-t stretch of the
    // scale's uncertainty (df = n + k).
    const df = growth.length + scalePriorYears;
    const P = filterGrowth(growth, PANEL_GROWTH_PRIOR, DIFFUSE_LOCAL_SD).cov;
    const sdBound = fitted.sigma * (Math.sqrt(P[0][0]) + lambda ** 20 * Math.sqrt(P[1][1]) + qLocal / Math.sqrt(1 - lambda * lambda) + phi ** 20 * Math.sqrt(P[2][2]) + 1 / Math.sqrt(1 - phi * phi));
    const last = fc.steps[19]!;
    expect((last.hi95 - last.lo95) / 2).toBeLessThanOrEqual(studentTQuantile(0.975, df) * sdBound + 1e-9);
    // And it reverts: the mean at 2045 is nearer the panel's long-run mean than the last figure.
    expect(Math.abs(last.mean - PANEL_GROWTH_PRIOR.mean)).toBeLessThan(Math.abs(growth[growth.length - 1]! - PANEL_GROWTH_PRIOR.mean));
  });

  it('ar1 on a rate: φ held at or below RATE_MAX_PHI, the band within ±1.96·σ/√(1 − φ²)', () => {
    // A trending "rate" (a share rising 1 point a year with noise) that a free fit would put at a unit root.
    const share = Array.from({ length: 20 }, (_, i) => 40 + i + (i % 3) * 0.5);
    const fitted = ar1.fit(share, { kind: 'share' });
    expect(Math.abs(fitted.params.phi!)).toBeLessThanOrEqual(RATE_MAX_PHI);
    const last = forecastFitted(fitted, { h: 20 }).steps[19]!;
    const phi = fitted.params.phi!;
    expect((last.hi95 - last.lo95) / 2).toBeLessThanOrEqual((1.959963984540054 * fitted.sigma) / Math.sqrt(1 - phi * phi) + 1e-9);
  });
});

describe('auto on a rate', () => {
  it('forecasts a rate or share with the mean-reverting ar1, never a random walk', async () => {
    const { forecastSeries } = await import('../../src/evaluate/forecast-series.js');
    // Hai Phong real GRDP growth 2017-2025 (data/haiphong/observations.csv), declared a rate.
    const values = [14.01, 16.01, 16.68, 11.22, 12.38, 12.32, 10.34, 11.01, 11.81];
    const series = { id: 'g', basis: '', key: 'g', years: values.map((_, i) => 2017 + i), values, observations: [], meta: { id: 'g', nameEn: 'g', nameVi: 'g', unit: '%', kind: 'rate' as const, priceBasis: 'none' as const, description: '' } };
    expect(forecastSeries(series, { model: 'auto', h: 20 }).model).toBe('ar1');
  });
});

describe('local-mean on a level', () => {
  it('refuses a level series, so a forecast falls back visibly', async () => {
    const { forecastSeries } = await import('../../src/evaluate/forecast-series.js');
    const values = [100, 103, 107, 110, 114, 118, 121, 125];
    const series = { id: 'x', basis: '', key: 'x', years: values.map((_, i) => 2010 + i), values, observations: [], meta: { id: 'x', nameEn: 'x', nameVi: 'x', unit: 'bn', kind: 'level' as const, priceBasis: 'none' as const, description: '' } };
    const fc = forecastSeries(series, { model: 'local-mean', h: 3 });
    expect(fc.model).toBe('drift');
    expect(fc.fallback).toBe(true);
    expect(fc.reason).toBe('local-mean failed (local-mean models growth rates (%), not a level series): fell back to drift');
  });
});
