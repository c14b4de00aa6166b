// writeBrief: what the dashboard's `e` key will call with the scenario on screen (edits included).
// The brief goes to FILE atomically: the edited assumption is in it, and a folder that cannot be
// written leaves nothing behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.js';
import { writeBrief } from '../../src/cli/commands/report.js';
import { applyEdits } from '../../src/data/load-scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'targetcast-write-brief-'));

describe('writeBrief', () => {
  it('writes the brief of an edited scenario, and says where', async () => {
    const ws = await openWorkspace({ env: {}, version: 'test', seed: 7, paths: 500 });
    const edited = applyEdits(ws.scenario('growth-accounting'), ['tfpExtra=1']);
    const file = join(dir, 'edited.html');
    const said = await writeBrief(file, ws, { lang: 'en', format: 'html', scenario: edited, compare: [], generatedAt: null, command: 'dashboard e' }, 4242);
    expect(said).toBe(`brief written to ${file}`);
    const page = readFileSync(file, 'utf8');
    // The edit is what the brief judges: TFP growth above trend at 1 pp/yr in the assumptions.
    expect(page).toMatch(/TFP growth above trend <code>tfpExtra<\/code><\/th><td data-label="Value" class="num">1 pp\/yr</);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a folder that cannot be written: the error, and no file or temporary file left', async () => {
    const ws = await openWorkspace({ env: {}, version: 'test', seed: 7, paths: 500 });
    const missing = join(dir, 'no-such-folder', 'brief.html');
    await expect(writeBrief(missing, ws, { lang: 'en', format: 'md', scenario: ws.scenario('baseline'), compare: [], generatedAt: null, command: 'dashboard e' }, 4242)).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
