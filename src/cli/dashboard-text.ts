/** The dashboard's first screen as plain text, for pipes, cron and TERM=dumb. */
import type { DashboardSetup } from '../app/dashboard.js';
import { buildDashboardView, editedScenario, type DashboardState } from '../report/dashboard-report.js';
import { chartInputOf, renderChartWithLegend } from '../tui/chart-text.js';
import type { Theme } from '../tui/theme.js';
import { renderTargets } from './commands/targets.js';
import { wrap } from './table.js';

export function renderTextReport(setup: DashboardSetup, state: DashboardState, theme: Theme, width = 80): string {
  const view = buildDashboardView(setup.dataset, setup.engine, setup.scenarios, setup.series, state);
  // Plot, axis, years and a legend of every mark (the legend's words follow --lang).
  const chart = renderChartWithLegend(chartInputOf(view.chart, width, 11, state.lang), theme, state.lang);
  const head = `${view.dataset}: ${view.seriesLabel} (${view.chart.unit}), ${view.scenario.name} scenario, to ${view.horizon}`;
  // The chart is the first series'; the table every target, as `targetcast targets` prints it.
  const all = setup.engine.report(editedScenario(setup.scenarios[state.scenarioIndex]!, state.edits));
  // TERM=dumb and --ascii: the one ASCII mapping over everything (names may be Vietnamese).
  return theme.text(`${wrap(head, width)}\n\n${[...chart.rows, ...chart.legend].join('\n')}\n\n${renderTargets(all, 'text', false, null, theme.ascii)}`);
}
