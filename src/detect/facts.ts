import type { SinkKind } from '../catalog/types.js';

/**
 * What one file says, independent of every other file and of any policy: the output of
 * analyzeFile(). Plain JSON (no AST nodes), so it can be cached on disk and sent between
 * worker threads. The link step (src/link) joins the facts of all files into an inventory.
 */

/** A range in the file, 1-based lines and columns, end exclusive (as SARIF regions). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A `@privacy-purpose a, b -- reason` annotation. */
export interface Annotation {
  purposes: string[];
  reason?: string;
  line: number;
  column: number;
  /** Where each purpose is written (a quick-fix replaces a misspelt one there); a purpose written twice, twice. */
  spans?: { purpose: string; line: number; column: number }[];
}

/** Where an access path starts: an import, a global, a value of a catalogued model (an HTTP request …) or a local function. */
export type ReferenceRoot =
  | { kind: 'import'; specifier: string; typeOnly?: boolean }
  | { kind: 'global'; name: string }
  | { kind: 'model'; model: string }
  | { kind: 'function'; functionIndex: number };

/** A path from a root: member names, and `()` for a call. `import X from 'm'` starts with "default". */
export interface Reference {
  root: ReferenceRoot;
  segments: string[];
}

/** A call that returned true before the site ran: a possible consent guard. */
export interface GuardCall {
  /** The callee as written, without `await`: "hasConsent", "consentStore.isGranted". */
  callee: string;
  /** The callee resolved through imports and local bindings, when it could be. */
  reference?: Reference;
  /** String literal arguments by position (null where not a literal); with `test`, those of the tested path's last call. */
  args: (string | null)[];
  /**
   * A condition that tests more than "this call returned true": a member of a call's result
   * (`info.canRequestAds`), a comparison with a literal (`status === 'granted'`), a callback's
   * parameter (`tcData.purpose.consents[1]`). Only the catalog's guards (guards.yaml) match these;
   * `callee` is then the text of the tested path's last call (or of the tested expression).
   */
  test?: { reference: Reference; equals?: string | number | boolean; negated?: true };
}

/** The circumstances of a site inside its file. */
export interface SiteContext {
  /** Index into FileFacts.functions of the innermost enclosing function, or null at module level. */
  functionIndex: number | null;
  /** The annotation directly above the site's statement. */
  annotation?: Annotation;
  /** Calls known to have returned true when the site runs (if conditions, early returns, &&). */
  guards: GuardCall[];
  /** The site's value (or something derived from it) is returned by the enclosing function. */
  returned: boolean;
  /** The line above which a `// @privacy-purpose` comment would annotate the site. */
  annotationLine: number;
  /** A `@privacy-purpose` above the site's statement that a blank line cuts off (it does not apply). */
  detachedAnnotationLine?: number;
}

/** A catalogued source API called or read in this file. */
export interface SourceSite extends SiteContext {
  apiId: string;
  category: string;
  range: Range;
  /** Personal data known by name passed to project code, or an API marked `sent`: a site only where linking finds it reaching a sink. */
  needsFlow?: true;
  /** With needsFlow: only a flow into a hash that derives an identifier counts (a bare `ip` handed to project code). */
  deriveOnly?: true;
  /**
   * A read through a variable declared on another line (`const uaData = navigator.userAgentData; uaData.mobile`):
   * where its value was read. `key`: an object sent whole, reported where it is sent (`search(queries)`): where
   * the personal key (`name`) was written into it. `handed`: a call that hands its value to a callback
   * (`getCurrentPosition((p) => …)`): where the callback first passes it on (`name` is that read).
   */
  through?: { line: number; column: number; name: string; key?: true; handed?: true };
}

/** An import / require / import() of a catalogued SDK, or a call of an SDK's global. */
export interface SdkUseSite {
  sdkId: string;
  /** The catalogued package the specifier belongs to (a subpath folded into its package), or `global:<name>` for a snippet global such as fbq. */
  package: string;
  range: Range;
}

