import { Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import { t } from '../strings.js';

/** Props of the too-small screen. */
export type TooSmallProps = {
  readonly columns: number;
  readonly rows: number;
  readonly lang: Lang;
};

/** Shown instead of the dashboard below 80×24 (as btop does): never a broken layout. */
export function TooSmall({ columns, rows, lang }: TooSmallProps) {
  return <Text wrap="truncate">{`${t('tooSmall', lang)} (now ${columns}×${rows}); q quits`}</Text>;
}
