import { Box, Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import type { TargetResult } from '../../targets/types.js';
import { STATUS_VI, t, verdictWord, type Word } from '../strings.js';
import { verdictToken, type Theme } from '../theme.js';

/** Props of the target detail view. */
export type TargetDetailProps = {
  readonly target: TargetResult;
  readonly theme: Theme;
  readonly width: number;
  /** Labels in English or Vietnamese; under vi the target's own Vietnamese wording is shown too. Default en. */
  readonly lang?: Lang;
};

const num = (v: number | null, suffix = ''): string => (v === null ? '-' : `${Number.isInteger(v) ? v : v.toFixed(2)}${suffix}`);

/** Everything known about one target, with its source (and, in Vietnamese, the document's own words). */
export function TargetDetail({ target: r, theme, width, lang = 'en' }: TargetDetailProps) {
  const status = lang === 'vi' ? STATUS_VI[r.status] ?? r.status : r.status;
  const rows: [Word, string][] = [
    ['dTarget', `${r.id}${r.proxy ? t('proxyNote', lang) : ''}`],
    ['dIndicator', r.indicator],
    ...(lang === 'vi' && r.wordingVi ? [['dWording', r.wordingVi] as [Word, string]] : []),
    ['dDocument', r.document],
    ['dWhen', `${r.when}: ${r.threshold}`],
    ['dBasis', r.basis],
    ['dStatus', `${status}, ${verdictWord(r.verdict, lang)}${r.provisional ? (lang === 'vi' ? ' (sơ bộ)' : ' (preliminary)') : ''}`],
    ['dAchieved', r.actual === null ? '-' : `${num(r.actual)} (${num(r.gap)})`],
    ['dNeeded', num(r.requiredGrowth, t('perYear', lang))],
    ['dBest', `${num(r.bestGrowth, '%')} / ${num(r.recentGrowth, '%')}`],
    ['dP', r.probability === null ? '-' : `${(100 * r.probability).toFixed(1)}%`],
    ['dReach', r.reachYear === null ? '-' : String(r.reachYear)],
    ['dBridged', r.bridged.length ? r.bridged.join('; ') : '-'],
    ['dNote', r.note ?? '-'],
    ['dSource', r.source],
  ];
  return (
    <Box flexDirection="column" width={width}>
      {rows.map(([k, v]) => (
        <Box key={k} flexDirection="row">
          <Box width={18} flexShrink={0}>
            <Text color={theme.inkColor('muted')}>{theme.text(t(k, lang))}</Text>
          </Box>
          <Box flexGrow={1}>
            <Text wrap="wrap" color={k === 'dStatus' ? theme.inkColor(verdictToken(r.verdict)) : undefined}>
              {theme.text(v)}
            </Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
