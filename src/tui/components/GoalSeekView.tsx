import { Box, Text } from 'ink';
import { formatLeverValue, formatNeeded, formatSeekProbability } from '../../report/format-lever.js';
import { formatProbability, shortGoal } from '../../report/format-target.js';
import type { GoalSeekReport } from '../../report/goal-seek.js';
import type { Lang } from '../../report/dashboard-report.js';
import { t as word } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the goal-seek view ("what would it take"). */
export type GoalSeekViewProps = {
  /** The answer, null while it is being worked out. */
  readonly report: GoalSeekReport | null;
  /** Why there is no answer (a target that is not open, a scenario without levers). */
  readonly error: string | null;
  /** The probability sought (shown while working). */
  readonly goal: number;
  readonly theme: Theme;
  readonly width: number;
  readonly lang: Lang;
};

/** For the chosen target: each lever of the scenario alone, the value that brings P to the goal. */
export function GoalSeekView({ report, error, goal, theme, width, lang }: GoalSeekViewProps) {
  const w = Math.min(width, 100);
  if (error) {
    return (
      <Box flexDirection="column" width={w}>
        <Text bold>{word('seekTitle', lang)}</Text>
        <Text wrap="wrap" color={theme.inkColor('warn')}>{error}</Text>
      </Box>
    );
  }
  if (!report) {
    return (
      <Box flexDirection="column" width={w}>
        <Text bold>{word('seekTitle', lang)}</Text>
        <Text color={theme.inkColor('muted')}>working out each lever for P ≥ {formatProbability(goal)}…</Text>
      </Box>
    );
  }
  const t = report.target;
  const labelWidth = 26;
  const col = Math.max(14, Math.floor((w - labelWidth - 8) / 2));
  return (
    <Box flexDirection="column" width={w}>
      <Text bold wrap="truncate">
        {word('seekTitle', lang)}: {t.id} {shortGoal(t, t.unit)} {t.when} ({t.basis})
      </Text>
      <Text wrap="wrap">
        {t.indicator}. Scenario {report.scenario}: P now {formatProbability(t.probability)}; for P ≥ {formatProbability(report.goal)}, each lever alone:
      </Text>
      <Text color={theme.inkColor('muted')}>
        {word('lever', lang).padEnd(labelWidth)}
        {word('now', lang).padStart(col)}
        {word('needed', lang).padStart(col)}
        {'P'.padStart(7)}
      </Text>
      {report.levers.map((l) => (
        <Text key={l.key} wrap="truncate">
          {l.label.slice(0, labelWidth - 1).padEnd(labelWidth)}
          {formatLeverValue(l.current, l.unit, l.resolution).slice(0, col - 1).padStart(col)}
          <Text color={theme.inkColor(l.status === 'reached' || l.status === 'already' ? 'good' : 'bad')}>{formatNeeded(l).slice(0, col - 1).padStart(col)}</Text>
          {formatSeekProbability(l.probability, report.goal).padStart(7)}
        </Text>
      ))}
      <Text color={theme.inkColor('muted')} wrap="wrap">
        Found by bisection over each lever's range on the same simulated paths; the other assumptions stay as they are. ←/→ change the probability sought.
      </Text>
    </Box>
  );
}
