/**
 * Regions installed with targetcast (data/<region>/region.json) and how `--region NAME|DIR`
 * finds one. The default region is named in data/regions.json, not in code.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.js';
import { readJsonFile } from '../data/load-dataset.js';
import { hasProfile, loadRegionProfile, type RegionProfile } from '../data/load-region.js';

/** The folder holding the shipped regions, in src/ and in dist/ alike. */
export const REGIONS_ROOT = fileURLToPath(new URL('../../data', import.meta.url));

/** Every installed region's profile, by id. */
export function listRegions(root = REGIONS_ROOT): RegionProfile[] {
  let names: string[] = [];
  try {
    names = readdirSync(root).sort();
  } catch {
    return [];
  }
  return names.map((n) => join(root, n)).filter(hasProfile).map(loadRegionProfile);
}

/** The region data/regions.json names as the default, or null when there is none. */
export function defaultRegionName(root = REGIONS_ROOT): string | null {
  try {
    const doc = readJsonFile(join(root, 'regions.json')) as { default?: unknown };
    return typeof doc.default === 'string' && doc.default !== '' ? doc.default : null;
  } catch {
    return null;
  }
}

const looksLikePath = (spec: string): boolean => isAbsolute(spec) || spec.startsWith('.') || spec.includes('/') || spec.includes('\\');

/**
 * `--region NAME|DIR`: an installed region's name, or a folder with a region.json.
 * @throws UsageError naming the installed regions when there is no such region
 */
export function findRegion(spec: string, root = REGIONS_ROOT): RegionProfile {
  if (looksLikePath(spec)) {
    if (!hasProfile(spec)) throw new UsageError(`--region ${spec}: no region.json in that folder (see targetcast regions, or use --data for a bare data set)`);
    return loadRegionProfile(resolve(spec));
  }
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(spec) || !hasProfile(join(root, spec))) {
    const known = listRegions(root).map((r) => r.id);
    throw new UsageError(`unknown region '${spec.replace(/[^\x20-\x7e]/g, '?').slice(0, 64)}' (installed: ${known.join(', ') || 'none'}; or give a folder with a region.json)`);
  }
  return loadRegionProfile(join(root, spec));
}
