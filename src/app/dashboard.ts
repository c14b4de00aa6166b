/** What the dashboard opens on: a workspace and its scenarios, loaded once for both shells. */
import type { Dataset } from '../core/types.js';
import type { BacktestSummary } from '../evaluate/backtest.js';
import type { DashboardSeries } from '../report/dashboard-report.js';
import type { TargetsEngine } from '../report/targets-report.js';
import type { Scenario } from '../scenarios/types.js';
import { backtestFor } from './backtest.js';
import { saveScenario, type SaveResult } from './scenario-library.js';
import { openWorkspace, type Workspace, type WorkspaceRequest } from './workspace.js';

export interface DashboardSetup {
  readonly workspace: Workspace;
  readonly dataset: Dataset;
  readonly engine: TargetsEngine;
  /** Every scenario the region can use, its default first (`s` cycles through them). */
  readonly scenarios: readonly Scenario[];
  readonly series: readonly DashboardSeries[];
  readonly horizons: readonly number[];
  readonly horizon: number;
}

export async function setupDashboard(request: WorkspaceRequest): Promise<DashboardSetup> {
  const workspace = await openWorkspace(request);
  return {
    workspace,
    dataset: workspace.dataset,
    engine: workspace.engine,
    scenarios: workspace.scenarios(),
    series: workspace.series,
    horizons: workspace.horizons,
    horizon: workspace.horizon,
  };
}

/** Every model's backtest on a dashboard entry's series. */
export function dashboardBacktest(setup: DashboardSetup, chosen: DashboardSeries): BacktestSummary[] {
  return backtestFor(setup.engine, setup.scenarios[0]!, chosen);
}

/** Saves a scenario (atomically) into the region's scenario folder, else the user's; see saveScenario. */
export function saveDashboardScenario(setup: DashboardSetup, name: string, scenario: Scenario, overwrite: boolean, pid: number, dirs: readonly string[] = setup.workspace.saveDirs): SaveResult {
  return saveScenario(dirs, name, scenario, overwrite, pid);
}
