// The JSON contract: every --json document the BUILT program prints validates against its
// schema in schema/<kind>.v1.json, and the schemas can fail (a removed or renamed field is caught).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './run-cli.js';

// ajv and ajv-formats are CommonJS: under ESM the default import is module.exports, whose
// `default` is the class / plugin (the typings say the same under NodeNext).
type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

const KINDS = ['data', 'observations', 'validation', 'forecast', 'backtest', 'targets', 'goal-seek', 'sensitivity', 'error'] as const;
type Kind = (typeof KINDS)[number];
type Json = Record<string, any>;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schemas = new Map<Kind, Json>();
for (const kind of KINDS) {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', `${kind}.v1.json`), 'utf8')) as Json;
  schemas.set(kind, schema);
  ajv.addSchema(schema);
}

/** ajv's verdict on a document: null when valid, else its errors as text. */
function errorsOf(kind: Kind, doc: unknown): string | null {
  const validate = ajv.getSchema(`https://targetcast.dev/schema/${kind}.v1.json`);
  if (!validate) throw new Error(`schema ${kind} not loaded`);
  if (validate(doc)) return null;
  return ajv.errorsText(validate.errors, { dataVar: kind, separator: '\n' });
}

function expectValid(kind: Kind, doc: unknown): void {
  const errors = errorsOf(kind, doc);
  if (errors !== null) throw new Error(`${kind} document does not match schema/${kind}.v1.json:\n${errors}`);
}

/** The schema rejects the document, and ajv's errors name every breakage (in any order). */
function expectInvalid(kind: Kind, doc: unknown, ...patterns: RegExp[]): void {
  const errors = errorsOf(kind, doc);
  expect(errors, `${kind} schema accepted a broken document`).not.toBeNull();
  for (const pattern of patterns) expect(errors).toMatch(pattern);
}

// Each command runs once; the positive and the negative tests (which run concurrently) share
// its output, so the cache holds the run itself, started by whichever test asks first.
const runs = new Map<string, Promise<CliResult>>();
function run(args: string[]): Promise<CliResult> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, runCli(args));
  return runs.get(key)!;
}

/** Runs the command, checks its exit code and that stdout is exactly one JSON document of that kind. */
async function documentOf(args: string[], kind: Kind, code = 0): Promise<Json> {
  const r = await run(args);
  expect(r.code, r.stderr).toBe(code);
  const doc = JSON.parse(r.stdout) as Json;
  expect(doc.kind).toBe(kind);
  return doc;
}

const clone = <T>(x: T): T => structuredClone(x);

let dir: string;
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
let badCsv: string;
let mixCsv: string;
let lonelyCsv: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'targetcast-schema-'));
  badCsv = file('bad.csv', 'series,year,value\ngdp,2020,"10,34"\n');
  // gdp can be forecast (too short to backtest: null metrics); lonely cannot (one year: a failure).
  mixCsv = file('mix.csv', 'series,year,value\ngdp,2015,1\ngdp,2016,2\ngdp,2017,2.5\ngdp,2018,3.1\ngdp,2019,3.3\ngdp,2020,4\nlonely,2020,5\n');
  lonelyCsv = file('lonely.csv', 'series,year,value\nlonely,2020,5\n');
});

