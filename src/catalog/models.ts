import type { ArgumentConstraints, ArgumentPattern, ModelCallback, SourceApi, ValueModel } from './types.js';

/** What a model's member path leads to: another model (possibly keyed by an argument), or a source. */
export type MemberTarget = { kind: 'model'; model: string; rest: string[] } | { kind: 'source'; api: SourceApi } | { kind: 'keyed'; model: string; keyArgument: number; args?: ArgumentConstraints };

interface CompiledModel {
  model: ValueModel;
  /** Sources by member path (lower-case for case-insensitive models). */
  sources: Map<string, SourceApi>;
  /** Sub-models by member path (`headers`), and keyed accessors by call path (`get()`). */
  subModels: Map<string, { model: string; keyArgument?: number; args?: ArgumentConstraints }>;
}

/**
 * Lookup tables over the catalog's value models (types.ts ValueModel): which model a type name, a
 * parameter name, a callback position, a catalogued call or a decorator gives, and what a member
 * path of a model leads to. Built once per catalog.
 */
export class ModelIndex {
  private readonly models = new Map<string, CompiledModel>();
  private readonly byType = new Map<string, { model: string; module?: string }[]>();
  private readonly byParameterName = new Map<string, string>();
  private readonly byProducer = new Map<string, { model: string; args?: ArgumentConstraints }[]>();
  private readonly callbacks: (ModelCallback & { model: string })[] = [];
  private readonly decorators = new Map<string, { model: string; keyArgument?: number }>();
  private readonly accessors = new Map<string, { model: string; keyArgument: number }>();
  /** Type names of every model, for the editor's cheap pre-check of a file. */
  readonly typeNames = new Set<string>();
  /** Modules whose loading may give a model value (frameworks, next/headers): a file importing one is worth analysing. */
  readonly modules = new Set<string>();
  readonly routeExports: { model: string; files: string[]; exports: string[] }[] = [];
  readonly routeExportNames = new Set<string>();

  constructor(models: readonly ValueModel[], parameterNames?: { model: string; names: readonly string[] }) {
    for (const model of models) {
      const compiled: CompiledModel = { model, sources: new Map(), subModels: new Map() };
      for (const member of model.members) {
        if ('source' in member) compiled.sources.set(member.path, member.source);
        else compiled.subModels.set(member.path, { model: member.model, ...(member.keyArgument !== undefined ? { keyArgument: member.keyArgument } : {}), ...(member.args ? { args: member.args } : {}) });
      }
      this.models.set(model.id, compiled);
      for (const type of model.types) {
        push(this.byType, type.name, { model: model.id, ...(type.module ? { module: type.module } : {}) });
        this.typeNames.add(type.name);
        if (type.module) this.modules.add(type.module);
      }
      const names = parameterNames?.model === model.id ? parameterNames.names : model.parameterNames;
      for (const name of names) this.byParameterName.set(name, model.id);
      for (const producer of model.producers) {
        push(this.byProducer, producerKey(producer.module, producer.path), { model: model.id, ...(producer.args ? { args: producer.args } : {}) });
        if (producer.module) this.modules.add(producer.module);
      }
      for (const callback of model.callbacks) {
        this.callbacks.push({ ...callback, model: model.id });
        this.modules.add(callback.module);
      }
      for (const accessor of model.accessors) {
        this.accessors.set(producerKey(accessor.module, accessor.path), { model: model.id, keyArgument: accessor.keyArgument });
        if (accessor.module) this.modules.add(accessor.module);
      }
      for (const decorator of model.decorators) {
        this.decorators.set(`${decorator.module}\0${decorator.name}`, { model: model.id, ...(decorator.keyArgument !== undefined ? { keyArgument: decorator.keyArgument } : {}) });
        this.modules.add(decorator.module);
      }
      for (const route of model.routeExports) {
        this.routeExports.push({ model: model.id, ...route });
        route.exports.filter((name) => name !== 'default').forEach((name) => this.routeExportNames.add(name));
      }
    }
  }

  has(id: string): boolean {
    return this.models.has(id);
  }

  /**
   * The model a type name gives, imported from `module` (undefined: a global or local name). An entry
   * without a module matches the name from anywhere; one with a module only an import from it.
   */
  ofType(name: string, module: string | undefined): string | undefined {
    const candidates = this.byType.get(name);
    if (!candidates) return undefined;
    return (candidates.find((candidate) => candidate.module !== undefined && candidate.module === module) ?? candidates.find((candidate) => candidate.module === undefined))?.model;
  }

  ofParameterName(name: string): string | undefined {
    return this.byParameterName.get(name);
  }

