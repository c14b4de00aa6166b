/**
 * The brief: what `targetcast report` hands a reader, as plain data. Built from the same
 * TargetsReport `targetcast targets --json` prints (so every P and verdict is the same number) and
 * from goal-seek results; html.ts and markdown.ts only lay it out, charts.ts only draws its specs.
 * Pure: no files, no clock (the date comes in as a string), no randomness (the reports carry their seed).
 */
import type { Dataset } from '../../core/types.js';
import type { AccountingSummary } from '../../scenarios/apply-scenario.js';
import { ON_TRACK, type TargetResult, type Verdict } from '../../targets/types.js';
import { doneOrNeed, formatProbability } from '../format-target.js';
import { formatLeverValue, formatSeekProbability } from '../format-lever.js';
import type { GoalSeekReport, LeverResult } from '../goal-seek.js';
import type { TargetsReport } from '../targets-report.js';
import type { VerdictBenchmark } from './benchmark.js';
import { growthChart, leverCharts, perCapitaChart, scenarioChart, type BriefChart } from './chart-specs.js';
import { assumptionLabel, unitText, verdictWord, word, type BriefLang } from './strings.js';

/** One scenario of the comparison: its report, or why it cannot run on this data. */
export interface BriefScenarioRun {
  readonly name: string;
  readonly report: TargetsReport | null;
  readonly error: string | null;
}

/** A goal-seek for one main open target: its result, or why it could not run. */
export interface BriefSeek {
  readonly targetId: string;
  readonly report: GoalSeekReport | null;
  readonly error: string | null;
}

/** An input file with its sha256, as the provenance lists it. */
export interface BriefInputFile {
  readonly role: string;
  readonly file: string;
  readonly sha256: string;
}

export interface BriefSource {
  readonly lang: BriefLang;
  readonly dataset: Dataset;
  /** The region's name (default: the data set's, in the language). */
  readonly region?: string;
  /** The main scenario's report (the first of the comparison). */
  readonly report: TargetsReport;
  /** Every scenario compared, the main one first. */
  readonly comparison: readonly BriefScenarioRun[];
  readonly seeks: readonly BriefSeek[];
  /** The scenario whose levers were goal-sought, with its production function (null: not growth accounting). */
  readonly leverScenario: { readonly name: string; readonly accounting: AccountingSummary | null } | null;
  /** Why no goal-seek ran, when none did. */
  readonly seekNote: string | null;
  /** The probability goal-seek aims for (default 2/3, the on-track threshold). */
  readonly goal: number;
  readonly benchmark: VerdictBenchmark | null;
  readonly inputs: readonly BriefInputFile[];
  /** ISO time of the run, null for --no-timestamp. */
  readonly generatedAt: string | null;
  /** The command line that reproduces the brief. */
  readonly command: string;
}

export interface BriefTargetRow {
  readonly id: string;
  readonly indicator: string;
  readonly when: string;
  readonly goal: string;
  readonly doneOrNeed: string;
  /** P as printed, '' when none; probability is the number for machines (data-p). */
  readonly p: string;
  readonly probability: number | null;
  readonly pSe: string;
  readonly verdict: Verdict;
  readonly verdictText: string;
  readonly borderline: boolean;
  readonly proxy: boolean;
  readonly document: string;
  readonly source: string;
  readonly wording: string | null;
  readonly note: string | null;
}

export interface BriefMainTarget {
  readonly ids: readonly string[];
  readonly verdict: Verdict;
  readonly probability: number | null;
  readonly text: string;
}

export interface BriefSeekSection {
  readonly targetId: string;
  readonly heading: string;
  readonly intro: string;
  readonly rows: readonly { readonly label: string; readonly now: string; readonly needed: string; readonly p: string }[];
  readonly error: string | null;
}

