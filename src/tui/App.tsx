import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../core/types.js';
import type { BacktestSummary } from '../evaluate/backtest.js';
import { MODELS } from '../models/registry.js';
import { buildDashboardView, editedScenario, HORIZONS, type DashboardSeries, type DashboardState } from '../report/dashboard-report.js';
import { DEFAULT_LEVERS, goalSeek, type GoalSeekReport } from '../report/goal-seek.js';
import type { TargetsEngine } from '../report/targets-report.js';
import { ON_TRACK } from '../targets/types.js';
import type { Scenario } from '../scenarios/types.js';
import { AssumptionPanel } from './components/AssumptionPanel.js';
import { Chart } from './components/Chart.js';
import { Footer } from './components/Footer.js';
import { GoalSeekView } from './components/GoalSeekView.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { TableView } from './components/TableView.js';
import { TargetDetail } from './components/TargetDetail.js';
import { TargetTable } from './components/TargetTable.js';
import { TooSmall } from './components/TooSmall.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import type { Theme } from './theme.js';

export type SaveResult = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly exists: boolean; readonly message: string };

/** Props of the dashboard. */
export type AppProps = {
  readonly dataset: Dataset;
  /** Memoised forecasts and target judgements (see TargetsEngine). */
  readonly engine: TargetsEngine;
  readonly scenarios: readonly Scenario[];
  readonly series: readonly DashboardSeries[];
  readonly theme: Theme;
  readonly initial?: Partial<DashboardState>;
  /** Writes a scenario to models/scenarios; must refuse an existing name unless overwrite is true. */
  readonly saveScenario: (name: string, scenario: Scenario, overwrite: boolean) => SaveResult;
  /** Rolling-origin comparison of the models on a series (computed when the b view opens). */
  readonly backtestOf: (series: DashboardSeries) => readonly BacktestSummary[];
  /** A fixed size instead of the terminal's (tests). */
  readonly size?: { readonly columns: number; readonly rows: number };
};

type View = 'chart' | 'data' | 'backtest' | 'detail' | 'seek' | 'help';
type Mode = { readonly kind: 'normal' } | { readonly kind: 'save-name'; readonly text: string } | { readonly kind: 'save-confirm'; readonly name: string };

export const MODEL_CYCLE: readonly string[] = ['auto', ...MODELS.map((m) => m.name)];
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
const WIDE = 110;
const PANEL = 36;

const round = (v: number): number => Math.round(v * 1e10) / 1e10;

