import { Box, Text } from 'ink';
import type { TargetResult } from '../../targets/types.js';
import { verdictToken, type Theme } from '../theme.js';

/** Props of the target detail view. */
export type TargetDetailProps = {
  readonly target: TargetResult;
  readonly theme: Theme;
  readonly width: number;
};

const num = (v: number | null, suffix = ''): string => (v === null ? '-' : `${Number.isInteger(v) ? v : v.toFixed(2)}${suffix}`);

/** Everything known about one target, with its source. */
export function TargetDetail({ target: r, theme, width }: TargetDetailProps) {
  const rows: [string, string][] = [
    ['Target', `${r.id}${r.proxy ? ' (proxy, not an official target)' : ''}`],
    ['Indicator', r.indicator],
    ['Document', r.document],
    ['When / goal', `${r.when}: ${r.threshold}`],
    ['Basis', r.basis],
    ['Status', `${r.status}, ${r.verdict}`],
    ['Achieved (gap)', r.actual === null ? '-' : `${num(r.actual)} (${num(r.gap)})`],
    ['Growth needed', num(r.requiredGrowth, '%/yr')],
    ['Best / recent', `${num(r.bestGrowth, '%')} / ${num(r.recentGrowth, '%')}`],
    ['P(met)', r.probability === null ? '-' : `${(100 * r.probability).toFixed(1)}%`],
    ['Median reaches', r.reachYear === null ? '-' : String(r.reachYear)],
    ['Bridged', r.bridged.length ? r.bridged.join('; ') : '-'],
    ['Note', r.note ?? '-'],
    ['Source', r.source],
  ];
  return (
    <Box flexDirection="column" width={width}>
      {rows.map(([k, v]) => (
        <Box key={k} flexDirection="row">
          <Box width={16} flexShrink={0}>
            <Text color={theme.inkColor('muted')}>{k}</Text>
          </Box>
          <Box flexGrow={1}>
            <Text wrap="wrap" color={k === 'Status' ? theme.inkColor(verdictToken(r.verdict)) : undefined}>
              {v}
            </Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
