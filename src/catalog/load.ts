import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { validateAgainstSchema } from '../structured/schema-validator.js';
import { entryOf, parseStructured, toPlain, type TreeNode } from '../structured/tree.js';
import { packagePatternProblem } from './match.js';
import { UserError, type Problem } from '../util/problem.js';
import { CATALOG_SCHEMA } from './schema.js';
import type { ArgumentConstraints, Catalog, CatalogGuard, CollectionSwitch, PersonalNames, Confidence, GuardCheck, ModelCallback, Sdk, Sink, SinkCall, SourceApi, SourceModule, ValueModel, Vendor } from './types.js';

/** A catalog document as written in YAML (bundled data or a config's `catalog:` section). */
interface CatalogDocument {
  modules?: { module: string; platform?: string; default?: 'namespace'; apis: RawApi[] }[];
  globals?: (RawApi & { path: string; platform?: string })[];
  models?: RawModel[];
  names?: { category: string; words: string[][]; qualified?: boolean; also?: string[]; note?: string }[];
  trailing_fillers?: string[];
  leading_exclusions?: string[];
  person_owners?: string[];
  place_owners?: string[];
  sending_verbs?: string[];
  identify_calls?: string[];
  storing_methods?: string[];
  pair_builders?: string[];
  url_builders?: string[];
  token_contexts?: string[];
  payload_arrays?: string[];
  storage_receivers?: string[];
  payload_adders?: string[];
  payload_returners?: string[];
  set_cookie_arrays?: string[];
  header_names?: { category: string; words: string[][]; note?: string }[];
  protocol_keys?: { key: string; category: string; note?: string }[];
  members?: (RawApi & { name: string; platform?: string })[];
  request?: {
    properties?: (RawApi & { path: string })[];
    headers?: (RawApi & { name: string })[];
    handlers?: { module: string; calls: string[]; parameter: number; errorHandlerParameter?: number; note?: string }[];
    routeExports?: { files: string[]; exports: string[]; note?: string }[];
    headerObjects?: { module: string; path: string; note?: string }[];
  };
  vendors?: { id: string; name: string; policy_url?: string; domains?: string[]; note?: string }[];
  sdks?: { id: string; vendor: string; name: string; kind: Sdk['kind']; packages: string[]; globals?: string[]; capacitor_plugins?: Record<string, string>; collects?: string[]; note?: string }[];
  sinks?: { module?: string; global?: string; kind?: Sink['kind']; keeps?: string; calls: (string | SinkCall)[] }[];
  guards?: { id: string; name: string; key?: string; checks?: (GuardCheck & { note?: string })[]; switches?: (CollectionSwitch & { note?: string })[]; consent_apis?: CatalogGuard['consentApis']; note?: string }[];
}
interface RawApi {
  name?: string;
  kind?: SourceApi['kind'];
  category: string;
  confidence?: Confidence;
  also?: SourceApi['also'];
  argumentCategories?: SourceApi['argumentCategories'];
  args?: ArgumentConstraints;
  attributes?: Record<string, string[]>;
  sent?: boolean | 'stored';
  signal?: string;
  probe?: boolean;
  note?: string;
}
interface RawModel {
  id: string;
  api_prefix?: string;
  case_insensitive?: boolean;
  types?: (string | { name: string; module?: string })[];
  parameter_names?: string[];
  callbacks?: (ModelCallback & { note?: string })[];
  route_exports?: { files: string[]; exports: string[]; note?: string }[];
  producers?: { module?: string; path: string; args?: ArgumentConstraints; note?: string }[];
  accessors?: { module?: string; path: string; keyArgument: number; note?: string }[];
  decorators?: { module: string; name: string; keyArgument?: number; note?: string }[];
  members?: (Omit<RawApi, 'category'> & { path: string; model?: string; keyArgument?: number; category?: string })[];
  note?: string;
}

/** The models the older `request:` section describes: an HTTP request and its headers. */
export const REQUEST_MODEL = 'http.request';
export const HEADERS_MODEL = 'http.headers';

/** The `request:` section in the older shape, as the models it describes. */
function requestAsModels(request: NonNullable<CatalogDocument['request']>): RawModel[] {
  return [
    {
      id: REQUEST_MODEL,
      callbacks: (request.handlers ?? []).map(({ errorHandlerParameter, note: _note, ...handler }) => ({ ...handler, ...(errorHandlerParameter !== undefined ? { errorParameter: errorHandlerParameter } : {}) })),
      route_exports: request.routeExports ?? [],
      members: (request.properties ?? []).map((property) => ({ ...property, kind: 'read' as const })),
    },
    {
      id: HEADERS_MODEL,
      case_insensitive: true,
      producers: (request.headerObjects ?? []).map(({ module, path: objectPath }) => ({ module, path: objectPath })),
      members: (request.headers ?? []).map(({ name, ...header }) => ({ ...header, path: name, kind: 'read' as const })),
    },
  ];
}