export interface Brief {
  readonly lang: BriefLang;
  readonly title: string;
  readonly subtitle: string;
  readonly question: string;
  readonly counts: string;
  readonly countsDetail: readonly string[];
  /** Verdict → number of official targets with it. */
  readonly tally: Readonly<Record<Verdict, number>>;
  readonly main: readonly BriefMainTarget[];
  readonly seeks: readonly BriefSeekSection[];
  readonly seekNote: string | null;
  readonly charts: readonly BriefChart[];
  readonly comparison: {
    readonly scenarios: readonly string[];
    readonly rows: readonly { readonly id: string; readonly label: string; readonly cells: readonly { readonly p: string; readonly probability: number | null; readonly verdict: string }[] }[];
    readonly failures: readonly string[];
  } | null;
  readonly targetIntro: string;
  readonly targetTables: readonly { readonly caption: string; readonly rows: readonly BriefTargetRow[] }[];
  readonly notFound: readonly { readonly id: string; readonly indicator: string; readonly period: string }[];
  readonly assumptions: {
    readonly intro: string;
    readonly meanPath: string;
    readonly rows: readonly { readonly key: string; readonly label: string; readonly value: string; readonly source: string }[];
  };
  readonly outlook: readonly { readonly year: string; readonly growth: string; readonly band80: string; readonly band95: string; readonly perCapita: string }[];
  readonly method: readonly string[];
  readonly benchmark: { readonly intro: string; readonly rows: readonly { readonly window: string; readonly method: string; readonly brier: string; readonly logScore: string; readonly ours: boolean }[]; readonly summary: string | null; readonly source: string } | null;
  readonly provenance: readonly { readonly label: string; readonly value: string }[];
  readonly inputs: readonly BriefInputFile[];
  readonly command: string;
}

const OPEN_VERDICTS: readonly Verdict[] = ['on track', 'at risk', 'off track'];

/** The region's name in the language, from series.json. */
export function regionName(dataset: Dataset, lang: BriefLang): string {
  const { nameEn, nameVi, id } = dataset.info;
  return (lang === 'vi' ? nameVi || nameEn : nameEn || nameVi) || id || 'the region';
}