  /** Every parameter name that makes a parameter a model value; `requestNames` (the config's) replace http.request's. */
  parameterNames(requestNames?: readonly string[]): string[] {
    const names = [...this.byParameterName].filter(([, model]) => !requestNames || model !== 'http.request').map(([name]) => name);
    return [...new Set([...names, ...(requestNames ?? [])])];
  }

  /** The model a catalogued path gives (`headers()` of next/headers), its last call's arguments checked against the constraints. */
  producedBy(module: string | undefined, path: string, argumentKeys: () => readonly (string | undefined)[]): string | undefined {
    const candidates = this.byProducer.get(producerKey(module, path));
    if (!candidates) return undefined;
    return candidates.find((candidate) => argumentsMatch(candidate.args, argumentKeys))?.model;
  }

  /** The callback entry for a call of `method` on something from `module` (app.get, http.createServer). */
  callback(module: string, method: string): (ModelCallback & { model: string }) | undefined {
    return this.callbacks.find((entry) => entry.module === module && entry.calls.includes(method));
  }

  /** A function whose call yields a model's member named by one of its arguments (`getHeader(event, name)` of h3). */
  accessor(module: string | undefined, path: string): { model: string; keyArgument: number } | undefined {
    return this.accessors.get(producerKey(module, path));
  }

  decorator(module: string, name: string): { model: string; keyArgument?: number } | undefined {
    return this.decorators.get(`${module}\0${name}`);
  }

  caseInsensitive(model: string): boolean {
    return this.models.get(model)?.model.caseInsensitive ?? false;
  }

  /**
   * What member path `segments` of a value of `model` leads to: the longest prefix that is a
   * sub-model (followed further), or the whole path as a source. `()` segments are kept in the path
   * (`get()`): a keyed accessor is looked up by its call.
   */
  member(model: string, segments: readonly string[], depth = 0): MemberTarget | undefined {
    const compiled = this.models.get(model);
    if (!compiled || depth > 8) return undefined;
    const normalise = (text: string) => (compiled.model.caseInsensitive ? text.toLowerCase() : text);
    const whole = normalise(memberPath(segments));
    const source = compiled.sources.get(whole);
    if (source) return { kind: 'source', api: source };
    for (let length = Math.min(segments.length, 4); length >= 1; length--) {
      const prefix = normalise(memberPath(segments.slice(0, length)));
      const sub = compiled.subModels.get(prefix);
      if (!sub) continue;
      const rest = segments.slice(length);
      if (sub.keyArgument !== undefined) return rest.length === 0 ? { kind: 'keyed', model: sub.model, keyArgument: sub.keyArgument, ...(sub.args ? { args: sub.args } : {}) } : undefined;
      if (rest.length === 0) return { kind: 'model', model: sub.model, rest: [] };
      const further = this.member(sub.model, rest, depth + 1);
      return further ?? { kind: 'model', model: sub.model, rest };
    }
    return undefined;
  }

  /** The source a key names on a model (`x-forwarded-for` on http.headers), for keyed accessors and computed members. */
  keyedSource(model: string, key: string): SourceApi | undefined {
    const compiled = this.models.get(model);
    if (!compiled) return undefined;
    return compiled.sources.get(compiled.model.caseInsensitive ? key.toLowerCase() : key);
  }

  /** Every source member of every model (tests and docs). */
  allSources(): SourceApi[] {
    return [...this.models.values()].flatMap((compiled) => [...compiled.sources.values()]);
  }
}

/** "get()" for [get, ()]; "socket.remoteAddress" for [socket, remoteAddress]. */
function memberPath(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) out += segment === '()' ? '()' : out ? `.${segment}` : segment;
  return out;
}

function producerKey(module: string | undefined, path: string): string {
  return `${module ?? ''}\0${path}`;
}

/** The key of an argument computed at run time from a key (`gl[name]`, a loop variable): matched only by `{ computed: true }`. */
export const COMPUTED_ARGUMENT = '\0computed';

function patternMatches(pattern: ArgumentPattern, key: string): boolean {
  if (typeof pattern === 'string') return pattern === key;
  if ('computed' in pattern) return key === COMPUTED_ARGUMENT;
  return key !== COMPUTED_ARGUMENT && key.includes(pattern.contains);
}

/** Do a call's argument keys satisfy the constraints (types.ts SourceApi.args)? No constraints: yes. */
export function argumentsMatch(constraints: ArgumentConstraints | undefined, argumentKeys: () => readonly (string | undefined)[]): boolean {
  if (!constraints) return true;
  const keys = argumentKeys();
  return Object.entries(constraints).every(([position, allowed]) => {
    const key = keys[Number(position)];
    return key !== undefined && allowed.some((pattern) => patternMatches(pattern, key));
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
