import { Box, Text } from 'ink';
import type { DashboardState, DashboardView } from '../../report/dashboard-report.js';
import { t } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the header lines. */
export type HeaderProps = {
  /** The view being shown. */
  readonly view: DashboardView;
  readonly state: DashboardState;
  readonly theme: Theme;
  readonly width: number;
  /** The basis as the header says it (default view.basis): App passes the runs with their pro-forma years. */
  readonly basis?: string;
};

function clip(s: string, width: number, ellipsis: string): string {
  return [...s].length <= width ? s : `${[...s].slice(0, Math.max(0, width - ellipsis.length)).join('')}${ellipsis}`;
}

/**
 * The header's lines: data set and series; then model, scenario, horizon and basis. When the
 * basis does not fit beside the others (a history over several bases at 80 columns), it gets a
 * third line of its own rather than being cut: which years are derived is what it is there for.
 */
export function headerLines({ view, state, theme, width, basis = view.basis }: HeaderProps): string[] {
  const lang = state.lang;
  const model = view.model.used === view.model.requested ? view.model.used : `${view.model.requested}→${view.model.used}`;
  const line1 = theme.text(`targetcast · ${view.dataset} · [${state.seriesIndex + 1}/${view.seriesCount}] ${view.seriesLabel}`);
  const settings = `${t('model', lang)} ${model} · ${t('scenario', lang)} ${view.scenario.name}${view.scenario.edited ? '*' : ''} · ${t('to', lang)} ${view.horizon}`;
  const basisText = `${t('basis', lang)} ${basis}`;
  const together = theme.text(`${settings} · ${basisText}`);
  const ell = theme.symbols.ellipsis;
  const lines = [...together].length <= width ? [line1, together] : [line1, theme.text(settings), theme.text(basisText)];
  return lines.map((l) => clip(l, width, ell));
}

/** Data set, series, basis, model, scenario and horizon, on two lines (three when the basis needs one). */
export function Header(props: HeaderProps) {
  const { theme } = props;
  const [first, ...rest] = headerLines(props);
  return (
    <Box flexDirection="column">
      <Text bold color={theme.inkColor('accent')}>
        {first}
      </Text>
      {rest.map((line, i) => (
        <Text key={i} color={theme.inkColor('muted')}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
