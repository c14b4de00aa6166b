import { Text } from 'ink';
import type { Theme } from '../theme.js';

/** Props of the key footer. */
export type FooterProps = {
  /** The keys that work in the current view, as "key action" pairs. */
  readonly keys: readonly (readonly [string, string])[];
  readonly theme: Theme;
};

/** One line: the keys that work now. */
export function Footer({ keys, theme }: FooterProps) {
  return (
    <Text wrap="truncate" color={theme.inkColor('muted')}>
      {keys.map(([k, action]) => `${k} ${action}`).join('  ')}
    </Text>
  );
}
