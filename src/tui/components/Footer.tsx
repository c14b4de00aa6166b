import { Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import { footerWord } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the key footer. */
export type FooterProps = {
  /** Columns available (the line is cut to them); default: Ink cuts it. */
  readonly width?: number;
  /** The keys that work in the current view, as [key, action] pairs with the action in English. */
  readonly keys: readonly (readonly [string, string])[];
  readonly theme: Theme;
  /** Language of the actions (translated through strings.ts); default en. */
  readonly lang?: Lang;
};

/** "Keys" that are words, translated like the actions. */
const WORD_KEYS: ReadonlySet<string> = new Set(['save as', 'any key']);

/** One line: the keys that work now. */
export function Footer({ keys, theme, lang = 'en', width }: FooterProps) {
  const line = keys.map(([k, action]) => `${WORD_KEYS.has(k) ? footerWord(k, lang) : k} ${footerWord(action, lang)}`).join('  ');
  return (
    <Text wrap="truncate" color={theme.inkColor('muted')}>
      {width === undefined ? theme.text(line) : theme.fit(line, width)}
    </Text>
  );
}
