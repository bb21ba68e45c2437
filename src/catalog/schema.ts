import { CATEGORIES } from '../taxonomy/index.js';
import { SDK_KINDS } from './kinds.js';
import type { JsonSchema } from '../structured/schema-validator.js';

const categoryId: JsonSchema = { type: 'string', enum: CATEGORIES.map((entry) => entry.id), 'x-noun': 'data category' };
const confidence: JsonSchema = { type: 'string', enum: ['high', 'medium', 'low'], 'x-noun': 'confidence' };
const kind: JsonSchema = { type: 'string', enum: ['call', 'read', 'write', 'construct'], 'x-noun': 'access kind' };
const platform: JsonSchema = {
  type: 'string',
  enum: ['react-native', 'expo', 'capacitor', 'cordova', 'web', 'node', 'any'],
  'x-noun': 'platform',
};
const stringList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };
/** Categories an API yields besides its own on some OS, and categories chosen by an argument. */
const categoryVariants: Record<string, JsonSchema> = {
  also: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['category', 'platform'],
      properties: {
        category: categoryId,
        platform: { type: 'string', enum: ['android', 'ios', 'web', 'windows', 'macos'], 'x-noun': 'operating system' },
      },
    },
  },
  argumentCategories: {
    type: 'object',
    additionalProperties: false,
    required: ['argument', 'properties'],
    properties: { argument: { type: 'integer', minimum: 0 }, properties: { type: 'object', additionalProperties: categoryId } },
  },
};

/** The shape of a catalog document: a bundled data file, or the `catalog` section of a user config. */
const sinkCallObject: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    url: { type: 'integer' },
    chainUrl: { type: 'integer' },
    siblingUrl: {
      type: 'object',
      additionalProperties: false,
      required: ['call', 'arg'],
      properties: { call: { type: 'string', minLength: 1 }, arg: { type: 'integer' } },
    },
    data: { type: 'array', items: { type: 'integer' } },
  },
};

/** A guard check or consent API starts at a module (npm name); without one, its path starts with a global. */
const guardPlace: Record<string, JsonSchema> = {
  module: { type: 'string', minLength: 1 },
};

const guardCheck: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    ...guardPlace,
    path: { type: 'string', minLength: 1, description: 'the tested value: getConsentInfo().canRequestAds, __tcfapi()=>2:0.purpose.consents.{key}' },
    equals: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    args: {
      type: 'object',
      propertyNames: { pattern: '^[0-9]+$' },
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
    keyArgument: { type: 'integer', minimum: 0 },
    key: { type: 'string', minLength: 1 },
    note: { type: 'string' },
  },
};

export const CATALOG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  definitions: {
    // A sink call is a path string, or an object with where the URL and data are.
    sinkCall: { anyOf: [{ type: 'string', minLength: 1 }, sinkCallObject] },
  },
  properties: {
    modules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['module', 'apis'],
        properties: {
          module: { type: 'string', minLength: 1 },
          platform,
          default: { type: 'string', enum: ['namespace'] },
          note: { type: 'string' },
          apis: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'kind', 'category'],
              properties: { name: { type: 'string', minLength: 1 }, kind, category: categoryId, confidence, ...categoryVariants, note: { type: 'string' } },
            },
          },
        },
      },
    },
    globals: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'kind', 'category'],
        properties: { path: { type: 'string', minLength: 1 }, kind, category: categoryId, platform, confidence, ...categoryVariants, note: { type: 'string' } },
      },
    },
    request: {
      type: 'object',
      additionalProperties: false,
      properties: {
        properties: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'category'],
            properties: { path: { type: 'string', minLength: 1 }, category: categoryId, confidence, note: { type: 'string' } },
          },
        },
        headers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'category'],
            properties: { name: { type: 'string', minLength: 1 }, category: categoryId, confidence, note: { type: 'string' } },
          },
        },
        handlers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['module', 'calls', 'parameter'],
            properties: {
              module: { type: 'string', minLength: 1 },
              calls: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              parameter: { type: 'integer', minimum: 0 },
              errorHandlerParameter: { type: 'integer', minimum: 0 },
              note: { type: 'string' },
            },
          },
        },
        routeExports: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['files', 'exports'],
            properties: { files: stringList, exports: stringList, note: { type: 'string' } },
          },
        },
        headerObjects: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['module', 'path'],
            properties: { module: { type: 'string', minLength: 1 }, path: { type: 'string', minLength: 1 }, note: { type: 'string' } },
          },
        },
      },
    },
    vendors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$', description: 'a lower-case id: letters, digits, - and _, such as google' },
          name: { type: 'string' },
          policy_url: { type: 'string' },
          domains: stringList,
          note: { type: 'string' },
        },
      },
    },
    sinks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['calls'],
        properties: {
          module: { type: 'string', minLength: 1 },
          global: { type: 'string', minLength: 1 },
          kind: { type: 'string', enum: ['sdk', 'network'], 'x-noun': 'sink kind' },
          calls: { type: 'array', items: { $ref: '#/definitions/sinkCall' } },
          note: { type: 'string' },
        },
      },
    },
    guards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'checks'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'lower-case letters, digits, ".", "_" and "-"' },
          name: { type: 'string', minLength: 1 },
          key: { type: 'string', minLength: 1 },
          checks: { type: 'array', minItems: 1, items: guardCheck },
          consent_apis: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['path'], properties: { ...guardPlace, path: { type: 'string', minLength: 1 } } },
          },
          note: { type: 'string' },
        },
      },
    },
    sdks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'vendor', 'name', 'kind', 'packages'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'a lower-case id: letters, digits, ".", "_" and "-", such as firebase-analytics' },
          vendor: { type: 'string' },
          name: { type: 'string' },
          kind: {
            type: 'string',
            enum: [...SDK_KINDS],
            'x-noun': 'SDK kind',
          },
          packages: stringList,
          globals: stringList,
          collects: { type: 'array', items: categoryId },
          note: { type: 'string' },
        },
      },
    },
  },
};
