import type { SinkKind } from '../catalog/types.js';
import type { Annotation, Range } from '../detect/facts.js';

/** A step of the chain that leads from a reported place to the API: a wrapper call, a re-export. */
export interface ViaStep {
  file: string;
  line: number;
  column: number;
  /** What happens there: "getDeviceId() returns DeviceInfo.getUniqueId()". */
  note: string;
}

/** Where a purpose came from: the statement, the enclosing function/class, or the wrapper. */
export type PurposeOrigin = 'statement' | 'function' | 'wrapper';

export interface CollectionSite extends Range {
  /** Scan-root-relative POSIX path. */
  file: string;
  category: string;
  /** Catalog id: `react-native-device-info#getUniqueId`. */
  api: string;
  purposes: string[];
  purposeOrigin?: PurposeOrigin;
  /** The annotation that gave the purposes, for messages and fixes. */
  annotation?: Annotation & { file: string };
  /** Consent keys the site is guarded by. */
  consentKeys: string[];
  guarded: boolean;
  via: ViaStep[];
  /** The line above which a purpose annotation for this site belongs (for quick-fixes). */
  annotationLine: number;
  /** A `@privacy-purpose` that a blank line separates from the site's statement (for the message). */
  detachedAnnotationLine?: number;
  /** For personal data known by name and passed to project code: the flow that takes it to a sink. */
  sentThrough?: ViaStep[];
}

export interface SdkUse extends Range {
  file: string;
  package: string;
  sdk: string;
  vendor: string;
  kind: string;
}

/** A collection switch of an SDK found in the project (`setAnalyticsCollectionEnabled(pref)` at a place). */
export interface SwitchNote {
  /** The catalog guard (guards.yaml) it belongs to. */
  guard: string;
  /** The call as written: "analytics().setAnalyticsCollectionEnabled". */
  callee: string;
  file: string;
  line: number;
  /** What it sets: on, off, or the user's preference. */
  value: 'on' | 'off' | 'preference';
  /** The consent keys it proves; none for a switch set to true outside any consent check. */
  keys: string[];
}

/** A call into an SDK (checked for consent when the recipient requires it). */
export interface SdkCall extends Range {
  file: string;
  package: string;
  sdk: string;
  vendor: string;
  /** The SDK's kind (analytics, crash …). */
  kind: string;
  /** The call as written: "analytics().logEvent", "track" (a wrapper's). */
  callee: string;
  /** The SDK's API called: "@react-native-firebase/analytics#default().logEvent". */
  api: string;
  consentKeys: string[];
  guarded: boolean;
  /** The SDK's collection switches in the project: their keys are among consentKeys (unless one turns collection on for everyone). */
  switches?: SwitchNote[];
  /**
   * For a call of a project function that calls the SDK (a wrapper): the chain down to the SDK call.
   * Such a call is inventory only — the consent check judges the SDK call inside the wrapper, with
   * its callers' guards.
   */
  via?: ViaStep[];
  /** For a wrapper's call: the other calls of the same wrapper in this file, reaching the same SDK API with the same consent keys (link/repeated-wrapper-calls.ts). */
  alsoAt?: { line: number; column: number }[];
}

/** Where a network sink sends data, after resolving constants across files. */
export type ResolvedDestination =
  | { kind: 'host'; host: string }
  | { kind: 'relative' }
  | { kind: 'by-region'; hosts: Record<string, string> }
  | { kind: 'unknown' };

/** Personal data on its way out: from a collection site to an SDK call or a network request. */
export interface DataFlow {
  category: string;
  /** The API that collected it. */
  api: string;
  source: { file: string; line: number; column: number };
  /** Purposes of the collection site the data comes from. */
  purposes: string[];
  sink: Range & {
    file: string;
    kind: SinkKind;
    package: string;
    sdk?: string;
    vendor?: string;
    callee: string;
    destination?: ResolvedDestination;
    consentKeys: string[];
    guarded: boolean;
  };
  /** The value passed through a hash function on the way (still personal data: reported, marked). */
  hashed: boolean;
  /** From the collection site to the sink. */
  steps: ViaStep[];
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'note';
  message: string;
}

/**
 * A call the code tests before it collects or calls an SDK — a consent guard, or something that
 * may be one (`hasConsent('ads')`, `canShowAds()`) — and what privlint makes of it; `privlint init`
 * proposes the config's guards from these. One per file, callee and arguments.
 */
export interface ConsentCheck {
  file: string;
  /** The callee as written, without `await`: "hasConsent", "consentStore.isGranted". */
  callee: string;
  /** String literal arguments by position (null where not a literal). */
  args: (string | null)[];
  /** A value test (`status === 'granted'`, `info.canRequestAds`) rather than "the call returned true". */
  test: boolean;
  /** The consent keys it proves with the config and catalog as they are ([] when none). */
  keys: string[];
  /** The catalog guard (guards.yaml) it matches, if any. */
  catalogGuard?: string;
}

/** Everything detected in a codebase, independent of any policy. */
export interface Inventory {
  collections: CollectionSite[];
  sdks: SdkUse[];
  sdkCalls: SdkCall[];
  flows: DataFlow[];
  diagnostics: Diagnostic[];
  /** The guard calls in effect at collection sites, SDK calls and sinks (sorted by file, callee). */
  consentChecks?: ConsentCheck[];
}
