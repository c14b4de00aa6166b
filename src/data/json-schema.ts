/**
 * Input files checked against their JSON Schemas (schema/*.v1.json) with ajv: the one place that
 * knows ajv. A problem reaches the user as `FILE: path: problem` (the first, and how many more).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DataError, escapeControl } from '../core/errors.js';

type ErrorObject = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown>; data?: unknown };
type Validate = ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };
type AjvInstance = { compile: (schema: object) => Validate };

const require = createRequire(import.meta.url);
const compiled = new Map<string, Validate>();

function validator(name: string): Validate {
  let v = compiled.get(name);
  if (!v) {
    const Ajv = require('ajv') as new (options: object) => AjvInstance;
    const addFormats = require('ajv-formats') as (ajv: AjvInstance) => void;
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}.v1.json`, import.meta.url)), 'utf8')) as object;
    v = ajv.compile(schema);
    compiled.set(name, v);
  }
  return v;
}

/** `/targets/3/year` → `targets[3].year` (the path as a reader of the file names it). */
function readablePath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

const TYPE_WORDS: Readonly<Record<string, string>> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'null' };

function describe(e: ErrorObject): string {
  const at = readablePath(e.instancePath);
  const shown = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at ? `${at}.` : ''}${String(e.params.additionalProperty)}: unknown key`;
    case 'required':
      return `${at ? `${at}.` : ''}${String(e.params.missingProperty)}: is required`;
    case 'enum':
      return `${at || '(top)'}: ${shown(e.data)} is not one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `${at || '(top)'}: must be ${String(e.params.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
    case 'maximum':
    case 'minimum':
      return `${at || '(top)'}: ${shown(e.data)} is ${e.keyword === 'maximum' ? 'above' : 'below'} ${String(e.params.limit)}`;
    default:
      return `${at || '(top)'}: ${e.message ?? e.keyword}`;
  }
}

/**
 * @throws DataError `FILE: path: problem (and N more)` when `doc` does not match schema/NAME.v1.json
 */
export function checkSchema(doc: unknown, name: 'targets-file' | 'series-metadata' | 'region', file: string): void {
  const v = validator(name);
  if (v(doc)) return;
  // oneOf reports each branch's failure too (a year that is not a year is also "not null"): keep
  // the failures of the branch that fits the value's type, one per path.
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'type' && e.params.type === 'null' && e.data !== null));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of errors) {
    const line = describe(e);
    const key = readablePath(e.instancePath);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  const first = lines[0] ?? 'does not match its schema';
  throw new DataError(escapeControl(`${first}${lines.length > 1 ? ` (and ${lines.length - 1} more)` : ''}`), { file });
}
