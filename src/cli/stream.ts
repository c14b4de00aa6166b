/**
 * Writing a long report as it is made: one item at a time, returning to the event loop between
 * items so that Ctrl-C is handled at once, and a JSON document cut around its arrays so that it
 * is the same text jsonDocument would give for the whole report, with memory bounded by one item.
 */
import { jsonDocument } from './io.js';

/** Hands the items on, returning to the event loop every `every` items (signals are delivered there). */
export async function* yieldingToSignals<T>(items: Iterable<T>, every = 10): AsyncGenerator<T> {
  let i = 0;
  for (const item of items) {
    yield item;
    i += 1;
    if (i % every === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Indents every line of a JSON text (an array element at depth 2). */
export const indent = (json: string, pad: string): string => pad + json.replace(/\n/g, `\n${pad}`);

/**
 * A JSON document whose named top-level arrays are written item by item: the text before the
 * first array, then for each array its items as they come and the text after it.
 * @example const doc = streamedJson({ kind: 'x', series: [] }, ['series'], null); // doc.parts = [before, after]
 */
export function streamedJson(doc: object, arrays: readonly string[], stamp: string | null): { readonly parts: readonly string[] } {
  const marked = { ...doc, ...Object.fromEntries(arrays.map((k, i) => [k, `\u0000${i}`])) };
  let text = jsonDocument(marked, stamp);
  const parts: string[] = [];
  arrays.forEach((_, i) => {
    const [before, after] = text.split(`"\\u0000${i}"`) as [string, string];
    parts.push(before);
    text = after;
  });
  parts.push(text);
  return { parts };
}

/** Writes an array of a streamed JSON document: `[`, the items at depth 2, `]` (or `[]`). */
export async function writeJsonArray(write: (text: string) => void, items: Iterable<unknown> | AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const item of items) {
    write(`${count === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(item, null, 2), '    ')}`);
    count += 1;
  }
  write(count === 0 ? '[]' : '\n  ]');
  return count;
}
