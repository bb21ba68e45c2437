/** privlint's knowledge of APIs and SDKs, as loaded from src/catalog/data/*.yaml and the user's config. */
import type { SdkKind } from './kinds.js';

/** How the code reaches an API: calls it, reads or writes it, constructs it, or decorates a parameter with it (NestJS `@Ip()`). */
/** `element`: a component rendered in JSX (`<Camera />`), which collects while it is on screen. */
export type AccessKind = 'call' | 'read' | 'write' | 'construct' | 'decorator' | 'element';
/** How sure a source is: `name` is a value known only by what the code calls it (personal-names.yaml). */
export type Confidence = 'high' | 'medium' | 'low' | 'name';

export interface SourceApi {
  /** Stable id: `module#name`, or the global path, or `request#…`. */
  id: string;
  /** The export path inside the module (`getUniqueId`, `default().getToken`), or the global path. */
  name: string;
  kind: AccessKind;
  category: string;
  confidence: Confidence;
  platform: string;
  /**
   * Other categories the same API yields on some operating system: getUniqueId is the IDFV
   * (device.id) on iOS and ANDROID_ID (device.android_id) on Android. A site is reported once per
   * category, since the manifest must declare each.
   */
  also?: { category: string; platform: string }[];
  /**
   * The category depends on an object-literal argument: the categories of its properties that are
   * present and not `false` (`getUserMedia({ audio: true })` → media.microphone); every listed
   * category when the argument cannot be read.
   */
  argumentCategories?: { argument: number; properties: Record<string, string> };
  /**
   * Literal arguments the last call of the path must have, by position (`getExtension('WEBGL_debug_renderer_info')`,
   * `getParameter(gl.RENDERER)`): an argument matches by its string or number value, or by the last name of a
   * member or identifier it is (`debugInfo.UNMASKED_RENDERER_WEBGL` → UNMASKED_RENDERER_WEBGL).
   */
  args?: ArgumentConstraints;
  /**
   * For `kind: element`: JSX attributes whose string value must hold one of the tokens (`allow="camera; microphone"`
   * holds camera; the value is split at `;`, `,` and spaces). An attribute written `{true}`-style matches `true`;
   * the token `*` matches the attribute whatever its value (a handler: `onPaste={…}`). The site is the attribute.
   */
  attributes?: Record<string, string[]>;
  /** A site only where linking finds its value reaching a sink (a trait read everywhere for layout or a platform test). */
  sent?: true | 'stored';
  /**
   * A browser or device trait that fingerprinting scripts combine, and its group (`canvas`, `webgl`,
   * `screen` …): a file that reads signals of several groups fingerprints (docs/fingerprinting.md).
   */
  signal?: string;
  /** The trait is whether the object is there: a member of it used (`localStorage.getItem(key)`) is no read of it (detect/visitors/reads.ts). */
  probe?: true;
  note?: string;
}

/** Argument position → the values that argument may have (see SourceApi.args). */
export type ArgumentConstraints = Record<string, ArgumentPattern[]>;
/**
 * A whole literal value, or (`contains`) a string literal holding this text: morgan's `':remote-addr :method :url'`,
 * or (`computed`) a value only known at run time from a key (`gl[name]`, a loop's variable over names the code did not spell out).
 */
export type ArgumentPattern = string | { contains: string } | { computed: true };

export interface SourceModule {
  module: string;
  platform: string;
  /** "namespace": the default export is an object holding the named exports. */
  default?: 'namespace';
  apis: SourceApi[];
}

/**
 * A value model: a kind of value the catalog knows by what it is rather than by the path that
 * produced it — an HTTP request, its headers, a socket, a WebGL context. Code gets one through a
 * type annotation, a framework's callback parameter, a catalogued call, a decorator or a member of
 * another model; reading its members yields personal data or further models. Adding a framework is
 * adding rows here, never code (catalog data `models:`; EXAMPLE-FORMAT.md).
 */
export interface ValueModel {
  id: string;
  /** Type names that make an annotated parameter, variable or field one: `Request` (any), `{ name: Request, module: express }`. */
  types: { name: string; module?: string }[];
  /** Parameter names that make a parameter one whatever its type (requests: req, ctx …; the config's requestParameterNames). */
  parameterNames: string[];
  /** Parameter `parameter` of a callback passed to a call on something from `module` whose last member is one of `calls` (app.get(path, (req) => …)). */
  callbacks: ModelCallback[];
  /** The first parameter of functions exported under `exports` from files named `files` (without extension): Next.js route handlers. */
  routeExports: { files: string[]; exports: string[] }[];
  /** Catalog paths whose value is one: `headers()` of next/headers, `document.createElement()` with args [canvas]. */
  producers: ModelProducer[];
  /** Functions whose call yields the member of this model that argument `keyArgument` names (h3's `getHeader(event, name)`). */
  accessors: { module?: string; path: string; keyArgument: number }[];
  /** Parameter decorators that inject one (`@Req()`); with keyArgument, the member that argument names (`@Headers('x-real-ip')`). */
  decorators: { module: string; name: string; keyArgument?: number }[];
  /** Paths on a value of this model: sub-models (`headers`, `socket`), keyed accessors (`get(name)`) and sources (`ip`). */
  members: ModelMember[];
  /** Member names compare case-insensitively (HTTP header names). */
  caseInsensitive: boolean;
  note?: string;
}

