import { packageNameOf, packagePatternMatches } from '../catalog/match.js';
import type { CatalogIndex } from '../catalog/match.js';
import type { Sdk } from '../catalog/types.js';
import type { DataFlow } from '../link/inventory.js';
import type { CategoryDeclaration, Manifest, RecipientDeclaration, ShareDeclaration, UseDeclaration } from '../manifest/types.js';
import { SDK_KIND_PURPOSES } from '../catalog/kinds.js';
import { categoryCovers } from '../taxonomy/index.js';
import { closestMatch } from '../util/did-you-mean.js';
import { RecipientIndex } from './recipient-index.js';
import type { Severity } from './rule-meta.js';

export interface CheckOptions {
  catalog: CatalogIndex;
  /** The manifest's path as messages show it (relative to the scan root when inside it). */
  manifestPath?: string;
  /** The manifest's path relative to the scan root, for findings located in it. */
  manifestFile?: string;
  /** Severity overrides from the config; "off" drops a rule. */
  rules?: Record<string, Severity | 'off'>;
  /** The configured consent check to suggest in fixes for a key, e.g. `hasConsent('ads')`; undefined when no guard of the config proves it. */
  guardCall?: (key: string) => string | undefined;
}

/** A category an SDK collects on its own, and the consent its declared uses need. */
export interface SdkCollectionConsent {
  category: string;
  keys: string[];
  use: UseDeclaration;
  purpose?: string;
}

/** Who operates a host, as the manifest says. */
export type HostOwner = { kind: 'first-party' } | { kind: 'recipient'; recipient: RecipientDeclaration } | { kind: 'unknown' };

/** A recipient a flow reaches, and how: "through mixpanel.track", "at api.mixpanel.com through fetch". */
export interface FlowRecipient {
  recipient: RecipientDeclaration;
  channel: string;
}

/**
 * What the rules ask of the manifest and the catalog, answered once for all of them: which
 * declarations cover a category, which recipient lists a package, who owns a host, which consent
 * a use needs. Pure: no I/O, no syntax.
 */
export class PolicyContext {
  /** The manifest's path as messages show it, or "the manifest". */
  readonly manifestName: string;

  constructor(
    readonly manifest: Manifest | undefined,
    readonly options: CheckOptions,
  ) {
    this.manifestName = options.manifestPath ?? 'the manifest';
    if (manifest) this.recipients = new RecipientIndex(manifest, options.catalog);
  }

  /** Recipients looked up by package and host, not scanned (16,000 recipients: a third of a second). */
  private readonly recipients?: RecipientIndex;

  get catalog(): CatalogIndex {
    return this.options.catalog;
  }

  /** The consent check a fix suggests for a key: a configured guard, else `hasConsent('<key>')`. */
  guardCall(key: string): string {
    return this.options.guardCall?.(key) ?? `hasConsent('${key}')`;
  }

  /** Whether a guard of the config proves the key (else a fix must say how to configure one). */
  hasConfiguredGuard(key: string): boolean {
    return this.options.guardCall?.(key) !== undefined;
  }

  sdk(id: string): Sdk | undefined {
    return this.options.catalog.catalog.sdks.find((candidate) => candidate.id === id);
  }

  declarationsCovering(category: string): CategoryDeclaration[] {
    return this.manifest?.categories.filter((declaration) => categoryCovers(declaration.id, category)) ?? [];
  }

  /**
   * The consent a collection needs: for each annotated purpose, the uses that declare it; when all
   * of them name a consent key, one of those keys is needed. Without purposes: when every use does.
   */
  requiredConsent(declared: CategoryDeclaration[], purposes: string[]): { keys: string[]; use: UseDeclaration; purpose?: string } | undefined {
    const uses = declared.flatMap((declaration) => declaration.uses);
    if (uses.length === 0) return undefined;
    const known = purposes.filter((purpose) => uses.some((use) => use.purposes.includes(purpose)));
    if (known.length === 0) {
      if (purposes.length > 0 || !uses.every((use) => use.consent)) return undefined;
      return { keys: [...new Set(uses.map((use) => use.consent!))], use: uses[0]! };
    }
    for (const purpose of known) {
      const forPurpose = uses.filter((use) => use.purposes.includes(purpose));
      if (forPurpose.every((use) => use.consent)) {
        return { keys: [...new Set(forPurpose.map((use) => use.consent!))], use: forPurpose[0]!, purpose };
      }
    }
    return undefined;
  }