const DATA_FOLDER = fileURLToPath(new URL('./data/', import.meta.url));
/**
 * The bundled catalog, parsed and validated at build time (scripts/build.mjs writes it into
 * dist/): parsing and validating the YAML with positions costs a few hundred milliseconds that
 * every scan, worker and editor session would otherwise pay. Running from sources, there is
 * none, and the YAML is read.
 */
const PRECOMPILED_FILE = path.join(DATA_FOLDER, 'catalog.json');

/** Validate one catalog document (a tree) and return its problems, positioned. */
export function validateCatalogDocument(root: TreeNode, file: string, pathPrefix = ''): Problem[] {
  const structural = validateAgainstSchema(root, CATALOG_SCHEMA, file);
  const problems = structural.length > 0 ? structural : catalogSemanticProblems(root, file);
  return problems.map((problem) => ({
    ...problem,
    path: pathPrefix && problem.path ? `${pathPrefix}.${problem.path}` : pathPrefix || problem.path,
  }));
}

/** What the schema cannot say about a catalog document: package patterns must be curated (no `*` for a whole name). */
export function catalogSemanticProblems(root: TreeNode, file: string): Problem[] {
  const problems: Problem[] = [];
  const sdks = entryOf(root, 'sdks')?.value;
  if (sdks?.kind !== 'array') return problems;
  sdks.items.forEach((sdk, sdkIndex) => {
    const packages = entryOf(sdk, 'packages')?.value;
    if (packages?.kind !== 'array') return;
    packages.items.forEach((item, index) => {
      const message = item.kind === 'scalar' && typeof item.value === 'string' ? packagePatternProblem(item.value) : undefined;
      if (message) problems.push({ file, line: item.line, column: item.column, path: `sdks[${sdkIndex}].packages[${index}]`, message });
    });
  });
  return problems;
}

function readDataFiles(): { file: string; text: string }[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) files.push(full);
    }
  };
  walk(DATA_FOLDER);
  return files.sort().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

let bundled: { documents: CatalogDocument[]; hash: string } | undefined;

function loadBundledDocuments(): { documents: CatalogDocument[]; hash: string } {
  bundled ??= readPrecompiled() ?? parseBundledDocuments();
  return bundled;
}

