import { escapeControl, UsageError } from '../../core/errors.js';
import { checkObservationsFile, resolveDataPaths } from '../../data/load-dataset.js';
import type { CommandSpec, ParsedFlags } from '../args.js';
import { formatOf, jsonDocument, toCsv, type Io } from '../io.js';
import { FORMAT_FLAGS } from './shared.js';

export const validateSpec: CommandSpec = {
  name: 'validate',
  short: 'check a CSV against the format; list every problem',
  usage: 'targetcast validate FILE [--json|--csv]',
  summary: 'Check an observations CSV against the format and print every problem, one per line (FILE:LINE: column: problem). Exit 0 when valid, 2 when not.',
  flags: [
    ...FORMAT_FLAGS,
  ],
  examples: ['targetcast validate my-series.csv', 'targetcast validate my-region/'],
};

export async function runValidate(io: Io, flags: ParsedFlags, positionals: string[]): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined) throw new UsageError('validate: name the file to check (targetcast validate FILE)');
  if (extra.length > 0) throw new UsageError(`validate: takes one file, got ${positionals.length}`);
  const file = resolveDataPaths(path).observations;
  const result = await checkObservationsFile(file, false);
  const format = formatOf(flags);
  const where = (p: { line: number; column?: string }): string => `${file}:${p.line}: ${p.column ? `column '${p.column}': ` : ''}`;
  const { seriesCount } = result;
  const valid = result.problems.length === 0;
  if (format === 'json') {
    io.stdout(jsonDocument({ schemaVersion: 1, kind: 'validation', file, valid, observations: result.observationCount, series: seriesCount, problems: result.problems, warnings: result.warnings }, io.stamp ?? null));
  } else if (format === 'csv') {
    io.stdout(toCsv(['file', 'line', 'column', 'severity', 'message'], [
      ...result.problems.map((p) => [file, p.line, p.column, 'error', escapeControl(p.message)]),
      ...result.warnings.map((p) => [file, p.line, p.column, 'warning', escapeControl(p.message)]),
    ]));
  } else {
    // A problem quotes the file's text (a header name, a cell): its control characters and line
    // breaks are written as \xNN / \n, so each problem stays one line and cannot drive the terminal.
    for (const p of result.problems) io.stdout(`${escapeControl(`${where(p)}${p.message}`)}\n`);
    for (const w of result.warnings) io.stderr(`warning: ${escapeControl(`${where(w)}${w.message}`)}\n`);
    const summary = valid
      ? `${file}: valid (${result.observationCount} ${result.observationCount === 1 ? 'observation' : 'observations'}, ${seriesCount} series)`
      : `${file}: ${result.problems.length} problem${result.problems.length > 1 ? 's' : ''}`;
    io.stderr(`${escapeControl(summary)}\n`);
  }
  return valid ? 0 : 2;
}
