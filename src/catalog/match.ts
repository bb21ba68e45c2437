import { GuardMatcher, isConsentApiCall } from './guards.js';
import { SwitchMatcher } from './switches.js';
import { argumentsMatch, ModelIndex } from './models.js';
import { NameMatcher } from './names.js';
import type { Catalog, Sdk, Sink, SinkCall, SourceApi, SourceModule } from './types.js';

/** The string keys of a call's arguments, for `args` constraints (computed only when an entry has constraints). */
export type ArgumentKeys = () => readonly (string | undefined)[];
const NO_ARGUMENTS: ArgumentKeys = () => [];

/**
 * What is wrong with a package pattern, if anything. `*` stands for one whole path segment after
 * the package's own name or scope (`@acme/*`, `firebase/*`): never a whole name (`*` would match
 * every unscoped package) and never part of one (`acme-*` would silently match nothing).
 */
export function packagePatternProblem(pattern: string): string | undefined {
  if (!pattern.includes('*')) return undefined;
  const segments = pattern.split('/');
  if (segments.some((segment) => segment.includes('*') && segment !== '*')) {
    return `"${pattern}": * stands for a whole path segment ("@acme/*", "firebase/*"), not part of a name; list the packages by name`;
  }
  if (segments[0] === '*' || (segments[0]!.startsWith('@') && segments.length < 2)) {
    return `"${pattern}" would match every package; list package names, or a scope or subpath glob such as "@acme/*" or "firebase/*"`;
  }
  return undefined;
}

/** `*` stands for exactly one path segment; everything else matches literally. */
export function packagePatternMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const patternParts = pattern.split('/');
  const nameParts = name.split('/');
  return (
    patternParts.length === nameParts.length &&
    patternParts.every((part, index) => part === '*' || part === nameParts[index])
  );
}

/** The npm package a bare specifier names: `@scope/pkg` or `pkg`, without a subpath. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Lookup tables over a catalog, built once per catalog and shared by every file analysed. */
export class CatalogIndex {
  readonly catalog: Catalog;
  private readonly modules = new Map<string, { module: SourceModule; apis: Map<string, SourceApi[]>; wildcards: WildcardApi[] }>();
  private readonly sdkByPackage = new Map<string, Sdk>();
  /** Package patterns with a `*`, split at `/` once (packagePatternMatches, without splitting each time). */
  private readonly sdkGlobs: { parts: string[]; sdk: Sdk }[] = [];
  private readonly sdkByGlobal = new Map<string, Sdk>();
  private readonly sdkByCapacitorPlugin = new Map<string, { sdk: Sdk; package: string }>();
  private readonly globalsByPath = new Map<string, SourceApi[]>();
  private readonly sinksByModule = new Map<string, { sink: Sink; calls: Map<string, SinkCall> }>();
  private readonly sinksByGlobalPath = new Map<string, { sink: Sink; call: SinkCall }>();
  private readonly sdkBySpecifier = new Map<string, { sdk: Sdk; package: string } | null>();
  private readonly sdksById = new Map<string, Sdk>();
  /** First identifiers of catalogued globals that yield personal data or belong to an SDK (navigator, document, fbq …). */
  readonly collectingGlobals = new Set<string>();
  /** First identifiers of catalogued globals that send data out (fetch, XMLHttpRequest …). */
  readonly sendingGlobals = new Set<string>();
  /** The value models (HTTP requests, headers …) and their lookups. */
  readonly models: ModelIndex;
  /** Personal data known by what the code calls it. */
  readonly names: NameMatcher;
  /** APIs known by their member name on any object (`*.getParameter`), by name. */
  private readonly membersByName = new Map<string, SourceApi[]>();
  /** The category an API id is catalogued under (before `also` and argument variants). */
  private readonly primaryCategories = new Map<string, string>();
  /** The fingerprinting signal group of an API id, for the APIs that have one (docs/fingerprinting.md). */
  private readonly signals = new Map<string, string>();
  /** APIs marked `sent: stored`: sites only where their value is kept on the device. */
  private readonly storedOnly = new Set<string>();
  /** `module\0path` (or `\0path` for globals) of every call whose result or callback a catalogued API reads further: `fetch()`, `addEventListener()=>0:0`. */
  private readonly continuedPaths = new Set<string>();
  /** The last member of every module API read past a call or a member (`details.cellularGeneration` → cellularGeneration): what a read through a project re-export may be. */
  private readonly moduleReadTails = new Set<string>();
  /** The consent-management APIs of guards.yaml (and the config's catalog). */
  readonly guards: GuardMatcher;
  /** The collection switches of guards.yaml: calls that guard an SDK's every call. */
  readonly switches: SwitchMatcher;

