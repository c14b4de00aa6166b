import { describe, expect, it } from 'vitest';
import { wrapCommand } from '../../src/cli/args.js';

describe('wrapCommand: a help example over the width stays a command that can be pasted', () => {
  it('breaks at a space with a trailing backslash and indents the rest', () => {
    expect(wrapCommand('  targetcast report --lang vi --out b.html', 32)).toBe('  targetcast report --lang vi \\\n      --out b.html');
  });

  it('never breaks inside quotes', () => {
    const out = wrapCommand('  targetcast forecast --json | jq ".series[] | {id, model}"', 40);
    expect(out).toBe('  targetcast forecast --json | jq \\\n      ".series[] | {id, model}"');
  });

  it('leaves a command within the width alone', () => {
    expect(wrapCommand('  targetcast targets', 80)).toBe('  targetcast targets');
  });
});
