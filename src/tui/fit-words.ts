/**
 * Text cut to `width` columns at a word boundary, with the ellipsis marking the cut; a first word
 * longer than the room is cut inside it (still marked). Text that fits is returned as it is.
 * @example fitWords('New project capital (registered)', 25, '…') // "New project capital…"
 */
export function fitWords(text: string, width: number, ellipsis: string): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  const room = Math.max(0, width - [...ellipsis].length);
  // The last space at or before the cut: a word that ends exactly at the cut is kept whole.
  let end = room;
  while (end > 0 && chars[end] !== ' ') end -= 1;
  const kept = end > 0 ? chars.slice(0, end).join('').trimEnd() : chars.slice(0, room).join('');
  return `${kept}${ellipsis}`;
}
