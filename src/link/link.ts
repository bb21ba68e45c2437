import { apiCategories, type CatalogIndex } from '../catalog/match.js';
import type { GuardSpec } from '../catalog/types.js';
import type { Annotation, Destination, FileFacts, FunctionFact, GuardCall, IpcFacts, ProjectReference, Range, SdkCallSite, SiteContext, SourceSite, SwitchSite } from '../detect/facts.js';
import { switchesBySdk, type SdkSwitches } from './switches.js';
import { pathString } from '../detect/access-path.js';
import type { ModuleResolver } from '../project/resolve.js';
import { compareByPlace, compareText, type Placed } from '../util/order.js';
import { toPosixRelative } from '../util/paths.js';
import { catalogGuardKeys, catalogGuardMatches, configuredGuardKeys, type ConfiguredGuard } from './guards.js';
import { byRegion, destinationOfText } from '../detect/destination-text.js';
import type { CollectionSite, ConsentCheck, DataFlow, Diagnostic, Inventory, PurposeOrigin, ResolvedDestination, SdkCall, SdkUse, ViaStep } from './inventory.js';
import { cutDiagnostics, exportLocation, linkedSinkSite } from './flow-linking.js';
import { DEFAULT_FLOW_BUDGET, findFlows, type FlowBudget, type FlowGraphInput, type FlowStart } from './flows.js';
import type { Timings } from '../util/timings.js';
import { ReferenceResolver, type Target } from './resolve-references.js';
import { visitorIdWrites } from './visitor-id-writes.js';
import { cataloguedLineKey, cataloguedSinkKey, needsFlowKey, withSinkReachingNames, withoutExplainedNames, withoutUnstoredIds } from './named-sites.js';
import { renamingSteps, viaChain, viaSteps, withInnerSteps, withOuterStep, type ViaChain } from './via-chain.js';
import { internalErrorMessage } from '../util/internal-error.js';
import { injectTestFault } from '../util/test-fault.js';
import { combinedFunctions, type CombinedFunctions } from './fingerprint-gatherings.js';
import { foldRepeatedWrapperCalls } from './repeated-wrapper-calls.js';
import { bridgedCalls, type BridgedHandler } from './ipc-bridge.js';

export interface LinkInput {
  root: string;
  /** Facts per absolute file path. */
  files: ReadonlyMap<string, FileFacts>;
  modules: ModuleResolver;
  catalog: CatalogIndex;
  guards: readonly ConfiguredGuard[];
  /** The config's guards as written: mappings of catalog guards' keys (`{ catalog, key | keys }`). */
  guardSpecs?: readonly GuardSpec[];
  /** Diagnostics found before analysis (skipped files, tsconfig problems). */
  diagnostics?: Diagnostic[];
  flowBudget?: FlowBudget;
  /** The facts are a part of the project (the editor): calls into files not read are not followed by flows. */
  partialProject?: boolean;
  timings?: Timings;
  /** Put the stack of an internal error in its diagnostic (--debug). */
  debug?: boolean;
}

/**
 * How far consent is followed through callers: a function counts as guarded when every call
 * site is, up to this many calls away. Deeper chains are treated as unguarded (documented).
 */
export const MAX_GUARD_DEPTH = 4;

/** How many project functions deep an SDK call is lifted to its callers (`track()` → `logEvent()` → the SDK). */
const MAX_SDK_WRAPPER_DEPTH = 6;

interface WrapperSource {
  api: string;
  category: string;
  via: ViaChain;
  purpose?: { purposes: string[]; annotation: Annotation & { file: string } };
  keys: Set<string>;
}

/** An SDK call inside a project function (or the functions it calls), as its callers reach it. */
interface WrappedSdkCall {
  call: Pick<SdkCallSite, 'sdkId' | 'package' | 'api'>;
  via: ViaStep[];
}

/**
 * A function's wrapper sources without repeats: two paths to the same API that differ only in the
 * steps they take say the same thing about every call site (the first, shortest found, is kept), and
 * a wrapper calling another twice, level after level, would otherwise double them at each level.
 */
class WrapperSourceList {
  readonly sources: WrapperSource[] = [];
  private readonly seen = new Set<string>();

  add(source: WrapperSource): void {
    const annotation = source.purpose?.annotation;
    const identity = [source.api, source.category, [...source.keys].sort().join(','), source.purpose?.purposes.join(',') ?? '', annotation ? `${annotation.file}:${annotation.line}` : ''].join('\0');
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.sources.push(source);
  }
}

/** What a function returns that may be personal data: catalogued sources, and calls of other functions. */
interface ReturnedValues {
  sources: SourceSite[];
  references: ProjectReference[];
}

const NOTHING_RETURNED: ReturnedValues = { sources: [], references: [] };

/** What linking one file adds to the inventory. */
interface LinkedFile {
  collections: CollectionSite[];
  sdks: SdkUse[];
  sdkCalls: SdkCall[];
}

interface Caller {
  file: string;
  reference: ProjectReference;
}

const functionKey = (file: string, index: number) => `${file}\0${index}`;

/** Join the facts of every file into the inventory: wrappers, re-exports and consent guards resolved. */
export function link(input: LinkInput): Inventory {
  return new Linker(input).run();
}

