/**
 * Reads a region profile (data/<region>/region.json, schema/region.v1.json): the region's names,
 * currency, bases and how they chain, its targets file and scenario folder, default horizons and
 * path count, and the sourced values of the assumptions every scenario shares.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Assumption } from '../scenarios/types.js';
import { checkSchema } from './json-schema.js';
import { displayPath, readJsonFile } from './load-dataset.js';

export interface RegionBasis {
  readonly id: string;
  readonly from: string | null;
  readonly until: string | null;
  readonly label: { readonly en: string; readonly vi: string } | null;
  readonly note: string | null;
}

export interface RegionProfile {
  readonly id: string;
  readonly name: { readonly en: string; readonly vi: string };
  readonly country: string | null;
  readonly currency: string | null;
  readonly description: string;
  readonly bases: readonly RegionBasis[];
  /** The observations (absolute): `data` of region.json, else the folder's observations.csv. */
  readonly data: string;
  /** Other region folders loaded with this one (absolute). */
  readonly include: readonly string[];
  /** How a merged territory's history before the merger is derived from its parts (none: not derived). */
  readonly proForma: { readonly basis: string; readonly parts: readonly string[]; readonly note: string | null } | null;
  /** Which reading of GDP per capita is the base of the US$ outlook, and why (default: published). */
  readonly perCapita: { readonly reading: 'published' | 'population'; readonly reason: string | null } | null;
  /** Partial-year figures and period averages (absolute), null when the region has none. */
  readonly context: string | null;
  /** The context file's series of published period averages of the growth series (e.g. "2021-2025": 11.39). */
  readonly periodAverages: string | null;
  /** Series nowcast from their partial-year figures in the context file (see src/app/nowcast.ts). */
  readonly nowcast: readonly { readonly series: string; readonly kind: 'rate' | 'level'; readonly partials: readonly { readonly series: string; readonly months: number }[] }[];
  /** The targets file (absolute), null when the region has none. */
  readonly targets: string | null;
  /** The region's own scenario folder (absolute), null when it has none. */
  readonly scenarios: string | null;
  readonly defaultScenario: string;
  /** Years the dashboard's `h` cycles through; empty: taken from the targets. */
  readonly horizons: readonly number[];
  readonly paths: number | null;
  readonly assumptions: Readonly<Record<string, Assumption>>;
  /** The folder and the profile file, for messages. */
  readonly dir: string;
  readonly file: string;
}

export const PROFILE_FILE = 'region.json';

/** Is `dir` a folder with a region profile? */
export function hasProfile(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && existsSync(join(dir, PROFILE_FILE));
  } catch {
    return false;
  }
}

type Words = { en: string; vi?: string };
type RawBasis = { id: string; from?: string; until?: string; label?: Words; note?: string };
type Raw = {
  id: string;
  name: Words;
  country?: string;
  currency?: string;
  description?: string;
  bases?: RawBasis[];
  data?: string;
  proForma?: { basis: string; parts: string[]; note?: string };
  perCapita?: { reading: 'published' | 'population'; reason?: string };
  context?: string;
  periodAverages?: string;
  nowcast?: { series: string; kind: 'rate' | 'level'; partials: { series: string; months: number }[] }[];
  include?: string[];
  targets?: string;
  scenarios?: string;
  defaultScenario?: string;
  horizons?: number[];
  paths?: number;
  assumptions?: Record<string, Assumption>;
};

/** @throws DataError naming region.json and the field */
export function loadRegionProfile(dir: string): RegionProfile {
  const file = join(dir, PROFILE_FILE);
  const raw = readJsonFile(file);
  checkSchema(raw, 'region', file);
  const d = raw as Raw;
  const shown = displayPath(file);
  const inside = (rel: string, field: string, kind: 'file' | 'dir'): string => {
    const abs = resolve(dir, rel);
    let ok = false;
    try {
      ok = kind === 'file' ? statSync(abs).isFile() : statSync(abs).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new DataError(`${field}: "${rel}" is not a ${kind === 'file' ? 'file' : 'folder'} beside region.json`, { file: shown });
    return abs;
  };
  const horizons = [...(d.horizons ?? [])];
  if (horizons.some((y, i) => i > 0 && y <= horizons[i - 1]!)) throw new DataError('horizons: must be years in increasing order', { file: shown });
  for (const [key, a] of Object.entries(d.assumptions ?? {})) {
    if (a.min > a.max || a.value < a.min || a.value > a.max) throw new DataError(`assumptions.${key}: value ${a.value} must lie within min ${a.min} and max ${a.max}`, { file: shown });
  }
  return {
    id: d.id,
    name: { en: d.name.en, vi: d.name.vi ?? d.name.en },
    country: d.country ?? null,
    currency: d.currency ?? null,
    description: d.description ?? '',
    bases: (d.bases ?? []).map((b) => ({ id: b.id, from: b.from ?? null, until: b.until ?? null, label: b.label ? { en: b.label.en, vi: b.label.vi ?? b.label.en } : null, note: b.note ?? null })),
    data: d.data ? inside(d.data, 'data', 'file') : resolve(dir),
    include: (d.include ?? []).map((rel, i) => {
      const abs = inside(rel, `include[${i}]`, 'dir');
      if (!hasProfile(abs)) throw new DataError(`include[${i}]: "${rel}" has no region.json`, { file: shown });
      return abs;
    }),
    proForma: d.proForma ? { basis: d.proForma.basis, parts: d.proForma.parts, note: d.proForma.note ?? null } : null,
    perCapita: d.perCapita ? { reading: d.perCapita.reading, reason: d.perCapita.reason ?? null } : null,
    context: d.context ? inside(d.context, 'context', 'file') : null,
    nowcast: d.nowcast ?? [],
    periodAverages: d.periodAverages ?? null,
    targets: d.targets ? inside(d.targets, 'targets', 'file') : null,
    scenarios: d.scenarios ? inside(d.scenarios, 'scenarios', 'dir') : null,
    defaultScenario: d.defaultScenario ?? 'baseline',
    horizons,
    paths: d.paths ?? null,
    assumptions: d.assumptions ?? {},
    dir: resolve(dir),
    file: shown,
  };
}