/** A call on an SDK binding (`analytics().logEvent(...)`), checked for consent. */
export interface SdkCallSite extends SiteContext {
  sdkId: string;
  /** The catalogued package (`@awesome-cordova-plugins/smartlook` for `…/smartlook/ngx`), or `global:<name>`. */
  package: string;
  /** The path called in the package: `default().logEvent`, `init().track`, `fbq`. */
  api: string;
  /** The call as written, shortened: "analytics().logEvent". */
  callee: string;
  range: Range;
}

/**
 * A call of a catalogued collection switch (guards.yaml `switches:`): `setAnalyticsCollectionEnabled(pref)`,
 * `Sentry.init({ enabled: pref })`. Linking makes it guard every call of the SDKs it switches.
 */
export interface SwitchSite extends SiteContext {
  guardId: string;
  /** The switch's index in its guard's `switches`. */
  switchIndex: number;
  /** The SDK ids whose calls it guards. */
  sdks: string[];
  /** The call as written, shortened: "analytics().setAnalyticsCollectionEnabled". */
  callee: string;
  range: Range;
  /**
   * What it sets: `on` (a literal true, a callback that never refuses), `off` (a literal false,
   * `optOutTracking()`, properties set to 'denied'), or `preference` (a value the code decides).
   */
  value: 'on' | 'off' | 'preference';
  /** Under `denied`: the names of the properties switched off (Consent Mode's `analytics_storage` …). */
  keys?: string[];
  /** For a preference: the guard calls the value itself is made of (`setAnalyticsCollectionEnabled(await hasConsent('analytics'))`). */
  valueGuards?: GuardCall[];
}

/** A call of something the file imports from the project or declares itself: a possible wrapper or guard. The reference ends with `()`. */
export interface ProjectReference extends SiteContext {
  reference: Reference;
  range: Range;
  /** For a call: the callee as written, shortened ("api.post", "analytics().logEvent"), in case linking finds it is a sink or an SDK call. */
  callee?: string;
  /** The call's result is used further in the chain (`client().track()` for `client()`): the outer call is the SDK call. */
  chained?: true;
  /** The call's result runs here: it is called (`make(x)()`) or handed to a call as a callback (`.catch(handleError(config))`). */
  resultRuns?: true;
  /** The call's result is discarded or only made a yes/no (`setCookie(k, v);`, `!!getCookie(k)`): the caller collects nothing it returns. */
  resultUnused?: true;
  /** Where its first argument points, when that is known (a URL, if the call turns out to be a network sink). */
  urlArgument?: Destination;
}

/**
 * A member read on a binding imported from project code, ending in a member some package's catalogued read
 * ends in (`useNetInfo().details.cellularGeneration` where the project re-exports netinfo's useNetInfo):
 * the package's read if linking finds the binding is that package's.
 */
export interface ProjectRead extends SiteContext {
  reference: Reference;
  range: Range;
}

/** A member of a model read by a key that is a constant imported from another file (`req.headers[IP_HEADER]`): resolved when linking. */
export interface PendingKeyedRead extends SiteContext {
  model: string;
  constant: Reference;
  range: Range;
}

/** Where a network call sends data, as far as it can be known statically. */
export type Destination =
  | { kind: 'host'; host: string }
  /** A path such as "/api/x": the app's own origin. */
  | { kind: 'relative' }
  /** Chosen per region from a constant map: `HOSTS[region]`. Keys are upper-case region codes or DEFAULT. */
  | { kind: 'by-region'; hosts: Record<string, string> }
  /** Depends on a constant imported from another file; resolved when linking. */
  | { kind: 'imported'; constant: Reference; prefix: string; lookup?: 'element' }
  | { kind: 'unknown' };

/** A call through which data leaves the app: an SDK call or a network request (catalog `sinks`). */
export interface SinkSite extends SiteContext {
  kind: SinkKind;
  /** The SDK (for sdk sinks), from the catalog. */
  sdkId?: string;
  /** Module specifier, or `global:<name>`. */
  package: string;
  callee: string;
  range: Range;
  destination?: Destination;
}