  constructor(catalog: Catalog) {
    this.catalog = catalog;
    this.guards = new GuardMatcher(catalog.guards);
    this.switches = new SwitchMatcher(catalog.guards);
    this.models = new ModelIndex(catalog.models);
    this.names = new NameMatcher(catalog.personalNames);
    for (const api of catalog.members) {
      const list = this.membersByName.get(api.name) ?? [];
      list.push(api);
      this.membersByName.set(api.name, list);
      if (!this.primaryCategories.has(api.id)) this.primaryCategories.set(api.id, api.category);
      this.noteSignal(api);
    }
    for (const model of catalog.models) {
      for (const member of model.members) {
        if (!('source' in member)) continue;
        this.primaryCategories.set(member.source.id, member.source.category);
        this.noteSignal(member.source);
      }
    }
    for (const module of catalog.modules) {
      const apis = new Map<string, SourceApi[]>();
      const wildcards: WildcardApi[] = [];
      for (const api of module.apis) {
        if (isWildcardPath(api.name)) wildcards.push({ pattern: wildcardPattern(api.name), api });
        else apis.set(api.name, [...(apis.get(api.name) ?? []), api]);
      }
      this.modules.set(module.module, { module, apis, wildcards });
      for (const api of module.apis) {
        if (api.kind === 'read' && api.name.includes('.')) this.moduleReadTails.add(api.name.slice(api.name.lastIndexOf('.') + 1));
        this.addContinuedPaths(module.module, api.name);
        this.primaryCategories.set(api.id, api.category);
        this.noteSignal(api);
      }
    }
    for (const sdk of catalog.sdks) {
      this.sdksById.set(sdk.id, sdk);
      for (const pattern of sdk.packages) {
        if (pattern.includes('*')) this.sdkGlobs.push({ parts: pattern.split('/'), sdk });
        else if (!this.sdkByPackage.has(pattern)) this.sdkByPackage.set(pattern, sdk);
      }
      for (const [name, pkg] of Object.entries(sdk.capacitorPlugins ?? {})) if (!this.sdkByCapacitorPlugin.has(name)) this.sdkByCapacitorPlugin.set(name, { sdk, package: pkg });
      for (const name of sdk.globals) {
        this.sdkByGlobal.set(name, sdk);
        this.collectingGlobals.add(name.split('.')[0]!);
      }
    }
    for (const api of catalog.globals) {
      this.addContinuedPaths('', api.name);
      if (!this.primaryCategories.has(api.id)) this.primaryCategories.set(api.id, api.category);
      this.noteSignal(api);
      const list = this.globalsByPath.get(api.name) ?? [];
      list.push(api);
      this.globalsByPath.set(api.name, list);
      this.collectingGlobals.add(api.name.split('.')[0]!);
    }
    for (const sink of catalog.sinks) {
      const calls = new Map(sink.calls.map((call) => [call.name, call]));
      if (sink.module) this.sinksByModule.set(sink.module, { sink, calls });
      if (sink.global) {
        for (const call of sink.calls) this.sinksByGlobalPath.set(call.name, { sink, call });
        this.sendingGlobals.add(sink.global);
      }
    }
  }

  /**
   * What loading `specifier` brings in, for pre-checks: 'collects' for a source module, an SDK or a
   * request framework, 'sends' for a module that is only a sink (axios, node-fetch …), undefined for anything else.
   */
  moduleRole(specifier: string): 'collects' | 'sends' | undefined {
    if (this.sourceModule(specifier) !== undefined || this.sdkForSpecifier(specifier) !== undefined) return 'collects';
    const module = withoutNodePrefix(specifier);
    // A consent wrapper (@segment/analytics-consent-tools) switches an SDK's collection for every file.
    if (this.switches.coversModule(module)) return 'collects';
    // Values found by where a function is, not by its name (app.get callbacks, next/headers): loading the framework matters.
    if (this.models.modules.has(module)) return 'collects';
    return this.sinksByModule.has(module) ? 'sends' : undefined;
  }

  /** Record the call prefixes of an API path that continue past a call: `fetch()` and `addEventListener()=>0:0` of `addEventListener()=>0:0.details.ssid`. */
  private addContinuedPaths(module: string, name: string): void {
    for (const match of name.matchAll(/\(\)(=>\d+:\d+)?(?=.)/g)) {
      this.continuedPaths.add(`${module}\0${name.slice(0, match.index + match[0].length)}`);
    }
  }