class Linker {
  private readonly references: ReferenceResolver;
  private readonly callers = new Map<string, Caller[]>();
  private readonly escapes = new Set<string>();
  private readonly resolvedCalls = new Map<ProjectReference, Target>();
  private readonly functionGuards = new Map<string, Set<string>>();
  private readonly wrappers = new Map<string, WrapperSource[]>();
  private readonly sdkWrappers = new Map<string, WrappedSdkCall[]>();
  private readonly returnedValues = new Map<string, Map<number, ReturnedValues>>();
  /** Files privlint failed on while indexing calls (a bug): reported, and left out of the inventory. */
  private readonly failed = new Map<string, unknown>();
  /** Sites that count only with a flow to a sink (SourceSite.needsFlow: names in project calls, APIs marked `sent`), by needsFlowKey. */
  private readonly needFlow = new Set<string>();
  /** needFlow places that count only with a flow into a hash deriving an identifier (SourceSite.deriveOnly). */
  private readonly deriveOnly = new Set<string>();
  /** The SDKs whose collection a switch in the project follows, with the keys that proves. */
  private sdkSwitches = new Map<string, SdkSwitches>();
  /** Functions whose signals a gathering in another file makes a fingerprint (fingerprint-gatherings.ts). */
  private combined: CombinedFunctions = { functions: new Map(), calls: new Set() };
  /** Renderer calls through Electron's IPC bridge: the main-process handlers each reaches (ipc-bridge.ts). */
  private bridged = new Map<string, Map<number, BridgedHandler[]>>();
  /** The guard calls seen while computing sites' keys, by file, callee and arguments. */
  private readonly consentChecks = new Map<string, ConsentCheck>();

  constructor(private readonly input: LinkInput) {
    this.references = new ReferenceResolver(input.files, input.modules);
  }