/**
 * One step of data moving inside a file, between value slots: `s<i>` source i, `v<pos>` a variable,
 * `p<f>.<k>` parameter k of function f, `r<f>` what function f returns, `c<i>` the result of project
 * call i (projectReferences[i]), `a<i>.<k>` its argument k, `k<j>` the data of sink j.
 */
export interface FlowEdge {
  from: string;
  to: string;
  line: number;
  column: number;
  /** What happens here, for people: "assigned to id", "passed to track()", "hashed with sha256". */
  note: string;
  hashed?: true;
  /** The value was cast to a boolean (`!!id`): whether the data is there, not the data. Not followed to sinks. */
  presence?: true;
  /**
   * The value only shaped how another value is shown or shifted — a locale given to a formatter
   * (`new Intl.NumberFormat(locale).format(n)`, `n.toLocaleString(locale)`), a time-zone offset added
   * to a time or given to a Date setter: the result is the other value; or it was combined in arithmetic
   * with another computed number (`base * fontScale`, detect/numeric-mix.ts). Followed to sinks like any
   * edge; only the escape rule of low-confidence reads (containment.ts) stops there.
   */
  formatted?: true;
}

export interface FunctionFact {
  /** Display name: "getDeviceId", "DeviceService.getId", "<anonymous>". */
  name: string;
  range: Range;
  parentFunction: number | null;
  /** @privacy-purpose on the function (or its class). */
  annotation?: Annotation;
  /** @privacy-requires-consent keys. */
  requiresConsent: string[];
  /** @privacy-consent: the function is a consent guard; [] key list means "the key is argument 0". */
  consentGuard?: { keys: string[] };
  /**
   * What the function returns, when that is an imported value or made from one (a client:
   * `return client` after `client = Mixpanel.init(…)`), so `getClient().track(…)` can be linked.
   */
  returns?: Reference[];
  /**
   * The functions of the object the function returns (`return { track(id) { … } }`, a factory of an
   * API client), by member name, so `makeApi(config).track(id)` in any file reaches `track`; member
   * `()` is a function the function returns (a factory of loggers: `const warn = makeLogger('warn')`).
   */
  members?: Record<string, ExportTarget>;
}

export type ExportTarget =
  /** `members`: functions assigned to the function's properties at the top level (`A.logError = (…) => …`). A class is an
   * `object` whose `()` member holds what an instance has (`new Api(config).getUser(id)`). */
  | { kind: 'function'; functionIndex: number; members?: Record<string, ExportTarget> }
  /** `base`: for a client made by a call (`axios.create({ baseURL })`), where its first argument points. */
  | { kind: 'reference'; reference: Reference; base?: Destination }
  /** `spreads`: other modules' objects spread into it (`{ ...eventHelpers }`), searched for a member it does not name. */
  | { kind: 'object'; members: Record<string, ExportTarget>; spreads?: ExportTarget[] }
  | { kind: 'string'; value: string }
  | { kind: 'star'; specifier: string }
  | { kind: 'unknown' };

export interface ExportFact {
  /** Export name; "default"; "*" for `export * from` and for `module.exports = value`. */
  name: string;
  target: ExportTarget;
  /** `export { getUniqueId as getDeviceId } from '…'`: the name it had, and where it was renamed (a step of the via chain). */
  renamed?: { from: string; line: number; column: number };
}

/** One object or array literal collecting several project functions: their calls (projectReferences indexes) and the functions used as values. */
export interface Gathering {
  calls: number[];
  values: Reference[];
}

export interface FileDiagnostic {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'note';
}

/** A privlint-disable comment (see src/detect/suppressions.ts). */
export interface SuppressionComment {
  rules: string[];
  /** The next line, the comment's own line, or the whole file. */
  scope: 'next-line' | 'line' | 'file';
  reason?: string;
  line: number;
  column: number;
  /** What removing the comment deletes: its whole line when nothing else is on it, else the comment and the space before it. */
  removal: Range;
}