  /**
   * Does a catalogued API read further into the result of this call (`NetInfo.fetch()` →
   * `fetch().details.ssid`), or into parameter `parameter` of its callback argument `argument`?
   * `module` is undefined for a global path.
   */
  continuesPast(module: string | undefined, callPath: string, callback?: { argument: number; parameter: number }): boolean {
    const suffix = callback ? `=>${callback.argument}:${callback.parameter}` : '';
    const key = module === undefined ? '' : withoutNodePrefix(module);
    if (this.continuedPaths.has(`${key}\0${callPath}${suffix}`)) return true;
    const namespace = module !== undefined && this.sourceModule(module)?.module.default === 'namespace';
    return namespace && callPath.startsWith('default.') && this.continuedPaths.has(`${key}\0${callPath.slice('default.'.length)}${suffix}`);
  }

  /** The catalogued category of an API id (`react-native-device-info#getUniqueId` → device.id). */
  primaryCategory(apiId: string): string | undefined {
    return this.primaryCategories.get(apiId);
  }

  sourceModule(specifier: string): { module: SourceModule; apis: Map<string, SourceApi[]>; wildcards: WildcardApi[] } | undefined {
    return this.modules.get(withoutNodePrefix(specifier));
  }

  /** The SDK a module specifier belongs to: exact package or subpath, then globs. Asked for every call on an import, so remembered. */
  sdkForSpecifier(specifier: string): Sdk | undefined {
    return this.sdkMatch(specifier)?.sdk;
  }

  /**
   * The catalogued package a module specifier belongs to: `@awesome-cordova-plugins/smartlook/ngx` →
   * `@awesome-cordova-plugins/smartlook`, `firebase/analytics` → `firebase/analytics` (listed as
   * such); the specifier itself when no SDK claims it.
   */
  sdkPackage(specifier: string): string {
    return this.sdkMatch(specifier)?.package ?? specifier;
  }

  /** The fingerprinting signal group (`screen`, `canvas` …) of a catalogued API, if it has one. */
  signalOf(apiId: string): string | undefined {
    return this.signals.get(apiId);
  }

  /** Is this API a site only where its value reaches storage (`sent: stored`, a generated id)? */
  isStoredOnly(apiId: string): boolean {
    return this.storedOnly.has(apiId);
  }

  /** What a generated id kept by a flow's sink package (`js-cookie`, `global:localStorage`) is, when the sink says (`keeps`). */
  keptAs(sinkPackage: string): string | undefined {
    const global = sinkPackage.startsWith('global:') ? sinkPackage.slice('global:'.length) : undefined;
    if (global === undefined) return this.sinksByModule.get(sinkPackage)?.sink.keeps;
    for (const { sink } of this.sinksByGlobalPath.values()) if (sink.global === global && sink.keeps) return sink.keeps;
    return undefined;
  }

  private noteSignal(api: SourceApi): void {
    if (api.sent === 'stored') this.storedOnly.add(api.id);
    if (api.signal !== undefined && !this.signals.has(api.id)) this.signals.set(api.id, api.signal);
  }

  sdkById(id: string): Sdk | undefined {
    return this.sdksById.get(id);
  }

  /** The SDK of a specifier and the package pattern's name it matched (asked for every call on an import, so remembered). */
  private sdkMatch(specifier: string): { sdk: Sdk; package: string } | undefined {
    let known = this.sdkBySpecifier.get(specifier);
    if (known === undefined) {
      known = this.findSdk(specifier) ?? null;
      this.sdkBySpecifier.set(specifier, known);
    }
    return known ?? undefined;
  }

