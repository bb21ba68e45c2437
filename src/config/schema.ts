import { CATALOG_SCHEMA } from '../catalog/schema.js';
import type { JsonSchema } from '../structured/schema-validator.js';
import { SEVERITY_VALUES } from './severity-words.js';

const guardKey: Record<string, JsonSchema> = {
  keyArgument: { type: 'integer', description: 'Which argument holds the consent key (0-based).' },
  key: { type: 'string', description: 'The consent key this guard always checks.' },
};

/** The shape of privlint.config.{json,yaml}. */
export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  // The embedded catalog schema's $refs resolve against the root schema's definitions.
  definitions: { ...CATALOG_SCHEMA.definitions },
  properties: {
    $schema: { type: 'string' },
    manifest: { type: 'string', minLength: 1, description: 'Path of the policy manifest, relative to this file.' },
    ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
    tests: { type: 'boolean', description: 'Scan test code (test files and folders, mocks, fixtures, stories) too; it is left out by default.' },
    guards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          call: { type: 'string', minLength: 1 },
          member: { type: 'string', minLength: 1 },
          module: { type: 'string', minLength: 1 },
          export: { type: 'string', minLength: 1 },
          catalog: { type: 'string', minLength: 1, description: 'The id of a guard in privlint\'s catalog (guards.yaml) whose keys this entry maps.' },
          keys: {
            type: 'object',
            description: 'For a catalog guard: key it proves → consent key of the manifest.',
            additionalProperties: { type: 'string', minLength: 1 },
          },
          ...guardKey,
        },
      },
    },
    requestParameterNames: { type: 'array', items: { type: 'string', minLength: 1 } },
    flows: {
      type: 'object',
      additionalProperties: false,
      description: 'Budgets for data-flow analysis; when one cuts the analysis short, the output says so.',
      properties: {
        maxSteps: { type: 'integer', minimum: 1, description: 'Longest path followed, in steps (default 40).' },
        maxVisits: { type: 'integer', minimum: 1, description: 'Search steps for the flow search of one scan (default 2000000).' },
        maxMilliseconds: { type: 'integer', minimum: 1, description: 'No longer read: the flow search counts steps (maxVisits), never time; a scan notes it.' },
      },
    },
    rules: {
      type: 'object',
      description: 'Rule id → level: privlint\'s error, warning, note, off, or ESLint\'s warn, 0 (off), 1 (warning), 2 (error).',
      additionalProperties: { enum: [...SEVERITY_VALUES], 'x-noun': 'severity' },
    },
    catalog: CATALOG_SCHEMA,
  },
};
