/**
 * Seeded pseudo-random numbers, so that simulated paths and every probability read off them are
 * reproducible from the seed recorded in a report. mulberry32 (Tommy Ettinger, public domain):
 * 32-bit state, period 2^32, passes gjrand/PractRand at the sizes used here (≤ 10^6 draws).
 */
export interface Rng {
  /** Uniform on [0, 1). */
  readonly uniform: () => number;
  /** Standard normal, by the Box-Muller transform. */
  readonly normal: () => number;
}

/** @example createRng(42).uniform() // 0.6011037519201636 (same value every run) */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}
