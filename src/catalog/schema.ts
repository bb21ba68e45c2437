import { CATEGORIES } from '../taxonomy/index.js';
import { SDK_KINDS } from './kinds.js';
import type { JsonSchema } from '../structured/schema-validator.js';

/** The groups of fingerprinting signals (docs/fingerprinting.md): distinct groups read in one file make a fingerprint. */
export const FINGERPRINT_SIGNAL_GROUPS = [
  'user-agent',
  'navigator',
  'screen',
  'locale',
  'timezone',
  'canvas',
  'webgl',
  'audio',
  'fonts',
  'media-queries',
  'storage',
  'hardware',
  'plugins',
  'touch',
  'media-devices',
  'battery',
  'network',
  'math',
  'permissions',
  'dom',
  'library',
] as const;

const categoryId: JsonSchema = { type: 'string', enum: CATEGORIES.map((entry) => entry.id), 'x-noun': 'data category' };
const confidence: JsonSchema = { type: 'string', enum: ['high', 'medium', 'low'], 'x-noun': 'confidence' };
const kind: JsonSchema = { type: 'string', enum: ['call', 'read', 'write', 'construct', 'decorator', 'element'], 'x-noun': 'access kind' };
/** Literal arguments of the last call of a path, by position: `{ "0": [canvas] }`. */
const argumentConstraints: JsonSchema = {
  type: 'object',
  propertyNames: { pattern: '^[0-9]+$' },
  additionalProperties: {
    type: 'array',
    minItems: 1,
    // A whole value, { contains: text } for a string literal holding the text, or { computed: true } for a run-time key.
    items: {
      anyOf: [
        { type: 'string' },
        { type: 'object', required: ['contains'], additionalProperties: false, properties: { contains: { type: 'string', minLength: 1 } } },
        { type: 'object', required: ['computed'], additionalProperties: false, properties: { computed: { const: true } } },
      ],
    },
  },
};
const platform: JsonSchema = {
  type: 'string',
  enum: ['react-native', 'expo', 'capacitor', 'cordova', 'web', 'node', 'any'],
  'x-noun': 'platform',
};
const stringList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };
/** Lowercase words, as the name matcher splits names into them. */
const wordList: JsonSchema = { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+$' } };
/** Names as sequences of those words, each a way to spell the same thing (`[[email], [e, mail]]`). */
const wordSequences: JsonSchema = { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9]+$' } } };
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
  args: argumentConstraints,
  attributes: {
    type: 'object',
    additionalProperties: { type: 'array', minItems: 1, items: { type: 'string' } },
    description: 'for kind: element, JSX attributes whose string value must hold one of these tokens (an iframe allow="camera; microphone"); "*" matches the attribute whatever its value (onPaste={…})',
  },
  sent: {
    anyOf: [{ type: 'boolean' }, { type: 'string', enum: ['stored'] }],
    description: 'a site only where linking finds its value reaching a sink: a trait read everywhere for layout or a platform test (Dimensions.get, process.platform); "stored": only a storage sink (a random id kept on the device)',
  },
  signal: {
    type: 'string',
    enum: [...FINGERPRINT_SIGNAL_GROUPS],
    'x-noun': 'fingerprint signal group',
    description: 'a trait fingerprinting scripts combine, by group: reading several groups in one file is fingerprinting',
  },
  probe: {
    type: 'boolean',
    description: 'the trait is whether the object is there (`!!window.localStorage`): a member of it used (`localStorage.getItem(key)`) is the app using it, not a read of the trait',
  },
};

/** A member of a value model: a sub-model, a keyed accessor, or a source. */
const modelMember: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: { type: 'string', minLength: 1, description: 'the member path on the model: ip, socket.remoteAddress, get(), x-forwarded-for' },
    model: { type: 'string', minLength: 1, description: 'the model the member is (headers → http.headers)' },
    keyArgument: { type: 'integer', minimum: 0, description: 'the call yields the member of `model` its argument names (req.get(name))' },
    kind,
    category: categoryId,
    confidence,
    ...categoryVariants,
    note: { type: 'string' },
  },
};

