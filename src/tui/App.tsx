import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { Dataset } from '../core/types.js';
import type { BacktestSummary } from '../evaluate/backtest.js';
import { MODELS } from '../models/registry.js';
import { buildDashboardView, editedScenario, type DashboardSeries, type DashboardState, type Lang } from '../report/dashboard-report.js';
import { DEFAULT_LEVERS, goalSeek, type GoalSeekReport } from '../report/goal-seek.js';
import type { TargetsEngine } from '../report/targets-report.js';
import type { Scenario } from '../scenarios/types.js';
import { AssumptionPanel } from './components/AssumptionPanel.js';
import { Chart } from './components/Chart.js';
import { Footer } from './components/Footer.js';
import { GoalSeekView } from './components/GoalSeekView.js';
import { Header, headerLines } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { TableView } from './components/TableView.js';
import { TargetDetail } from './components/TargetDetail.js';
import { TargetTable } from './components/TargetTable.js';
import { TooSmall } from './components/TooSmall.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { formatProbability } from '../report/format-target.js';
import { compareRegions } from '../report/compare.js';
import { sensitivity, type SensitivityReport } from '../report/sensitivity.js';
import { describeHistoryBases } from './history-bases.js';
import { assumptionLabel } from './strings.js';
import { initialUiState, keyPresses, panelState, reduceUi, scenarioHasLevers } from './state.js';
import type { Theme } from './theme.js';

import type { SaveResult } from '../app/scenario-library.js';

export type { SaveResult };

/** Props of the dashboard. */
export type AppProps = {
  readonly dataset: Dataset;
  /** Memoised forecasts and target judgements (see TargetsEngine). */
  readonly engine: TargetsEngine;
  readonly scenarios: readonly Scenario[];
  readonly series: readonly DashboardSeries[];
  readonly theme: Theme;
  readonly initial: Partial<DashboardState> & Pick<DashboardState, 'horizon'>;
  /** The years `h` cycles the chart's end through (the region's horizons). */
  readonly horizons: readonly number[];
  /** Writes a scenario to the scenario library; must refuse an existing name unless overwrite is true. */
  readonly saveScenario: (name: string, scenario: Scenario, overwrite: boolean) => SaveResult;
  /** Writes the brief (e) for the scenario on screen and says where (or why not); absent: e says it is not available. */
  readonly writeBrief?: (scenario: Scenario, lang: Lang) => Promise<string>;
  /** Rolling-origin comparison of the models on a series (computed when the b view opens). */
  readonly backtestOf: (series: DashboardSeries) => readonly BacktestSummary[];
  /** A fixed size instead of the terminal's (tests). */
  readonly size?: { readonly columns: number; readonly rows: number };
};

export const MODEL_CYCLE: readonly string[] = ['auto', ...MODELS.map((m) => m.name)];
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
const WIDE = 110;
const PANEL = 36;

