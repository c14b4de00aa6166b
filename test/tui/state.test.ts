// The dashboard's pure reducer (src/tui/state.ts), without Ink: bursts of keys, pasted text,
// typed values, saving. Every expected state is worked out from the keys in the comment beside it.
import { describe, expect, it } from 'vitest';
import type { Assumption, Scenario } from '../../src/scenarios/types.js';
import { initialUiState, keyPresses, reduceUi, scenarioHasLevers, type InkKey, type UiContext, type UiState } from '../../src/tui/state.js';

const assumption = (value: number, min: number, max: number, step: number, unit: string): Assumption => ({ value, min, max, step, unit, label: unit, source: null });
const scenario = (name: string): Scenario => ({
  name,
  description: '',
  growth: { mode: 'forecast' },
  shocks: {},
  investment: null,
  assumptions: { deflator: assumption(2.8, -5, 20, 0.5, '%/yr'), extraFdi: assumption(0, 0, 20, 0.25, 'bn US$/yr') },
});
const context = (wide = false): UiContext => ({
  seriesCount: 5,
  scenarios: [scenario('baseline'), scenario('plan'), scenario('growth-accounting')],
  wide,
  targetCount: 7,
  models: ['auto', 'naive', 'drift', 'ar1'],
  // A region's horizons (the profile's list; data/haiphong/region.json has these three).
  horizons: [2025, 2030, 2045],
});

/** What Ink hands the App for one read of the terminal: its input string and key flags. */
function read(state: UiState, input: string, key: InkKey = {}, wide = false): UiState {
  return reduceUi(state, { type: 'keys', keys: keyPresses(input, key), context: context(wide) });
}
const ARROW = { up: { upArrow: true }, down: { downArrow: true }, right: { rightArrow: true }, left: { leftArrow: true } } as const;

describe('keyPresses', () => {
  it('splits a run of plain characters into one press each; a lone key keeps its flags', () => {
    expect(keyPresses('\t\t\t', {})).toEqual([{ input: '', tab: true }, { input: '', tab: true }, { input: '', tab: true }]);
    expect(keyPresses('ss', {})).toEqual([{ input: 's' }, { input: 's' }]);
    expect(keyPresses('ab\r\x7f', {})).toEqual([{ input: 'a' }, { input: 'b' }, { input: '', return: true }, { input: '', backspace: true }]);
    expect(keyPresses('', { upArrow: true })).toMatchObject([{ up: true }]);
  });
});

describe('a burst of keys has the effect of each press', () => {
  it('20 keys in one write', () => {
    // \t\t\t: series 0 → 3; m m: auto → naive → drift; s s: scenario 0 → 2; h: 2030 → 2045;
    // l: en → vi; 2: series 1; \t: series 2; s: scenario 2 → 0; m: drift → ar1; h h: 2045 → 2025 → 2030;
    // l: vi → en; \t\t: series 2 → 4; m: ar1 → auto; d: the data view. 20 keys in all.
    const keys = '\t\t\tmmsshl2\tsmhhl\t\tmd';
    expect([...keys].length).toBe(20);
    const s = read(initialUiState({ horizon: 2030 }), keys);
    expect(s.dashboard).toMatchObject({ seriesIndex: 4, model: 'auto', scenarioIndex: 0, horizon: 2030, lang: 'en' });
    expect(s.view).toBe('data');
  });

  it('three Tabs in one read land on the fourth series; Shift-Tab goes back', () => {
    expect(read(initialUiState({ horizon: 2030 }), '\t\t\t').dashboard.seriesIndex).toBe(3);
    expect(read(read(initialUiState({ horizon: 2030 }), '\t\t\t'), '', { tab: true, shift: true }).dashboard.seriesIndex).toBe(2);
  });

  it('key repeat never drops a step: 30 → arrows move extra FDI by 30 × 0.25, clamped to its range', () => {
    let s = read(initialUiState({ horizon: 2030 }), 'a'); // 80 columns: the assumption panel replaces the table
    s = read(s, '', ARROW.down); // extra FDI
    for (let i = 0; i < 30; i += 1) s = read(s, '', ARROW.right);
    expect(s.dashboard.edits).toEqual({ extraFdi: 7.5 });
    for (let i = 0; i < 100; i += 1) s = read(s, '', ARROW.right);
    expect(s.dashboard.edits).toEqual({ extraFdi: 20 }); // max 20
  });
});