  private findSdk(specifier: string): { sdk: Sdk; package: string } | undefined {
    const packageName = packageNameOf(specifier);
    for (let candidate = specifier; candidate; candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('/')))) {
      const exact = this.sdkByPackage.get(candidate);
      if (exact) return { sdk: exact, package: candidate };
      const candidateParts = candidate.split('/');
      const glob = this.sdkGlobs.find(({ parts }) => parts.length === candidateParts.length && parts.every((part, index) => part === '*' || part === candidateParts[index]));
      if (glob) return { sdk: glob.sdk, package: candidate };
      if (candidate === packageName) break;
    }
    return undefined;
  }

  /** The SDK whose Capacitor plugin is registered as `name` (`registerPlugin('FirebaseMessaging')`, a capacitor.config `plugins` key). */
  sdkForCapacitorPlugin(name: string): { sdk: Sdk; package: string } | undefined {
    return this.sdkByCapacitorPlugin.get(name);
  }

  sdkForGlobal(name: string): Sdk | undefined {
    return this.sdkByGlobal.get(name);
  }

  /** The `kind: element` APIs a JSX tag names: an export of a module (`<Camera>`) or, without one, an intrinsic element (`<iframe>`). */
  elementApis(specifier: string | undefined, path: string): SourceApi[] {
    if (specifier === undefined) return (this.globalsByPath.get(path) ?? []).filter((api) => api.kind === 'element');
    const entry = this.sourceModule(specifier);
    if (!entry) return [];
    const named = entry.apis.get(path) ?? (path.startsWith('default.') && entry.module.default === 'namespace' ? entry.apis.get(path.slice('default.'.length)) : undefined);
    return (named ?? []).filter((api) => api.kind === 'element');
  }

  globalApis(path: string): SourceApi[] | undefined {
    return this.globalsByPath.get(path);
  }

  /** The global API of this path and access kind whose argument constraints the call meets. */
  globalApi(path: string, kind: SourceApi['kind'], argumentKeys: ArgumentKeys = NO_ARGUMENTS): SourceApi | undefined {
    return this.globalsByPath.get(path)?.find((api) => api.kind === kind && argumentsMatch(api.args, argumentKeys));
  }

  /**
   * The source API an access path of a module reaches, e.g. ("react-native-device-info",
   * "default.getUniqueId") with a namespace default export → getUniqueId.
   */
  moduleApi(specifier: string, exportPath: string, argumentKeys: ArgumentKeys = NO_ARGUMENTS): SourceApi | undefined {
    const entry = this.sourceModule(specifier);
    if (!entry) return undefined;
    const pick = (apis: SourceApi[] | undefined) => apis?.find((api) => argumentsMatch(api.args, argumentKeys));
    const direct = pick(entry.apis.get(exportPath)) ?? pick(entry.wildcards.filter(({ pattern }) => pattern.test(exportPath)).map(({ api }) => api));
    if (direct) return direct;
    if (exportPath.startsWith('default.') && entry.module.default === 'namespace') {
      return pick(entry.apis.get(exportPath.slice('default.'.length)));
    }
    return undefined;
  }

  /** The API a member name is on any object (`x.getParameter(gl.RENDERER)`), of this access kind, its argument constraints met. */
  memberApi(name: string, kind: SourceApi['kind'], argumentKeys: ArgumentKeys = NO_ARGUMENTS): SourceApi | undefined {
    return this.membersByName.get(name)?.find((api) => api.kind === kind && argumentsMatch(api.args, argumentKeys));
  }

  /** Whether a read ending in this member may be a module API read through a project re-export (`useNetInfo().details.cellularGeneration`). */
  isModuleReadTail(name: string): boolean {
    return this.moduleReadTails.has(name);
  }

  /** Whether any catalogued member API has this name (cheap pre-check before computing argument keys). */
  hasMemberApi(name: string): boolean {
    return this.membersByName.has(name);
  }

  /** The names of the catalog's member APIs (`getParameter`, `toDataURL` …), for the editor's pre-check. */
  memberApiNames(): IterableIterator<string> {
    return this.membersByName.keys();
  }

  /** The sink a call of `exportPath` on module `specifier` is, trying "default." for namespace-style defaults. */
  moduleSink(specifier: string, exportPath: string): { sink: Sink; call: SinkCall } | undefined {
    const entry = this.sinksByModule.get(withoutNodePrefix(specifier));
    if (!entry) return undefined;
    const call = entry.calls.get(exportPath) ?? (exportPath.startsWith('default.') ? entry.calls.get(exportPath.slice('default.'.length)) : undefined);
    return call ? { sink: entry.sink, call } : undefined;
  }

  globalSink(path: string): { sink: Sink; call: SinkCall } | undefined {
    return this.sinksByGlobalPath.get(path);
  }

  /** A call of a consent-management API (AdsConsent.gatherConsent()): not an SDK data call. */
  isConsentApiCall(specifier: string | undefined, path: string): boolean {
    return isConsentApiCall(this.catalog.guards, specifier === undefined ? undefined : withoutNodePrefix(specifier), path);
  }

  vendorName(id: string): string {
    return this.catalog.vendors.find((vendor) => vendor.id === id)?.name ?? id;
  }
}

/** Every category an API can yield: its own, those of `argumentCategories`, and `also` (other platforms). */
export function apiCategories(api: SourceApi): string[] {
  const categories = [api.category, ...Object.values(api.argumentCategories?.properties ?? {}), ...(api.also ?? []).map((variant) => variant.category)];
  return [...new Set(categories)];
}

/** `node:os` and `os` are the same core module; the catalog lists the bare name. */
function withoutNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

/** A module API whose path has a `*` segment (`NativeModules.*.getToken`): any one member there. */
interface WildcardApi {
  pattern: RegExp;
  api: SourceApi;
}

const isWildcardPath = (name: string) => name.split(/[.]/).includes('*');

/** `NativeModules.*.getToken` → a pattern where `*` is one member name (no dot, no call). */
function wildcardPattern(name: string): RegExp {
  const escaped = name.split('.').map((segment) => (segment === '*' ? '[^.()=>]+' : segment.replace(/[\\^$+?.()|[\]{}]/g, '\\$&')));
  return new RegExp(`^${escaped.join('\\.')}$`);
}
