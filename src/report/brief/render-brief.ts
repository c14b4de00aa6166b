/**
 * The brief from the targets engine: judges the main scenario (and any others for the
 * comparison), goal-seeks the main open targets, then lays it out as HTML or Markdown. The same
 * inputs as `targetcast targets` plus a scenario, which may be one edited on screen (the
 * dashboard's brief). No files: the caller reads the inputs and writes the result.
 */
import type { Dataset } from '../../core/types.js';
import type { Scenario } from '../../scenarios/types.js';
import { ON_TRACK } from '../../targets/types.js';
import { DEFAULT_LEVERS, goalSeek } from '../goal-seek.js';
import type { TargetsEngine, TargetsReport } from '../targets-report.js';
import type { VerdictBenchmark } from './benchmark.js';
import { buildBrief, targetsToSeek, type Brief, type BriefInputFile, type BriefScenarioRun, type BriefSeek } from './brief.js';
import { drawCharts } from './charts.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { BriefLang } from './strings.js';

export type BriefFormat = 'html' | 'md';
export const BRIEF_FORMATS: readonly BriefFormat[] = ['html', 'md'];

export interface BriefRequest {
  readonly engine: TargetsEngine;
  readonly dataset: Dataset;
  /** The region's name as the brief's title gives it (default: the data set's name). */
  readonly region?: string;
  /** The main scenario, as loaded or as edited. */
  readonly scenario: Scenario;
  /** Other scenarios to compare with it; one that could not be loaded comes as its name and why. */
  readonly compare?: readonly (Scenario | { readonly name: string; readonly error: string })[];
  /**
   * The scenario whose levers are goal-sought (default: the main one when it has levers); a
   * scenario without levers leaves "what it would take" with a note.
   */
  readonly leverScenario?: Scenario | null;
  /** Why there is no lever scenario, when leverScenario is null. */
  readonly leverNote?: string;
  readonly lang: BriefLang;
  readonly format: BriefFormat;
  /** The probability goal-seek aims for (default 2/3, on track). */
  readonly goal?: number;
  /** How many main open targets to goal-seek (default 3). */
  readonly maxSeeks?: number;
  readonly benchmark: VerdictBenchmark | null;
  readonly inputs: readonly BriefInputFile[];
  readonly generatedAt: string | null;
  readonly command: string;
}

const hasLevers = (s: Scenario): boolean => DEFAULT_LEVERS.some((k) => k in s.assumptions);
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The brief's model: every number from the engine's reports (see buildBrief). */
export function briefModel(request: BriefRequest): Brief {
  const { engine, scenario } = request;
  const report = engine.report(scenario);
  const comparison: BriefScenarioRun[] = [{ name: scenario.name, report, error: null }];
  for (const other of request.compare ?? []) {
    if ('error' in other) {
      comparison.push({ name: other.name, report: null, error: other.error });
      continue;
    }
    if (other.name === scenario.name) continue;
    let run: TargetsReport | null = null;
    try {
      run = engine.report(other);
      comparison.push({ name: other.name, report: run, error: null });
    } catch (e) {
      comparison.push({ name: other.name, report: null, error: message(e) });
    }
  }
  const goal = request.goal ?? ON_TRACK;
  const levers = request.leverScenario === undefined ? (hasLevers(scenario) ? scenario : null) : request.leverScenario;
  const seeks: BriefSeek[] = [];
  let leverScenario: { name: string; accounting: TargetsReport['scenario']['accounting'] } | null = null;
  let seekNote: string | null = null;
  if (levers && hasLevers(levers)) {
    try {
      const underLevers = levers === scenario ? report : engine.report(levers);
      leverScenario = { name: levers.name, accounting: underLevers.scenario.accounting };
      for (const id of targetsToSeek(report, underLevers, goal, request.maxSeeks ?? 3)) {
        try {
          seeks.push({ targetId: id, report: goalSeek(engine, levers, { target: id, goal }), error: null });
        } catch (e) {
          seeks.push({ targetId: id, report: null, error: message(e) });
        }
      }
    } catch (e) {
      seekNote = message(e).includes(`'${levers.name}'`) ? message(e) : `scenario '${levers.name}': ${message(e)}`;
    }
  } else {
    seekNote = request.leverNote ?? `scenario '${(levers ?? scenario).name}' has no levers (${DEFAULT_LEVERS.join(', ')})`;
  }
  return buildBrief({
    lang: request.lang,
    dataset: request.dataset,
    region: request.region,
    report,
    comparison,
    seeks,
    leverScenario,
    seekNote,
    goal,
    benchmark: request.benchmark,
    inputs: request.inputs,
    generatedAt: request.generatedAt,
    command: request.command,
  });
}

/** The brief as one HTML page or Markdown text. */
export async function renderBrief(request: BriefRequest): Promise<string> {
  const brief = briefModel(request);
  if (request.format === 'md') return renderMarkdown(brief);
  return renderHtml(brief, await drawCharts(brief.charts));
}