  /**
   * The consent an SDK's own collection needs (what the catalog says it collects by itself, as
   * soon as the app calls it, or of that what its recipient's shares say it receives): for each such category, the declared uses for the purposes the
   * SDK's kind serves (catalog/kinds.ts) — for a kind without usual purposes, those the
   * recipient's shares of the category give, else every use — when all of them name a consent
   * key. A use with `basis: consent` thus covers the SDK's collection too, not only the app's own.
   */
  sdkCollectionConsent(sdkId: string, recipient: RecipientDeclaration | undefined): SdkCollectionConsent[] {
    const sdk = this.sdk(sdkId);
    if (!sdk) return [];
    const out: SdkCollectionConsent[] = [];
    // A recipient that declares its shares says what it receives; the rest is no-undeclared-sharing's.
    const shares = recipient?.shares ?? [];
    const received = shares.length === 0 ? sdk.collects : sdk.collects.filter((category) => shares.some((share) => share.categories.some((shared) => categoryCovers(shared, category))));
    for (const category of received) {
      const declared = this.declarationsCovering(category);
      // Why it collects: what its kind serves (an analytics SDK, for analytics); for an SDK of no
      // usual purpose, what its recipient's shares of the category say, else every declared use.
      const kindPurposes = SDK_KIND_PURPOSES[sdk.kind] ?? [];
      const sharePurposes = shares.filter((share) => share.categories.some((shared) => categoryCovers(shared, category))).flatMap((share) => share.purposes);
      const purposes = kindPurposes.length > 0 ? [...kindPurposes] : sharePurposes;
      const consent = this.requiredConsent(declared, purposes);
      if (consent) out.push({ category, ...consent });
    }
    return out;
  }

  /**
   * When the code checks a key the manifest does not declare and that is close to a needed one
   * (`hasConsent('adz')`, `@privacy-requires-consent adz`), say so: a typo, not a missing check.
   */
  misspeltKey(present: readonly string[], needed: readonly string[]): string {
    const declared = this.manifest?.consents;
    for (const key of present) {
      if (declared?.has(key)) continue;
      const meant = closestMatch(key, needed);
      if (meant) return ` The code checks "${key}", an unknown consent key (${this.manifestName} declares no such key); did you mean "${meant}"?`;
    }
    return '';
  }

  recipientFor(pkg: string, sdkId: string): RecipientDeclaration | undefined {
    return this.recipients?.first(pkg, sdkId);
  }

  /**
   * A recipient lists a package by name or glob (a package covers its subpaths). A snippet global
   * (fbq, gtag) has no package: it matches `global:<name>`, any of its SDK's packages, or the
   * recipient whose id is the SDK's vendor id.
   */
  recipientMatches(recipient: RecipientDeclaration, pkg: string, sdkId: string): boolean {
    if (pkg.startsWith('global:')) {
      const sdk = this.sdk(sdkId);
      if (sdk && recipient.id === sdk.vendor) return true;
      const candidates = [pkg, ...(sdk?.packages ?? [])];
      return recipient.packages.some((pattern) => candidates.some((candidate) => packagePatternMatches(pattern, candidate)));
    }
    const candidates = [pkg, packageNameOf(pkg)];
    return recipient.packages.some((pattern) => candidates.some((candidate) => packagePatternMatches(pattern, candidate)));
  }

  /**
   * Who operates a host: the app itself (first-party domains), a recipient (its domains), the app's
   * regional endpoints (residency rules), or nobody the manifest names.
   */
  hostOwner(host: string): HostOwner {
    return this.recipients!.ownerOf(host);
  }

  /**
   * The recipients a flow reaches: the one that lists the SDK it is sent through, or those that own
   * the hosts it is sent to (data sent to a recipient's host is shared with that recipient).
   */
  flowRecipients(flow: DataFlow): FlowRecipient[] {
    const { sink } = flow;
    if (sink.kind === 'sdk' && sink.sdk) {
      const recipient = this.recipientFor(sink.package, sink.sdk);
      return recipient ? [{ recipient, channel: `through ${sink.callee}` }] : [];
    }
    if (sink.kind !== 'network' || !sink.destination) return [];
    const out: FlowRecipient[] = [];
    for (const host of destinationHosts(sink.destination)) {
      const owner = this.hostOwner(host);
      if (owner.kind !== 'recipient' || out.some((known) => known.recipient.id === owner.recipient.id)) continue;
      out.push({ recipient: owner.recipient, channel: `at ${host} through ${sink.callee}` });
    }
    return out;
  }

  /**
   * The recipient's shares that cover a flow's category, and of those the ones for one of the
   * flow's purposes (all of them when the flow has none).
   */
  sharesFor(flow: DataFlow, recipient: RecipientDeclaration): { covering: ShareDeclaration[]; forPurpose: ShareDeclaration[] } {
    const covering = recipient.shares.filter((share) => share.categories.some((category) => categoryCovers(category, flow.category)));
    const forPurpose = flow.purposes.length > 0 ? covering.filter((share) => share.purposes.some((purpose) => flow.purposes.includes(purpose))) : covering;
    return { covering, forPurpose };
  }
}

/** The hosts a network destination can be: one, or each of a region map's. */
export function destinationHosts(destination: NonNullable<DataFlow['sink']['destination']>): string[] {
  if (destination.kind === 'host') return [destination.host];
  if (destination.kind === 'by-region') return [...new Set(Object.values(destination.hosts))];
  return [];
}

export { hostMatches } from './recipient-index.js';