export function App(props: AppProps) {
  const { dataset, engine, scenarios, series, theme, horizons } = props;
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns, rows } = props.size ?? terminal;
  const [ui, dispatch] = useReducer(reduceUi, props.initial, initialUiState);
  const state = ui.dashboard;
  const [seek, setSeek] = useState<{ readonly key: string; readonly report: GoalSeekReport | null; readonly error: string | null } | null>(null);
  const wide = columns >= WIDE;
  const { visible: panelVisible, focus: panelFocus } = panelState(ui, wide);
  const { view, mode, assumption, scroll, message, seekGoal } = ui;

  const dashboard = useMemo(() => buildDashboardView(dataset, engine, scenarios, series, state), [dataset, engine, scenarios, series, state]);
  // A row past the end (after a burst of keys changed the series) is drawn as the last.
  const targetRow = Math.max(0, Math.min(ui.targetRow, dashboard.targets.length - 1));
  const backtest = useMemo(() => (view === 'backtest' ? props.backtestOf(series[state.seriesIndex]!) : []), [view, state.seriesIndex]);
  // Regions side by side (c): every open growth target of the data set under the scenario as edited.
  const compared = useMemo(() => (view === 'compare' ? compareRegions(engine.report(editedScenario(scenarios[state.scenarioIndex]!, state.edits))) : null), [view, state.scenarioIndex, state.edits]);

  // What the pure state asks for: a save, or quitting.
  useEffect(() => {
    const pending = ui.pendingSave;
    if (!pending) return;
    const result = props.saveScenario(pending.name, pending.scenario, pending.overwrite);
    dispatch({ type: 'saved', name: pending.name, ok: result.ok, exists: !result.ok && result.exists, message: result.message });
  }, [ui.pendingSave]);
  useEffect(() => {
    const pending = ui.pendingBrief;
    if (!pending) return;
    if (!props.writeBrief) {
      dispatch({ type: 'brief', message: 'no brief writer here (targetcast report --out FILE)' });
      return;
    }
    props.writeBrief(pending.scenario, pending.lang).then(
      (message) => dispatch({ type: 'brief', message }),
      (e: unknown) => dispatch({ type: 'brief', message: `brief not written: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }),
    );
  }, [ui.pendingBrief]);
  useEffect(() => {
    if (ui.quit) exit();
  }, [ui.quit]);

  // The goal-seek runs a hundred or so judgements: show "working" first, then compute.
  const seekTarget = dashboard.targets[targetRow];
  const seekKey = view === 'seek' && seekTarget ? JSON.stringify([seekTarget.id, state.scenarioIndex, state.edits, state.model, state.seriesIndex, seekGoal]) : null;
  useEffect(() => {
    if (seekKey === null || seek?.key === seekKey) return;
    setSeek({ key: seekKey, report: null, error: null });
    const timer = setTimeout(() => {
      const scenario = editedScenario(scenarios[state.scenarioIndex]!, state.edits);
      if (!scenarioHasLevers(scenario)) {
        const withLevers = scenarios.filter(scenarioHasLevers).map((x) => x.name);
        setSeek({ key: seekKey, report: null, error: `Scenario ${scenario.name} has no levers to move (${DEFAULT_LEVERS.join(', ')}). Press s until ${withLevers.join(' or ') || 'a scenario with levers'}.` });
        return;
      }
      try {
        // The model chosen with m, as the target table uses it (growth and per-capita series).
        const kind = series[state.seriesIndex]!.kind;
        const model = kind === 'growth' || kind === 'per-capita' ? state.model : undefined;
        setSeek({ key: seekKey, report: goalSeek(engine, scenario, { target: seekTarget!.id, goal: seekGoal, model, withPackage: true }), error: null });
      } catch (e) {
        setSeek({ key: seekKey, report: null, error: (e as Error).message });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [seekKey]);

  // v: how the chosen target's P varies by scenario and model, and with each assumption (a few
  // dozen judgements: "working" first, then computed, as for g).
  const [varies, setVaries] = useState<{ key: string; report: SensitivityReport | null; error: string | null } | null>(null);
  const variesKey = view === 'sensitivity' && seekTarget ? JSON.stringify([seekTarget.id, state.scenarioIndex, state.edits]) : null;
  useEffect(() => {
    if (variesKey === null || varies?.key === variesKey) return;
    setVaries({ key: variesKey, report: null, error: null });
    const timer = setTimeout(() => {
      const chosen = editedScenario(scenarios[state.scenarioIndex]!, state.edits);
      try {
        setVaries({ key: variesKey, report: sensitivity(engine, { target: seekTarget!.id, scenario: chosen, scenarios: scenarios.map((x) => (x.name === chosen.name ? chosen : x)) }), error: null });
      } catch (e) {
        setVaries({ key: variesKey, report: null, error: (e as Error).message });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [variesKey]);

  // Every key is an action on the previous state (state.ts): none is lost to a slow redraw.
  const context = { seriesCount: series.length, scenarios, wide, targetCount: dashboard.targets.length, models: MODEL_CYCLE, horizons };
  useInput((input, key) => dispatch({ type: 'keys', keys: keyPresses(input, key), context }));

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} lang={state.lang} theme={theme} />;

  // The growth history's bases with the years the tool derived (a pro-forma) named as such.
  const chosen = series[state.seriesIndex]!;
  const basis = chosen.kind === 'growth' ? describeHistoryBases(dashboard.report.growth.history, (year, b) => observationOf(dataset, chosen.id, b, year)?.status === 'derived', state.lang) : dashboard.basis;
  const header = headerLines({ view: dashboard, state, theme, width: columns, basis });
  const main = rows - header.length - 1; // two or three header rows, one footer row
  const leftWidth = wide ? columns - PANEL - 1 : columns;
  const targetRows = Math.min(Math.max(dashboard.targets.length + 1, 3), Math.max(5, Math.floor(main * 0.36)));
  const bottom = panelVisible && !wide ? Math.max(targetRows, Math.min(dashboard.assumptions.length + 3, Math.floor(main * 0.45))) : targetRows;
  const chartHeight = Math.max(4, main - bottom - 3);

  // At 80 columns the panel hides the table: the chosen target's P stays in sight while editing.
  const watched = dashboard.targets[targetRow];
  const watch = watched && watched.probability !== null ? `${watched.id} ${watched.when} ${watched.threshold}: P ${formatProbability(watched.probability)} ${watched.verdict.toUpperCase()}` : null;
  let body;
  if (view === 'help') body = <HelpOverlay theme={theme} width={columns} lang={state.lang} />;
  else if (view === 'detail' && dashboard.targets[targetRow]) body = <TargetDetail target={dashboard.targets[targetRow]!} theme={theme} width={columns} lang={state.lang} />;
  else if (view === 'seek' && seekTarget) {
    const current = seek?.key === seekKey ? seek : null;
    body = <GoalSeekView report={current?.report ?? null} error={current?.error ?? null} goal={seekGoal} theme={theme} width={columns} lang={state.lang} />;
  }
  else if (view === 'data') {
    const obs = observationLines(dataset, dashboard, series[state.seriesIndex]!);
    body = <TableView title={`${dashboard.seriesLabel}: observations`} header={obs.header} lines={obs.lines} offset={scroll} height={main} theme={theme} lang={state.lang} width={columns} />;
  } else if (view === 'sensitivity' && seekTarget) {
    const current = varies?.key === variesKey ? varies : null;
    const r = current?.report;
    const models = r ? r.table[0]?.cells.map((c) => c.model) ?? [] : [];
    const pct = (p: number | null): string => (p === null ? 'fails' : (100 * p).toFixed(1));
    const widest = r ? Math.max(0.001, ...r.tornado.bars.flatMap((b) => [Math.abs(b.down.delta ?? 0), Math.abs(b.up.delta ?? 0)])) : 1;
    const bar = (d: number | null, side: 'down' | 'up'): string => {
      const n = Math.round((10 * Math.abs(d ?? 0)) / widest);
      return side === 'down' ? `${' '.repeat(10 - n)}${(d ?? 0) < 0 ? '-'.repeat(n) : '+'.repeat(n)}` : `${(d ?? 0) > 0 ? '+'.repeat(n) : '-'.repeat(n)}${' '.repeat(10 - n)}`;
    };
    const lines = r
      ? [
          ...r.table.map((row) => `${row.scenario.slice(0, 18).padEnd(19)}${row.cells.map((c) => pct(c.probability).padStart(7)).join('')}`),
          '',
          `tornado: ${r.tornado.scenario}, each assumption one step down | up (ΔP, points)`,
          ...r.tornado.bars.map((b) => `${b.key.slice(0, 19).padEnd(20)}${bar(b.down.delta, 'down')}|${bar(b.up.delta, 'up')} ${b.down.delta === null ? '  at min' : (100 * b.down.delta).toFixed(1).padStart(8)} ${b.up.delta === null ? ' at max' : (100 * b.up.delta).toFixed(1).padStart(7)}`),
        ]
      : [current?.error ?? 'working: judging the target under every scenario and model…'];
    body = (
      <TableView
        title={`how P varies: ${seekTarget.id} ${seekTarget.when} ${seekTarget.threshold}${r ? ` (P ${pct(r.target.probability)}% under ${r.tornado.scenario})` : ''}`}
        header={r ? `${'SCENARIO'.padEnd(19)}${models.map((m) => m.padStart(7)).join('')}` : ''}
        lines={lines}
        offset={scroll}
        height={main}
        theme={theme}
        lang={state.lang}
        width={columns}
      />
    );
  } else if (view === 'compare' && compared) {
    // The scenario is in the header too: the title names it only where it fits.
    // A basis is a territory: a region of a panel file, or one definition of a region (before or after a merger).
    const title = `side by side: ${compared.rows.length} open growth targets on ${compared.regions.length} ${compared.regions.length === 1 ? 'basis' : 'bases'}, likeliest first`;
    const lines = compared.rows.map((r) => `${(r.region || '-').slice(0, 12).padEnd(13)}${r.id.slice(0, 11).padEnd(12)}${r.when.padEnd(10)}${r.threshold.slice(0, 13).padEnd(14)}${fmt(r.requiredGrowth ?? Number.NaN, 1, 7)}${fmt(r.recentGrowth ?? Number.NaN, 1, 7)}${formatProbability(r.probability).padStart(6)}  ${r.verdict.toUpperCase()}${r.borderline ? '*' : ''}`);
    body = (
      <TableView
        title={[...`${title} (${compared.scenario})`].length <= columns ? `${title} (${compared.scenario})` : title}
        header={`${'BASIS'.padEnd(13)}${'TARGET'.padEnd(12)}${'WHEN'.padEnd(10)}${'GOAL'.padEnd(14)}${'NEED'.padStart(7)}${'RECENT'.padStart(7)}${'P'.padStart(6)}  VERDICT`}
        lines={lines.length ? lines : ['no open growth target in this data set']}
        offset={scroll}
        height={main}
        theme={theme}
        lang={state.lang}
        width={columns}
      />
    );
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
        lang={state.lang}
        width={columns}
      />
    );
  } else {
    const lower = panelVisible && !wide
      ? <AssumptionPanel assumptions={dashboard.assumptions} selected={assumption} theme={theme} width={columns} height={bottom} lang={state.lang} message={message} watch={watch} />
      : <TargetTable targets={dashboard.targets} selected={panelFocus ? -1 : targetRow} theme={theme} width={leftWidth} height={bottom} lang={state.lang} />;
    body = (
      <Box flexDirection="row">
        <Box flexDirection="column" width={leftWidth}>
          <Chart chart={dashboard.chart} theme={theme} width={leftWidth} height={chartHeight} lang={state.lang} />
          {lower}
        </Box>
        {wide ? (
          <Box marginLeft={1}>
            <AssumptionPanel assumptions={dashboard.assumptions} selected={panelFocus ? assumption : -1} theme={theme} width={PANEL} height={main} lang={state.lang} message={message} watch={null} />
          </Box>
        ) : null}
      </Box>
    );
  }

  const entering = mode.kind === 'entry' ? scenarios[state.scenarioIndex]!.assumptions[mode.key] : undefined;
  const keys: [string, string][] =
    mode.kind === 'entry' && entering
      ? [[`${assumptionLabel(mode.key, entering.label, state.lang)}:`, `${mode.text}_ (${entering.min} to ${entering.max} ${entering.unit})`], ['Enter', 'set'], ['Esc', 'cancel']]
      : mode.kind === 'save-name'
      ? [['save as', `${mode.text}_`], ['Enter', 'save'], ['Esc', 'cancel']]
      : mode.kind === 'save-confirm'
        ? [[mode.name, 'exists: overwrite? y/n'], ['', '']]
        : view === 'chart'
          ? wide
            ? [['Tab', 'series'], ['m', 'model'], ['s', 'scenario'], ['h', 'horizon'], [panelFocus ? '←/→' : 'a', panelFocus ? 'edit' : 'assumptions'], ['↑/↓', panelFocus ? 'choose' : 'target'], ['g', 'goal-seek'], ['d/b', 'data/models'], ['?', 'help'], ['q', 'quit']]
            : // 80 columns hold eight keys; ? lists the rest.
              [['Tab', 'series'], ['m', 'model'], ['s', 'scenario'], ['h', 'horizon'], panelFocus ? ['←→', 'edit'] : ['a', 'edit'], ['g', 'goal-seek'], ['?', 'keys'], ['q', 'quit']]
          : view === 'help'
            ? [['any key', 'back to the chart']] // the reducer closes the help on any key, q and ↓ too
            : view === 'seek'
              ? scenarioHasLevers(scenarios[state.scenarioIndex]!)
                ? [['Esc', 'back'], ['←/→', 'probability sought'], ['s', 'scenario'], ['?', 'help'], ['q', 'quit']]
                : [['Esc', 'back'], ['s', 'scenario'], ['?', 'help'], ['q', 'quit']] // no lever: ←/→ do nothing (state.ts)
              : [['Esc', 'back'], ['↑/↓', 'scroll'], ['?', 'help'], ['q', 'quit']];

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header view={dashboard} state={state} theme={theme} width={columns} basis={basis} />
      <Box flexDirection="column" height={main}>
        {body}
      </Box>
      {message && !panelVisible ? <Text>{theme.fit(message, columns)}</Text> : <Footer keys={keys} theme={theme} lang={state.lang} width={columns} />}
    </Box>
  );
}

function fmt(v: number, digits: number, width: number): string {
  return (Number.isFinite(v) ? v.toFixed(digits) : '-').padStart(width);
}

/** The observation behind one year of a series on a basis (its status says whether it was derived). */
function observationOf(dataset: Dataset, id: string, basis: string, year: number) {
  return dataset.series.find((s) => s.id === id && s.basis === basis)?.observations.find((o) => o.year === year);
}

function observationLines(dataset: Dataset, view: ReturnType<typeof buildDashboardView>, chosen: DashboardSeries): { header: string; lines: string[] } {
  if (chosen.kind === 'data') {
    return {
      header: `${'YEAR'.padEnd(6)}${'VALUE'.padStart(12)}  ${'STATUS'.padEnd(12)}SOURCE`,
      lines: chosen.series.observations.map((o) => `${String(o.year).padEnd(6)}${String(o.value).padStart(12)}  ${(o.status ?? '').padEnd(12)}${o.source ?? ''}`),
    };
  }
  if (chosen.kind === 'growth') {
    // Each year's figure with its own basis's status and source (the history bridges bases).
    const obs = (y: number, b: string) => observationOf(dataset, chosen.id, b, y);
    return {
      header: `${'YEAR'.padEnd(6)}${'GROWTH %'.padStart(12)}  ${'BASIS'.padEnd(12)}${'STATUS'.padEnd(12)}SOURCE`,
      lines: view.report.growth.history.map((h) => {
        const o = obs(h.year, h.basis);
        return `${String(h.year).padEnd(6)}${h.value.toFixed(2).padStart(12)}  ${h.basis.padEnd(12)}${(o?.status ?? '').padEnd(12)}${o?.source ?? ''}`;
      }),
    };
  }
  const base = view.report.perCapitaUsd.base;
  return { header: 'Derived from the shipped data:', lines: base ? [`${base.year}: US$${base.value.toFixed(0)} = ${base.derivation}`] : ['no per-capita figure in this data set'] };
}