const valueModel: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'a lower-case id such as http.request' },
    api_prefix: { type: 'string', minLength: 1, description: "the prefix of its sources' ids (request#): stable ids for existing entries" },
    case_insensitive: { type: 'boolean' },
    types: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1 }, module: { type: 'string', minLength: 1 } } },
        ],
      },
    },
    parameter_names: stringList,
    callbacks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['module', 'calls', 'parameter'],
        properties: {
          module: { type: 'string', minLength: 1 },
          calls: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          parameter: { type: 'integer', minimum: 0 },
          errorParameter: { type: 'integer', minimum: 0 },
          note: { type: 'string' },
        },
      },
    },
    route_exports: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['files', 'exports'], properties: { files: stringList, exports: stringList, note: { type: 'string' } } },
    },
    producers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: { module: { type: 'string', minLength: 1 }, path: { type: 'string', minLength: 1 }, args: argumentConstraints, note: { type: 'string' } },
      },
    },
    accessors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'keyArgument'],
        properties: { module: { type: 'string', minLength: 1 }, path: { type: 'string', minLength: 1 }, keyArgument: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
      },
    },
    decorators: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['module', 'name'],
        properties: { module: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, keyArgument: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
      },
    },
    members: { type: 'array', items: modelMember },
    note: { type: 'string' },
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
    assigned: { type: 'boolean', description: 'the path is a member the data is written to, not a call: location.href = url (the URL is "argument" 0)' },
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
    negated: { type: 'boolean' },
    note: { type: 'string' },
  },
};

const collectionSwitch: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    ...guardPlace,
    path: { type: 'string', minLength: 1, description: 'the called path: default().setAnalyticsCollectionEnabled, init, gtag' },
    args: {
      type: 'object',
      propertyNames: { pattern: '^[0-9]+$' },
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
    sets: { type: 'string', enum: ['on', 'off'] },
    argument: { type: 'integer', minimum: 0 },
    property: { type: 'string', minLength: 1 },
    drops: { type: 'array', items: { type: 'string', enum: ['null', 'false', 'value'] } },
    inverted: { type: 'boolean' },
    denied: { type: 'string', minLength: 1 },
    sdks: { type: 'array', items: { type: 'string', minLength: 1 } },
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
    models: { type: 'array', items: valueModel },
    names: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'words'],
        properties: {
          category: categoryId,
          words: wordSequences,
          qualified: { type: 'boolean', description: 'only on a person (user.name) or beside other personal fields' },
          also: { type: 'array', minItems: 1, items: categoryId, description: 'more categories the named value is, on some platforms (an id that is a cookie on the web and an install id in an app)' },
          note: { type: 'string' },
        },
      },
    },
    trailing_fillers: wordList,
    leading_exclusions: wordList,
    person_owners: wordList,
    place_owners: wordList,
    sending_verbs: wordList,
    identify_calls: stringList,
    storing_methods: stringList,
    pair_builders: wordList,
    url_builders: wordList,
    token_contexts: wordList,
    payload_arrays: wordList,
    storage_receivers: wordList,
    payload_adders: stringList,
    payload_returners: stringList,
    set_cookie_arrays: wordList,
    header_names: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'words'],
        properties: {
          category: categoryId,
          words: wordSequences,
          note: { type: 'string' },
        },
      },
    },
    protocol_keys: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'category'],
        properties: {
          key: { type: 'string', minLength: 1, description: 'the payload key as the protocol spells it: tr_ci' },
          category: categoryId,
          note: { type: 'string' },
        },
      },
    },
    members: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind', 'category'],
        properties: {
          name: { type: 'string', minLength: 1, description: 'the member name, on whatever object: getParameter, toDataURL' },
          kind,
          category: categoryId,
          platform,
          confidence,
          ...categoryVariants,
          note: { type: 'string' },
        },
      },
    },
    // The HTTP request models (http.request, http.headers) in the older shape; still accepted.
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
          kind: { type: 'string', enum: ['sdk', 'network', 'storage', 'log', 'derive'], 'x-noun': 'sink kind' },
          calls: { type: 'array', items: { $ref: '#/definitions/sinkCall' } },
          keeps: { ...categoryId, description: 'storage: what a generated id kept here is (web storage and cookies: web.cookies, a visitor id)' },
          note: { type: 'string' },
        },
      },
    },
    guards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'lower-case letters, digits, ".", "_" and "-"' },
          name: { type: 'string', minLength: 1 },
          key: { type: 'string', minLength: 1 },
          checks: { type: 'array', minItems: 1, items: guardCheck },
          switches: { type: 'array', minItems: 1, items: collectionSwitch },
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
          capacitor_plugins: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
          collects: { type: 'array', items: categoryId },
          note: { type: 'string' },
        },
      },
    },
  },
};