  run(): Inventory {
    this.indexCallers();
    this.sdkSwitches = this.findSwitches();
    this.bridged = bridgedCalls({
      files: this.input.files,
      resolvedCall: (file, index) => {
        const reference = this.input.files.get(file)?.projectReferences[index];
        return reference && this.resolvedCalls.get(reference);
      },
      relative: (file) => this.relative(file),
    });
    this.combined = combinedFunctions({
      files: this.input.files,
      resolve: (file, reference) => this.references.resolve(file, reference),
      resolvedCall: (_file, reference) => this.resolvedCalls.get(reference),
      signalOf: (apiId) => this.input.catalog.signalOf(apiId),
    });
    const collections: CollectionSite[] = [];
    const sdks: SdkUse[] = [];
    const sdkCalls: SdkCall[] = [];
    const diagnostics: Diagnostic[] = [...(this.input.diagnostics ?? [])];

    for (const [file, facts] of this.input.files) {
      const relative = this.relative(file);
      for (const diagnostic of facts.diagnostics) diagnostics.push({ file: relative, ...diagnostic });
      // A failure inside privlint on one file is that file's diagnostic: what the file adds is kept only when all of it was linked.
      const linked: LinkedFile = { collections: [], sdks: [], sdkCalls: [] };
      try {
        if (this.failed.has(file)) throw this.failed.get(file);
        injectTestFault('link', file);
        this.linkFile(file, facts, linked);
      } catch (error) {
        diagnostics.push({ file: relative, line: 1, column: 1, severity: 'warning', message: internalErrorMessage(error, this.input.debug) });
        continue;
      }
      collections.push(...linked.collections);
      sdks.push(...linked.sdks);
      sdkCalls.push(...linked.sdkCalls);
    }
    const flowsStarted = performance.now();
    const found = this.flows(collections, diagnostics);
    const explained = withoutExplainedNames(collections, found.flows, found.cataloguedSinksBeyondUnread, this.needFlow);
    const storedOnly = (api: string) => this.input.catalog.isStoredOnly(api);
    const flows = withoutUnstoredIds(explained.flows, storedOnly);
    this.input.timings?.add('flows', performance.now() - flowsStarted);
    const keptAs = (sinkPackage: string) => this.input.catalog.keptAs(sinkPackage);
    const sited = withSinkReachingNames(explained.collections, flows, this.needFlow, storedOnly, keptAs, this.deriveOnly);
    return {
      collections: sortByPlace([...sited, ...visitorIdWrites(sited, flows, keptAs, (flow) => this.storageWriteSite(flow))]),
      sdks: sortByPlace(sdks),
      sdkCalls: foldRepeatedWrapperCalls(sortByPlace(sdkCalls)),
      flows: flows.sort(compareFlows),
      diagnostics: sortByPlace(diagnostics),
      consentChecks: [...this.consentChecks.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.callee < b.callee ? -1 : a.callee > b.callee ? 1 : 0)),
    };
  }

  /** What one file adds to the inventory: its collection sites (its own, and its calls of wrappers), SDK uses and SDK calls. */
  private linkFile(file: string, facts: FileFacts, { collections, sdks, sdkCalls }: LinkedFile): void {
    const relative = this.relative(file);
    const combined = this.combined.functions.get(file);
    // A signal in a function a fingerprint gathers is device.fingerprint: one site per place and API, as in a fingerprinting file.
    const isCombined = (functionIndex: number | null, apiId: string) => functionIndex !== null && combined?.has(functionIndex) === true && this.input.catalog.signalOf(apiId) !== undefined;
    const fingerprinted = new Set<string>();
    const seenFingerprint = (place: Range, apiId: string): boolean => {
      const key = `${place.line}:${place.column}:${apiId}`;
      if (fingerprinted.has(key)) return true;
      fingerprinted.add(key);
      return false;
    };
    for (const source of facts.sources) {
      // A name that counts only with a flow (a value a builder returns) stays at its place, where the flow is checked.
      if (!source.needsFlow && this.representedByCallers(file, source)) continue;
      if (source.needsFlow) this.needFlow.add(needsFlowKey({ file: relative, ...source.range }, source.apiId));
      if (source.deriveOnly) this.deriveOnly.add(needsFlowKey({ file: relative, ...source.range }, source.apiId));
      const combinedHere = isCombined(source.functionIndex, source.apiId);
      if (combinedHere && seenFingerprint(source.range, source.apiId)) continue;
      collections.push(this.site(file, source, source.range, source.apiId, combinedHere ? 'device.fingerprint' : source.category, this.throughSteps(file, source)));
    }
    for (const source of facts.heldSignals ?? []) {
      if (!isCombined(source.functionIndex, source.apiId) || seenFingerprint(source.range, source.apiId)) continue;
      collections.push(this.site(file, source, source.range, source.apiId, 'device.fingerprint', []));
    }
    for (const reference of facts.projectReferences) {
      const target = this.resolvedCalls.get(reference);
      if (!target) continue;
      if (target.kind === 'function' && target.rest.length === 0) {
        if (reference.callee !== undefined) for (const wrapped of this.reachedSdkCalls(reference, target, 0)) sdkCalls.push(this.liftedSdkCall(file, reference, wrapped));
        const sources = this.wrapperSources(target.file, target.functionIndex);
        // A call whose result is dropped or only tested (a write through a get/set helper) collects nothing it returns.
        if (sources.length === 0 || reference.resultUnused || this.representedByCallers(file, reference)) continue;
        for (const source of sources) {
          const combinedHere = (isCombined(reference.functionIndex, source.api) || this.combined.calls.has(reference)) && this.input.catalog.signalOf(source.api) !== undefined;
          if (combinedHere && seenFingerprint(reference.range, source.api)) continue;
          collections.push(this.wrapperCallSite(file, reference, combinedHere ? { ...source, category: 'device.fingerprint' } : source));
        }
      } else if (target.kind === 'external') {
        const api = this.externalCallApi(target);
        if (api && !this.representedByCallers(file, reference)) {
          const via = renamingSteps(target.renamedAt, target.specifier, (at) => this.relative(at));
          for (const category of apiCategories(api)) collections.push(this.site(file, reference, reference.range, api.id, category, via));
        }
        const sdkCall = this.sdkCallThrough(file, reference, target);
        if (sdkCall) sdkCalls.push(sdkCall);
      }
    }
    for (const read of facts.projectReads ?? []) {
      // A package's read reached through the project's re-export of it: the package's site, with the renaming shown.
      const target = this.references.resolve(file, read.reference);
      if (target.kind !== 'external') continue;
      const api = this.input.catalog.moduleApi(target.specifier, pathString(target.segments));
      // A trait that counts only where it leaves (`sent`) would need its flow, which this read has none of.
      if (api?.kind !== 'read' || api.sent || this.representedByCallers(file, read)) continue;
      const via = renamingSteps(target.renamedAt, target.specifier, (at) => this.relative(at));
      for (const category of apiCategories(api)) collections.push(this.site(file, read, read.range, api.id, category, via));
    }
    for (const pending of facts.pendingKeyedReads) {
      const constant = this.references.resolve(file, pending.constant);
      if (constant.kind !== 'string') continue;
      const api = this.input.catalog.models.keyedSource(pending.model, constant.value);
      if (api && !this.representedByCallers(file, pending)) {
        collections.push(this.site(file, pending, pending.range, api.id, api.category, []));
      }
    }
    for (const use of facts.sdkUses) {
      const sdk = this.input.catalog.sdkById(use.sdkId)!;
      sdks.push({ file: relative, ...use.range, package: use.package, sdk: sdk.id, vendor: sdk.vendor, kind: sdk.kind });
    }
    for (const call of facts.sdkCalls) sdkCalls.push(this.sdkCall(file, call));
    for (const [index, handlers] of this.bridged.get(file) ?? []) sdkCalls.push(...this.bridgedSdkCalls(file, facts.ipc!.calls[index]!, handlers));
  }

  /** A renderer's call through the IPC bridge: an SDK call for each SDK the main-process handlers reach, with the chain. */
  private bridgedSdkCalls(file: string, call: IpcFacts['calls'][number], handlers: BridgedHandler[]): SdkCall[] {
    const byPackage = new Map<string, SdkCall>();
    for (const handler of handlers) {
      for (const wrapped of this.wrappedSdkCalls(handler.file, handler.functionIndex, 0)) {
        if (byPackage.has(wrapped.call.package)) continue;
        const { sdkId, package: pkg, api } = wrapped.call;
        byPackage.set(pkg, { ...this.sdkCall(file, { ...call, sdkId, package: pkg, api }), via: [...handler.via, ...wrapped.via] });
      }
    }
    return [...byPackage.values()];
  }

  private sdkCall(file: string, call: SiteContext & { sdkId: string; package: string; api: string; callee: string; range: Range }): SdkCall {
    const sdk = this.input.catalog.sdkById(call.sdkId)!;
    const switched = this.sdkSwitches.get(sdk.id);
    const keys = [...new Set([...this.siteKeys(file, call, 0), ...(switched?.keys ?? [])])].sort();
    return {
      file: this.relative(file),
      ...call.range,
      package: call.package,
      sdk: sdk.id,
      vendor: sdk.vendor,
      kind: sdk.kind,
      callee: call.callee,
      api: `${call.package}#${call.api}`,
      consentKeys: keys,
      guarded: keys.length > 0,
      ...(switched ? { switches: switched.notes } : {}),
    };
  }

  /** The collection switches of every file (guards.yaml `switches:`), by the SDK they switch. */
  private findSwitches(): Map<string, SdkSwitches> {
    const sites = [...this.input.files].flatMap(([file, facts]): [string, SwitchSite[]][] => (facts.switches && !this.failed.has(file) ? [[file, facts.switches]] : []));
    if (sites.length === 0) return new Map();
    const guards = new Map(this.input.catalog.catalog.guards.map((guard) => [guard.id, guard]));
    return switchesBySdk(sites, guards, this.input.guardSpecs ?? [], {
      guardCallKeys: (file, guard) => this.guardCallKeys(file, guard),
      siteKeys: (file, context) => this.siteKeys(file, context, 0),
      relative: (file) => this.relative(file),
    });
  }

  /**
   * A call through a project module that re-exports an SDK (`import { analytics } from './sdk'`,
   * where ./sdk has `export { default as analytics } from '@react-native-firebase/analytics'`): an SDK
   * call like a direct one — the outer call of a chain, and not the SDK's own consent API.
   */
  private sdkCallThrough(file: string, reference: ProjectReference, target: Target & { kind: 'external' }): SdkCall | undefined {
    const through = this.sdkThrough(reference, target);
    return through && this.sdkCall(file, { ...reference, ...through, callee: reference.callee! });
  }

  /** The SDK a call through a re-export reaches, if it is an SDK call (see sdkCallThrough). */
  private sdkThrough(reference: ProjectReference, target: Target & { kind: 'external' }): WrappedSdkCall['call'] | undefined {
    if (reference.callee === undefined || reference.chained) return undefined;
    const { catalog } = this.input;
    const sdk = catalog.sdkForSpecifier(target.specifier);
    const api = pathString(target.segments);
    if (!sdk || catalog.isConsentApiCall(target.specifier, api)) return undefined;
    return { sdkId: sdk.id, package: catalog.sdkPackage(target.specifier), api };
  }

  // ── flows ───────────────────────────────────────────────────────────────

  /**
   * The flows, and — for a partial project (the editor) — the sinks that catalogued data reaches
   * when calls into unread files pass their arguments on, as a scan would find: a named site whose
   * data ends there is explained by a catalogued one just as in the scan (link/named-sites.ts).
   */
  private flows(collections: CollectionSite[], diagnostics: Diagnostic[]): { flows: DataFlow[]; cataloguedSinksBeyondUnread?: ReadonlySet<string> } {
    const { files, catalog, modules } = this.input;
    const referenceLists = new Map([...files].map(([file, facts]) => [file, facts.projectReferences] as const));
    const targetOf = (file: string, index: number) => {
      const reference = referenceLists.get(file)?.[index];
      return reference ? this.resolvedCalls.get(reference) : undefined;
    };
    const externalSource = (file: string, index: number) => {
      const target = targetOf(file, index);
      return target?.kind === 'external' && this.externalCallApi(target) !== undefined;
    };
    const origin = (start: FlowStart): { range: Range; api: string; category: string; context: SiteContext } => {
      if (start.viaCall) {
        const reference = referenceLists.get(start.viaCall.file)![start.viaCall.referenceIndex]!;
        const api = this.externalCallApi(targetOf(start.viaCall.file, start.viaCall.referenceIndex) as Target & { kind: 'external' })!;
        return { range: reference.range, api: api.id, category: api.category, context: reference };
      }
      const source = files.get(start.file)!.sources[start.sourceIndex]!;
      return { range: source.range, api: source.apiId, category: source.category, context: source };
    };
    const searchInput: Omit<FlowGraphInput, 'unreadCalls'> = {
      root: this.input.root,
      files,
      resolvedCall: targetOf,
      externalSource,
      linkedSink: (file, index) => {
        const target = targetOf(file, index);
        const called = this.clientMethod(target) ?? target;
        return linkedSinkSite(catalog, referenceLists.get(file)![index]!, called, (at, destination) => this.resolveDestination(at, destination), file);
      },
      exportLocation: (file, specifier, name) => exportLocation(files, modules, file, specifier, name),
      ...(this.input.flowBudget ? { budget: this.input.flowBudget } : {}),
    };
    const search = findFlows({ ...searchInput, unreadCalls: this.input.partialProject ? 'stop' : 'pass-through' });
    let cataloguedSinksBeyondUnread: Set<string> | undefined;
    if (this.input.partialProject && collections.some((site) => site.api.startsWith('name:'))) {
      cataloguedSinksBeyondUnread = new Set();
      for (const flow of findFlows({ ...searchInput, unreadCalls: 'pass-through' }).flows) {
        const found = origin(flow.start);
        if (found.api.startsWith('name:')) continue;
        const { range } = flow.sink.site;
        const sink = { file: this.relative(flow.sink.file), line: range.line, column: range.column };
        cataloguedSinksBeyondUnread.add(cataloguedSinkKey(found.category, sink));
        for (const step of flow.steps) cataloguedSinksBeyondUnread.add(cataloguedLineKey(sink, step));
      }
    }
    const budget = this.input.flowBudget ?? DEFAULT_FLOW_BUDGET;
    diagnostics.push(
      ...cutDiagnostics(search.cuts, budget, (start) => {
        const found = origin(start);
        return { file: this.relative(start.file), what: `${found.category} (${found.api})` };
      }),
    );

    const sitesByPlace = new Map(collections.map((site) => [`${site.file}:${site.line}:${site.column}`, site]));
    const seen = new Set<string>();
    const out: DataFlow[] = [];
    for (const flow of search.flows) {
      const found = origin(flow.start);
      const sink = flow.sink.site;
      const sourcePlace = { file: this.relative(flow.start.file), line: found.range.line, column: found.range.column };
      const identity = `${sourcePlace.file}:${sourcePlace.line}:${sourcePlace.column}>${flow.sink.id}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      // The purposes of the reported collection site nearest the sink (a wrapper's call site, or the source itself).
      const places = [sourcePlace, ...flow.steps].map((step) => sitesByPlace.get(`${step.file}:${step.line}:${step.column}`)).filter((site): site is CollectionSite => site !== undefined);
      const purposes = places.at(-1)?.purposes ?? this.purposeOf(flow.start.file, found.context)?.purposes ?? [];
      const sdk = sink.sdkId ? catalog.catalog.sdks.find((candidate) => candidate.id === sink.sdkId) : undefined;
      const switchedKeys = sink.sdkId ? (this.sdkSwitches.get(sink.sdkId)?.keys ?? []) : [];
      const keys = [...new Set([...this.siteKeys(flow.sink.file, sink, 0), ...switchedKeys])].sort();
      const destination = sink.destination ? this.resolveDestination(flow.sink.file, sink.destination) : undefined;
      out.push({
        category: found.category,
        api: found.api,
        source: sourcePlace,
        purposes,
        sink: {
          file: this.relative(flow.sink.file),
          ...sink.range,
          kind: sink.kind,
          package: sink.package,
          ...(sdk ? { sdk: sdk.id, vendor: sdk.vendor } : {}),
          callee: sink.callee,
          ...(destination ? { destination } : {}),
          consentKeys: keys,
          guarded: keys.length > 0,
        },
        hashed: flow.hashed,
        steps: [{ ...sourcePlace, note: `collected by ${found.api}` }, ...flow.steps],
      });
    }
    return cataloguedSinksBeyondUnread ? { flows: out, cataloguedSinksBeyondUnread } : { flows: out };
  }

  /** `getClient().track`: the method of what the project function returns (an SDK or HTTP client), when it is external. */
  private clientMethod(target: Target | undefined): (Target & { kind: 'external' }) | undefined {
    if (target?.kind !== 'function' || target.rest[0] !== '()') return undefined;
    for (const returned of this.functionFact(target.file, target.functionIndex)?.returns ?? []) {
      const resolved = this.references.resolve(target.file, { root: returned.root, segments: [...returned.segments, ...target.rest.slice(1)] });
      if (resolved.kind === 'external') return resolved;
    }
    return undefined;
  }

  private resolveDestination(file: string, destination: Destination): ResolvedDestination {
    if (destination.kind !== 'imported') return destination;
    const target = this.references.resolve(file, destination.constant);
    if (target.kind === 'string') {
      const resolved = destinationOfText(destination.prefix + target.value);
      return resolved.kind === 'imported' ? { kind: 'unknown' } : resolved;
    }
    if (target.kind === 'strings' && destination.lookup === 'element') {
      const resolved = byRegion(target.values);
      return resolved.kind === 'by-region' ? resolved : { kind: 'unknown' };
    }
    return { kind: 'unknown' };
  }

  // ── call graph ──────────────────────────────────────────────────────────

  private indexCallers(): void {
    for (const [file, facts] of this.input.files) {
      try {
        this.indexCallersIn(file, facts);
      } catch (error) {
        this.failed.set(file, error);
      }
    }
  }

  private indexCallersIn(file: string, facts: FileFacts): void {
    for (const reference of facts.projectReferences) {
      const target = this.references.resolve(file, { root: reference.reference.root, segments: reference.reference.segments.slice(0, -1) });
      this.resolvedCalls.set(reference, target);
      if (target.kind !== 'function' || target.rest.length > 0) continue;
      const key = functionKey(target.file, target.functionIndex);
      const list = this.callers.get(key) ?? [];
      list.push({ file, reference });
      this.callers.set(key, list);
    }
    for (const escape of facts.escapes) {
      const target = this.references.resolve(file, escape);
      if (target.kind === 'function' && target.rest.length === 0) this.escapes.add(functionKey(target.file, target.functionIndex));
    }
  }

  /**
   * A site whose value its function returns, when a caller uses that value: the callers are reported
   * instead. When every caller drops the result (`void register()`), the site stays where it is.
   */
  private representedByCallers(file: string, context: SiteContext): boolean {
    if (!context.returned || context.functionIndex === null) return false;
    return this.callers.get(functionKey(file, context.functionIndex))?.some((caller) => !caller.reference.resultUnused) ?? false;
  }

  private functionFact(file: string, index: number): FunctionFact | undefined {
    return this.input.files.get(file)?.functions[index];
  }

  // ── consent ─────────────────────────────────────────────────────────────

  /** Keys a site is guarded by: its conditions, its functions' @privacy-requires-consent, and guarded callers. */
  private siteKeys(file: string, context: SiteContext, depth: number, includeCallers = true): Set<string> {
    const keys = new Set<string>();
    for (const guard of context.guards) for (const key of this.guardCallKeys(file, guard)) keys.add(key);
    for (let index = context.functionIndex; index !== null; ) {
      const fact = this.functionFact(file, index);
      if (!fact) break;
      fact.requiresConsent.forEach((key) => keys.add(key));
      if (includeCallers) this.callerGuardKeys(file, index, depth).forEach((key) => keys.add(key));
      index = fact.parentFunction;
    }
    return keys;
  }

  private guardCallKeys(file: string, guard: GuardCall): string[] {
    const matches = catalogGuardMatches(guard, this.input.catalog);
    const keys = [
      ...configuredGuardKeys(guard, file, this.input.guards, this.input.modules),
      ...catalogGuardKeys(guard, this.input.catalog, this.input.guardSpecs ?? [], matches),
    ];
    if (guard.reference) {
      const target = this.references.resolve(file, guard.reference);
      if (target.kind === 'function' && target.rest.length === 0) {
        const consentGuard = this.functionFact(target.file, target.functionIndex)?.consentGuard;
        if (consentGuard) {
          const key = guard.args[0];
          keys.push(...(consentGuard.keys.length > 0 ? consentGuard.keys : key ? [key] : []));
        }
      }
    }
    this.recordConsentCheck(file, guard, keys, matches[0]?.guardId);
    return keys;
  }

  /** A guard call in effect somewhere, once per file, callee and arguments (for privlint init). */
  private recordConsentCheck(file: string, guard: GuardCall, keys: string[], catalogGuard: string | undefined): void {
    const id = `${file}\0${guard.callee}\0${JSON.stringify(guard.args)}`;
    if (this.consentChecks.has(id)) return;
    const callee = guard.callee.replace(/^await\s+/, '');
    this.consentChecks.set(id, { file: this.relative(file), callee, args: [...guard.args], test: guard.test !== undefined, keys: [...new Set(keys)], ...(catalogGuard ? { catalogGuard } : {}) });
  }

  /** Keys every caller of a function is guarded by (empty when a caller is unknown or unguarded). */
  private callerGuardKeys(file: string, index: number, depth: number): Set<string> {
    const key = functionKey(file, index);
    const cached = this.functionGuards.get(key);
    if (cached) return cached;
    const callers = this.callers.get(key) ?? [];
    if (depth >= MAX_GUARD_DEPTH || callers.length === 0 || this.escapes.has(key)) return new Set();
    this.functionGuards.set(key, new Set()); // recursion: a cycle proves nothing
    let common: Set<string> | undefined;
    for (const caller of callers) {
      const keys = this.siteKeys(caller.file, caller.reference, depth + 1);
      common = common ? new Set([...common].filter((candidate) => keys.has(candidate))) : keys;
      if (common.size === 0) break;
    }
    const result = common ?? new Set<string>();
    this.functionGuards.set(key, result);
    return result;
  }

  // ── wrappers ────────────────────────────────────────────────────────────

  /**
   * The catalogued values a project function returns, directly or through other wrappers, each
   * function computed once. Without recursion — generated or recursive code nests wrappers
   * thousands deep — the functions its returned calls lead to are done first; one still being
   * done (a cycle) counts as returning nothing.
   */
  private wrapperSources(file: string, index: number): WrapperSource[] {
    const key = functionKey(file, index);
    const known = this.wrappers.get(key);
    if (known) return known;
    const stack = [{ file, index, key, entered: false }];
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      if (frame.entered) {
        stack.pop();
        this.wrappers.set(frame.key, this.ownWrapperSources(frame.file, frame.index));
        continue;
      }
      if (this.wrappers.has(frame.key)) {
        stack.pop(); // done, or being done further down the stack, since it was pushed
        continue;
      }
      frame.entered = true;
      this.wrappers.set(frame.key, []);
      const callees = this.returnedCallees(frame.file, frame.index).filter((callee) => !this.wrappers.has(callee.key));
      // Reversed, so that the first callee is done first, as a recursive walk would.
      for (const callee of callees.reverse()) stack.push({ ...callee, entered: false });
    }
    return this.wrappers.get(key)!;
  }

  /** The project functions whose results a function returns (`return inner()`). */
  private returnedCallees(file: string, index: number): { file: string; index: number; key: string }[] {
    const callees: { file: string; index: number; key: string }[] = [];
    for (const reference of this.returnedBy(file, index).references) {
      const target = this.resolvedCalls.get(reference);
      if (target?.kind === 'function' && target.rest.length === 0) callees.push({ file: target.file, index: target.functionIndex, key: functionKey(target.file, target.functionIndex) });
    }
    return callees;
  }

  /**
   * The sources and project calls whose values a function returns, found through an index of the
   * file built once: a file of thousands of wrappers would otherwise be read once per function.
   */
  private returnedBy(file: string, index: number): ReturnedValues {
    let byFunction = this.returnedValues.get(file);
    if (!byFunction) {
      byFunction = new Map();
      const facts = this.input.files.get(file);
      const entry = (functionIndex: number) => {
        let values = byFunction!.get(functionIndex);
        if (!values) byFunction!.set(functionIndex, (values = { sources: [], references: [] }));
        return values;
      };
      for (const source of facts?.sources ?? []) if (source.returned && !source.needsFlow && source.functionIndex !== null) entry(source.functionIndex).sources.push(source);
      for (const reference of facts?.projectReferences ?? []) if (reference.returned && reference.functionIndex !== null) entry(reference.functionIndex).references.push(reference);
      this.returnedValues.set(file, byFunction);
    }
    return byFunction.get(index) ?? NOTHING_RETURNED;
  }

  /** wrapperSources of one function, from those of the functions it returns calls of (already computed). */
  private ownWrapperSources(file: string, index: number): WrapperSource[] {
    const facts = this.input.files.get(file);
    if (!facts) return [];
    // The function's record is read only for a function that does return something catalogued:
    // most called functions do not, and a cached file's functions are deserialised on first read.
    let shownName: string | undefined;
    const name = () => (shownName ??= functionLabel(this.functionFact(file, index)));
    const result = new WrapperSourceList();
    const returned = this.returnedBy(file, index);
    for (const source of returned.sources) {
      result.add({
        api: source.apiId,
        category: source.category,
        via: withInnerSteps(viaChain({ file: this.relative(file), line: source.range.line, column: source.range.column, note: `${name()} returns ${source.apiId}` }), this.throughSteps(file, source)),
        ...this.wrapperPurpose(file, source),
        keys: this.siteKeys(file, source, MAX_GUARD_DEPTH, false),
      });
    }
    for (const reference of returned.references) {
      const target = this.resolvedCalls.get(reference);
      const step = (note: string): ViaStep => ({ file: this.relative(file), line: reference.range.line, column: reference.range.column, note });
      if (target?.kind === 'function' && target.rest.length === 0) {
        const inner = this.functionFact(target.file, target.functionIndex);
        for (const source of this.wrappers.get(functionKey(target.file, target.functionIndex)) ?? []) {
          const localKeys = this.siteKeys(file, reference, MAX_GUARD_DEPTH, false);
          const purpose = this.wrapperPurpose(file, reference).purpose ?? source.purpose;
          result.add({
            api: source.api,
            category: source.category,
            via: withOuterStep(step(`${name()} returns ${inner?.name ?? 'a function'}()`), source.via),
            ...(purpose ? { purpose } : {}),
            keys: new Set([...source.keys, ...localKeys]),
          });
        }
      } else if (target?.kind === 'external') {
        const api = this.externalCallApi(target);
        for (const category of api ? apiCategories(api) : []) {
          result.add({
            api: api!.id,
            category,
            via: viaChain(step(`${name()} returns ${api!.id}`)),
            ...this.wrapperPurpose(file, reference),
            keys: this.siteKeys(file, reference, MAX_GUARD_DEPTH, false),
          });
        }
      }
    }
    return result.sources;
  }

  /**
   * The SDK calls a project function makes in its own body, directly or through the project
   * functions it calls — one per SDK package — so that a call of `logging.warn()` or
   * `initializeSentry()` is seen as reaching the SDK. Calls in functions nested in it (an event
   * handler a component defines) are not: calling the outer function does not run them. Only calls
   * count, not a JSX element that names a component. Bounded by MAX_SDK_WRAPPER_DEPTH.
   *
   * `ownOnly`, for a method of a class instance or of an object a function returns (an API client's
   * `getUser`): only the SDK calls in the method's own body. An API client's methods reach an SDK
   * only deep in their transport (a crash report when a token refresh fails); lifting that to every
   * request the app makes would report each as an SDK call.
   */
  private wrappedSdkCalls(file: string, index: number, depth: number, ownOnly = false): WrappedSdkCall[] {
    const key = ownOnly ? `${functionKey(file, index)}\0own` : functionKey(file, index);
    const cached = this.sdkWrappers.get(key);
    if (cached) return cached;
    this.sdkWrappers.set(key, []); // recursion: a cycle adds nothing
    const facts = this.input.files.get(file);
    if (!facts || depth > MAX_SDK_WRAPPER_DEPTH) return [];
    const inside = (functionIndex: number | null) => functionIndex === index;
    let shownName: string | undefined;
    const name = () => (shownName ??= functionLabel(this.functionFact(file, index)));
    const byPackage = new Map<string, WrappedSdkCall>();
    const add = (wrapped: WrappedSdkCall) => {
      if (!byPackage.has(wrapped.call.package)) byPackage.set(wrapped.call.package, wrapped);
    };
    for (const call of facts.sdkCalls) {
      if (!inside(call.functionIndex)) continue;
      add({ call, via: [{ file: this.relative(file), line: call.range.line, column: call.range.column, note: `${name()} calls ${call.callee}` }] });
    }
    // `setOptOut(value) { optedOut = value }` where `if (!optedOut) Bugsnag.notify(e)`: the function switches the SDK.
    for (const flag of facts.sdkFlags ?? []) {
      if (!inside(flag.functionIndex)) continue;
      const at = (line: number, column: number, note: string): ViaStep => ({ file: this.relative(file), line, column, note });
      add({ call: flag, via: [at(flag.line, flag.column, `${name()} sets ${flag.flag}`), at(flag.gated.line, flag.gated.column, `${flag.callee} runs only as ${flag.flag} says`)] });
    }
    for (const reference of facts.projectReferences) {
      const target = this.resolvedCalls.get(reference);
      if (!target || reference.callee === undefined || !inside(reference.functionIndex)) continue;
      if (target.kind === 'external') {
        // An SDK function re-exported by a project module (a shim): `setUserId(analytics, id)`.
        const through = this.sdkThrough(reference, target);
        if (through) add({ call: through, via: [{ file: this.relative(file), line: reference.range.line, column: reference.range.column, note: `${name()} calls ${reference.callee}` }] });
        continue;
      }
      if (ownOnly || target.kind !== 'function' || target.rest.length > 0) continue;
      // An error handler made here (`.catch(handleError(config))`) is not lifted further: it runs on failure only, and its
      // place is reported where it is attached, not at every request of the function that attaches it.
      const inner = this.wrappedSdkCalls(target.file, target.functionIndex, depth + 1, target.viaMember);
      if (inner.length === 0) continue;
      const step: ViaStep = { file: this.relative(file), line: reference.range.line, column: reference.range.column, note: `${name()} calls ${reference.callee}` };
      for (const wrapped of inner) add({ call: wrapped.call, via: [step, ...wrapped.via] });
    }
    const result = [...byPackage.values()];
    this.sdkWrappers.set(key, result);
    return result;
  }

  /**
   * The SDK calls a call of a project function reaches: the function's, and — when the call's result
   * runs there (`.catch(handleError(config))`) — those of the function it returns (FunctionFact.members `()`).
   */
  private reachedSdkCalls(reference: ProjectReference, target: Target & { kind: 'function' }, depth: number): WrappedSdkCall[] {
    const own = this.wrappedSdkCalls(target.file, target.functionIndex, depth, target.viaMember);
    const made = reference.resultRuns ? this.functionFact(target.file, target.functionIndex)?.members?.['()'] : undefined;
    if (made?.kind !== 'function') return own;
    const byPackage = new Map(own.map((wrapped) => [wrapped.call.package, wrapped]));
    for (const wrapped of this.wrappedSdkCalls(target.file, made.functionIndex, depth)) if (!byPackage.has(wrapped.call.package)) byPackage.set(wrapped.call.package, wrapped);
    return [...byPackage.values()];
  }

  /** A call of a function that calls an SDK: inventory, with the chain down to the SDK call (checks judge the SDK call itself). */
  private liftedSdkCall(file: string, reference: ProjectReference, wrapped: WrappedSdkCall): SdkCall {
    const { sdkId, package: pkg, api } = wrapped.call;
    return { ...this.sdkCall(file, { ...reference, sdkId, package: pkg, api, callee: reference.callee! }), via: wrapped.via };
  }

  private wrapperPurpose(file: string, context: SiteContext): Pick<WrapperSource, 'purpose'> {
    const found = this.purposeOf(file, context);
    return found ? { purpose: { purposes: found.purposes, annotation: found.annotation } } : {};
  }

  private externalCallApi(target: Target & { kind: 'external' }) {
    const api = this.input.catalog.moduleApi(target.specifier, pathString(target.segments));
    return api?.kind === 'call' ? api : undefined;
  }

  // ── sites ───────────────────────────────────────────────────────────────

  private purposeOf(file: string, context: SiteContext): { purposes: string[]; origin: PurposeOrigin; annotation: Annotation & { file: string } } | undefined {
    const relative = this.relative(file);
    if (context.annotation) {
      return { purposes: context.annotation.purposes, origin: 'statement', annotation: { ...context.annotation, file: relative } };
    }
    for (let index = context.functionIndex; index !== null; ) {
      const fact = this.functionFact(file, index);
      if (!fact) break;
      if (fact.annotation) return { purposes: fact.annotation.purposes, origin: 'function', annotation: { ...fact.annotation, file: relative } };
      index = fact.parentFunction;
    }
    return undefined;
  }

  private site(file: string, context: SiteContext, range: Range, api: string, category: string, via: ViaStep[]): CollectionSite {
    const purpose = this.purposeOf(file, context);
    const keys = [...this.siteKeys(file, context, 0)].sort();
    return {
      file: this.relative(file),
      ...range,
      category,
      api,
      purposes: purpose?.purposes ?? [],
      ...(purpose ? { purposeOrigin: purpose.origin, annotation: purpose.annotation } : {}),
      consentKeys: keys,
      guarded: keys.length > 0,
      via,
      annotationLine: context.annotationLine,
      ...(context.detachedAnnotationLine !== undefined && !purpose ? { detachedAnnotationLine: context.detachedAnnotationLine } : {}),
    };
  }

  /** `uaData.mobile` where `const uaData = navigator.userAgentData` two lines up: that line, as a step. */
  private throughSteps(file: string, source: SourceSite): ViaStep[] {
    const { through } = source;
    if (!through) return [];
    const note = through.key
      ? `${through.name} is put into the object sent`
      : through.handed
        ? `the callback passes its value on here (${through.name})`
        : `read through ${through.name}, which gets its value here`;
    return [{ file: this.relative(file), line: through.line, column: through.column, note }];
  }

  private wrapperCallSite(file: string, reference: ProjectReference, source: WrapperSource): CollectionSite {
    const site = this.site(file, reference, reference.range, source.api, source.category, viaSteps(source.via));
    if (site.purposes.length === 0 && source.purpose) {
      site.purposes = source.purpose.purposes;
      site.purposeOrigin = 'wrapper';
      site.annotation = source.purpose.annotation;
    }
    const keys = new Set([...site.consentKeys, ...source.keys]);
    site.consentKeys = [...keys].sort();
    site.guarded = keys.size > 0;
    return site;
  }

  /** The collection site of a storage write a flow ends at (visitor-id-writes.ts): the write's own place, context and guards. */
  private storageWriteSite(flow: DataFlow): CollectionSite | undefined {
    for (const [file, facts] of this.input.files) {
      if (this.relative(file) !== flow.sink.file) continue;
      const sink = facts.sinks.find((each) => each.kind === 'storage' && each.range.line === flow.sink.line && each.range.column === flow.sink.column);
      if (!sink) return undefined;
      const method = sink.callee.split('.').pop() ?? sink.callee;
      const api = sink.package.startsWith('global:') ? `${sink.package.slice('global:'.length)}.${method}` : `${sink.package}#${method}`;
      return this.site(file, sink, sink.range, api, 'web.cookies', []);
    }
    return undefined;
  }

  private relative(file: string): string {
    return toPosixRelative(this.input.root, file);
  }
}

/** "getDeviceId()" in a via step; "a function" for an anonymous one. */
function functionLabel(fact: FunctionFact | undefined): string {
  return !fact || fact.name === '<anonymous>' ? 'a function' : `${fact.name}()`;
}

function comparePlaces(a: Placed, b: Placed): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function sortByPlace<T extends Placed>(items: T[]): T[] {
  return items.sort(compareByPlace);
}

/** Flows in output order: by sink, then source, then category (also used to merge shards). */
export function compareFlows(a: Pick<DataFlow, 'sink' | 'source' | 'category'>, b: typeof a): number {
  return comparePlaces(a.sink, b.sink) || comparePlaces(a.source, b.source) || compareText(a.category, b.category);
}
