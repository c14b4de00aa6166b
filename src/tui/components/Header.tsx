import { Box, Text } from 'ink';
import type { DashboardState, DashboardView } from '../../report/dashboard-report.js';
import { t } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the two header lines. */
export type HeaderProps = {
  /** The view being shown. */
  readonly view: DashboardView;
  readonly state: DashboardState;
  readonly theme: Theme;
  readonly width: number;
};

function clip(s: string, width: number, ellipsis: string): string {
  return [...s].length <= width ? s : `${[...s].slice(0, Math.max(0, width - ellipsis.length)).join('')}${ellipsis}`;
}

/** Data set, series, basis, model, scenario and horizon, on two lines. */
export function Header({ view, state, theme, width }: HeaderProps) {
  const lang = state.lang;
  const model = view.model.used === view.model.requested ? view.model.used : `${view.model.requested}→${view.model.used}`;
  const line1 = theme.text(`targetcast · ${view.dataset} · [${state.seriesIndex + 1}/${view.seriesCount}] ${view.seriesLabel}`);
  const line2 = theme.text(`${t('model', lang)} ${model} · ${t('scenario', lang)} ${view.scenario.name}${view.scenario.edited ? '*' : ''} · ${t('to', lang)} ${view.horizon} · ${t('basis', lang)} ${view.basis}`);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.inkColor('accent')}>
        {clip(line1, width, theme.symbols.ellipsis)}
      </Text>
      <Text color={theme.inkColor('muted')}>{clip(line2, width, theme.symbols.ellipsis)}</Text>
    </Box>
  );
}
