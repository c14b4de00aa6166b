import { Box, Text } from 'ink';
import type { AssumptionRow, Lang } from '../../report/dashboard-report.js';
import { assumptionLabel, t, unitWord } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the scenario assumption editor. */
export type AssumptionPanelProps = {
  readonly assumptions: readonly AssumptionRow[];
  readonly selected: number;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
  readonly lang: Lang;
  /** A one-line message (e.g. after a save), or null. */
  readonly message: string | null;
  /** The chosen target and its P, kept in sight while editing (null: none). */
  readonly watch?: string | null;
};

/** As many decimals as the step or the value has (0.25 → 2), thousands grouped: 30000 → "30,000". */
function formatValue(a: AssumptionRow, lang: Lang): string {
  const decimals = Math.min(6, Math.max(0, ...[a.step, a.value].map((v) => (String(v).split('.')[1] ?? '').length)));
  const n = a.value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  return `${n}${a.unit ? ` ${unitWord(a.unit, lang)}` : ''}${a.edited ? '*' : ''}`;
}

/** One row: the label, then the value flush right; the value is never cut, a long label is clipped instead. */
function row(label: string, value: string, width: number, ellipsis: string): string {
  const room = Math.max(1, width - [...value].length - 1);
  const shown = [...label].length <= room ? label : `${[...label].slice(0, Math.max(0, room - ellipsis.length)).join('')}${ellipsis}`;
  return `${shown}${' '.repeat(Math.max(1, width - [...shown].length - [...value].length))}${value}`;
}

/** ↑/↓ choose an assumption, ←/→ change it by its step, = or Enter type it; edited values are marked with *. */
export function AssumptionPanel({ assumptions, selected, theme, width, height, lang, message, watch = null }: AssumptionPanelProps) {
  const room = Math.max(1, height - 3 - (watch ? 1 : 0));
  const first = Math.max(0, Math.min(selected - room + 1, assumptions.length - room));
  const shown = assumptions.slice(first, first + room);
  const current = assumptions[selected];
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {theme.fit(`${t('assumptions', lang)} (${t('assumptionKeys', lang)})`, width)}
      </Text>
      {watch ? (
        <Text wrap="truncate" color={theme.inkColor('accent')}>
          {theme.fit(watch, width)}
        </Text>
      ) : null}
      {shown.map((a) => {
        const i = assumptions.indexOf(a);
        const value = theme.text(formatValue(a, lang));
        const label = theme.text(`${i === selected ? theme.symbols.selected : ' '} ${assumptionLabel(a.key, a.label, lang)}`);
        return (
          <Text key={a.key} wrap="truncate" inverse={i === selected} color={a.edited ? theme.inkColor('accent') : undefined}>
            {row(label, value, width, theme.symbols.ellipsis)}
          </Text>
        );
      })}
      <Text wrap="truncate" color={theme.inkColor('muted')}>
        {theme.fit(message ?? (current ? `${current.key}: ${current.source ?? current.note ?? t('assumption', lang)}` : ''), width)}
      </Text>
    </Box>
  );
}