describe('schema files', () => {
  it.each(KINDS)('%s.v1.json is a draft-07 schema with its $id, const kind and const schemaVersion 1', (kind) => {
    const s = schemas.get(kind)!;
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(s.$id).toBe(`https://targetcast.dev/schema/${kind}.v1.json`);
    expect(s.title).toEqual(expect.any(String));
    expect(s.description).toEqual(expect.any(String));
    expect(s.properties.kind.const).toBe(kind);
    expect(s.properties.schemaVersion.const).toBe(1);
    expect(s.required).toEqual(expect.arrayContaining(['schemaVersion', 'kind']));
    expect(s.required).not.toContain('generatedAt');
  });

  it.each(KINDS)('%s.v1.json: every object is open (additionalProperties true) and every property is described', (kind) => {
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((n, i) => walk(n, `${path}[${i}]`));
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const n = node as Json;
      const types = ([] as unknown[]).concat(n.type ?? []);
      if (types.includes('object') && n.properties) expect(n.additionalProperties, `${path} must allow additional properties`).toBe(true);
      if (n.properties) {
        for (const [name, p] of Object.entries(n.properties as Json)) {
          expect((p as Json).description, `${path}.${name} has no description`).toEqual(expect.any(String));
        }
        for (const r of (n.required ?? []) as string[]) expect(Object.keys(n.properties), `${path} requires ${r} but does not define it`).toContain(r);
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'enum' && k !== 'const') walk(v, `${path}.${k}`);
    };
    walk(schemas.get(kind), kind);
  });
});

