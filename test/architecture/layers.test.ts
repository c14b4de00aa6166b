// Issue 12: the architecture as the README's Development section describes it. Imports only go
// down the layers; nothing imports in a circle; and no region's specifics (ids, bases, names,
// currency) sit in code: they live in data/<region>/ (region.json, series.json, targets.json).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every relative import of a source file, resolved to a source file (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '')).map((p) => [`${p}.ts`, `${p}.tsx`].find((f) => { try { return statSync(f).isFile(); } catch { return false; } }) ?? p);
}

/** The layer of a source file: its folder under src/ (src/cli.ts is the entry, the top). */
const layerOf = (file: string): string => {
  const rel = relative(SRC, file);
  return rel.includes('/') ? rel.split('/')[0]! : 'entry';
};

// Lowest first. A file may import its own layer and any layer below it. The data adapter reads
// files for everything above the pure layers; cli sits above tui because it launches it.
const ORDER = ['core', 'models', 'evaluate', 'scenarios', 'targets', 'data', 'report', 'app', 'tui', 'cli', 'entry'];
// scenarios and targets are one level (targets/scenarios in the design): either may use the other's types and math.
const SAME_LEVEL: ReadonlyArray<readonly [string, string]> = [['scenarios', 'targets'], ['targets', 'scenarios']];

const all = files(SRC);

describe('layers', () => {
  it('every import goes to the same layer or a lower one', () => {
    const upward: string[] = [];
    for (const f of all) {
      const from = layerOf(f);
      for (const target of importsOf(f)) {
        const to = layerOf(target);
        if (!ORDER.includes(to) || !ORDER.includes(from)) continue;
        if (SAME_LEVEL.some(([a, b]) => a === from && b === to)) continue;
        if (ORDER.indexOf(to) > ORDER.indexOf(from)) upward.push(`${relative(SRC, f)} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no import circle between files', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f).filter((t) => all.includes(t))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('the pure layers import no Ink, React, fs, process or clock', () => {
    const offenders: string[] = [];
    for (const f of all.filter((x) => ['core', 'models', 'evaluate', 'scenarios', 'targets', 'report'].includes(layerOf(x)))) {
      const code = stripComments(readFileSync(f, 'utf8'));
      if (/from '(ink|react|node:fs|fs|node:child_process)'/.test(code) || /\bprocess\.|\bDate\.now\(|new Date\(\)/.test(code)) offenders.push(relative(SRC, f));
    }
    expect(offenders).toEqual([]);
  });
});

/** Code without its comments (a comment may cite a region's figures as a worked example). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

// What would tie code to one region: its ids and names, its bases, its series ids, its currency.
const REGION_CONSTANTS = /haiphong|hai ?phong|hải phòng|haiduong|hai[- ]?duong|hải dương|pre-merger|'merged'|grdp_|total_social_investment|\bVND\b/i;

describe('no region constant in code', () => {
  it.each(['report', 'targets', 'scenarios', 'models', 'cli', 'tui', 'app'])('src/%s', (layer) => {
    const found: string[] = [];
    for (const f of all.filter((x) => layerOf(x) === layer)) {
      stripComments(readFileSync(f, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (REGION_CONSTANTS.test(line)) found.push(`${relative(SRC, f)}:${i + 1}: ${line.trim().slice(0, 100)}`);
        });
    }
    expect(found).toEqual([]);
  });
});
