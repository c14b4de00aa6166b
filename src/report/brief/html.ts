/**
 * The brief as one self-contained HTML page: inline CSS, inline SVG charts, no script, no font,
 * image or style sheet fetched from anywhere (links to the sources are only followed if clicked).
 * Phone (≤ 640 px: tables become cards), desktop, and A4 print layouts.
 */
import type { Brief, BriefTargetRow } from './brief.js';
import { VERDICT_COLOURS } from './chart-specs.js';
import type { DrawnChart } from './charts.js';
import { verdictWord, word } from './strings.js';

/** Text for an HTML text node or a double-quoted attribute. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const URL_ONLY = /^https?:\/\/[^\s"<>]+$/;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

/** A source: a link when it is a URL, else its text. */
function sourceHtml(source: string): string {
  // The host as the link's text (a full URL would fill the column), the whole URL in its title.
  if (URL_ONLY.test(source)) return `<a href="${escapeHtml(source)}" title="${escapeHtml(source)}">${escapeHtml(hostOf(source))}</a>`;
  return escapeHtml(source);
}

const verdictClass = (v: string): string => `v v-${v.replace(/\s+/g, '-')}`;

function badge(verdict: string, text: string): string {
  return `<span class="${verdictClass(verdict)}">${escapeHtml(text)}</span>`;
}

const CSS = `
:root{--ink:#24292f;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--link:#0550ae}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
a{color:var(--link)}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}
.skip:focus{left:.5em}
header,main,footer{max-width:1120px;margin:0 auto;padding:0 24px}
header{padding-top:24px;border-bottom:1px solid var(--line)}
h1{font-size:1.9rem;line-height:1.2;margin:.2em 0}
h2{font-size:1.4rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
h3{font-size:1.15rem;margin:1.2em 0 .4em}
h4{font-size:1rem;margin:1em 0 .3em}
.subtitle{color:var(--muted);margin:0 0 1em}
.lead{font-size:1.1rem}
.tally{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:.6em 0}
.tally li{border:1px solid var(--line);border-radius:6px;padding:6px 10px;background:var(--soft)}
.tally b{font-size:1.3rem;margin-right:.3em}
.v{display:inline-block;color:#fff;border-radius:4px;padding:0 6px;font-size:.9em;font-weight:600;white-space:nowrap}
${Object.entries(VERDICT_COLOURS)
  .map(([v, c]) => `.v-${v.replace(/\s+/g, '-')}{background:${c}}`)
  .join('\n')}
.main-targets li{margin:.3em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.4em 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.when{white-space:nowrap}
table.targets{table-layout:fixed}
table.targets col.c-id{width:9%}table.targets col.c-target{width:24%}table.targets col.c-when{width:8%}table.targets col.c-goal{width:11%}
table.targets col.c-done{width:10%}table.targets col.c-p{width:8%}table.targets col.c-verdict{width:9%}table.targets col.c-doc{width:21%}
table.targets th[scope=row]{overflow-wrap:anywhere}
.doc{color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}
.wording{font-style:italic}
.note{color:var(--muted);font-size:.85rem}
figure{margin:1em 0 2em;break-inside:avoid;page-break-inside:avoid}
figure svg{display:block;width:100%;height:auto}
figcaption{color:var(--ink);font-size:.92rem;margin-top:.4em}
figcaption b{display:block;font-size:1rem}
.charts{display:grid;grid-template-columns:1fr;gap:0 32px}
@media (min-width:1000px){.charts{grid-template-columns:1fr 1fr}}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.prov dt{font-weight:600}
dl.prov dd{margin:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:anywhere}
pre{background:var(--soft);padding:8px;overflow-x:auto;white-space:pre-wrap}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2em;padding-top:1em;padding-bottom:2em}
@media (max-width:640px){
  header,main,footer{padding:0 14px}
  body{font-size:15px}
  h1{font-size:1.45rem}
  table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th{display:block;width:100%}
  table.cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 10px;padding:6px 8px}
  table.cards th[scope=row]{border:0;padding:2px 0;font-size:1rem}
  table.cards td{border:0;padding:2px 0;text-align:left}
  table.cards td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-weight:600}
  table.cards td.num{white-space:normal}
}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  header,main,footer{max-width:none;padding:0}
  .skip{display:none}
  .charts{display:block}
  figure svg{max-width:165mm !important}
  h2{break-after:avoid;page-break-after:avoid}
  tr,li{break-inside:avoid;page-break-inside:avoid}
  a{color:var(--ink);text-decoration:none}
}
`;

