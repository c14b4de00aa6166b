import { Box, Text } from 'ink';
import { formatLeverValue, formatNeeded, formatSeekProbability } from '../../report/format-lever.js';
import { formatProbability, shortGoal } from '../../report/format-target.js';
import type { GoalSeekReport, LeverResult } from '../../report/goal-seek.js';
import type { Lang } from '../../report/dashboard-report.js';
import { fitWords } from '../fit-words.js';
import { assumptionLabel, fill, t as word, unitWord } from '../strings.js';
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

/** What the lever must be, in the language (format-lever.ts gives the English). */
function needed(l: LeverResult, lang: Lang): string {
  if (lang === 'en') return formatNeeded(l);
  const value = (v: number): string => formatLeverValue(v, unitWord(l.unit, lang), l.resolution);
  if (l.status === 'reached') return `${l.direction === 'at least' ? '≥' : '≤'} ${value(l.value!)}`;
  if (l.status === 'already') return word('metOverRange', lang);
  if (l.status === 'no effect') return word('noEffect', lang);
  if (l.status === 'failed') return word('cannotRun', lang);
  return `${word('notBy', lang)} ${value(l.best.value)}`;
}

/** The needed value against the region's history: ! beyond its best year, !! beyond anything plausible. */
function mark(l: GoalSeekReport['levers'][number]): string {
  const v = l.context?.verdict;
  return v === 'beyond anything plausible' ? ' !!' : v === 'beyond the best year' ? ' !' : '';
}

/** For the chosen target: each lever of the scenario alone, the value that brings P to the goal. */
export function GoalSeekView({ report, error, goal, theme, width, lang }: GoalSeekViewProps) {
  const w = Math.min(width, 100);
  const tx = theme.text;
  if (error) {
    return (
      <Box flexDirection="column" width={w}>
        <Text bold>{tx(word('seekTitle', lang))}</Text>
        <Text wrap="wrap" color={theme.inkColor('warn')}>{tx(error)}</Text>
      </Box>
    );
  }
  if (!report) {
    return (
      <Box flexDirection="column" width={w}>
        <Text bold>{tx(word('seekTitle', lang))}</Text>
        <Text color={theme.inkColor('muted')}>{tx(fill('seekWorking', lang, { goal: formatProbability(goal) }))}</Text>
      </Box>
    );
  }
  const t = report.target;
  const ell = theme.symbols.ellipsis;
  const labels = report.levers.map((l) => tx(assumptionLabel(l.key, l.label, lang)));
  const nows = report.levers.map((l) => tx(formatLeverValue(l.current, unitWord(l.unit, lang), l.resolution)));
  const needs = report.levers.map((l) => tx(`${needed(l, lang)}${mark(l)}`));
  const len = (s: string): number => [...s].length;
  // Columns as wide as their values (two spaces apart); the labels take the rest, up to the
  // longest, and a label that still does not fit is cut at a word with an ellipsis.
  const pWidth = 7;
  let nowCol = 2 + Math.max(len(tx(word('leverNow', lang))), ...nows.map(len));
  let needCol = 2 + Math.max(len(tx(word('needed', lang))), ...needs.map(len));
  const minLabel = 16;
  if (minLabel + nowCol + needCol + pWidth > w) {
    // Values too wide for the screen: equal columns, values cut (with the ellipsis).
    nowCol = Math.max(8, Math.floor((w - minLabel - pWidth) / 2));
    needCol = nowCol;
  }
  const labelWidth = Math.min(w - nowCol - needCol - pWidth, Math.max(len(tx(word('lever', lang))), ...labels.map(len)) + 2);
  const cell = (s: string, col: number): string => theme.fit(s, col - 1).padStart(col);
  return (
    <Box flexDirection="column" width={w}>
      <Text bold wrap="truncate">
        {theme.fit(`${word('seekTitle', lang)}: ${t.id} ${unitWord(shortGoal(t, t.unit), lang)} ${t.when} (${t.basis})`, w)}
      </Text>
      <Text wrap="wrap">
        {tx(fill('seekIntro', lang, { indicator: t.indicator, scenario: report.scenario, p: formatProbability(t.probability), goal: formatProbability(report.goal) }))}
      </Text>
      <Text color={theme.inkColor('muted')}>
        {tx(word('lever', lang)).padEnd(labelWidth)}
        {tx(word('leverNow', lang)).padStart(nowCol)}
        {tx(word('needed', lang)).padStart(needCol)}
        {'P'.padStart(pWidth)}
      </Text>
      {report.levers.map((l, i) => (
        <Text key={l.key} wrap="truncate">
          {fitWords(labels[i]!, labelWidth - 1, ell).padEnd(labelWidth)}
          {cell(nows[i]!, nowCol)}
          <Text color={theme.inkColor(l.status === 'reached' || l.status === 'already' ? 'good' : 'bad')}>{cell(needs[i]!, needCol)}</Text>
          {formatSeekProbability(l.probability, report.goal).padStart(pWidth)}
        </Text>
      ))}
      {report.levers.some((l) => mark(l) !== '') ? (
        <Text color={theme.inkColor('muted')} wrap="wrap">
          {tx(word('seekMarks', lang))}
        </Text>
      ) : null}
      {report.package ? <Text wrap="wrap">{tx(fill('seekPackage', lang, { share: (100 * report.package.scale).toFixed(0), p: formatProbability(report.package.probability) }))}</Text> : null}
      <Text color={theme.inkColor('muted')} wrap="wrap">
        {tx(word('seekFoot', lang))}
      </Text>
    </Box>
  );
}
