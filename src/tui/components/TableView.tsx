import { Box, Text } from 'ink';
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
};

/** A title, a header and as many lines as fit, clipped to the width. */
export function TableView({ title, header, lines, offset, height, theme }: TableViewProps) {
  const room = Math.max(1, height - 3);
  const start = Math.max(0, Math.min(offset, lines.length - room));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {title}
      </Text>
      <Text wrap="truncate" color={theme.inkColor('muted')}>
        {header}
      </Text>
      {lines.slice(start, start + room).map((l, i) => (
        <Text key={start + i} wrap="truncate">
          {l}
        </Text>
      ))}
      <Text color={theme.inkColor('muted')}>{lines.length > room ? `${start + 1}-${Math.min(lines.length, start + room)} of ${lines.length} (↑/↓)` : ' '}</Text>
    </Box>
  );
}
