import { Box, Text } from 'ink';
import type { AssumptionRow, Lang } from '../../report/dashboard-report.js';
import { t } from '../strings.js';
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

/** ↑/↓ choose an assumption, ←/→ change it by its step, = or Enter type it; edited values are marked with *. */
export function AssumptionPanel({ assumptions, selected, theme, width, height, lang, message, watch = null }: AssumptionPanelProps) {
  const room = Math.max(1, height - 3 - (watch ? 1 : 0));
  const first = Math.max(0, Math.min(selected - room + 1, assumptions.length - room));
  const shown = assumptions.slice(first, first + room);
  const current = assumptions[selected];
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {`${t('assumptions', lang)} (←/→ change, = type, r reset, w save)`}
      </Text>
      {watch ? (
        <Text wrap="truncate" color={theme.inkColor('accent')}>
          {watch}
        </Text>
      ) : null}
      {shown.map((a) => {
        const i = assumptions.indexOf(a);
        const value = `${a.value}${a.unit ? ` ${a.unit}` : ''}${a.edited ? '*' : ''}`;
        const label = `${i === selected ? theme.symbols.selected : ' '} ${a.label}`;
        const pad = Math.max(1, width - [...label].length - [...value].length);
        return (
          <Text key={a.key} wrap="truncate" inverse={i === selected} color={a.edited ? theme.inkColor('accent') : undefined}>
            {`${label}${' '.repeat(pad)}${value}`}
          </Text>
        );
      })}
      <Text wrap="truncate" color={theme.inkColor('muted')}>
        {message ?? (current ? `${current.key}: ${current.source ?? current.note ?? 'assumption'}` : '')}
      </Text>
    </Box>
  );
}
