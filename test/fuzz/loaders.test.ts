// 10,000 malformed manifests and configs, mutated from valid ones with a fixed seed: the loaders
// never crash — every rejection is a user problem — and every problem says line and column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { parseManifest } from '../../src/manifest/load.js';
import { UserError, type Problem } from '../../src/util/problem.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { mutatedDocuments } from './mutate.js';

const DOCUMENTS_EACH = 5_000;
const SEED = 18;

const MANIFESTS = ['full.yaml', 'full.json', 'minimal.yaml'].map((name) => readFileSync(path.join(REPO_ROOT, 'fixtures/manifests/valid', name), 'utf8'));

const CONFIG_JSON = `${JSON.stringify(
  {
    manifest: 'privacy-manifest.yaml',
    ignore: ['**/generated/**'],
    tests: false,
    guards: [{ call: 'hasConsent', keyArgument: 0 }, { module: './src/consent', export: 'canTrack', key: 'ads' }, { member: 'prefs.isGranted' }],
    requestParameterNames: ['req', 'ctx'],
    flows: { maxSteps: 40, maxVisits: 100000 },
    rules: { 'require-purpose': 'error', 'privlint/no-unused-declaration': 'off' },
    catalog: { modules: [{ module: '@acme/device', apis: [{ name: 'getHardwareId', kind: 'call', category: 'device.serial' }] }] },
  },
  null,
  2,
)}\n`;
const CONFIG_YAML = `manifest: policy/privacy-manifest.yaml
ignore:
  - "**/fixtures/**"
guards:
  - call: hasConsent
    keyArgument: 0
  - catalog: onetrust
    keys: { C0002: analytics }
rules:
  require-purpose: warning
flows:
  maxSteps: 20
`;

/** A problem a user can act on: where (line and column, from 1) and what. */
function located(problem: Problem): boolean {
  return Number.isInteger(problem.line) && problem.line >= 1 && Number.isInteger(problem.column) && problem.column >= 1 && problem.message.length > 0;
}

function fuzz(seeds: string[], extension: (text: string) => string, load: (text: string, file: string) => Problem[] | undefined) {
  const crashes: string[] = [];
  const unlocated: string[] = [];
  let rejected = 0;
  for (const { index, text } of mutatedDocuments(seeds, DOCUMENTS_EACH, SEED)) {
    const file = `/fuzz/document-${index}.${extension(text)}`;
    try {
      const problems = load(text, file);
      if (problems === undefined) continue;
      rejected++;
      if (problems.length === 0 || !problems.every(located)) unlocated.push(`#${index}: ${JSON.stringify(problems.slice(0, 2))}`);
    } catch (error) {
      crashes.push(`#${index}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n${JSON.stringify(text.slice(0, 300))}`);
    }
  }
  return { crashes, unlocated, rejected };
}

describe('the manifest and config loaders on 10,000 malformed documents', () => {
  it('manifests: no crash, every problem located', () => {
    const { crashes, unlocated, rejected } = fuzz(MANIFESTS, (text) => (text.trimStart().startsWith('{') ? 'json' : 'yaml'), (text, file) => {
      const result = parseManifest(text, file, '/fuzz');
      return result.ok ? undefined : result.problems;
    });
    expect(crashes.slice(0, 5)).toEqual([]);
    expect(unlocated.slice(0, 5)).toEqual([]);
    // Most mutations break the document; the loader must have had real work.
    expect(rejected).toBeGreaterThan(DOCUMENTS_EACH / 2);
  });

  it('configs: only user problems, every one located', () => {
    const { crashes, unlocated, rejected } = fuzz([CONFIG_JSON, CONFIG_YAML], (text) => (text.trimStart().startsWith('{') ? 'json' : 'yaml'), (text, file) => {
      try {
        parseConfig(text, file, '/fuzz');
        return undefined;
      } catch (error) {
        if (error instanceof UserError) return [...error.problems];
        throw error;
      }
    });
    expect(crashes.slice(0, 5)).toEqual([]);
    expect(unlocated.slice(0, 5)).toEqual([]);
    expect(rejected).toBeGreaterThan(DOCUMENTS_EACH / 2);
  });
});
