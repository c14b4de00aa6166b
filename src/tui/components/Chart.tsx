import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { ChartData, Lang } from '../../report/dashboard-report.js';
import { chartInputOf, renderChartWithLegend } from '../chart-text.js';
import type { Theme } from '../theme.js';

/** Props of the main chart. */
export type ChartProps = {
  readonly chart: ChartData;
  readonly theme: Theme;
  readonly width: number;
  /** Plot rows (the axis and year labels add two, the legend one). */
  readonly height: number;
  readonly lang: Lang;
};

/**
 * History, forecast, 80% band and targets, with a year axis and a legend of every mark drawn.
 * A legend that needs two rows takes the second from the plot, so the chart keeps its height.
 */
export function Chart({ chart, theme, width, height, lang }: ChartProps) {
  const { rows, legend } = useMemo(
    () =>
renderChartWithLegend(chartInputOf(chart, width, height + 1, lang), theme, lang),
    [chart, theme, width, height, lang],
  );
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row}
        </Text>
      ))}
      {legend.map((line, i) => (
        <Text key={`legend-${i}`} wrap="truncate" color={theme.inkColor('muted')}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
