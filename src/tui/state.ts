/**
 * The dashboard's state as a pure reducer of key presses: `(state, action) → state`. Every key
 * computes the next state from the previous one (never from the last frame), so a burst of N keys
 * has the effect of N presses, and text pasted into a prompt arrives whole. No Ink, no I/O: the
 * App carries out what the state asks for (a save, quitting) and draws; tests drive this module
 * directly (test/tui/state.test.ts).
 */
import { editedScenario, type DashboardState, type Lang } from '../report/dashboard-report.js';
import { DEFAULT_LEVERS } from '../report/goal-seek.js';
import type { Scenario } from '../scenarios/types.js';
import { ON_TRACK } from '../targets/types.js';
import { assumptionLabel, fill, t as tr } from './strings.js';

export type View = 'chart' | 'data' | 'backtest' | 'compare' | 'detail' | 'seek' | 'sensitivity' | 'help';

export type Mode =
  | { readonly kind: 'normal' }
  | { readonly kind: 'save-name'; readonly text: string }
  | { readonly kind: 'save-confirm'; readonly name: string }
  /** Typing a value for an assumption (Enter or = on it). */
  | { readonly kind: 'entry'; readonly key: string; readonly text: string };

export interface UiState {
  readonly dashboard: DashboardState;
  readonly view: View;
  readonly mode: Mode;
  /** Highlighted assumption, target row and scroll offset of the data/backtest views. */
  readonly assumption: number;
  readonly targetRow: number;
  readonly scroll: number;
  /** At 80 columns the assumption panel replaces the target table while shown (a). */
  readonly panelShown: boolean;
  /** Wide screens: the focus is on the target table rather than the assumptions (a). */
  readonly focusTargets: boolean;
  readonly message: string | null;
  /** Probability the goal-seek view seeks (←/→ in it). */
  readonly seekGoal: number;
  /** Scenario names saved this session (an existing name asks before it is overwritten). */
  readonly saved: readonly string[];
  /** The edits as last saved with w (q quits without asking while they are unchanged). */
  readonly savedEdits: Readonly<Record<string, number>>;
  /** q was pressed with unsaved edits and asked once: a second q quits. */
  readonly quitAsked: boolean;
  /** A save the App must carry out; it reports back with a 'saved' action. */
  readonly pendingSave: {
    readonly name: string;
    readonly scenario: Scenario;
    readonly overwrite: boolean;
    /** The edits being saved (unsaved edits are compared with them once the save succeeds). */
    readonly edits: Readonly<Record<string, number>>;
  } | null;
  /** The brief (e) to write for what is on screen: the scenario as edited, and the language. */
  readonly pendingBrief: { readonly scenario: Scenario; readonly lang: Lang } | null;
  readonly quit: boolean;
}

/** One key, whatever the terminal sent it in: Ink's key flags, split per key (see keyPresses). */
export interface KeyPress {
  readonly input: string;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly up?: boolean;
  readonly down?: boolean;
  readonly left?: boolean;
  readonly right?: boolean;
}

/** What the reducer needs to know of the screen and the data, as of the key presses. */
export interface UiContext {
  readonly seriesCount: number;
  readonly scenarios: readonly Scenario[];
  /** Wide layout (assumption panel beside the table). */
  readonly wide: boolean;
  /** Targets in the table now (rows beyond it are clamped when drawn too). */
  readonly targetCount: number;
  readonly models: readonly string[];
  /** The years `h` cycles the chart's end through (the region's horizons). */
  readonly horizons: readonly number[];
}

export type UiAction =
  | { readonly type: 'keys'; readonly keys: readonly KeyPress[]; readonly context: UiContext }
  | { readonly type: 'saved'; readonly name: string; readonly ok: boolean; readonly exists: boolean; readonly message: string }
  | { readonly type: 'brief'; readonly message: string };