describe.concurrent('the CLI output matches its schema', () => {
  it('data --json', async () => {
    expectValid('data', await documentOf(['data', '--json'], 'data'));
  });

  it('data --json --no-timestamp leaves generatedAt out and still matches', async () => {
    const doc = await documentOf(['data', '--json', '--no-timestamp'], 'data');
    expect(doc).not.toHaveProperty('generatedAt');
    expectValid('data', doc);
  });

  it('data show grdp_growth_real --json (observations)', async () => {
    const doc = await documentOf(['data', 'show', 'grdp_growth_real', '--json'], 'observations');
    // Hai Phong's pre-merger and merged parts, and the former Hai Duong province's (the region includes data/haiduong).
    expect(doc.series.length).toBe(3);
    expectValid('observations', doc);
  });

  it('validate data/haiphong --json (valid)', async () => {
    const doc = await documentOf(['validate', 'data/haiphong', '--json'], 'validation');
    expect(doc.valid).toBe(true);
    expectValid('validation', doc);
  });

  it('validate on a bad CSV --json: exit 2, problems listed', async () => {
    const doc = await documentOf(['validate', badCsv, '--json'], 'validation', 2);
    expect(doc.valid).toBe(false);
    expect(doc.problems).toHaveLength(1);
    expectValid('validation', doc);
  });

  it('forecast --json (shipped data: entries and failures)', async () => {
    const doc = await documentOf(['forecast', '--json'], 'forecast');
    expect(doc.series.length).toBeGreaterThan(0);
    expect(doc.failures.length).toBeGreaterThan(0);
    expectValid('forecast', doc);
  });

  it('forecast --data bench/data/m1-yearly-train.csv --horizon 6 --json (no metadata: null name/unit)', async () => {
    const doc = await documentOf(['forecast', '--data', 'bench/data/m1-yearly-train.csv', '--horizon', '6', '--json'], 'forecast');
    expect(doc.series[0].name).toBeNull();
    expectValid('forecast', doc);
  });

  it('forecast --to on a small CSV: steps null, a failure, NaN backtest metrics as null', async () => {
    const doc = await documentOf(['forecast', '--data', mixCsv, '--to', '2023', '--json'], 'forecast');
    expect(doc.horizon).toEqual({ steps: null, toYear: 2023 });
    expect(doc.failures.map((f: Json) => f.key)).toEqual(['lonely']);
    expect(doc.series[0].backtest.mase).toBeNull();
    expectValid('forecast', doc);
  });

  it('forecast where every series fails: exit 1, series [] and the document still matches', async () => {
    const doc = await documentOf(['forecast', '--data', lonelyCsv, '--json'], 'forecast', 1);
    expect(doc.series).toEqual([]);
    expectValid('forecast', doc);
  });

  it('backtest --series grdp_growth_real@pre-merger --json', async () => {
    expectValid('backtest', await documentOf(['backtest', '--series', 'grdp_growth_real@pre-merger', '--json'], 'backtest'));
  });

  it('backtest on series too short to score: NaN metrics and best as null', async () => {
    const doc = await documentOf(['backtest', '--data', mixCsv, '--json'], 'backtest');
    expect(doc.series[0].best).toBeNull();
    expect(doc.series[0].models[0].smape).toBeNull();
    expectValid('backtest', doc);
  });

  it('targets --json --paths 300', async () => {
    expectValid('targets', await documentOf(['targets', '--json', '--paths', '300'], 'targets'));
  });

  it('targets --json --paths 300 --all (not-judged targets too)', async () => {
    const doc = await documentOf(['targets', '--json', '--paths', '300', '--all'], 'targets');
    expect(doc.targets.some((t: Json) => t.status === 'not judged')).toBe(true);
    expectValid('targets', doc);
  });

  it('scenario investment-push --json --paths 300 (same kind as targets)', async () => {
    expectValid('targets', await documentOf(['scenario', 'investment-push', '--json', '--paths', '300'], 'targets'));
  });
  it('goal-seek DH1-01 --json --paths 300', async () => {
    const doc = await documentOf(['goal-seek', 'DH1-01', '--json', '--paths', '300', '--lever', 'tfpExtra,extraFdi'], 'goal-seek');
    expect(doc.levers.map((l: Json) => l.key)).toEqual(['tfpExtra', 'extraFdi']);
    expectValid('goal-seek', doc);
    const broken = clone(doc);
    delete broken.levers[0].status;
    broken.target.probability = 'high';
    expectInvalid('goal-seek', broken, /levers\/0 must have required property 'status'/, /target\/probability must be number,null/);
    // The plausibility extras (issue 14): the package, the growth path needed, answers by α, each needed value against history.
    expect(doc.package).toBeDefined();
    expect(doc.growthPath).toBeDefined();
    const extras = clone(doc);
    extras.package = { scale: 1.5, probability: 0.7, levers: [] };
    expectInvalid('goal-seek', extras, /package\/scale must be <= 1/);
  });
  it('sensitivity DH1-01 --json --paths 300', async () => {
    const doc = await documentOf(['sensitivity', 'DH1-01', '--json', '--paths', '300'], 'sensitivity');
    expect(doc.tornado.bars.length).toBeGreaterThan(0);
    expectValid('sensitivity', doc);
    const broken = clone(doc);
    delete broken.table[0].cells[0].probability;
    broken.tornado.bars[0].up.delta = 'up';
    expectInvalid('sensitivity', broken, /cells\/0 must have required property 'probability'/, /up\/delta must be number,null/);
  });
  it('scenario growth-accounting --json --paths 300 (with its accounting block)', async () => {
    const doc = await documentOf(['scenario', 'growth-accounting', '--json', '--paths', '300'], 'targets') as { scenario: { accounting: unknown } };
    expect(doc.scenario.accounting).not.toBeNull();
    expectValid('targets', doc);
  });

  it('forecast --json --horizon 0: exit 2 with an error document', async () => {
    const doc = await documentOf(['forecast', '--json', '--horizon', '0'], 'error', 2);
    expect(doc.error.type).toBe('usage');
    expectValid('error', doc);
  });

  it('validate on a missing file --json: exit 2 with a data error document', async () => {
    const doc = await documentOf(['validate', join(dir, 'missing.csv'), '--json'], 'error', 2);
    expect(doc.error.type).toBe('data');
    expectValid('error', doc);
  });
});

