/** A number for people: up to `digits` significant decimals, no exponent, thousands unseparated. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  // Fewer decimals for large values, never more than asked for.
  const d = Math.min(digits, abs >= 1000 ? 0 : abs >= 100 ? 1 : digits);
  return value.toFixed(d);
}
