import { Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import { t } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the too-small screen. */
export type TooSmallProps = {
  readonly columns: number;
  readonly rows: number;
  readonly lang: Lang;
  /** For ASCII mode (80x24 instead of 80×24); without it the text is as in a capable terminal. */
  readonly theme?: Theme;
};

/** Shown instead of the dashboard below 80×24 (as btop does): never a broken layout. */
export function TooSmall({ columns, rows, lang, theme }: TooSmallProps) {
  const text = `${t('tooSmall', lang)} (${t('now', lang)} ${columns}×${rows}); ${t('qQuits', lang)}`;
  return <Text wrap="truncate">{theme ? theme.fit(text, columns) : text}</Text>;
}
