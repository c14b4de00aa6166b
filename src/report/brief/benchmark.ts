/**
 * The verdict benchmark's scores as the README's table states them (section "How good is P? The
 * verdict benchmark", written from bench/verdict.mjs): the brief quotes them, never recomputes or
 * invents them. Reading the file is the caller's; this only parses its text.
 */

export interface VerdictBenchmarkRow {
  /** e.g. "2011 (540 targets)" */
  readonly window: string;
  /** e.g. "targetcast, panel prior", "R ets" */
  readonly method: string;
  readonly brier: number;
  readonly logScore: number;
}

export interface VerdictBenchmark {
  readonly rows: readonly VerdictBenchmarkRow[];
  /** The README's sentence on the mean Brier score over the windows, verbatim (English), when present. */
  readonly summary: string | null;
  /** Where the figures were read from. */
  readonly source: string;
}

const SECTION = /^##\s+How good is P\?.*$/m;
const unbold = (s: string): string => s.replace(/\*\*/g, '').trim();

/**
 * The benchmark table of the README's verdict section, or null when the section or its table is
 * missing (the brief then says the figures were not found).
 * @example parseVerdictBenchmark('## How good is P? …\n| window | method | Brier | log score |\n|---|---|---|---|\n| 2011 | **targetcast** | **0.2081** | 0.606 |', 'README.md').rows[0].brier // 0.2081
 */
export function parseVerdictBenchmark(markdown: string, source: string): VerdictBenchmark | null {
  const start = markdown.search(SECTION);
  if (start < 0) return null;
  const rest = markdown.slice(start);
  const next = rest.slice(3).search(/^##\s/m);
  const section = next < 0 ? rest : rest.slice(0, next + 3);
  const rows: VerdictBenchmarkRow[] = [];
  let window = '';
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map(unbold);
    if (cells.length < 4 || /^window$/i.test(cells[0]!)) continue;
    const brier = Number(cells[2]);
    const logScore = Number(cells[3]);
    if (!Number.isFinite(brier) || !Number.isFinite(logScore) || cells[2] === '' || cells[3] === '') continue;
    if (cells[0] !== '') window = cells[0]!;
    rows.push({ window, method: cells[1]!, brier, logScore });
  }
  if (rows.length === 0) return null;
  const paragraph = section.split(/\n\s*\n/).find((p) => p.startsWith('Mean Brier'));
  const summary = paragraph ? paragraph.replace(/\s*\n\s*/g, ' ').replace(/^(.*?\.)(\s.*)?$/, '$1').trim() : null;
  return { rows, summary, source };
}
