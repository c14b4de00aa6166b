import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { ChartData, Lang } from '../../report/dashboard-report.js';
import { renderChart } from '../chart-text.js';
import { t } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the main chart. */
export type ChartProps = {
  readonly chart: ChartData;
  readonly theme: Theme;
  readonly width: number;
  /** Plot rows (the axis and year labels add two). */
  readonly height: number;
  readonly lang: Lang;
};

/** History, forecast, 80% band and targets, with a year axis and a one-line legend. */
export function Chart({ chart, theme, width, height, lang }: ChartProps) {
  const rows = useMemo(
    () =>
      renderChart(
        {
          years: chart.years,
          lines: [
            { values: chart.lo80, token: 'band' },
            { values: chart.hi80, token: 'band' },
            { values: chart.history, token: 'history' },
            { values: chart.mean, token: 'forecast' },
          ],
          markers: chart.markers.map((m) => ({ ...m, token: 'target' as const })),
          lastActual: chart.lastActual,
          width,
          height,
          unit: chart.unit,
        },
        theme,
      ),
    [chart, theme, width, height],
  );
  const legend = `${chart.unit} │ ${theme.paint('history', '━')} ${t('history', lang)}  ${theme.paint('forecast', '━')} ${t('forecast', lang)}  ${theme.paint('band', '─')} ${t('band', lang)}  ${theme.paint('target', theme.symbols.target)} ${t('target', lang)}`;
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row}
        </Text>
      ))}
      <Text wrap="truncate" color={theme.inkColor('muted')}>
        {theme.ascii ? legend.replace(/│/g, '|').replace(/━/g, '=').replace(/─/g, '-') : legend}
      </Text>
    </Box>
  );
}
