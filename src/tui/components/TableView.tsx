import { Box, Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import { t } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of a scrolling text table (observations, model comparison). */
export type TableViewProps = {
  readonly title: string;
  readonly header: string;
  readonly lines: readonly string[];
  /** First line shown (↑/↓ scroll). */
  readonly offset: number;
  readonly height: number;
  readonly theme: Theme;
  /** Default en. */
  readonly lang?: Lang;
  /** Columns available: lines are cut to them with the theme's ellipsis (ASCII mode needs it); default: Ink cuts them. */
  readonly width?: number;
};

/** A title, a header and as many lines as fit, clipped to the width. */
export function TableView({ title, header, lines, offset, height, theme, lang = 'en', width }: TableViewProps) {
  const fit = (text: string): string => (width === undefined ? theme.text(text) : theme.fit(text, width));
  const room = Math.max(1, height - 3);
  const start = Math.max(0, Math.min(offset, lines.length - room));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {fit(title)}
      </Text>
      <Text wrap="truncate" color={theme.inkColor('muted')}>
        {fit(header)}
      </Text>
      {lines.slice(start, start + room).map((l, i) => (
        <Text key={start + i} wrap="truncate">
          {fit(l)}
        </Text>
      ))}
      <Text color={theme.inkColor('muted')}>{lines.length > room ? theme.text(`${start + 1}-${Math.min(lines.length, start + room)} ${t('scrollOf', lang)} ${lines.length} (↑/↓)`) : ' '}</Text>
    </Box>
  );
}
