// Issue 15: `targetcast report`, the brief. Its numbers are the targets command's (same inputs,
// same seed), it is byte-identical across reruns with --no-timestamp, it stands alone (no request
// leaves the page), and a user's own region (no profile, no basis, no Vietnamese) works the same.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVerdictBenchmark } from '../../src/report/brief/benchmark.js';
import { localNumber } from '../../src/report/brief/brief.js';
import { VERDICT_COLOURS } from '../../src/report/brief/chart-specs.js';
import { runCli } from '../cli/run-cli.js';
import { writeChileRegion } from '../fixtures/chile-region.js';

const dir = mkdtempSync(join(tmpdir(), 'targetcast-brief-'));
// Fewer paths than the default keep the suite quick; P is still read off the same seeded paths.
const ENGINE = ['--seed', '7', '--paths', '2000'];

/** Every target row of the page: id → [P as the data-p attribute, verdict]. */
function rowsOf(html: string): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const m of html.matchAll(/<tr data-target="([^"]+)" data-verdict="([^"]+)" data-p="([^"]*)">/g)) rows.set(m[1]!, [m[3]!, m[2]!]);
  return rows;
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours: (L1 + 0.05) / (L2 + 0.05) of their relative luminances. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TIDY = ['/usr/bin/tidy', '/usr/local/bin/tidy'].find((p) => existsSync(p)) ?? null;

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('targetcast report on the shipped region', () => {
  const html = join(dir, 'brief.html');
  // The same file name in another folder: the reproduce line names the file.
  const again = join(mkdtempSync(join(tmpdir(), 'targetcast-brief-again-')), 'brief.html');
  const md = join(dir, 'brief.md');
  const runs = Promise.all([
    runCli(['report', ...ENGINE, '--no-timestamp', '--out', html]),
    runCli(['report', ...ENGINE, '--no-timestamp', '--out', again]),
    runCli(['targets', ...ENGINE, '--all', '--json', '--no-timestamp']),
    runCli(['report', ...ENGINE, '--no-timestamp', '--out', md]),
  ]);

  it('gives every target the P and verdict `targets --json` gives it', async () => {
    const [report, , targets] = await runs;
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const json = JSON.parse(targets.stdout);
    const page = readFileSync(html, 'utf8');
    const rows = rowsOf(page);
    expect(rows.size).toBe(json.targets.length);
    for (const t of json.targets) {
      expect(rows.get(t.id), t.id).toEqual([t.probability === null ? '' : String(t.probability), t.verdict]);
    }
    // The tally is the official (non-proxy) targets' verdicts counted.
    const official = json.targets.filter((t: any) => !t.proxy);
    for (const v of ['met', 'missed', 'off track']) {
      const n = official.filter((t: any) => t.verdict === v).length;
      if (n > 0) expect(page).toContain(`<li data-verdict="${v}"><b>${n}</b>`);
    }
    // Provenance: the input's sha256 and the seed the targets document records.
    expect(page).toContain(json.input.sha256);
    expect(page).toMatch(/<dt>Seed<\/dt><dd>7<\/dd>/);
    expect(page).toContain('not recorded (--no-timestamp)');
  });

  it('puts the question and short answer first, then charts, targets, assumptions, method, provenance', async () => {
    await runs;
    const page = readFileSync(html, 'utf8');
    const order = ['id="question"', 'id="answer"', 'id="charts"', 'id="targets"', 'id="assumptions"', 'id="method"', 'id="provenance"'].map((s) => page.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // What it would take: goal-seek tables for the main open targets below the on-track line.
    expect(page).toMatch(/<section class="seek" data-seek="[^"]+">/);
    // Every chart is an inline SVG with a title and description (its alt text) and role img.
    const figures = [...page.matchAll(/<figure id="chart-([\w-]+)" data-chart="[\w-]+"><svg role="img" aria-label="([^"]+)"[^>]*><title>\2<\/title><desc>[^<]+<\/desc>/g)];
    expect(figures.map((f) => f[1])).toEqual(expect.arrayContaining(['growth', 'per-capita', 'scenarios']));
    expect(figures.length).toBe([...page.matchAll(/<figure /g)].length);
    // The benchmark's scores are the README's, quoted.
    const bench = parseVerdictBenchmark(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'), 'README.md')!;
    expect(bench.rows.length).toBeGreaterThan(0);
    expect(page).toContain(`>${bench.rows[0]!.brier.toFixed(4)}<`);
  });

  it('is byte-identical across two runs with --no-timestamp and the same seed', async () => {
    await runs;
    expect(readFileSync(again).equals(readFileSync(html))).toBe(true);
  });

  it('stands alone: no script, style sheet, image, font or frame is fetched', async () => {
    await runs;
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b/i);
    expect(page).not.toMatch(/\burl\(|@import/i);
    // SVG may name its namespaces; nothing else in it points anywhere.
    expect(page.replace(/xmlns(:xlink)?="[^"]+"/g, '')).not.toMatch(/\b(src|xlink:href)=/i);
    // Every href is a link to a source (followed only if clicked) or an anchor on the page.
    for (const m of page.matchAll(/href="([^"]*)"/g)) expect(unescapeHtml(m[1]!)).toMatch(/^(https?:\/\/|#)/);
  });

  it('is well-formed for assistive technology: unique ids, scoped headers, a language, contrast', async () => {
    await runs;
    const page = readFileSync(html, 'utf8');
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // Every header cell says what it heads (WCAG 1.3.1); every table has a header row.
    expect([...page.matchAll(/<th(?=[\s>])(?![^>]*\sscope="(col|row)")[^>]*>/g)].map((m) => m[0])).toEqual([]);
    expect([...page.matchAll(/<table/g)].length).toBe([...page.matchAll(/<thead>/g)].length);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    // White text on each verdict colour, and the muted text on white, reach WCAG AA's 4.5:1.
    for (const colour of [...Object.values(VERDICT_COLOURS), '#57606a']) expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
  });

  it.skipIf(!TIDY)(`passes HTML Tidy's checks${TIDY ? '' : ' (skipped: no tidy on PATH; apt-get install tidy)'}`, async () => {
    await runs;
    // tidy -e: errors and warnings only; exit 0 clean, 1 warnings, 2 errors.
    const r = spawnSync(TIDY!, ['-q', '-e', html], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('writes the same targets and figures as Markdown, charts left out with a note', async () => {
    const [, , targets, markdown] = await runs;
    expect(markdown.code).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text.startsWith('# Can Hai Phong still reach its targets?')).toBe(true);
    expect(text).toContain('Charts are in the HTML brief');
    const json = JSON.parse(targets.stdout);
    for (const t of json.targets.filter((x: any) => x.status !== 'not judged')) expect(text).toMatch(new RegExp(`^\\| ${t.id} \\|`, 'm'));
  });
});

describe('targetcast report --lang vi', () => {
  it('speaks Vietnamese, with the targets\' own wording', async () => {
    const out = join(dir, 'vi.html');
    const r = await runCli(['report', ...ENGINE, '--lang', 'vi', '--no-timestamp', '--out', out]);
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Hải Phòng có thể đạt các mục tiêu không?');
    expect(page).toContain('Trả lời ngắn');
    expect(page).toMatch(/class="wording" lang="vi">[^<]*\p{Script=Latin}/u);
    expect(page).toContain('chệch hướng');
  });
});

describe('targetcast report refuses without harm', () => {
  it('needs --out, and leaves an existing file untouched when it fails', async () => {
    const kept = join(dir, 'kept.html');
    writeFileSync(kept, 'previous brief');
    const [noOut, bad] = await Promise.all([runCli(['report']), runCli(['report', '--scenario', 'no-such-scenario', '--out', kept])]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^targetcast: report: --out FILE is required/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown scenario 'no-such-scenario'/);
    expect(readFileSync(kept, 'utf8')).toBe('previous brief');
    expect(readdirSync(dir).filter((f) => f.startsWith('.kept.html.'))).toEqual([]);
  });
});

describe('targetcast report for a region of your own', () => {
  // Chile's real GDP growth 1997-2011 from Penn World Table 9.1 (bench/data/pwt-growth-1951-2011.csv),
  // the fixture of test/targets/own-region.test.ts: no basis column, no series.json, no profile.
  const { dir: own, data, targetsFile } = writeChileRegion('targetcast-brief-own-');

  it('judges its targets as `targets` does, with the growth chart and a note where levers cannot run', async () => {
    const out = join(own, 'brief.html');
    const args = ['--data', data, '--targets', targetsFile, ...ENGINE];
    const [report, targets] = await Promise.all([runCli(['report', ...args, '--no-timestamp', '--out', out]), runCli(['targets', ...args, '--all', '--json'])]);
    // The one line on stderr is the loader's warning that the CSV has no series.json beside it.
    expect(report.stderr).toMatch(/^(warning: [^\n]*no chile\.series\.json[^\n]*\n)?$/);
    expect(report.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    const json = JSON.parse(targets.stdout);
    const rows = rowsOf(page);
    expect([...rows.keys()].sort()).toEqual(['CL-0', 'CL-1']);
    for (const t of json.targets) expect(rows.get(t.id)).toEqual([t.probability === null ? '' : String(t.probability), t.verdict]);
    // The title names the data (no profile): its file's name.
    expect(page).toContain('<h1>Can chile still reach its targets?</h1>');
    expect(page).toContain('data-chart="growth"');
    // No US$ per capita in this data: no per-capita chart rather than an empty one.
    expect(page).not.toContain('data-chart="per-capita"');
    expect(page).toContain(json.input.sha256);
  });
});

describe('brief helpers', () => {
  it.each([
    ['10.2%', '10,2%'],
    ['11,247 US$', '11.247 US$'],
    ['2026-2030 ≥ 13 %/yr', '2026-2030 ≥ 13 %/yr'],
    ['-0.52 pp/yr', '-0,52 pp/yr'],
  ])('writes %s as %s in Vietnamese', (en, vi) => {
    expect(localNumber(en, 'vi')).toBe(vi);
    expect(localNumber(en, 'en')).toBe(en);
  });

  it('reads the verdict table, carrying the window down blank cells (README layout)', () => {
    const md = [
      '## How good is P? The verdict benchmark',
      '',
      '| window | method | Brier | log score | bins |',
      '|---|---|---|---|---|',
      '| 2011 (540 targets) | **targetcast, panel prior** | **0.2081** | **0.606** | x |',
      '| | R ets | 0.2168 | 0.668 | y |',
      '',
      'Mean Brier over the three windows: 0.1881 (panel prior), R ets 0.2306: 18.4% below R ets. More text.',
      '',
      '## Next',
      '| 1999 | other | 0.5 | 0.5 | z |',
    ].join('\n');
    const b = parseVerdictBenchmark(md, 'README.md')!;
    expect(b.rows).toEqual([
      { window: '2011 (540 targets)', method: 'targetcast, panel prior', brier: 0.2081, logScore: 0.606 },
      { window: '2011 (540 targets)', method: 'R ets', brier: 0.2168, logScore: 0.668 },
    ]);
    expect(b.summary).toBe('Mean Brier over the three windows: 0.1881 (panel prior), R ets 0.2306: 18.4% below R ets.');
    expect(parseVerdictBenchmark('# nothing here', 'README.md')).toBeNull();
  });
});
