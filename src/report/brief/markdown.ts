/**
 * The brief as Markdown (GitHub-flavoured tables): the same sections as the HTML page; the charts
 * are left out with a note (Markdown viewers do not draw inline SVG) and their figures are in the
 * outlook and comparison tables.
 */
import type { Brief } from './brief.js';
import { verdictWord, word } from './strings.js';

/** A table cell: one line, pipes escaped. */
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const rule = headers.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [headers, rule, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

export function renderMarkdown(brief: Brief): string {
  const { lang } = brief;
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);
  const out: string[] = [`# ${brief.title}`, '', `_${brief.subtitle}_`, '', `## ${w('question')}`, '', brief.question, '', `## ${w('shortAnswer')}`, '', brief.counts, ''];
  for (const d of brief.countsDetail) out.push(d, '');
  out.push(`### ${w('mainTargets')}`, '');
  if (brief.main.length === 0) out.push(w('noMainTargets'), '');
  for (const m of brief.main) out.push(`- **${verdictWord(m.verdict, lang)}**: ${m.text}`);
  if (brief.main.length) out.push('');
  out.push(`### ${w('whatItTakes')}`, '');
  for (const s of brief.seeks) {
    if (s.error) {
      out.push(s.error, '');
      continue;
    }
    out.push(`#### ${s.heading}`, '', s.intro, '', table([w('lever'), w('now'), w('needed'), w('pThen')], s.rows.map((r) => [r.label, r.now, r.needed, r.p]), [1, 2, 3]), '');
  }
  if (brief.seekNote) out.push(brief.seekNote, '');
  out.push(`## ${w('charts')}`, '', w('chartsOmitted'), '');
  for (const c of brief.charts) out.push(`- **${c.title}**: ${c.description}`);
  out.push('');
  if (brief.comparison) {
    out.push(
      `### ${w('comparisonTable')}`,
      '',
      table([w('colTarget'), ...brief.comparison.scenarios], brief.comparison.rows.map((r) => [r.label, ...r.cells.map((c) => (c.p ? `${c.p} ${c.verdict}` : ''))]), brief.comparison.scenarios.map((_, i) => i + 1)),
      '',
    );
    for (const f of brief.comparison.failures) out.push(f, '');
  }
  out.push(`## ${w('targetTable')}`, '', brief.targetIntro, '');
  for (const t of brief.targetTables) {
    out.push(`**${t.caption}**`, '');
    out.push(
      table(
        [w('colId'), w('colTarget'), w('colWhen'), w('colGoal'), w('colDoneNeed'), w('colP'), w('colVerdict'), w('colDocument')],
        t.rows.map((r) => [
          r.id,
          [r.indicator, lang === 'vi' && r.wording ? `_${r.wording}_` : '', r.proxy ? `(${w('proxy')})` : '', r.note ?? ''].filter(Boolean).join('<br>'),
          r.when,
          r.goal,
          r.doneOrNeed,
          r.p ? `${r.p} ${r.pSe}` : '',
          r.verdictText,
          `${r.document}<br>${w('source')}: ${r.source}`,
        ]),
        [3, 4, 5],
      ),
      '',
    );
  }
  if (brief.notFound.length) {
    out.push(`### ${w('notFound')}`, '');
    for (const n of brief.notFound) out.push(`- **${n.id}** ${n.indicator} (${n.period})`);
    out.push('');
  }
  const a = brief.assumptions;
  out.push(`## ${w('assumptions')}`, '', a.intro, '', a.meanPath, '');
  out.push(a.rows.length ? table([w('colKey'), w('colValue'), w('colSource')], a.rows.map((r) => [`${r.label} (\`${r.key}\`)`, r.value, r.source]), [1]) : w('noAssumptions'), '');
  out.push(`### ${w('outlook')}`, '', table([w('colYear'), w('colGrowth'), w('col80'), w('col95'), w('colPerCapita')], brief.outlook.map((o) => [o.year, o.growth, o.band80, o.band95, o.perCapita]), [1, 2, 3, 4]), '');
  out.push(`## ${w('method')}`, '');
  for (const m of brief.method) out.push(m, '');
  out.push(`### ${w('methodBenchmark')}`, '');
  if (brief.benchmark) {
    out.push(brief.benchmark.intro, '', table([w('colWindow'), w('colMethod'), w('colBrier'), w('colLog')], brief.benchmark.rows.map((r) => [r.window, r.ours ? `**${r.method}**` : r.method, r.brier, r.logScore]), [2, 3]), '');
    if (brief.benchmark.summary) out.push(brief.benchmark.summary, '');
    out.push(`${w('source')}: ${brief.benchmark.source}`, '');
  } else {
    out.push(w('methodBenchmarkMissing'), '');
  }
  out.push(`## ${w('provenance')}`, '');
  for (const p of brief.provenance) out.push(`- ${p.label}: ${p.value}`);
  out.push('', table([w('colInput'), w('colFile'), 'sha256'], brief.inputs.map((i) => [i.role, `\`${i.file}\``, `\`${i.sha256}\``])), '', `${w('reproduce')}:`, '', '```', brief.command, '```', '');
  return out.join('\n');
}
