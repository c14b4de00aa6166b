import { Box, Text } from 'ink';
import type { Lang } from '../../report/dashboard-report.js';
import { HELP, t } from '../strings.js';
import type { Theme } from '../theme.js';

/** Props of the help overlay. */
export type HelpOverlayProps = {
  readonly theme: Theme;
  readonly width: number;
  /** Default en. */
  readonly lang?: Lang;
};

/** The English help lines (keys and what they do); strings.ts has them in Vietnamese too. */
export const HELP_LINES: readonly (readonly [string, string])[] = HELP.en;

/** Every key with what it does. */
export function HelpOverlay({ theme, width, lang = 'en' }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} width={Math.min(width, 78)} paddingX={1}>
      <Text bold>{theme.text(t('keysTitle', lang))}</Text>
      {HELP[lang].map(([k, what]) => (
        <Text key={k} wrap="truncate">
          <Text color={theme.inkColor('accent')}>{theme.text(k).padEnd(22)}</Text>
          {theme.fit(what, Math.min(width, 78) - 4 - 22)}
        </Text>
      ))}
      <Text color={theme.inkColor('muted')} wrap="wrap">
        {theme.text(t('helpVerdicts', lang))}
      </Text>
    </Box>
  );
}
