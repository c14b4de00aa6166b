import { Box, Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import type { TargetResult } from '../../targets/types.js';
import { t, VERDICT_VI } from '../strings.js';
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

const clip = (s: string, n: number): string => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);

/** Each target of the series: period, goal, growth needed or achieved, probability and verdict (in words and a symbol). */
export function TargetTable({ targets, selected, theme, width, height, lang }: TargetTableProps) {
  if (targets.length === 0) {
    return (
      <Box flexDirection="column">
        <Text bold>{t('targets', lang)}</Text>
        <Text color={theme.inkColor('muted')}>{t('noTargets', lang)}</Text>
      </Box>
    );
  }
  const room = Math.max(1, height - 2);
  const first = Math.max(0, Math.min(selected - room + 1, targets.length - room));
  const shown = targets.slice(Math.max(0, first), Math.max(0, first) + room);
  const cols = { id: 16, when: 9, goal: 13, need: 11, p: 5 };
  const verdictWidth = Math.max(8, width - (cols.id + cols.when + cols.goal + cols.need + cols.p + 6));
  const line = (cells: string[]): string =>
    [clip(cells[0]!, cols.id).padEnd(cols.id), cells[1]!.padEnd(cols.when), clip(cells[2]!, cols.goal).padEnd(cols.goal), cells[3]!.padStart(cols.need), cells[4]!.padStart(cols.p), ` ${cells[5]!}`.slice(0, verdictWidth + 1)].join(' ');
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {line([t('targets', lang), 'WHEN', 'GOAL', 'NEED/DONE', 'P', 'VERDICT'])}
      </Text>
      {shown.map((r) => {
        const i = targets.indexOf(r);
        const need = doneOrNeed(r);
        const p = formatProbability(r.probability);
        const word = lang === 'vi' ? VERDICT_VI[r.verdict] ?? r.verdict : r.verdict;
        const verdict = `${theme.symbols.verdict[r.verdict] ?? ''} ${word.toUpperCase()}`;
        const mark = i === selected ? theme.symbols.selected : ' ';
        return (
          <Text key={r.id} wrap="truncate" inverse={i === selected}>
            {line([`${mark}${r.proxy ? '~' : ''}${r.id}`, r.when, shortGoal(r, r.unit), need, p, ''])}
            <Text color={theme.inkColor(verdictToken(r.verdict))}>{verdict}</Text>
          </Text>
        );
      })}
      {targets.length > shown.length ? (
        <Text color={theme.inkColor('muted')}>{`${shown.length} of ${targets.length} (↑/↓ to scroll)`}</Text>
      ) : null}
    </Box>
  );
}