export interface ModelCallback {
  module: string;
  /** Method names (the last member of the callee): get, post, use, createServer … */
  calls: string[];
  /** Which parameter of the callback is the value (0-based). */
  parameter: number;
  /** For a callback with four parameters (Express error middleware `(err, req, res, next)`). */
  errorParameter?: number;
}

export interface ModelProducer {
  /** The module the path starts from; without it, the path starts with a global's name. */
  module?: string;
  path: string;
  args?: ArgumentConstraints;
}

/** A member of a model: another model (`headers`), a keyed accessor (`get()` + keyArgument 0: the header its argument names), or a source. */
export type ModelMember =
  | { path: string; model: string; keyArgument?: number; args?: ArgumentConstraints }
  | { path: string; source: SourceApi };

export interface Vendor {
  id: string;
  name: string;
  policyUrl?: string;
  domains: string[];
  note?: string;
}

/** The kinds of SDK: the list and the purposes each usually serves are in kinds.ts. */
export type { SdkKind };

export interface Sdk {
  id: string;
  vendor: string;
  name: string;
  kind: SdkKind;
  /** Exact package names or globs where `*` is one path segment. */
  packages: string[];
  /** Global functions or objects a script snippet defines (fbq, gtag). */
  globals: string[];
  /**
   * The names its Capacitor plugins are registered under (`registerPlugin('FirebaseMessaging')`), which
   * are also their keys in a Capacitor config's `plugins`, each with the package that registers it.
   */
  capacitorPlugins?: Record<string, string>;
  /** Categories the SDK collects on its own. */
  collects: string[];
  note?: string;
}

/** A consent-check function from the user's config, or a mapping of a catalog guard's keys. */
export type GuardSpec =
  | { call: string; keyArgument?: number; key?: string }
  | { member: string; keyArgument?: number; key?: string }
  | { module: string; export: string; keyArgument?: number; key?: string }
  /** A catalog guard (guards.yaml) by id: `key` replaces every key it proves, `keys` maps vendor keys one by one. */
  | { catalog: string; key?: string; keys?: Record<string, string> };

/**
 * One way a consent-management API shows that consent was given: a value that is truthy (or
 * equal to `equals`) only then. See guards.yaml and EXAMPLE-FORMAT.md.
 */
export interface GuardCheck {
  /** The npm module the path starts from; without it, the path starts with a global's name. */
  module?: string;
  /** The tested value's access path: `()` a call, `=>A:P` parameter P of callback argument A, `{key}` a member that names the key. */
  path: string;
  equals?: string | number | boolean;
  /** String arguments the last call of the path must have, by position. */
  args?: Record<string, string[]>;
  /** The key is this string argument of the last call. */
  keyArgument?: number;
  /** The key proven; `{key}` stands for the vendor key from `{key}` or keyArgument. Default: the guard's key, else `{key}`. */
  key?: string;
  /**
   * An opt-out signal: the check holds when the value is falsy (or, with `equals`, differs from it) —
   * `if (!navigator.globalPrivacyControl)`, `navigator.doNotTrack !== '1'`.
   */
  negated?: boolean;
}

/**
 * A call that switches an SDK's collection for the whole app (`setAnalyticsCollectionEnabled(pref)`,
 * `Sentry.init({ enabled: pref })`): given the user's choice, it guards every call of the SDKs it
 * switches. See guards.yaml and EXAMPLE-FORMAT.md.
 */
export interface CollectionSwitch {
  /** The npm module (`*` stands for one path segment: `@sentry/*`); without it, `path` starts at a global. */
  module?: string;
  /** The called path, as for SDK calls: `default().setAnalyticsCollectionEnabled`, `init`, `gtag`. */
  path: string;
  /** String arguments the call must have, by position. */
  args?: Record<string, string[]>;
  /** Calling it sets collection so whatever its arguments (`optOutTracking()`, a consent wrapper). */
  sets?: 'on' | 'off';
  /** Where the switch's value is: this argument … */
  argument?: number;
  /** … or this property of the object literal there. */
  property?: string;
  /** The value is a callback that can refuse: one of its returns is a literal null / false, or (`value`) some other value than its parameter. */
  drops?: ('null' | 'false' | 'value')[];
  /** A literal `true` there turns collection off (`opt_out_tracking_by_default: true`). */
  inverted?: boolean;
  /** The value is an object whose properties set to this literal are switched off; their names are the keys (Consent Mode's 'denied'). */
  denied?: string;
  /** The SDK ids whose calls it guards; default: the SDK of `module` (or of the global). */
  sdks?: string[];
  /** The key proven, overriding the guard's; `{key}` stands for a property name under `denied`. */
  key?: string;
}