export function initialUiState(initial: Partial<DashboardState> & Pick<DashboardState, 'horizon'>): UiState {
  return {
    dashboard: { seriesIndex: 0, model: 'auto', scenarioIndex: 0, edits: {}, lang: 'en', ...initial },
    view: 'chart',
    mode: { kind: 'normal' },
    assumption: 0,
    targetRow: 0,
    scroll: 0,
    panelShown: false,
    focusTargets: false,
    message: null,
    seekGoal: ON_TRACK,
    saved: [],
    savedEdits: {},
    quitAsked: false,
    pendingSave: null,
    pendingBrief: null,
    quit: false,
  };
}

/** Ink's key flags (the subset the dashboard reads). */
export interface InkKey {
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

/**
 * The key presses in one input event. Ink splits escape sequences (arrows) into events of their
 * own but hands a run of plain characters that arrived in one read as one string ('\t\t\t',
 * 'ss', pasted text, '\x7f\x7f'): that run is split here into one press per character, Tab,
 * Enter and Backspace recognised.
 */
export function keyPresses(input: string, key: InkKey): KeyPress[] {
  const special = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.escape || key.return || key.tab || key.backspace || key.delete;
  const chars = [...input];
  if (special || chars.length <= 1) {
    return [
      {
        input,
        tab: key.tab,
        shift: key.shift,
        return: key.return,
        escape: key.escape,
        backspace: key.backspace || key.delete,
        up: key.upArrow,
        down: key.downArrow,
        left: key.leftArrow,
        right: key.rightArrow,
      },
    ];
  }
  return chars.map((c): KeyPress => {
    if (c === '\t') return { input: '', tab: true };
    if (c === '\r' || c === '\n') return { input: '', return: true };
    if (c === '\x7f' || c === '\b') return { input: '', backspace: true };
    return { input: c };
  });
}

const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;
const round = (v: number): number => Math.round(v * 1e10) / 1e10;

/** Sets an assumption's value, dropping the edit when it equals the scenario's own value. */
function setEdit(s: UiState, key: string, value: number, scenario: Scenario): UiState {
  const a = scenario.assumptions[key]!;
  const edits = { ...s.dashboard.edits };
  if (value === a.value) delete edits[key];
  else edits[key] = value;
  return { ...s, dashboard: { ...s.dashboard, edits } };
}

/** Does the goal-seek (g) have a lever to move in this scenario (report/goal-seek.ts DEFAULT_LEVERS)? */
export function scenarioHasLevers(scenario: Scenario): boolean {
  return DEFAULT_LEVERS.some((k) => k in scenario.assumptions);
}

/** Edits that differ from those last saved with w (none made, or all saved: false). */
export function hasUnsavedEdits(s: UiState): boolean {
  const now = s.dashboard.edits;
  const saved = s.savedEdits;
  const keys = Object.keys(now);
  return keys.length > 0 && (keys.length !== Object.keys(saved).length || keys.some((k) => saved[k] !== now[k]));
}

function cycle<T>(list: readonly T[], current: T, by = 1): T {
  const i = list.indexOf(current);
  return list[(((Math.max(i, 0) + by) % list.length) + list.length) % list.length]!;
}

/** Is the assumption panel on screen, and does it have the focus? */
export function panelState(s: UiState, wide: boolean): { visible: boolean; focus: boolean } {
  const visible = wide || s.panelShown;
  return { visible, focus: visible && !s.focusTargets };
}

function reduceKey(s: UiState, k: KeyPress, c: UiContext): UiState {
  if (s.quit) return s;
  const scenario = c.scenarios[s.dashboard.scenarioIndex]!;
  const keys = Object.keys(scenario.assumptions);
  const mode = s.mode;
  if (mode.kind === 'save-name') {
    if (k.escape) return { ...s, mode: { kind: 'normal' } };
    if (k.return) {
      if (!SCENARIO_NAME.test(mode.text)) return { ...s, message: tr('msgName', s.dashboard.lang) };
      const exists = c.scenarios.some((x) => x.name === mode.text) || s.saved.includes(mode.text);
      if (exists) return { ...s, mode: { kind: 'save-confirm', name: mode.text } };
      return save(s, mode.text, scenario, false);
    }
    if (k.backspace) return { ...s, mode: { kind: 'save-name', text: mode.text.slice(0, -1) } };
    if (/^[a-zA-Z0-9-]$/.test(k.input)) return { ...s, mode: { kind: 'save-name', text: mode.text + k.input.toLowerCase() } };
    return s;
  }
  if (mode.kind === 'save-confirm') {
    if (k.input === 'y') return save(s, mode.name, scenario, true);
    return { ...s, mode: { kind: 'normal' }, message: fill('msgNotSaved', s.dashboard.lang, { name: mode.name }) };
  }
  if (mode.kind === 'entry') {
    const a = scenario.assumptions[mode.key];
    if (k.escape || !a) return { ...s, mode: { kind: 'normal' }, message: null };
    if (k.return) {
      const value = Number(mode.text);
      const range = { label: assumptionLabel(mode.key, a.label, s.dashboard.lang), min: String(a.min), max: String(a.max), unit: a.unit, value: String(value) };
      if (mode.text.trim() === '' || !Number.isFinite(value)) return { ...s, message: fill('msgTypeNumber', s.dashboard.lang, range) };
      if (value < a.min || value > a.max) return { ...s, message: fill('msgOutside', s.dashboard.lang, range) };
      return { ...setEdit(s, mode.key, round(value), scenario), mode: { kind: 'normal' }, message: null };
    }
    if (k.backspace) return { ...s, mode: { ...mode, text: mode.text.slice(0, -1) } };
    if (/^[0-9.-]$/.test(k.input) && mode.text.length < 16) return { ...s, mode: { ...mode, text: mode.text + k.input }, message: null };
    return s;
  }
  if (s.view === 'help') return { ...s, view: 'chart' };
  // q with unsaved edits asks once (w saves them, as in the assumption panel's keys); q again quits.
  if (k.input === 'q') {
    if (s.quitAsked || !hasUnsavedEdits(s)) return { ...s, quit: true };
    return { ...s, quitAsked: true, message: tr('msgUnsavedQuit', s.dashboard.lang) };
  }
  if (s.quitAsked) return reduceKey({ ...s, quitAsked: false, message: null }, k, c);
  if (k.escape) return { ...s, view: 'chart' };
  if (k.input === '?') return { ...s, view: 'help' };
  // Everything below changes what is shown: an old message goes.
  const t: UiState = { ...s, message: null };
  const d = t.dashboard;
  const n = c.seriesCount;
  const toSeries = (i: number): UiState => ({ ...t, dashboard: { ...d, seriesIndex: i }, targetRow: 0, scroll: 0 });
  if (k.tab) return toSeries((d.seriesIndex + (k.shift ? n - 1 : 1)) % n);
  if (/^[1-9]$/.test(k.input) && Number(k.input) <= n) return toSeries(Number(k.input) - 1);
  if (k.input === 'm') return { ...t, dashboard: { ...d, model: cycle(c.models, d.model) } };
  if (k.input === 's') {
    // A new scenario starts from its own values: unsaved edits of the last one are dropped, and said so.
    const dropped = hasUnsavedEdits(s) ? fill('msgEditsDropped', d.lang, { count: String(Object.keys(d.edits).length), name: scenario.name }) : null;
    return { ...t, message: dropped, dashboard: { ...d, scenarioIndex: (d.scenarioIndex + 1) % c.scenarios.length, edits: {} }, savedEdits: {}, assumption: 0 };
  }
  if (k.input === 'h') return { ...t, dashboard: { ...d, horizon: c.horizons.length ? cycle(c.horizons, d.horizon) : d.horizon } };
  if (k.input === 'l') return { ...t, dashboard: { ...d, lang: d.lang === 'en' ? 'vi' : 'en' } };
  if (k.input === 'r') return { ...t, dashboard: { ...d, edits: {} } };
  if (k.input === 'w') return { ...t, mode: { kind: 'save-name', text: `${scenario.name}-edited` } };
  if (k.input === 'd') return { ...t, scroll: 0, view: t.view === 'data' ? 'chart' : 'data' };
  if (k.input === 'b') return { ...t, scroll: 0, view: t.view === 'backtest' ? 'chart' : 'backtest' };
  if (k.input === 'c') return { ...t, scroll: 0, view: t.view === 'compare' ? 'chart' : 'compare' };
  // e: the brief for what is on screen (scenario and edits included); one at a time.
  if (k.input === 'e') return t.pendingBrief ? t : { ...t, pendingBrief: { scenario: editedScenario(c.scenarios[d.scenarioIndex]!, d.edits), lang: d.lang }, message: tr('msgBriefWriting', d.lang) };
  if (k.input === 'a') return c.wide ? { ...t, focusTargets: !t.focusTargets } : { ...t, panelShown: !t.panelShown };
  const panel = panelState(t, c.wide);
  const assumptionKey = keys[Math.min(t.assumption, keys.length - 1)];
  // Enter or = on an assumption: type its value.
  if (t.view === 'chart' && panel.focus && (k.return || k.input === '=') && assumptionKey) {
    return { ...t, mode: { kind: 'entry', key: assumptionKey, text: '' } };
  }
  if (k.return || k.input === 'g' || k.input === 'v') {
    const next: View = k.return ? 'detail' : k.input === 'g' ? 'seek' : 'sensitivity';
    if (t.view === 'chart' && panel.focus) return { ...t, message: tr('msgPickTarget', t.dashboard.lang) };
    if (Math.min(t.targetRow, c.targetCount - 1) >= 0) return { ...t, view: t.view === next ? 'chart' : next };
    return t;
  }
  if (t.view === 'seek') {
    // Without a lever the view only says so: the probability sought is neither shown nor changed.
    if ((k.left || k.right) && scenarioHasLevers(scenario)) return { ...t, seekGoal: Math.min(0.95, Math.max(0.05, Math.round((t.seekGoal + (k.right ? 0.05 : -0.05)) * 20) / 20)) };
    return t; // ↑/↓ would move a target cursor the view does not show
  }
  if (k.up || k.down) {
    const step = k.up ? -1 : 1;
    if (t.view === 'data' || t.view === 'backtest' || t.view === 'compare' || t.view === 'sensitivity') return { ...t, scroll: Math.max(0, t.scroll + step) };
    if (panel.focus) return { ...t, assumption: Math.max(0, Math.min(keys.length - 1, t.assumption + step)) };
    return { ...t, targetRow: Math.max(0, Math.min(c.targetCount - 1, t.targetRow + step)) };
  }
  if ((k.left || k.right) && panel.visible && t.view === 'chart' && assumptionKey) {
    const a = scenario.assumptions[assumptionKey]!;
    const current = d.edits[assumptionKey] ?? a.value;
    return setEdit(t, assumptionKey, round(Math.min(a.max, Math.max(a.min, current + (k.right ? 1 : -1) * a.step))), scenario);
  }
  return s;
}

function save(s: UiState, name: string, scenario: Scenario, overwrite: boolean): UiState {
  const edits = s.dashboard.edits;
  return { ...s, mode: { kind: 'normal' }, pendingSave: { name, scenario: { ...editedScenario(scenario, edits), name }, overwrite, edits } };
}

/** The dashboard's reducer: key presses one after another, and the outcome of a save. */
export function reduceUi(state: UiState, action: UiAction): UiState {
  if (action.type === 'brief') return { ...state, pendingBrief: null, message: action.message };
  if (action.type === 'saved') {
    if (!action.ok && action.exists) return { ...state, pendingSave: null, mode: { kind: 'save-confirm', name: action.name } };
    if (!action.ok) return { ...state, pendingSave: null, message: action.message };
    return { ...state, pendingSave: null, message: action.message, saved: [...state.saved, action.name], savedEdits: state.pendingSave?.edits ?? state.dashboard.edits };
  }
  return action.keys.reduce((s, k) => reduceKey(s, k, action.context), state);
}
