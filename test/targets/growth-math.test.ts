import { describe, expect, it } from 'vitest';
import { averageGrowth, requiredAverageGrowth, requiredLevelGrowth } from '../../src/targets/growth-math.js';

describe('compound growth arithmetic (by hand)', () => {
  it('average growth is the geometric mean: sqrt(1.10 × 1.12) − 1 = 10.995%', () => {
    expect(averageGrowth([10, 12])).toBeCloseTo(100 * (Math.sqrt(1.1 * 1.12) - 1), 12);
  });
  it('a constant rate averages to itself', () => {
    expect(averageGrowth([7, 7, 7])).toBeCloseTo(7, 12);
  });
  it('required growth for the rest of the period: (1.135^10 / 1.1139^5)^(1/5) − 1 = 15.65%', () => {
    // Decision 1516: 13.5%/yr over 2021-2030; 2021-2025 averaged 11.39%/yr (city congress report).
    expect(requiredAverageGrowth(13.5, [11.39, 11.39, 11.39, 11.39, 11.39], 5)).toBeCloseTo(100 * ((1.135 ** 10 / 1.1139 ** 5) ** 0.2 - 1), 10);
  });
  it('required level growth: (11247 / 7790)^(1/5) − 1 = 7.62%', () => {
    expect(requiredLevelGrowth(7790, 11247, 5)).toBeCloseTo(100 * ((11247 / 7790) ** 0.2 - 1), 12);
    expect(requiredLevelGrowth(7790, 11247, 5)).toBeCloseTo(7.62, 2);
  });
  it('refuses impossible inputs', () => {
    expect(() => averageGrowth([])).toThrow(/at least one/);
    expect(() => requiredAverageGrowth(13, [], 0)).toThrow(/remaining/);
    expect(() => requiredLevelGrowth(0, 1, 5)).toThrow(/positive/);
  });
});