describe('typed values', () => {
  it('= opens a prompt; typed digits set the assumption; the scenario value itself clears the edit', () => {
    let s = read(read(read(initialUiState({ horizon: 2030 }), 'a'), '', ARROW.down), '=');
    expect(s.mode).toEqual({ kind: 'entry', key: 'extraFdi', text: '' });
    s = read(s, '12.5\r'); // pasted or typed in one read
    expect(s.mode.kind).toBe('normal');
    expect(s.dashboard.edits).toEqual({ extraFdi: 12.5 });
    s = read(read(s, '', { return: true }), '0\r'); // Enter opens it too; 0 is the scenario's own value
    expect(s.dashboard.edits).toEqual({});
  });

  it('a value outside the range or not a number is refused with its range, and the prompt stays', () => {
    let s = read(read(read(initialUiState({ horizon: 2030 }), 'a'), '', ARROW.down), '=25\r');
    expect(s.mode).toEqual({ kind: 'entry', key: 'extraFdi', text: '25' });
    expect(s.message).toBe('bn US$/yr: 25 is outside 0 to 20 bn US$/yr');
    s = read(s, '\x7f\x7f-\r');
    expect(s.message).toBe('bn US$/yr: type a number, 0 to 20 bn US$/yr');
    s = read(s, '', { escape: true });
    expect(s.mode.kind).toBe('normal');
    expect(s.dashboard.edits).toEqual({});
  });
});

describe('saving', () => {
  it('16 fast backspaces all count, a pasted name arrives whole, and Enter asks the App to save it', () => {
    let s = read(read(read(initialUiState({ horizon: 2030 }), 'a'), '', ARROW.right), 'w'); // deflator 2.8 → 3.3, then w
    expect(s.mode).toEqual({ kind: 'save-name', text: 'baseline-edited' });
    s = read(s, '\x7f'.repeat(16)); // 'baseline-edited' has 15 characters: all gone
    expect(s.mode).toEqual({ kind: 'save-name', text: '' });
    s = read(s, 'My-Plan\r');
    expect(s.pendingSave?.name).toBe('my-plan');
    expect(s.pendingSave?.overwrite).toBe(false);
    expect(s.pendingSave?.scenario.assumptions.deflator?.value).toBe(3.3);
    s = reduceUi(s, { type: 'saved', name: 'my-plan', ok: true, exists: false, message: 'saved models/scenarios/my-plan.json' });
    expect(s.pendingSave).toBeNull();
    expect(s.message).toBe('saved models/scenarios/my-plan.json');
    // The same name again: asked first, and only y overwrites.
    s = read(s, `w${'\x7f'.repeat(16)}my-plan\r`);
    expect(s.mode).toEqual({ kind: 'save-confirm', name: 'my-plan' });
    expect(s.pendingSave).toBeNull();
    expect(read(s, 'n').message).toBe('not saved: my-plan exists');
    expect(read(s, 'y').pendingSave).toMatchObject({ name: 'my-plan', overwrite: true });
  });

  it('q quits, and no key counts after it', () => {
    const s = read(initialUiState({ horizon: 2030 }), 'q\t\t');
    expect(s.quit).toBe(true);
    expect(s.dashboard.seriesIndex).toBe(0);
  });
});

