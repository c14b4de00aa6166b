/**
 * An assumption changed by the user (`--set`, the dashboard's ←/→) says so: its source becomes
 * null (it is no longer what the source says) and its note records the edit and, as history, the
 * value it replaced with that value's source and note. Editing an edited value keeps the first
 * original, so a saved scenario never cites a source for a number the source does not give.
 */
import type { Assumption } from './types.js';

const EDITED = 'edited: ';
const REPLACES = ' replaces the original ';

/** Whether an assumption's value is the user's, not its source's. */
export function isEdited(a: Assumption): boolean {
  return a.source === null && (a.note ?? '').startsWith(EDITED);
}

function plain(value: number, unit: string): string {
  return `${Number(value.toPrecision(12))}${unit ? ` ${unit}` : ''}`;
}

/**
 * The assumption with a new value, marked edited, with the original's value and source as history.
 * An unchanged value returns the assumption as it is.
 * @example editAssumption({value: 1.8, unit: 'bn US$', source: 'seeds/x.txt', …}, 2.5).note
 *   // "edited: 2.5 bn US$ replaces the original 1.8 bn US$ (source: seeds/x.txt)"
 */
export function editAssumption(a: Assumption, value: number): Assumption {
  if (value === a.value) return a;
  let history: string;
  if (isEdited(a)) history = a.note!.slice(a.note!.indexOf(REPLACES) + REPLACES.length);
  else {
    const why = a.source !== null ? `source: ${a.source}${a.note ? `; ${a.note}` : ''}` : `assumption: ${a.note ?? 'no note'}`;
    history = `${plain(a.value, a.unit)} (${why})`;
  }
  return { ...a, value, source: null, note: `${EDITED}${plain(value, a.unit)}${REPLACES}${history}` };
}
