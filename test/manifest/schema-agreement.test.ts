// The published JSON Schema (what editors use through the YAML language server) and privlint's own
// validator (what `privlint manifest check` and every scan use) must agree: a manifest that one
// accepts and the other rejects would make the editor and the CLI contradict each other.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseManifest } from '../../src/manifest/load.js';
import { invalidFixtures, REPO_ROOT, SCHEMA_FILE, validFixtures, XIAOMI } from './fixture-files.js';

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));

/**
 * Invalid fixtures whose mistake is a cross-reference or a uniqueness rule, which the schema does
 * not state: only privlint's validator (src/manifest/semantic-checks.ts) rejects them.
 */
const VALIDATOR_ONLY: Record<string, string> = {
  // JSON Schema's uniqueItems compares whole items, not one property of them.
  'duplicate-category.yaml': 'two categories with the same id',
  'duplicate-recipient.yaml': 'two recipients with the same id',
  // A value that must be a key declared elsewhere in the document: no JSON Schema keyword says so.
  'recipient-undeclared-category.yaml': 'a share names a category that no entry under categories declares',
  'unknown-consent-key.yaml': 'a use names a consent key that consents does not declare',
  // Expressible with if/then (basis: consent ⇒ required: [consent]), but the schema leaves it to
  // the validator, which reports it with the fix ("consent: <key>").
  'consent-without-key.yaml': 'a use with basis consent that names no consent key',
};

/** Invalid fixtures that are not a YAML document at all: the YAML parser rejects them before any schema. */
const NOT_PARSABLE: Record<string, string> = {
  'duplicate-key.yaml': 'the same key twice in one mapping',
  'yaml-syntax.yaml': 'a YAML syntax error',
};

function compileSchema(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // privlint's own annotation (the noun used in messages: "unknown data category"); no validation.
  ajv.addKeyword({ keyword: 'x-noun', schemaType: 'string' });
  return ajv.compile(schema);
}

const validate = compileSchema();

function readDocument(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
}

function schemaErrors(file: string): ErrorObject[] {
  return validate(readDocument(file)) ? [] : (validate.errors ?? []);
}

function privlintProblems(file: string) {
  const result = parseManifest(readFileSync(file, 'utf8'), file);
  return result.ok ? [] : result.problems;
}

/** ajv's `/categories/0/id` (plus the offending key of additionalProperties) as privlint writes it: `categories[0].id`. */
function privlintPath(error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1);
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return segments.map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`)).join('');
}

const name = (file: string) => path.basename(file);
const appManifests = ['expo-fit', 'node-api', 'rn-shop', 'web-news'].map((app) => path.join(REPO_ROOT, 'fixtures/apps', app, 'privacy-manifest.yaml'));
const valid = [...validFixtures(), XIAOMI, ...appManifests];
const invalid = invalidFixtures();

describe('the JSON Schema and privlint agree', () => {
  it('finds the fixtures, and every exception names a fixture that exists', () => {
    expect(validFixtures().map(name)).toEqual(expect.arrayContaining(['minimal.yaml', 'full.yaml', 'full.json']));
    expect(invalid.length).toBeGreaterThanOrEqual(10);
    const invalidNames = invalid.map(name);
    for (const listed of [...Object.keys(VALIDATOR_ONLY), ...Object.keys(NOT_PARSABLE)]) expect(invalidNames).toContain(listed);
  });

  it.each(valid.map((file) => [path.relative(REPO_ROOT, file), file]))('both accept %s', (_shown, file) => {
    expect(schemaErrors(file)).toEqual([]);
    expect(privlintProblems(file)).toEqual([]);
  });

  const schemaChecked = invalid.filter((file) => !(name(file) in VALIDATOR_ONLY) && !(name(file) in NOT_PARSABLE));

  it.each(schemaChecked.map((file) => [name(file), file]))('both reject %s, at the same key path', (_shown, file) => {
    const errors = schemaErrors(file);
    const problems = privlintProblems(file);
    expect(errors.length, 'the JSON Schema accepts it').toBeGreaterThan(0);
    expect(problems.length, 'privlint accepts it').toBeGreaterThan(0);
    const schemaPaths = errors.map(privlintPath);
    for (const problem of problems) expect(schemaPaths).toContain(problem.path);
  });

  it.each(Object.entries(VALIDATOR_ONLY))('only privlint rejects %s (%s): the schema cannot say it', (fixture) => {
    const file = path.join(path.dirname(invalid[0]!), fixture);
    expect(schemaErrors(file)).toEqual([]);
    expect(privlintProblems(file)).toHaveLength(1);
  });

  it.each(Object.entries(NOT_PARSABLE))('%s (%s) is no YAML document: the parser and privlint reject it', (fixture) => {
    const file = path.join(path.dirname(invalid[0]!), fixture);
    expect(() => readDocument(file)).toThrow();
    expect(privlintProblems(file)).toHaveLength(1);
  });
});

describe('the JSON Schema lists the taxonomy', () => {
  const taxonomyIds = (file: string, key: string) =>
    (YAML.parse(readFileSync(path.join(REPO_ROOT, 'src/taxonomy', file), 'utf8'))[key] as { id: string }[]).map((entry) => entry.id);

  it('its category ids are exactly src/taxonomy/categories.yaml, in the same order', () => {
    const ids = taxonomyIds('categories.yaml', 'categories');
    expect(ids.length).toBeGreaterThan(30);
    expect(schema.definitions.category_id.enum).toEqual(ids);
  });

  it('its purpose ids are exactly src/taxonomy/purposes.yaml, in the same order', () => {
    const ids = taxonomyIds('purposes.yaml', 'purposes');
    expect(ids).toContain('advertising');
    expect(schema.definitions.purpose_id.enum).toEqual(ids);
  });

  it('no other enum in the schema copies category or purpose ids (a copy would drift from the taxonomy)', () => {
    // One shared id is a coincidence (legal_obligation is a purpose and a legal basis); two are a copy.
    const taxonomy = new Set([...taxonomyIds('categories.yaml', 'categories'), ...taxonomyIds('purposes.yaml', 'purposes')]);
    const copies: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${where}/${index}`));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'enum' && !/^\/definitions\/(category_id|purpose_id)$/.test(where) && (value as unknown[]).filter((item) => taxonomy.has(String(item))).length > 1) copies.push(where);
          visit(value, `${where}/${key}`);
        }
      }
    };
    visit(schema, '');
    expect(copies).toEqual([]);
    expect(JSON.stringify(schema)).toContain('"#/definitions/category_id"');
    expect(JSON.stringify(schema)).toContain('"#/definitions/purpose_id"');
  });
});