/** A function assigning a module variable that an SDK call's condition tests (detect/sdk-flags.ts): it switches the SDK. */
export interface SdkFlagSite {
  functionIndex: number;
  /** The variable: "optedOut". */
  flag: string;
  /** Where the function assigns it. */
  line: number;
  column: number;
  /** The SDK call the variable decides on. */
  sdkId: string;
  package: string;
  api: string;
  callee: string;
  gated: { line: number; column: number };
}

/** The file's parts of Electron's IPC bridge (detect/electron-ipc.ts), joined by channel when linking. */
export interface IpcFacts {
  /** `ipcRenderer.send/invoke('channel', …)` inside a function. */
  sends: { functionIndex: number; channel: string }[];
  /** `contextBridge.exposeInMainWorld('key', value)`: what the renderer sees as `window.key`. */
  exposed: { key: string; target: ExportTarget }[];
  /** `ipcMain.on/handle('channel', handler)`. */
  handlers: { channel: string; functionIndex: number }[];
  /** A function passing two of its parameters to `ipcMain.on/handle` (a typed wrapper): their positions. */
  registrars: { functionIndex: number; channel: number; handler: number }[];
  /** A call of a project function with a channel name and a handler (`ipcMainOn('channel', handler)`), a registrar's call if linking finds it one. */
  registrations: { referenceIndex: number; channel: string; functionIndex: number }[];
  /** `window.key.member(…)` calls: through the bridge, when a preload exposes `key`. */
  calls: (SiteContext & { path: string[]; callee: string; range: Range })[];
}

export interface FileFacts {
  sources: SourceSite[];
  sdkUses: SdkUseSite[];
  sdkCalls: SdkCallSite[];
  /** Calls of catalogued collection switches (absent when there are none). */
  switches?: SwitchSite[];
  sinks: SinkSite[];
  /** Functions setting a variable an SDK call depends on (absent when there are none). */
  sdkFlags?: SdkFlagSite[];
  /** Electron's IPC bridge (absent when the file has no part of it). */
  ipc?: IpcFacts;
  flowEdges: FlowEdge[];
  /** React contexts imported from other files whose values flow out of them here (the `x@` slots edges leave). */
  contextImports?: { specifier: string; name: string }[];
  projectReferences: ProjectReference[];
  /** Project functions used as values (callbacks, stored in objects): their callers are unknown. */
  escapes: Reference[];
  pendingKeyedReads: PendingKeyedRead[];
  /** Reads through a project binding that may be a re-exported package's (absent when none). */
  projectReads?: ProjectRead[];
  /**
   * Low-confidence fingerprinting signals whose value never leaves their function (the escape rule,
   * containment.ts): not collection sites here, but reported when linking finds the function's result
   * gathered with other signals into a fingerprint (link/fingerprint-gatherings.ts).
   */
  heldSignals?: SourceSite[];
  /** Project functions whose values or results this file collects together (detect/gatherings.ts). */
  gatherings?: Gathering[];
  functions: FunctionFact[];
  exports: ExportFact[];
  /** Every module specifier the file imports (for resolution and invalidation). */
  imports: string[];
  suppressions: SuppressionComment[];
  diagnostics: FileDiagnostic[];
  /**
   * Set when privlint did not analyse the file — nested deeper than it follows, or a bug in privlint
   * (`internal-error`, never cached: the next run tries again) — with the reason in `diagnostics`.
   */
  notAnalysed?: 'too-deep' | 'internal-error';
}

/** The facts of a file that says nothing (also what an unparsable file yields). */
export function emptyFacts(): FileFacts {
  return {
    sources: [],
    sdkUses: [],
    sdkCalls: [],
    sinks: [],
    flowEdges: [],
    projectReferences: [],
    escapes: [],
    pendingKeyedReads: [],
    functions: [],
    exports: [],
    imports: [],
    suppressions: [],
    diagnostics: [],
  };
}