export function App(props: AppProps) {
  const { dataset, engine, scenarios, series, theme } = props;
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns, rows } = props.size ?? terminal;
  const [state, setState] = useState<DashboardState>({ seriesIndex: 0, model: 'auto', scenarioIndex: 0, edits: {}, horizon: 2030, lang: 'en', ...props.initial });
  const [view, setView] = useState<View>('chart');
  const [mode, setMode] = useState<Mode>({ kind: 'normal' });
  const [assumption, setAssumption] = useState(0);
  const [targetRow, setTargetRow] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [panelShown, setPanelShown] = useState(false);
  const [focusTargets, setFocusTargets] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [seekGoal, setSeekGoal] = useState(ON_TRACK);
  const [seek, setSeek] = useState<{ readonly key: string; readonly report: GoalSeekReport | null; readonly error: string | null } | null>(null);
  const wide = columns >= WIDE;
  const panelVisible = wide || panelShown;
  const panelFocus = panelVisible && !focusTargets;

  const dashboard = useMemo(() => buildDashboardView(dataset, engine, scenarios, series, state), [dataset, engine, scenarios, series, state]);
  const backtest = useMemo(() => (view === 'backtest' ? props.backtestOf(series[state.seriesIndex]!) : []), [view, state.seriesIndex]);

  // The goal-seek runs a hundred or so judgements: show "working" first, then compute.
  const seekTarget = dashboard.targets[targetRow];
  const seekKey = view === 'seek' && seekTarget ? JSON.stringify([seekTarget.id, state.scenarioIndex, state.edits, state.model, state.seriesIndex, seekGoal]) : null;
  useEffect(() => {
    if (seekKey === null || seek?.key === seekKey) return;
    setSeek({ key: seekKey, report: null, error: null });
    const timer = setTimeout(() => {
      const scenario = editedScenario(scenarios[state.scenarioIndex]!, state.edits);
      if (!DEFAULT_LEVERS.some((k) => k in scenario.assumptions)) {
        const withLevers = scenarios.filter((x) => DEFAULT_LEVERS.some((k) => k in x.assumptions)).map((x) => x.name);
        setSeek({ key: seekKey, report: null, error: `Scenario ${scenario.name} has no levers to move (${DEFAULT_LEVERS.join(', ')}). Press s until ${withLevers.join(' or ') || 'a scenario with levers'}.` });
        return;
      }
      try {
        // The model chosen with m, as the target table uses it (growth and per-capita series).
        const kind = series[state.seriesIndex]!.kind;
        const model = kind === 'growth' || kind === 'per-capita' ? state.model : undefined;
        setSeek({ key: seekKey, report: goalSeek(engine, scenario, { target: seekTarget!.id, goal: seekGoal, model }), error: null });
      } catch (e) {
        setSeek({ key: seekKey, report: null, error: (e as Error).message });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [seekKey]);

  const update = (patch: Partial<DashboardState>): void => {
    setState((s) => ({ ...s, ...patch }));
    setMessage(null);
  };
  // Computed from the previous state, not the last frame: key presses faster than redraws all count.
  const changeAssumption = (direction: 1 | -1): void => {
    const key = dashboard.assumptions[assumption]?.key;
    if (!key) return;
    setState((s) => {
      const a = scenarios[s.scenarioIndex]!.assumptions[key];
      if (!a) return s;
      const current = s.edits[key] ?? a.value;
      const value = round(Math.min(a.max, Math.max(a.min, current + direction * a.step)));
      const edits = { ...s.edits };
      if (value === a.value) delete edits[key];
      else edits[key] = value;
      return { ...s, edits };
    });
    setMessage(null);
  };
  const save = (name: string, overwrite: boolean): void => {
    const scenario = { ...editedScenario(scenarios[state.scenarioIndex]!, state.edits), name };
    const result = props.saveScenario(name, scenario, overwrite);
    if (!result.ok && result.exists) {
      setMode({ kind: 'save-confirm', name });
      return;
    }
    setMode({ kind: 'normal' });
    setMessage(result.message);
  };

  useInput((input, key) => {
    if (mode.kind === 'save-name') {
      if (key.escape) setMode({ kind: 'normal' });
      else if (key.return) {
        if (/^[a-z0-9][a-z0-9-]{0,40}$/.test(mode.text)) save(mode.text, false);
        else setMessage('name: lower-case letters, digits and -');
      } else if (key.backspace || key.delete) setMode({ kind: 'save-name', text: mode.text.slice(0, -1) });
      else if (/^[a-zA-Z0-9-]$/.test(input)) setMode({ kind: 'save-name', text: mode.text + input.toLowerCase() });
      return;
    }
    if (mode.kind === 'save-confirm') {
      if (input === 'y') save(mode.name, true);
      else {
        setMode({ kind: 'normal' });
        setMessage(`not saved: ${mode.name} exists`);
      }
      return;
    }
    if (view === 'help') {
      setView('chart');
      return;
    }
    if (input === 'q') {
      exit();
      return;
    }
    if (key.escape) {
      setView('chart');
      return;
    }
    if (input === '?') {
      setView('help');
      return;
    }
    const n = series.length;
    if (key.tab) {
      update({ seriesIndex: (state.seriesIndex + (key.shift ? n - 1 : 1)) % n });
      setTargetRow(0);
      setScroll(0);
      return;
    }
    if (/^[1-9]$/.test(input) && Number(input) <= n) {
      update({ seriesIndex: Number(input) - 1 });
      setTargetRow(0);
      setScroll(0);
      return;
    }
    if (input === 'm') return update({ model: MODEL_CYCLE[(MODEL_CYCLE.indexOf(state.model) + 1) % MODEL_CYCLE.length]! });
    if (input === 's') {
      setAssumption(0);
      return update({ scenarioIndex: (state.scenarioIndex + 1) % scenarios.length, edits: {} });
    }
    if (input === 'h') return update({ horizon: HORIZONS[(HORIZONS.indexOf(state.horizon) + 1) % HORIZONS.length]! });
    if (input === 'l') return update({ lang: state.lang === 'en' ? 'vi' : 'en' });
    if (input === 'r') return update({ edits: {} });
    if (input === 'w') {
      setMode({ kind: 'save-name', text: `${scenarios[state.scenarioIndex]!.name}-edited` });
      return;
    }
    if (input === 'd') {
      setScroll(0);
      return setView(view === 'data' ? 'chart' : 'data');
    }
    if (input === 'b') {
      setScroll(0);
      return setView(view === 'backtest' ? 'chart' : 'backtest');
    }
    if (input === 'a') {
      if (wide) setFocusTargets((f) => !f);
      else setPanelShown((p) => !p);
      return;
    }
    if (key.return || input === 'g') {
      const next: View = key.return ? 'detail' : 'seek';
      // Wide, with the focus on the assumptions, no target is highlighted: say how to choose one.
      if (view === 'chart' && wide && panelFocus) setMessage(`pick a target: a, ↑/↓, then ${key.return ? 'Enter' : 'g'}`);
      else if (dashboard.targets[targetRow]) setView(view === next ? 'chart' : next);
      return;
    }
    if (view === 'seek') {
      if (key.leftArrow || key.rightArrow) setSeekGoal((g) => Math.min(0.95, Math.max(0.05, Math.round((g + (key.rightArrow ? 0.05 : -0.05)) * 20) / 20)));
      return; // ↑/↓ would move a target cursor the view does not show
    }
    if (key.upArrow || key.downArrow) {
      const d = key.upArrow ? -1 : 1;
      if (view === 'data' || view === 'backtest') setScroll((s) => Math.max(0, s + d));
      else if (panelFocus) setAssumption((i) => Math.max(0, Math.min(dashboard.assumptions.length - 1, i + d)));
      else setTargetRow((i) => Math.max(0, Math.min(dashboard.targets.length - 1, i + d)));
      return;
    }
    if ((key.leftArrow || key.rightArrow) && panelVisible && view === 'chart') changeAssumption(key.rightArrow ? 1 : -1);
  });

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} lang={state.lang} />;

  const main = rows - 3; // two header rows, one footer row
  const leftWidth = wide ? columns - PANEL - 1 : columns;
  const targetRows = Math.min(Math.max(dashboard.targets.length + 1, 3), Math.max(5, Math.floor(main * 0.36)));
  const bottom = panelVisible && !wide ? Math.max(targetRows, Math.min(dashboard.assumptions.length + 3, Math.floor(main * 0.45))) : targetRows;
  const chartHeight = Math.max(4, main - bottom - 3);

  let body;
  if (view === 'help') body = <HelpOverlay theme={theme} width={columns} />;
  else if (view === 'detail' && dashboard.targets[targetRow]) body = <TargetDetail target={dashboard.targets[targetRow]!} theme={theme} width={columns} />;
  else if (view === 'seek' && seekTarget) {
    const current = seek?.key === seekKey ? seek : null;
    body = <GoalSeekView report={current?.report ?? null} error={current?.error ?? null} goal={seekGoal} theme={theme} width={columns} lang={state.lang} />;
  }
  else if (view === 'data') {
    const obs = observationLines(dashboard, series[state.seriesIndex]!);
    body = <TableView title={`${dashboard.seriesLabel}: observations`} header={obs.header} lines={obs.lines} offset={scroll} height={main} theme={theme} />;
  } else if (view === 'backtest') {
    const lines = [...backtest]
      .sort((a, b) => (Number.isFinite(a.mase) ? a.mase : Infinity) - (Number.isFinite(b.mase) ? b.mase : Infinity))
      .map((m) => `${m.model.padEnd(12)}${String(m.forecasts).padStart(5)}${fmt(m.smape, 2, 9)}${fmt(m.mase, 3, 9)}${fmt(m.coverage80, 0, 9)}${fmt(m.coverage95, 0, 9)}`);
    body = (
      <TableView
        title={`models by backtest, training ≥ ${(backtest[0] as { minTrain?: number } | undefined)?.minTrain ?? 6} years, h 1-3: ${dashboard.seriesLabel}`}
        header={`${'MODEL'.padEnd(12)}${'N'.padStart(5)}${'sMAPE'.padStart(9)}${'MASE'.padStart(9)}${'COVER80'.padStart(9)}${'COVER95'.padStart(9)}`}
        lines={lines.length ? lines : ['too few years to backtest']}
        offset={scroll}
        height={main}
        theme={theme}
      />
    );
  } else {
    const lower = panelVisible && !wide
      ? <AssumptionPanel assumptions={dashboard.assumptions} selected={assumption} theme={theme} width={columns} height={bottom} lang={state.lang} message={message} />
      : <TargetTable targets={dashboard.targets} selected={panelFocus ? -1 : targetRow} theme={theme} width={leftWidth} height={bottom} lang={state.lang} />;
    body = (
      <Box flexDirection="row">
        <Box flexDirection="column" width={leftWidth}>
          <Chart chart={dashboard.chart} theme={theme} width={leftWidth} height={chartHeight} lang={state.lang} />
          {lower}
        </Box>
        {wide ? (
          <Box marginLeft={1}>
            <AssumptionPanel assumptions={dashboard.assumptions} selected={panelFocus ? assumption : -1} theme={theme} width={PANEL} height={main} lang={state.lang} message={message} />
          </Box>
        ) : null}
      </Box>
    );
  }

  const keys: [string, string][] =
    mode.kind === 'save-name'
      ? [['save as', `${mode.text}_`], ['Enter', 'save'], ['Esc', 'cancel']]
      : mode.kind === 'save-confirm'
        ? [[mode.name, 'exists: overwrite? y/n'], ['', '']]
        : view === 'chart'
          ? wide
            ? [['Tab', 'series'], ['m', 'model'], ['s', 'scenario'], ['h', 'horizon'], [panelFocus ? '←/→' : 'a', panelFocus ? 'edit' : 'assumptions'], ['↑/↓', panelFocus ? 'choose' : 'target'], ['g', 'goal-seek'], ['d/b', 'data/models'], ['?', 'help'], ['q', 'quit']]
            : // 80 columns hold eight keys; ? lists the rest.
              [['Tab', 'series'], ['m', 'model'], ['s', 'scenario'], ['h', 'horizon'], panelFocus ? ['←→', 'edit'] : ['a', 'edit'], ['g', 'goal-seek'], ['?', 'keys'], ['q', 'quit']]
          : view === 'seek'
            ? [['Esc', 'back'], ['←/→', 'probability sought'], ['s', 'scenario'], ['?', 'help'], ['q', 'quit']]
            : [['Esc', 'back'], ['↑/↓', 'scroll'], ['?', 'help'], ['q', 'quit']];

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header view={dashboard} state={state} theme={theme} width={columns} />
      <Box flexDirection="column" height={main}>
        {body}
      </Box>
      {message && !panelVisible ? <Text wrap="truncate">{message}</Text> : <Footer keys={keys} theme={theme} />}
    </Box>
  );
}

function fmt(v: number, digits: number, width: number): string {
  return (Number.isFinite(v) ? v.toFixed(digits) : '-').padStart(width);
}

function observationLines(view: ReturnType<typeof buildDashboardView>, chosen: DashboardSeries): { header: string; lines: string[] } {
  if (chosen.kind === 'data') {
    return {
      header: `${'YEAR'.padEnd(6)}${'VALUE'.padStart(12)}  ${'STATUS'.padEnd(12)}SOURCE`,
      lines: chosen.series.observations.map((o) => `${String(o.year).padEnd(6)}${String(o.value).padStart(12)}  ${(o.status ?? '').padEnd(12)}${o.source ?? ''}`),
    };
  }
  if (chosen.kind === 'growth') {
    return {
      header: `${'YEAR'.padEnd(6)}${'GROWTH %'.padStart(12)}  BASIS`,
      lines: view.report.growth.history.map((h) => `${String(h.year).padEnd(6)}${h.value.toFixed(2).padStart(12)}  ${h.basis}`),
    };
  }
  const base = view.report.perCapitaUsd.base;
  return { header: 'Derived from the shipped data:', lines: base ? [`${base.year}: US$${base.value.toFixed(0)} = ${base.derivation}`] : ['no per-capita figure in this data set'] };
}
