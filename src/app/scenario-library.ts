/**
 * Where scenarios live: the region's own folder (data/<region>/scenarios: scenarios that only make
 * sense there), the generic ones any region can use (models/scenarios), then the user's own folder
 * ($XDG_CONFIG_HOME/targetcast/scenarios, else ~/.config/targetcast/scenarios), which is where a
 * scenario saved from the dashboard goes when the region's folder cannot be written (a global
 * install). A name is looked up in that order.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.js';
import { listScenarios, loadScenario, parseScenario } from '../data/load-scenario.js';
import type { Scenario } from '../scenarios/types.js';
import { writeFileAtomically } from './atomic-write.js';

/** What saving a scenario did, as the dashboard reports it. */
export type SaveResult = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly exists: boolean; readonly message: string };

/** Scenarios any region can use: they read the region's own data and profile, no region's numbers. */
export const GENERIC_SCENARIOS = fileURLToPath(new URL('../../models/scenarios', import.meta.url));

export function userScenarioDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'targetcast', 'scenarios');
}

/** The folders a scenario name is looked up in, in order: the region's own (if any), generic, the user's. */
export function scenarioDirs(env: Readonly<Record<string, string | undefined>>, regionDir: string | null = null): readonly string[] {
  return [...(regionDir ? [regionDir] : []), GENERIC_SCENARIOS, userScenarioDir(env)];
}

/** Every scenario name, shipped ones first; a user's scenario with a shipped name is not listed twice. */
export function scenarioNames(dirs: readonly string[]): string[] {
  return [...new Set(dirs.flatMap((d) => listScenarios(d)))];
}

/** @throws UsageError naming the known scenarios when there is none by that name */
export function findScenario(dirs: readonly string[], name: string): Scenario {
  const dir = dirs.find((d) => listScenarios(d).includes(name));
  if (!dir) throw new UsageError(`unknown scenario '${name}' (known: ${scenarioNames(dirs).sort().join(', ') || 'none'})`);
  return loadScenario(dir, name);
}


const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Saves a scenario under `name` in the first folder that can be written: an existing name (in any
 * folder) is refused unless overwrite; a folder that cannot be written is passed over for the
 * next, and the message says where the file went.
 */
export function saveScenario(
  dirs: readonly string[],
  name: string,
  scenario: Scenario,
  overwrite: boolean,
  pid: number,
  write: (file: string, text: string, pid: number) => void = writeFileAtomically,
): SaveResult {
  const existing = dirs.find((d) => existsSync(join(d, `${name}.json`)));
  if (existing && !overwrite) return { ok: false, exists: true, message: `${name}.json exists` };
  const { file: _from, ...doc } = scenario;
  parseScenario(doc, `${name}.json`);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const order = existing ? [existing, ...dirs.filter((d) => d !== existing)] : dirs;
  const refused: string[] = [];
  for (const dir of order) {
    try {
      mkdirSync(dir, { recursive: true });
      write(join(dir, `${name}.json`), text, pid);
      const where = join(dir, `${name}.json`);
      return { ok: true, message: refused.length ? `${refused.join(', ')} cannot be written here: saved ${where} (found there next time)` : `saved ${where}` };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!READ_ONLY.has(code)) return { ok: false, exists: false, message: `not saved: ${join(dir, `${name}.json`)}: ${code || (e as Error).message}` };
      refused.push(dir);
    }
  }
  return { ok: false, exists: false, message: `not saved: none of ${refused.join(', ')} can be written` };
}