function targetTable(caption: string, rows: readonly BriefTargetRow[], lang: Brief['lang']): string {
  const h = (k: Parameters<typeof word>[0]) => escapeHtml(word(k, lang));
  const body = rows
    .map((r) => {
      const wording = lang === 'vi' && r.wording ? `<div class="wording" lang="vi">${escapeHtml(r.wording)}</div>` : '';
      const note = r.note ? `<div class="note">${escapeHtml(r.note)}</div>` : '';
      const proxy = r.proxy ? `<div class="note">${h('proxy')}</div>` : '';
      return (
        `<tr data-target="${escapeHtml(r.id)}" data-verdict="${escapeHtml(r.verdict)}" data-p="${r.probability === null ? '' : r.probability}">` +
        `<th scope="row">${escapeHtml(r.id)}</th>` +
        `<td data-label="${h('colTarget')}">${escapeHtml(r.indicator)}${wording}${proxy}${note}</td>` +
        `<td data-label="${h('colWhen')}" class="when">${escapeHtml(r.when)}</td>` +
        `<td data-label="${h('colGoal')}" class="num">${escapeHtml(r.goal)}</td>` +
        `<td data-label="${h('colDoneNeed')}" class="num">${escapeHtml(r.doneOrNeed)}</td>` +
        `<td data-label="${h('colP')}" class="num">${r.p ? `${escapeHtml(r.p)} <span class="note">${escapeHtml(r.pSe)}</span>` : ''}</td>` +
        `<td data-label="${h('colVerdict')}">${badge(r.verdict, r.verdictText)}</td>` +
        `<td data-label="${h('colDocument')}" class="doc">${escapeHtml(r.document)}<br>${h('source')}: ${sourceHtml(r.source)}</td>` +
        '</tr>'
      );
    })
    .join('\n');
  const head = ['colId', 'colTarget', 'colWhen', 'colGoal', 'colDoneNeed', 'colP', 'colVerdict', 'colDocument'] as const;
  const numeric = new Set(['colGoal', 'colDoneNeed', 'colP']);
  const cols = ['id', 'target', 'when', 'goal', 'done', 'p', 'verdict', 'doc'].map((c) => `<col class="c-${c}">`).join('');
  return `<table class="cards targets"><caption>${escapeHtml(caption)}</caption>\n<colgroup>${cols}</colgroup>\n<thead><tr>${head.map((k) => `<th scope="col"${numeric.has(k) ? ' class="num"' : ''}>${h(k)}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function simpleTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = [], cls = 'cards'): string {
  const th = headers.map((x, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(x)}</th>`).join('');
  const tr = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td data-label="${escapeHtml(headers[i]!)}"${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`))
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead>\n<tbody>\n${tr}\n</tbody></table>`;
}

/** The page: the brief laid out, with its charts drawn (in brief.charts order). */
export function renderHtml(brief: Brief, charts: readonly DrawnChart[]): string {
  const { lang } = brief;
  const w = (k: Parameters<typeof word>[0], v: Readonly<Record<string, string | number>> = {}) => escapeHtml(word(k, lang, v));
  const tallyOrder = ['met', 'missed', 'on track', 'at risk', 'off track', 'not judged'] as const;
  const tally = tallyOrder
    .filter((v) => brief.tally[v] > 0)
    .map((v) => `<li data-verdict="${v}"><b>${brief.tally[v]}</b>${badge(v, verdictWord(v, lang))}</li>`)
    .join('');
  const main = brief.main.length
    ? `<ul class="main-targets">${brief.main.map((m) => `<li data-targets="${escapeHtml(m.ids.join(' '))}" data-verdict="${escapeHtml(m.verdict)}" data-p="${m.probability ?? ''}">${badge(m.verdict, verdictWord(m.verdict, lang))} ${escapeHtml(m.text)}</li>`).join('\n')}</ul>`
    : `<p>${w('noMainTargets')}</p>`;
  const seeks = brief.seeks
    .map((s) => {
      if (s.error) return `<p class="note">${escapeHtml(s.error)}</p>`;
      const rows = s.rows.map((r) => [escapeHtml(r.label), escapeHtml(r.now), escapeHtml(r.needed), escapeHtml(r.p)]);
      return `<section class="seek" data-seek="${escapeHtml(s.targetId)}"><h4>${escapeHtml(s.heading)}</h4><p>${escapeHtml(s.intro)}</p>${simpleTable([word('lever', lang), word('now', lang), word('needed', lang), word('pThen', lang)], rows, [1, 2, 3], 'levers')}</section>`;
    })
    .join('\n');
  const drawn = new Map(charts.map((c) => [c.id, c.svg]));
  const figures = brief.charts
    .map((c) => `<figure id="chart-${escapeHtml(c.id)}" data-chart="${escapeHtml(c.id)}">${drawn.get(c.id) ?? ''}<figcaption><b>${escapeHtml(c.title)}</b>${escapeHtml(c.description)}</figcaption></figure>`)
    .join('\n');
  const comparison = brief.comparison
    ? `<h3>${w('comparisonTable')}</h3>${simpleTable(
        [word('colTarget', lang), ...brief.comparison.scenarios],
        brief.comparison.rows.map((r) => [escapeHtml(r.label), ...r.cells.map((c) => (c.p ? `${escapeHtml(c.p)} <span class="note">${escapeHtml(c.verdict)}</span>` : ''))]),
        brief.comparison.scenarios.map((_, i) => i + 1),
      )}${brief.comparison.failures.map((f) => `<p class="note">${escapeHtml(f)}</p>`).join('')}`
    : '';
  const tables = brief.targetTables.map((t) => targetTable(t.caption, t.rows, lang)).join('\n');
  const notFound = brief.notFound.length
    ? `<h3>${w('notFound')}</h3><ul>${brief.notFound.map((n) => `<li><b>${escapeHtml(n.id)}</b> ${escapeHtml(n.indicator)} (${escapeHtml(n.period)})</li>`).join('')}</ul>`
    : '';
  const a = brief.assumptions;
  const assumptions = a.rows.length
    ? simpleTable([word('colKey', lang), word('colValue', lang), word('colSource', lang)], a.rows.map((r) => [`${escapeHtml(r.label)} <code>${escapeHtml(r.key)}</code>`, escapeHtml(r.value), `<span class="doc">${sourceHtml(r.source)}</span>`]), [1])
    : `<p>${w('noAssumptions')}</p>`;
  const outlook = simpleTable(
    [word('colYear', lang), word('colGrowth', lang), word('col80', lang), word('col95', lang), word('colPerCapita', lang)],
    brief.outlook.map((o) => [o.year, escapeHtml(o.growth), escapeHtml(o.band80), escapeHtml(o.band95), escapeHtml(o.perCapita)]),
    [1, 2, 3, 4],
  );
  const bench = brief.benchmark
    ? `<p>${escapeHtml(brief.benchmark.intro)}</p>${simpleTable(
        [word('colWindow', lang), word('colMethod', lang), word('colBrier', lang), word('colLog', lang)],
        brief.benchmark.rows.map((r) => [escapeHtml(r.window), r.ours ? `<b>${escapeHtml(r.method)}</b>` : escapeHtml(r.method), escapeHtml(r.brier), escapeHtml(r.logScore)]),
        [2, 3],
        'bench',
      )}${brief.benchmark.summary ? `<p lang="en">${escapeHtml(brief.benchmark.summary)}</p>` : ''}<p class="note">${w('source')}: ${escapeHtml(brief.benchmark.source)}</p>`
    : `<p>${w('methodBenchmarkMissing')}</p>`;
  const prov = brief.provenance.map((p) => `<dt>${escapeHtml(p.label)}</dt><dd>${escapeHtml(p.value)}</dd>`).join('');
  const inputs = simpleTable(
    [word('colInput', lang), word('colFile', lang), 'sha256'],
    brief.inputs.map((i) => [escapeHtml(i.role), `<code>${escapeHtml(i.file)}</code>`, `<code>${escapeHtml(i.sha256)}</code>`]),
  );
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(brief.provenance[0]?.value ?? 'targetcast')}">
<title>${escapeHtml(brief.title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#answer">${w('skipLink')}</a>
<header>
<h1>${escapeHtml(brief.title)}</h1>
<p class="subtitle">${escapeHtml(brief.subtitle)}</p>
</header>
<main>
<section id="question">
<h2>${w('question')}</h2>
<p class="lead">${escapeHtml(brief.question)}</p>
</section>
<section id="answer">
<h2>${w('shortAnswer')}</h2>
<p class="lead">${escapeHtml(brief.counts)}</p>
<ul class="tally">${tally}</ul>
${brief.countsDetail.map((d) => `<p class="note">${escapeHtml(d)}</p>`).join('\n')}
<h3>${w('mainTargets')}</h3>
${main}
<h3>${w('whatItTakes')}</h3>
${seeks}${brief.seekNote ? `<p class="note">${escapeHtml(brief.seekNote)}</p>` : ''}
</section>
<section id="charts">
<h2>${w('charts')}</h2>
<div class="charts">
${figures}
</div>
${comparison}
</section>
<section id="targets">
<h2>${w('targetTable')}</h2>
<p>${escapeHtml(brief.targetIntro)}</p>
${tables}
${notFound}
</section>
<section id="assumptions">
<h2>${w('assumptions')}</h2>
<p>${escapeHtml(a.intro)}</p>
<p class="note">${escapeHtml(a.meanPath)}</p>
${assumptions}
<h3>${w('outlook')}</h3>
${outlook}
</section>
<section id="method">
<h2>${w('method')}</h2>
${brief.method.map((m) => `<p>${escapeHtml(m)}</p>`).join('\n')}
<h3>${w('methodBenchmark')}</h3>
${bench}
</section>
<section id="provenance">
<h2>${w('provenance')}</h2>
<dl class="prov">${prov}</dl>
<h3>${w('inputFiles')}</h3>
${inputs}
<h3>${w('reproduce')}</h3>
<pre><code>${escapeHtml(brief.command)}</code></pre>
</section>
</main>
<footer>${escapeHtml(brief.provenance[0]?.value ?? 'targetcast')}</footer>
</body>
</html>
`;
}
