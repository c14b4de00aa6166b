// Issue 11: saving a scenario where the region's scenario folder cannot be written (a global install used by
// someone else) goes to the user's own folder and says where, instead of crashing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenario, GENERIC_SCENARIOS, saveScenario, userScenarioDir } from '../../src/app/scenario-library.js';
import { writeFileAtomically } from '../../src/app/atomic-write.js';

const baseline = findScenario([GENERIC_SCENARIOS], 'baseline');

describe('saveScenario', () => {
  it('passes over a folder that cannot be written and says where the file went; it is found there next time', () => {
    const root = mkdtempSync(join(tmpdir(), 'targetcast-save-'));
    const shipped = join(root, 'shipped');
    const user = join(root, 'user');
    // The shipped folder refuses writes as a read-only install does (EACCES); root bypasses modes, so it is simulated.
    const write = (file: string, text: string, pid: number): void => {
      if (file.startsWith(shipped)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      writeFileAtomically(file, text, pid);
    };
    const r = saveScenario([shipped, user], 'mine', { ...baseline, name: 'mine' }, false, 1, write);
    expect(r).toEqual({ ok: true, message: `${shipped} cannot be written here: saved ${join(user, 'mine.json')} (found there next time)` });
    expect(JSON.parse(readFileSync(join(user, 'mine.json'), 'utf8')).name).toBe('mine');
    expect(findScenario([shipped, user], 'mine').name).toBe('mine');
    // Saving the same name again asks first, wherever it is.
    expect(saveScenario([shipped, user], 'mine', { ...baseline, name: 'mine' }, false, 1, write)).toMatchObject({ ok: false, exists: true });
  });

  it('another failure is a message, not a crash', () => {
    const root = mkdtempSync(join(tmpdir(), 'targetcast-save-'));
    const write = (): void => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    };
    const r = saveScenario([root], 'x', { ...baseline, name: 'x' }, false, 1, write);
    expect(r).toEqual({ ok: false, exists: false, message: `not saved: ${join(root, 'x.json')}: ENOSPC` });
    expect(existsSync(join(root, 'x.json'))).toBe(false);
  });

  it('the user folder follows XDG_CONFIG_HOME, else ~/.config', () => {
    expect(userScenarioDir({ XDG_CONFIG_HOME: '/cfg', HOME: '/home/a' })).toBe('/cfg/targetcast/scenarios');
    expect(userScenarioDir({ HOME: '/home/a' })).toBe('/home/a/.config/targetcast/scenarios');
  });
});
