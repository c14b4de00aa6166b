import { DataError, escapeControl } from '../core/errors.js';
import { checkSchema } from './json-schema.js';
import { SERIES_ROLES, type DatasetInfo, type PriceBasis, type SeriesKind, type SeriesMeta, type SeriesRole } from '../core/types.js';

const KINDS: readonly SeriesKind[] = ['level', 'rate', 'share'];
const PRICE_BASES: readonly PriceBasis[] = ['current', 'constant-2010', 'none'];

export interface MetadataFile {
  readonly info?: DatasetInfo;
  readonly series: ReadonlyMap<string, SeriesMeta>;
}

/**
 * Reads series.json: `{"dataset": {...}, "series": [{id, name_en, name_vi, unit, kind, price_basis, description}]}`.
 * Every problem is collected; the first few are thrown together as one DataError naming the field.
 * @throws DataError when the JSON is malformed or a field has the wrong type or value
 */
/** series.json `roles`: each a series id (the schema has checked the keys). */
function rolesOf(raw: Record<string, unknown>, file: string): Partial<Record<SeriesRole, string>> {
  const out: Partial<Record<SeriesRole, string>> = {};
  for (const [role, id] of Object.entries(raw)) {
    if (!(SERIES_ROLES as readonly string[]).includes(role)) throw new DataError(`dataset.roles.${role}: unknown role (allowed: ${SERIES_ROLES.join(', ')})`, { file });
    if (typeof id !== 'string' || id === '') throw new DataError(`dataset.roles.${role}: must be a series id`, { file });
    out[role as SeriesRole] = id;
  }
  return out;
}

export function parseSeriesMetadata(text: string, file: string): MetadataFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DataError(`is not valid JSON (${(e as Error).message})`, { file });
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { series?: unknown }).series)) {
    throw new DataError(`must be an object with a "series" array`, { file });
  }
  checkSchema(doc, 'series-metadata', file);
  const raw = doc as { dataset?: Record<string, unknown>; series: unknown[] };
  const problems: string[] = [];
  const series = new Map<string, SeriesMeta>();
  raw.series.forEach((entry, i) => {
    const where = `series[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where}: must be an object`);
      return;
    }
    const e = entry as Record<string, unknown>;
    const str = (key: string, required = true): string => {
      const v = e[key];
      // Names and units are printed on screen: no escape sequences, bells or line breaks.
      if (typeof v === 'string' && /[\u0000-\u001f\u007f-\u009f]/.test(v)) {
        problems.push(`${where}.${key}: "${escapeControl(v)}" contains control characters`);
        return '';
      }
      if (typeof v === 'string' && v.trim() !== '') return v;
      if (required || v !== undefined) problems.push(`${where}.${key}: must be a non-empty string`);
      return '';
    };
    const id = str('id');
    const kind = str('kind') as SeriesKind;
    if (kind && !KINDS.includes(kind)) problems.push(`${where}.kind: "${kind}" is not one of ${KINDS.join(', ')}`);
    const priceBasis = (e.price_basis === undefined ? 'none' : str('price_basis')) as PriceBasis;
    if (priceBasis && !PRICE_BASES.includes(priceBasis)) {
      problems.push(`${where}.price_basis: "${priceBasis}" is not one of ${PRICE_BASES.join(', ')}`);
    }
    if (id && series.has(id)) problems.push(`${where}.id: "${id}" is listed twice`);
    series.set(id, {
      id,
      nameEn: str('name_en'),
      nameVi: str('name_vi', false) || str('name_en'),
      unit: str('unit'),
      kind,
      priceBasis,
      description: str('description', false),
    });
  });
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DataError(`${problems[0]}${more}`, { file });
  }
  const d = raw.dataset;
  if (d !== undefined) {
    if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new DataError('dataset: must be an object', { file });
    const bases = d.bases;
    if (bases !== undefined && (typeof bases !== 'object' || bases === null || Array.isArray(bases) || !Object.values(bases).every((v) => typeof v === 'string'))) {
      throw new DataError('dataset.bases: must map each basis to its description (strings)', { file });
    }
    for (const key of ['id', 'name_en', 'name_vi', 'description', 'growth_series', 'current_basis']) {
      if (d[key] !== undefined && typeof d[key] !== 'string') throw new DataError(`dataset.${key}: must be a string`, { file });
    }
  }
  const text_ = (v: unknown): string => (typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ') : '');
  const info: DatasetInfo | undefined = d
    ? {
        id: text_(d.id),
        nameEn: text_(d.name_en),
        nameVi: text_(d.name_vi) || text_(d.name_en),
        description: text_(d.description),
        bases: typeof d.bases === 'object' && d.bases !== null ? (d.bases as Record<string, string>) : {},
        ...(text_(d.growth_series) ? { growthSeries: text_(d.growth_series) } : {}),
        ...(text_(d.current_basis) ? { currentBasis: text_(d.current_basis) } : {}),
        ...(typeof d.roles === 'object' && d.roles !== null && !Array.isArray(d.roles) ? { roles: rolesOf(d.roles as Record<string, unknown>, file) } : {}),
      }
    : undefined;
  return { info, series };
}