/** A number in the language: Vietnamese writes 10,2 and 11.247 where English writes 10.2 and 11,247. */
export function localNumber(text: string, lang: BriefLang): string {
  if (lang === 'en') return text;
  return text.replace(/\d[\d,]*\.?\d*/g, (n) => n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
}

/**
 * The main open targets: official (not proxies), still open, on the basis the future is
 * forecast on (all bases when none is there); targets with the same series, period and goal are
 * one line (their P is the same), in the order their periods end.
 */
export function mainOpenTargets(report: TargetsReport): TargetResult[][] {
  const open = report.targets.filter((t) => t.status === 'open' && !t.proxy && t.probability !== null);
  const onFuture = open.filter((t) => t.basis === report.growth.basis);
  const chosen = onFuture.length > 0 ? onFuture : open;
  const groups = new Map<string, TargetResult[]>();
  for (const t of chosen) {
    const key = `${t.series}|${t.basis}|${t.kind}|${t.when}|${t.goal}|${t.probability}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].sort((a, b) => a[0]!.years[1] - b[0]!.years[1] || a[0]!.id.localeCompare(b[0]!.id));
}

/**
 * The targets worth a goal-seek: main open ones (of `report`) whose P under the lever scenario
 * (`underLevers`, the same report when it is the main scenario) is below the goal, at most `max`.
 */
export function targetsToSeek(report: TargetsReport, underLevers: TargetsReport, goal = ON_TRACK, max = 3): string[] {
  const pUnder = new Map(underLevers.targets.map((t) => [t.id, t.probability]));
  return mainOpenTargets(report)
    .map((g) => g[0]!.id)
    .filter((id) => (pUnder.get(id) ?? 1) < goal)
    .slice(0, max);
}

function tally(targets: readonly TargetResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { met: 0, missed: 0, 'on track': 0, 'at risk': 0, 'off track': 0, 'not judged': 0 };
  for (const t of targets) counts[t.verdict] += 1;
  return counts;
}

function targetRow(r: TargetResult, lang: BriefLang): BriefTargetRow {
  const open = r.status === 'open' && r.requiredGrowth !== null;
  const need = doneOrNeed(r);
  return {
    id: r.id,
    indicator: r.indicator,
    when: r.when,
    goal: localNumber(r.threshold, lang),
    doneOrNeed: localNumber(open && need ? word('needPerYear', lang, { v: need }) : need, lang),
    p: localNumber(formatProbability(r.probability), lang),
    probability: r.probability,
    pSe: r.probabilitySe === null ? '' : localNumber(`± ${(100 * r.probabilitySe).toFixed(1)}`, lang),
    verdict: r.verdict,
    verdictText: `${verdictWord(r.verdict, lang)}${r.borderline ? '*' : ''}`,
    borderline: r.borderline,
    proxy: r.proxy,
    document: r.document,
    source: r.source,
    wording: r.wordingVi ?? null,
    note: r.status === 'not judged' ? word('notJudgedWhy', lang, { why: (r.note ?? '').replace(/^not judged: /, '') }) : r.note,
  };
}

function neededText(l: LeverResult, lang: BriefLang): string {
  const sign = l.direction === 'at least' ? '≥' : '≤';
  if (l.status === 'reached') return localNumber(`${sign} ${formatLeverValue(l.value!, l.unit, l.resolution)}`, lang);
  if (l.status === 'already') return word('metOverRange', lang);
  if (l.status === 'no effect') return word('noEffect', lang);
  if (l.status === 'failed') return word('cannotRun', lang);
  return localNumber(word('notBy', lang, { value: formatLeverValue(l.best.value, l.unit, l.resolution) }), lang);
}

function seekSection(seek: BriefSeek, report: TargetsReport, lang: BriefLang, goal: number, scenario: string): BriefSeekSection {
  const t = seek.report?.target ?? report.targets.find((x) => x.id === seek.targetId);
  const heading = t ? `${t.id}: ${t.indicator} ${t.when} ${localNumber(t.threshold, lang)}` : seek.targetId;
  if (!seek.report) return { targetId: seek.targetId, heading, intro: '', rows: [], error: word('seekFailed', lang, { id: seek.targetId, why: seek.error ?? '' }) };
  return {
    targetId: seek.targetId,
    heading: `${heading} (P ${localNumber(formatProbability(seek.report.target.probability), lang)}, ${verdictWord(seek.report.target.verdict, lang)})`,
    intro: localNumber(word('whatItTakesIntro', lang, { goal: formatProbability(goal), scenario }), lang),
    rows: seek.report.levers.map((l) => ({
      label: assumptionLabel(l.key, l.label, lang),
      now: unitText(localNumber(formatLeverValue(l.current, l.unit, l.resolution), lang), lang),
      needed: unitText(neededText(l, lang), lang),
      p: localNumber(formatSeekProbability(l.probability, goal), lang),
    })),
    error: null,
  };
}

/** v to d decimals in the language; a value that rounds to zero is 0.0, never -0.0. */
const fixed = (v: number, d: number, lang: BriefLang): string => localNumber(v.toFixed(d).replace(/^-(0\.?0*)$/, '$1'), lang);

/** The brief for a scenario's report, its comparison, its goal-seeks and the method's evidence. */
export function buildBrief(source: BriefSource): Brief {
  const { report, lang, dataset } = source;
  const region = source.region || regionName(dataset, lang);
  const official = report.targets.filter((t) => !t.proxy);
  const counts = tally(official);
  const judged = official.filter((t) => t.status !== 'not judged').length;
  const open = OPEN_VERDICTS.reduce((n, v) => n + counts[v], 0);
  const countsText = word('counts', lang, {
    judged,
    met: counts.met,
    missed: counts.missed,
    open,
    onTrack: counts['on track'],
    atRisk: counts['at risk'],
    offTrack: counts['off track'],
  });
  const proxies = report.targets.filter((t) => t.proxy).length;
  const countsDetail = [
    ...(counts['not judged'] > 0 ? [word('notJudgedCount', lang, { n: counts['not judged'] })] : []),
    ...(proxies > 0 ? [word('proxiesCount', lang, { n: proxies })] : []),
  ];
  const main = mainOpenTargets(report).map((group): BriefMainTarget => {
    const t = group[0]!;
    const values = {
      indicator: `${group.map((g) => g.id).join(', ')}: ${t.indicator}`,
      when: t.when,
      goal: localNumber(t.threshold, lang),
      p: localNumber(formatProbability(t.probability), lang),
      verdict: verdictWord(t.verdict, lang),
      need: t.requiredGrowth === null ? '' : localNumber(`${t.requiredGrowth.toFixed(1)}%`, lang),
    };
    return { ids: group.map((g) => g.id), verdict: t.verdict, probability: t.probability, text: word(t.requiredGrowth === null ? 'mainLineLevel' : 'mainLine', lang, values) };
  });
  const leverName = source.leverScenario?.name ?? report.scenario.name;
  const seeks = source.seeks.map((s) => seekSection(s, report, lang, source.goal, leverName));
  const runs = source.comparison.filter((r) => r.report !== null);
  const mainGroups = mainOpenTargets(report);
  const comparison =
    source.comparison.length > 1
      ? {
          scenarios: runs.map((r) => r.name),
          rows: mainGroups.map((g) => {
            const id = g[0]!.id;
            return {
              id,
              label: `${g.map((x) => x.id).join(', ')}: ${g[0]!.indicator} ${g[0]!.when} ${localNumber(g[0]!.threshold, lang)}`,
              cells: runs.map((r) => {
                const t = r.report!.targets.find((x) => x.id === id);
                return { p: t ? localNumber(formatProbability(t.probability), lang) : '', probability: t?.probability ?? null, verdict: t ? verdictWord(t.verdict, lang) : '' };
              }),
            };
          }),
          failures: source.comparison.filter((r) => r.report === null).map((r) => word('scenarioFailed', lang, { name: r.name, why: r.error ?? '' })),
        }
      : null;
  const bases = [...new Set(report.targets.map((t) => t.basis))];
  const ordered = (rows: readonly TargetResult[]) => [...rows.filter((t) => t.status !== 'not judged'), ...rows.filter((t) => t.status === 'not judged')];
  const targetTables = bases.map((basis) => ({
    caption: word('basisCaption', lang, { basis: basis ? (dataset.info.bases[basis] ? `${basis} (${dataset.info.bases[basis]})` : basis) : word('noBasis', lang) }),
    rows: ordered(report.targets.filter((t) => t.basis === basis)).map((t) => targetRow(t, lang)),
  }));
  const s = report.scenario;
  const perCapita = report.perCapitaUsd.outlook;
  const outlook = report.growth.outlook.slice(0, 10).map((g, i) => ({
    year: String(g.year),
    growth: fixed(g.median, 1, lang),
    band80: `${fixed(g.lo80, 1, lang)} – ${fixed(g.hi80, 1, lang)}`,
    band95: `${fixed(g.lo95, 1, lang)} – ${fixed(g.hi95, 1, lang)}`,
    perCapita: perCapita[i] ? localNumber(Math.round(perCapita[i]!.median).toLocaleString('en-US'), lang) : '',
  }));
  const hist = report.growth.history;
  const method = [
    word('methodModel', lang, {
      model: report.growth.model,
      series: report.growth.series,
      from: hist[0]?.year ?? '',
      to: hist[hist.length - 1]?.year ?? '',
      bases: [...new Set(hist.map((h) => h.basis || '—'))].join(' + '),
      paths: localNumber(report.paths.toLocaleString('en-US'), lang),
      seed: report.seed,
    }),
    ...(report.growth.modelReason ? [word('methodModelReason', lang, { reason: report.growth.modelReason })] : []),
    ...(report.prior
      ? [localNumber(word('methodPrior', lang, { choice: report.prior.choice, mean: report.prior.longRunMean.toFixed(1), half: report.prior.halfLifeYears.toFixed(0), source: report.prior.source }), lang)]
      : []),
    word('methodScenario', lang),
    word('methodBridge', lang, { bridge: word(report.bridge === 'forecast' ? 'bridgeForecast' : 'bridgeOther', lang) }),
    ...accountingLine(source.leverScenario?.accounting ?? s.accounting, source.leverScenario?.name ?? s.name, lang),
  ];
  const benchmark = source.benchmark
    ? {
        intro: word('methodBenchmarkIntro', lang),
        rows: source.benchmark.rows.map((r) => ({ window: r.window, method: r.method, brier: fixed(r.brier, 4, lang), logScore: fixed(r.logScore, 3, lang), ours: r.method.startsWith('targetcast') })),
        summary: source.benchmark.summary,
        source: source.benchmark.source,
      }
    : null;
  const provenance = [
    { label: word('tool', lang), value: `${report.tool.name} ${report.tool.version}` },
    { label: word('seed', lang), value: String(report.seed) },
    { label: word('paths', lang), value: localNumber(report.paths.toLocaleString('en-US'), lang) },
    { label: word('asOf', lang), value: String(report.asOf) },
    { label: word('generated', lang), value: source.generatedAt ?? word('noTimestamp', lang) },
  ];
  return {
    lang,
    title: word('title', lang, { region }),
    subtitle: word('subtitle', lang, { scenario: s.name }),
    question: word('questionText', lang, { region }),
    counts: countsText,
    countsDetail,
    tally: counts,
    main,
    seeks,
    seekNote: source.seeks.length === 0 && source.seekNote ? word('seekNone', lang, { why: source.seekNote }) : null,
    charts: [
      growthChart(report, lang),
      perCapitaChart(report, dataset, lang),
      scenarioChart(report, runs.map((r) => r.report!), lang),
      ...leverCharts(source.seeks.find((x) => x.report !== null)?.report ?? null, source.leverScenario?.accounting ?? null, dataset, source.goal, lang),
    ].filter((c): c is BriefChart => c !== null),
    comparison,
    targetIntro: word('targetTableIntro', lang, { paths: localNumber(report.paths.toLocaleString('en-US'), lang) }),
    targetTables,
    notFound: report.notFound,
    assumptions: {
      intro: word('assumptionsIntro', lang, { scenario: s.name, description: s.description }),
      meanPath: word('meanPath', lang, { path: s.meanPath }),
      rows: s.assumptions.map((a) => ({
        key: a.key,
        label: assumptionLabel(a.key, a.label, lang),
        value: unitText(localNumber(`${a.value.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${a.unit}`.trim(), lang), lang),
        source: [a.source, a.note].filter((x): x is string => Boolean(x)).join(' — ') || word('anAssumption', lang),
      })),
    },
    outlook,
    method,
    benchmark,
    provenance,
    inputs: source.inputs,
    command: source.command,
  };
}

function accountingLine(a: AccountingSummary | null, scenario: string, lang: BriefLang): string[] {
  if (!a) return [];
  const c = a.calibration;
  return [
    localNumber(
      word('methodAccounting', lang, {
        tfp: a.tfpGrowth.toFixed(2),
        from: c.from,
        to: c.to,
        growth: c.growth.toFixed(2),
        labour: c.labourSeries,
        lg: c.labourGrowth.toFixed(2),
        alpha: String(a.capitalShare),
        inv: a.investmentRate.toFixed(1),
        dep: String(a.depreciation),
        scenario,
      }),
      lang,
    ),
  ];
}