describe.concurrent('the schemas reject broken documents', () => {
  it('forecast: a step without lo80, or with mean renamed, fails', async () => {
    const doc = await documentOf(['forecast', '--json'], 'forecast');
    const noLo80 = clone(doc);
    delete noLo80.series[0].forecast[0].lo80;
    expectInvalid('forecast', noLo80, /must have required property 'lo80'/);
    const renamed = clone(doc);
    const step = renamed.series[0].forecast[0];
    step.point = step.mean;
    delete step.mean;
    expectInvalid('forecast', renamed, /must have required property 'mean'/);
  });

  it('forecast: a NaN-as-null forecast bound and a failure without error fail', async () => {
    const doc = clone(await documentOf(['forecast', '--json'], 'forecast'));
    doc.series[0].forecast[0].hi95 = null;
    delete doc.failures[0].error;
    expectInvalid('forecast', doc, /hi95 must be number/, /must have required property 'error'/);
  });

  it('every schema: an added field is accepted (v1 stays open), wrong schemaVersion/kind/generatedAt are not', async () => {
    const docs: [Kind, Json][] = [
      ['data', await documentOf(['data', '--json'], 'data')],
      ['observations', await documentOf(['data', 'show', 'grdp_growth_real', '--json'], 'observations')],
      ['validation', await documentOf(['validate', 'data/haiphong', '--json'], 'validation')],
      ['forecast', await documentOf(['forecast', '--json'], 'forecast')],
      ['backtest', await documentOf(['backtest', '--series', 'grdp_growth_real@pre-merger', '--json'], 'backtest')],
      ['targets', await documentOf(['targets', '--json', '--paths', '300'], 'targets')],
      ['error', await documentOf(['forecast', '--json', '--horizon', '0'], 'error', 2)],
    ];
    for (const [kind, doc] of docs) {
      expectValid(kind, { ...clone(doc), someNewField: { x: 1 } });
      expectInvalid(kind, { ...clone(doc), schemaVersion: 2 }, /schemaVersion must be equal to constant/);
      expectInvalid(kind, { ...clone(doc), kind: kind === 'data' ? 'forecast' : 'data' }, /kind must be equal to constant/);
      // The error document is never dated, so its schema has no generatedAt to check.
      if (kind !== 'error') expectInvalid(kind, { ...clone(doc), generatedAt: 'yesterday' }, /generatedAt must match format "date-time"/);
    }
  });

  it('data: a series without lastYear, or with an unknown lastStatus, fails', async () => {
    const doc = clone(await documentOf(['data', '--json'], 'data'));
    delete doc.series[0].lastYear;
    doc.series[1].lastStatus = 'guess';
    expectInvalid('data', doc, /must have required property 'lastYear'/, /lastStatus must be equal to one of the allowed values/);
  });

  it('observations: an observation with value renamed fails', async () => {
    const doc = clone(await documentOf(['data', 'show', 'grdp_growth_real', '--json'], 'observations'));
    const o = doc.series[0].observations[0];
    o.val = o.value;
    delete o.value;
    expectInvalid('observations', doc, /must have required property 'value'/);
  });

  it('validation: a problem without line, or valid as a string, fails', async () => {
    const doc = clone(await documentOf(['validate', badCsv, '--json'], 'validation', 2));
    delete doc.problems[0].line;
    doc.valid = 'no';
    expectInvalid('validation', doc, /must have required property 'line'/, /valid must be boolean/);
  });

  it('backtest: a row without cutoff, or a fractional year, fails', async () => {
    const doc = clone(await documentOf(['backtest', '--series', 'grdp_growth_real@pre-merger', '--json'], 'backtest'));
    delete doc.series[0].models[0].rows[0].cutoff;
    doc.series[0].models[0].rows[1].year = 2020.5;
    expectInvalid('backtest', doc, /must have required property 'cutoff'/, /year must be integer/);
  });

  it('targets: an unknown verdict, or a target without reachYear, fails', async () => {
    const doc = clone(await documentOf(['targets', '--json', '--paths', '300'], 'targets'));
    doc.targets[0].verdict = 'maybe';
    delete doc.targets[1].reachYear;
    expectInvalid('targets', doc, /verdict must be equal to one of the allowed values/, /must have required property 'reachYear'/);
  });

  it('error: an error without message, or of an unknown type, fails', async () => {
    const doc = clone(await documentOf(['forecast', '--json', '--horizon', '0'], 'error', 2));
    delete doc.error.message;
    doc.error.type = 'oops';
    expectInvalid('error', doc, /must have required property 'message'/, /type must be equal to one of the allowed values/);
  });
});
