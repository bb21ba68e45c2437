/** privlint's knowledge of APIs and SDKs, as loaded from src/catalog/data/*.yaml and the user's config. */
import type { SdkKind } from './kinds.js';

export type AccessKind = 'call' | 'read' | 'write' | 'construct';
export type Confidence = 'high' | 'medium' | 'low';

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
  note?: string;
}

export interface SourceModule {
  module: string;
  platform: string;
  /** "namespace": the default export is an object holding the named exports. */
  default?: 'namespace';
  apis: SourceApi[];
}

export interface RequestSources {
  properties: SourceApi[];
  /** Keyed by lower-case header name. */
  headers: Map<string, SourceApi>;
  /** Callbacks whose parameter is a request: `app.get(path, (req, res) => …)` on an object from `module`. */
  handlers: RequestHandlerCalls[];
  /** Exported functions whose first parameter is a request, by file name (Next.js route handlers). */
  routeExports: { files: string[]; exports: string[] }[];
  /** Values that are a request's headers, read with `.get(name)`: `headers()` from next/headers. */
  headerObjects: { module: string; path: string }[];
}

export interface RequestHandlerCalls {
  module: string;
  /** Method names (the last member of the callee): get, post, use, createServer … */
  calls: string[];
  /** Which parameter of the callback is the request (0-based). */
  parameter: number;
  /** For a callback with four parameters (Express error middleware `(err, req, res, next)`). */
  errorHandlerParameter?: number;
}

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
}

/** A consent-management API privlint knows (guards.yaml). */
export interface CatalogGuard {
  id: string;
  name: string;
  /** The key its checks prove when they name none. */
  key?: string;
  checks: GuardCheck[];
  /** Access paths (module or global) of the API's own calls: consent management, never SDK data calls. */
  consentApis: { module?: string; path: string }[];
  note?: string;
}

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
}

export interface Sink {
  module?: string;
  global?: string;
  kind: 'sdk' | 'network';
  calls: SinkCall[];
}

export interface Catalog {
  modules: SourceModule[];
  globals: SourceApi[];
  request: RequestSources;
  vendors: Vendor[];
  sdks: Sdk[];
  sinks: Sink[];
  guards: CatalogGuard[];
  /** A version string that changes whenever the catalog content changes (cache keys). */
  fingerprint: string;
}