function readPrecompiled(): { documents: CatalogDocument[]; hash: string } | undefined {
  let text: string;
  try {
    text = readFileSync(PRECOMPILED_FILE, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as { documents: CatalogDocument[]; hash: string };
}

/** The bundled catalog's YAML, parsed and validated, as JSON: what the build writes to catalog.json. */
export function precompileBundledCatalog(): string {
  return JSON.stringify(parseBundledDocuments());
}

function parseBundledDocuments(): { documents: CatalogDocument[]; hash: string } {
  const hash = createHash('sha256');
  const documents: CatalogDocument[] = [];
  for (const { file, text } of readDataFiles()) {
    hash.update(text);
    const parsed = parseStructured(text, file);
    const problems = parsed.root ? [...parsed.problems, ...validateCatalogDocument(parsed.root, file)] : parsed.problems;
    if (problems.length > 0) throw new UserError(`privlint's bundled catalog is invalid (a packaging bug)`, problems);
    documents.push(toPlain(parsed.root!) as CatalogDocument);
  }
  return { documents, hash: hash.digest('hex').slice(0, 16) };
}

/** The ids of the bundled catalog's guards (guards.yaml), for config validation. */
export function bundledGuardIds(): string[] {
  return loadBundledDocuments().documents.flatMap((document) => (document.guards ?? []).map((guard) => guard.id));
}

/** The bundled catalog merged with user extensions (already validated documents). */
export function loadCatalog(extensions: unknown[] = []): Catalog {
  const { documents, hash } = loadBundledDocuments();
  const all = [...documents, ...(extensions as CatalogDocument[])];
  const modules = new Map<string, SourceModule>();
  const globals: SourceApi[] = [];
  const models = new Map<string, ValueModel>();
  const members: SourceApi[] = [];
  const personalNames: PersonalNames = { entries: [], trailingFillers: [], leadingExclusions: [], personOwners: [], placeOwners: [], sendingVerbs: [], identifyCalls: [], storingMethods: [], pairBuilders: [], urlBuilders: [], tokenContexts: [], payloadArrays: [], storageReceivers: [], payloadAdders: [], payloadReturners: [], setCookieArrays: [], headerNames: [], protocolKeys: [] };
  const vendors = new Map<string, Vendor>();
  const sdks = new Map<string, Sdk>();
  const sinks: Sink[] = [];
  const guards = new Map<string, CatalogGuard>();

  for (const document of all) {
    for (const raw of document.modules ?? []) {
      const module = modules.get(raw.module) ?? { module: raw.module, platform: raw.platform ?? 'any', apis: [] };
      if (raw.default) module.default = raw.default;
      for (const api of raw.apis) {
        const entry = sourceApi(`${raw.module}#${api.name}`, api.name!, api, module.platform);
        module.apis = module.apis.filter((existing) => existing.name !== entry.name).concat(entry);
      }
      modules.set(raw.module, module);
    }
    for (const api of document.globals ?? []) {
      const entry = sourceApi(api.path, api.path, api, api.platform ?? 'web');
      // The same path with other literal arguments or attributes is another entry (`<iframe allow="camera">`, `allow="microphone"`).
      const index = globals.findIndex((existing) => existing.name === entry.name && existing.kind === entry.kind && sameArgs(existing.args, entry.args) && sameArgs(existing.attributes, entry.attributes));
      if (index >= 0) globals[index] = entry;
      else globals.push(entry);
    }
    for (const raw of [...(document.models ?? []), ...(document.request ? requestAsModels(document.request) : [])]) mergeModel(models, raw);
    for (const { category, words, qualified, also } of document.names ?? []) personalNames.entries.push({ category, words, qualified: qualified ?? false, ...(also ? { also } : {}) });
    personalNames.trailingFillers.push(...(document.trailing_fillers ?? []));
    personalNames.leadingExclusions.push(...(document.leading_exclusions ?? []));
    personalNames.personOwners.push(...(document.person_owners ?? []));
    personalNames.placeOwners.push(...(document.place_owners ?? []));
    personalNames.sendingVerbs.push(...(document.sending_verbs ?? []));
    personalNames.identifyCalls.push(...(document.identify_calls ?? []));
    personalNames.storingMethods.push(...(document.storing_methods ?? []));
    personalNames.pairBuilders.push(...(document.pair_builders ?? []));
    personalNames.urlBuilders.push(...(document.url_builders ?? []));
    personalNames.tokenContexts.push(...(document.token_contexts ?? []));
    personalNames.payloadArrays.push(...(document.payload_arrays ?? []));
    personalNames.storageReceivers.push(...(document.storage_receivers ?? []));
    personalNames.payloadAdders.push(...(document.payload_adders ?? []));
    personalNames.payloadReturners.push(...(document.payload_returners ?? []));
    personalNames.setCookieArrays.push(...(document.set_cookie_arrays ?? []));
    for (const { category, words } of document.header_names ?? []) personalNames.headerNames.push({ category, words });
    for (const { key, category } of document.protocol_keys ?? []) personalNames.protocolKeys.push({ key, category });
    for (const api of document.members ?? []) {
      const entry = sourceApi(`*.${api.name}`, api.name, api, api.platform ?? 'web');
      const index = members.findIndex((existing) => existing.id === entry.id && sameArgs(existing.args, entry.args) && existing.kind === entry.kind);
      if (index >= 0) members[index] = entry;
      else members.push(entry);
    }
    for (const vendor of document.vendors ?? []) {
      vendors.set(vendor.id, {
        id: vendor.id,
        name: vendor.name,
        policyUrl: vendor.policy_url,
        domains: vendor.domains ?? [],
        note: vendor.note,
      });
    }
    for (const sink of document.sinks ?? []) {
      const calls = sink.calls.map((call) => (typeof call === 'string' ? { name: call } : call));
      // A module is one sink: a second entry for it (an extension's, or the same file's) adds its calls,
      // instead of hiding the first entry's. Its kind and `keeps` are the first entry's.
      const existing = sink.module ? sinks.find((known) => known.module === sink.module) : undefined;
      if (existing) {
        existing.calls = [...existing.calls.filter((known) => !calls.some((call) => call.name === known.name)), ...calls];
        continue;
      }
      sinks.push({
        ...(sink.module ? { module: sink.module } : {}),
        ...(sink.global ? { global: sink.global } : {}),
        kind: sink.kind ?? 'sdk',
        ...(sink.keeps ? { keeps: sink.keeps } : {}),
        calls,
      });
    }
    for (const guard of document.guards ?? []) {
      guards.set(guard.id, {
        id: guard.id,
        name: guard.name,
        ...(guard.key ? { key: guard.key } : {}),
        checks: (guard.checks ?? []).map(({ note: _note, ...check }) => check),
        switches: (guard.switches ?? []).map(({ note: _note, ...collectionSwitch }) => collectionSwitch),
        consentApis: guard.consent_apis ?? [],
        ...(guard.note ? { note: guard.note } : {}),
      });
    }
    for (const sdk of document.sdks ?? []) {
      const { capacitor_plugins: capacitorPlugins, ...rest } = sdk;
      sdks.set(sdk.id, { ...rest, globals: sdk.globals ?? [], ...(capacitorPlugins ? { capacitorPlugins } : {}), collects: sdk.collects ?? [] });
    }
  }
  const extensionHash = createHash('sha256').update(JSON.stringify(extensions)).digest('hex').slice(0, 8);
  return {
    modules: [...modules.values()],
    globals,
    models: [...models.values()],
    members,
    personalNames,
    vendors: [...vendors.values()],
    sdks: [...sdks.values()],
    sinks,
    guards: [...guards.values()],
    fingerprint: `${hash}-${extensionHash}`,
  };
}

function sourceApi(id: string, name: string, raw: RawApi, platform: string): SourceApi {
  return {
    id,
    name,
    kind: raw.kind ?? 'call',
    category: raw.category,
    confidence: raw.confidence ?? 'high',
    platform,
    ...(raw.also ? { also: raw.also } : {}),
    ...(raw.argumentCategories ? { argumentCategories: raw.argumentCategories } : {}),
    ...(raw.args ? { args: raw.args } : {}),
    ...(raw.attributes ? { attributes: raw.attributes } : {}),
    ...(raw.sent === 'stored' ? { sent: 'stored' as const } : raw.sent ? { sent: true as const } : {}),
    ...(raw.signal ? { signal: raw.signal } : {}),
    ...(raw.probe ? { probe: true as const } : {}),
    ...(raw.note ? { note: raw.note } : {}),
  };
}

function sameArgs(a: ArgumentConstraints | undefined, b: ArgumentConstraints | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** Add a model's rows to the model of that id (a later document, such as a config, extends an earlier one). */
function mergeModel(models: Map<string, ValueModel>, raw: RawModel): void {
  const model: ValueModel = models.get(raw.id) ?? {
    id: raw.id,
    types: [],
    parameterNames: [],
    callbacks: [],
    routeExports: [],
    producers: [],
    accessors: [],
    decorators: [],
    members: [],
    caseInsensitive: false,
  };
  const prefix = raw.api_prefix ?? modelApiPrefix(raw.id);
  if (raw.case_insensitive !== undefined) model.caseInsensitive = raw.case_insensitive;
  if (raw.note) model.note = raw.note;
  model.types.push(...(raw.types ?? []).map((type) => (typeof type === 'string' ? { name: type } : type)));
  model.parameterNames.push(...(raw.parameter_names ?? []));
  model.callbacks.push(...(raw.callbacks ?? []).map(({ note: _note, ...callback }) => callback));
  model.routeExports.push(...(raw.route_exports ?? []).map(({ files, exports }) => ({ files, exports })));
  model.producers.push(...(raw.producers ?? []).map(({ note: _note, ...producer }) => producer));
  model.accessors.push(...(raw.accessors ?? []).map(({ note: _note, ...accessor }) => accessor));
  model.decorators.push(...(raw.decorators ?? []).map(({ note: _note, ...decorator }) => decorator));
  for (const member of raw.members ?? []) {
    const memberPath = model.caseInsensitive ? member.path.toLowerCase() : member.path;
    if (member.model) {
      model.members.push({ path: memberPath, model: member.model, ...(member.keyArgument !== undefined ? { keyArgument: member.keyArgument } : {}), ...(member.args ? { args: member.args } : {}) });
    } else if (member.category) {
      const api = sourceApi(`${prefix}${memberPath}`, memberPath, { ...member, category: member.category, kind: member.kind ?? 'read' }, 'node');
      model.members = model.members.filter((existing) => !('source' in existing) || existing.source.id !== api.id).concat({ path: memberPath, source: api });
    }
  }
  models.set(raw.id, model);
}

/** The id prefix of a model's sources: the request models keep the ids they had before models existed. */
function modelApiPrefix(id: string): string {
  if (id === REQUEST_MODEL) return 'request#';
  if (id === HEADERS_MODEL) return 'request#header:';
  return `${id}#`;
}
