/**
 * Units as the data state them ("trillion VND", "billion USD", "thousand persons"): the scale word
 * they start with, and what is left (the currency or the thing counted), so that figures in
 * different units of one region can be put over each other without the region's units in code.
 */
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, th: 1e3, mn: 1e6, bn: 1e9, tn: 1e12 };

/** The factor a unit's leading scale word stands for (1 when there is none). @example unitScale('trillion VND') // 1e12 */
export function unitScale(unit: string): number {
  const first = unit.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return SCALES[first] ?? 1;
}

/** The unit without its scale word or a trailing "per person". @example unitBase('million VND per person') // 'VND' */
export function unitBase(unit: string): string {
  const words = unit.trim().split(/\s+/);
  const rest = SCALES[words[0]?.toLowerCase() ?? ''] ? words.slice(1) : words;
  return rest.join(' ').replace(/\s+per\s+(person|capita|head)$/i, '') || unit;
}