describe('goal-seek without levers (g on a scenario that has none)', () => {
  // 'plain' has only a deflator: no key of report/goal-seek.ts DEFAULT_LEVERS, so g can only say so.
  const plain: Scenario = { ...scenario('plain'), assumptions: { deflator: assumption(2.8, -5, 20, 0.5, '%/yr') } };
  const withPlain: UiContext = { ...context(), scenarios: [plain, scenario('plan')] };
  const press = (state: UiState, input: string, key: InkKey = {}): UiState => reduceUi(state, { type: 'keys', keys: keyPresses(input, key), context: withPlain });

  it('←/→ leave the probability sought as it is; with levers (s) they move it by 5 points', () => {
    let s = press(initialUiState({ horizon: 2030 }), 'g'); // the table has the focus at 80 columns: g opens the view
    expect(s.view).toBe('seek');
    s = press(press(s, '', ARROW.right), '', ARROW.right);
    expect(s.seekGoal).toBe(initialUiState({ horizon: 2030 }).seekGoal); // unchanged: 2/3
    expect(scenarioHasLevers(plain)).toBe(false);
    s = press(s, 's'); // 'plan' has extraFdi, a lever
    expect(s.view).toBe('seek');
    expect(press(s, '', ARROW.right).seekGoal).toBe(0.7); // 2/3 + 0.05 = 0.7167, on the 5-point grid 0.7
  });
});

describe('help (?)', () => {
  it.each([
    ['↓', '', ARROW.down],
    ['q', 'q', {}],
    ['x', 'x', {}],
  ] as const)('%s closes it and does nothing else (the footer says "any key back to the chart")', (_, input, key) => {
    const s = read(read(initialUiState({ horizon: 2030 }), '?'), input, key);
    expect(s.view).toBe('chart');
    expect(s.quit).toBe(false);
    expect(s.targetRow).toBe(0);
  });
});

describe('q with unsaved edits', () => {
  // a, →: deflator 2.8 → 3.3 (one step of 0.5), an edit not saved yet.
  const edited = (): UiState => read(read(initialUiState({ horizon: 2030 }), 'a'), '', ARROW.right);

  it('asks once; q again quits', () => {
    const asked = read(edited(), 'q');
    expect(asked.quit).toBe(false);
    expect(asked.message).toBe('unsaved edits: q again quits, w saves them');
    expect(read(asked, 'q').quit).toBe(true);
  });

  it('any other key answers "stay": it does what it does, and the next q asks again', () => {
    const stayed = read(read(edited(), 'q'), '', ARROW.right); // deflator 3.3 → 3.8
    expect(stayed.dashboard.edits).toEqual({ deflator: 3.8 });
    expect(stayed.message).toBeNull();
    expect(read(stayed, 'q').quit).toBe(false);
  });

  it('w from the question saves; once saved, q quits at once; a later edit asks again', () => {
    let s = read(read(edited(), 'q'), `w${'\x7f'.repeat(16)}mine\r`);
    expect(s.pendingSave).toMatchObject({ name: 'mine', edits: { deflator: 3.3 } });
    s = reduceUi(s, { type: 'saved', name: 'mine', ok: true, exists: false, message: 'saved mine.json' });
    expect(read(s, 'q').quit).toBe(true);
    expect(read(read(s, '', ARROW.right), 'q').quit).toBe(false); // 3.8 differs from the saved 3.3
  });

  it('s to the next scenario drops the unsaved edits and says so; without edits it says nothing', () => {
    const moved = read(edited(), 's');
    expect(moved.dashboard.edits).toEqual({});
    // The edited scenario is the context's first, 'baseline' (scenario() in this file).
    expect(moved.message).toBe(`1 unsaved edit(s) of ${context().scenarios[0]!.name} dropped (w saves before s)`);
    expect(read(initialUiState({ horizon: 2030 }), 's').message).toBeNull();
  });

  it('a failed save leaves the edits unsaved; no edits (or r) quits at once', () => {
    let s = read(edited(), `w${'\x7f'.repeat(16)}mine\r`);
    s = reduceUi(s, { type: 'saved', name: 'mine', ok: false, exists: false, message: 'not saved: EACCES' });
    expect(read(s, 'q').quit).toBe(false);
    expect(read(s, 'rq').quit).toBe(true);
    expect(read(initialUiState({ horizon: 2030 }), 'q').quit).toBe(true);
  });
});
