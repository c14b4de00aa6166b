import { Box, Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import type { TargetResult } from '../../targets/types.js';
import { t, unitWord, verdictWord } from '../strings.js';
import { verdictToken, type Theme } from '../theme.js';
import { doneOrNeed, formatProbability, shortGoal } from '../../report/format-target.js';

/** Props of the target table. */
export type TargetTableProps = {
  readonly targets: readonly TargetResult[];
  /** Index of the selected row (Enter opens it), or -1. */
  readonly selected: number;
  readonly theme: Theme;
  readonly width: number;
  /** Rows available, including the title. */
  readonly height: number;
  readonly lang: Lang;
};

const clip = (s: string, n: number, ellipsis: string): string => ([...s].length <= n ? s : `${[...s].slice(0, Math.max(0, n - ellipsis.length)).join('')}${ellipsis}`);

/** Each target of the series: period, goal, growth needed or achieved, probability and verdict (in words and a symbol). */
export function TargetTable({ targets, selected, theme, width, height, lang }: TargetTableProps) {
  const tx = theme.text;
  if (targets.length === 0) {
    return (
      <Box flexDirection="column">
        <Text bold>{tx(t('targets', lang))}</Text>
        <Text color={theme.inkColor('muted')}>{tx(t('noTargets', lang))}</Text>
      </Box>
    );
  }
  const room = Math.max(1, height - 2);
  const first = Math.max(0, Math.min(selected - room + 1, targets.length - room));
  const shown = targets.slice(Math.max(0, first), Math.max(0, first) + room);
  const verdicts = targets.map((r) => `${theme.symbols.verdict[r.verdict] ?? ''} ${tx(verdictWord(r.verdict, lang)).toUpperCase()}${r.provisional ? '?' : ''}`);
  const verdictNeed = Math.max(...verdicts.map((v) => [...v].length), 8);
  const fixed = { when: 9, goal: 13, need: 11, p: 5 };
  const rest = fixed.when + fixed.goal + fixed.need + fixed.p + 6;
  // The id column grows to the longest id (a marker, ~ for a proxy and the id: ~PROXY-2045-HANOI)
  // as far as the verdicts leave room, so that ids that differ only at the end stay apart.
  const longestId = Math.max(...targets.map((r) => 1 + (r.proxy ? 1 : 0) + r.id.length));
  const id = Math.max(16, Math.min(longestId, width - rest - verdictNeed));
  const verdictWidth = Math.max(8, width - (id + rest));
  const ell = theme.symbols.ellipsis;
  const line = (cells: string[]): string =>
    [clip(cells[0]!, id, ell).padEnd(id), cells[1]!.padEnd(fixed.when), clip(cells[2]!, fixed.goal, ell).padEnd(fixed.goal), cells[3]!.padStart(fixed.need), cells[4]!.padStart(fixed.p), ` ${cells[5]!}`.slice(0, verdictWidth + 1)].join(' ');
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {tx(line([t('targets', lang), t('colWhen', lang), t('colGoal', lang), t('colNeed', lang), 'P', t('colVerdict', lang)]))}
      </Text>
      {shown.map((r) => {
        const i = targets.indexOf(r);
        const mark = i === selected ? theme.symbols.selected : ' ';
        return (
          <Text key={r.id} wrap="truncate" inverse={i === selected}>
            {line([`${mark}${r.proxy ? '~' : ''}${r.id}`, r.when, tx(unitWord(shortGoal(r, r.unit), lang)), doneOrNeed(r), formatProbability(r.probability), ''])}
            <Text color={theme.inkColor(verdictToken(r.verdict))}>{verdicts[i]}</Text>
          </Text>
        );
      })}
      {targets.length > shown.length ? (
        <Text color={theme.inkColor('muted')}>{tx(`${shown.length} ${t('scrollOf', lang)} ${targets.length} (↑/↓ ${t('toScroll', lang)})`)}</Text>
      ) : null}
    </Box>
  );
}
