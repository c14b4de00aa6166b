import { Box, Text } from 'ink';
import type { Theme } from '../theme.js';

/** Props of the help overlay. */
export type HelpOverlayProps = {
  readonly theme: Theme;
  readonly width: number;
};

export const HELP_LINES: readonly (readonly [string, string])[] = [
  ['Tab / Shift-Tab, 1-9', 'next / previous series, or series by number'],
  ['m', 'next model (auto, naive, drift, … combo)'],
  ['s', 'next scenario (baseline, growth-accounting, …)'],
  ['h', 'horizon: 2025, 2030, 2045'],
  ['a', 'assumptions panel on/off (wide: move focus)'],
  ['↑ / ↓', 'choose an assumption (panel) or a target (table)'],
  ['← / →', 'change the chosen assumption by its step'],
  ['r', 'reset the scenario to its file'],
  ['w', 'save the edited scenario under a new name'],
  ['Enter', 'details of the chosen target'],
  ['g', 'what would it take: levers for the chosen target'],
  ['d', 'observations with status and source'],
  ['b', 'model comparison (rolling-origin backtest)'],
  ['l', 'English / tiếng Việt'],
  ['Esc', 'back to the chart'],
  ['?', 'this help'],
  ['q, Ctrl-C', 'quit'],
];

/** Every key with what it does. */
export function HelpOverlay({ theme, width }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} width={Math.min(width, 78)} paddingX={1}>
      <Text bold>targetcast keys</Text>
      {HELP_LINES.map(([k, what]) => (
        <Text key={k} wrap="truncate">
          <Text color={theme.inkColor('accent')}>{k.padEnd(22)}</Text>
          {what}
        </Text>
      ))}
      <Text color={theme.inkColor('muted')}>Verdicts: on track P ≥ 2/3, at risk, off track P &lt; 1/3. Any key closes.</Text>
    </Box>
  );
}