/** A consent-management API privlint knows (guards.yaml). */
export interface CatalogGuard {
  id: string;
  name: string;
  /** The key its checks prove when they name none. */
  key?: string;
  checks: GuardCheck[];
  /** Calls that switch an SDK's collection app-wide (every call of the SDK is then guarded). */
  switches: CollectionSwitch[];
  /** Access paths (module or global) of the API's own calls: consent management, never SDK data calls. */
  consentApis: { module?: string; path: string }[];
  note?: string;
}

/** Where a sink's data goes: storage and logs stay with the app (collection, not sharing). */
/** `derive`: a hash that makes the data an identifier (a visitor id from the IP address); it stays with the app. */
export type SinkKind = 'sdk' | 'network' | 'storage' | 'log' | 'derive';

/** A call through which data leaves the app. */
export interface SinkCall {
  /** Path as for sources: "setUser", "default().logEvent", "navigator.sendBeacon". */
  name: string;
  /** Network: the argument holding the URL. */
  url?: number;
  /** Network: the argument of the first call in the receiver chain holding the URL or base URL. */
  chainUrl?: number;
  /** Network: `xhr.open(method, url)` before `xhr.send(body)`. */
  siblingUrl?: { call: string; arg: number };
  /** The arguments that carry data (default: all). */
  data?: number[];
  /** A member written, not called (`location.href = url`, `link.href = url`): the assigned value is argument 0. */
  assigned?: boolean;
}

export interface Sink {
  module?: string;
  global?: string;
  /** sdk: to the SDK's vendor; network: to the destination URL; storage: kept on the device; log: written to the app's logs. */
  kind: SinkKind;
  /** Storage: what a generated id kept here is, when not a device id (web storage and cookies: web.cookies). */
  keeps?: string;
  calls: SinkCall[];
}

/** Personal data known by what the code calls it (personal-names.yaml). */
export interface PersonalNames {
  entries: { category: string; words: string[][]; qualified: boolean; also?: string[] }[];
  trailingFillers: string[];
  leadingExclusions: string[];
  personOwners: string[];
  /** Objects whose coordinates are a place's, not the user's: `venue.latitude`. */
  placeOwners: string[];
  sendingVerbs: string[];
  identifyCalls: string[];
  /** Member calls that write what they are given to a database or a persisted model: `Record.create({ … })`. */
  storingMethods: string[];
  /** Words naming what a key/value call adds to a payload that is sent or kept: `payload.add('uid', id)`, `setConfig(…)`. */
  pairBuilders: string[];
  /** Last words of a call or class that builds a URL from what it is given: `buildSupportUrl`, `new GravatarURL(…)`. */
  urlBuilders: string[];
  /** Words that, in the name of the file or function a bare `token` is sent from, make it a push token: `savePushToken.js`. */
  tokenContexts: string[];
  /** Names of arrays whose entries are sent: `contexts.push({ data: { email } })`. */
  payloadArrays: string[];
  /** Last words of a receiver that `setItem(key, value)` keeps on the device, where it resolves to nothing catalogued: `asyncStorage.setItem(…)`. */
  storageReceivers: string[];
  /** Methods that add what they are given to an event a tracker sends, whatever the receiver: `payloadBuilder.addContextEntity({ … })`. */
  payloadAdders: string[];
  /** Names of functions whose return a tracker attaches to every event it sends: a plugin's `contexts: () => [{ schema, data }]`. */
  payloadReturners: string[];
  /** Names of arrays whose entries become Set-Cookie headers: `context.setCookies.push({ name, value })`. */
  setCookieArrays: string[];
  /** What a custom request header's name says it carries, its words after `X-` matched whole: `X-Session-Id`. */
  headerNames: { category: string; words: string[][] }[];
  /** Payload keys a tracking protocol documents, matched whole as a pair's key: Snowplow's `tr_ci` is a delivery city. */
  protocolKeys: { key: string; category: string }[];
}

export interface Catalog {
  modules: SourceModule[];
  globals: SourceApi[];
  models: ValueModel[];
  /**
   * APIs known by their member name whatever the object they are called on (`x.getParameter(gl.RENDERER)`,
   * `canvas.toDataURL()`): `name` is the member (`getParameter`), usually with `args` constraints.
   */
  members: SourceApi[];
  personalNames: PersonalNames;
  vendors: Vendor[];
  sdks: Sdk[];
  sinks: Sink[];
  guards: CatalogGuard[];
  /** A version string that changes whenever the catalog content changes (cache keys). */
  fingerprint: string;
}
