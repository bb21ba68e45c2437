import { SDK_KIND_PURPOSES, type SdkKind } from '../catalog/kinds.js';
import type { Catalog } from '../catalog/types.js';
import type { Inventory } from '../link/inventory.js';
import type { LegalBasis } from '../manifest/types.js';
import { categoryCovers, isKnownPurpose, PURPOSES } from '../taxonomy/index.js';

// What `privlint init` proposes where only the policy can say for sure: the purposes of each
// category, the legal basis and consent key of each use, the role of each recipient. Every value
// is written as a proposal (`# privlint: proposed`) for a person to confirm. The choices are the
// conservative ones: whatever may need consent gets an opt-in key, so the first scan checks it.

/** Purposes that need prior consent by default, and the key each gets when the code checks none. */
const CONSENT_PURPOSES: Readonly<Record<string, string>> = {
  advertising: 'ads',
  analytics: 'analytics',
  marketing: 'marketing',
  personalization: 'personalization',
  // Crash and performance reports to a vendor are opt-in under the reference policy ("User Experience Program").
  diagnostics: 'diagnostics',
};

/** The basis of a purpose that needs no consent. */
const PURPOSE_BASES: Readonly<Record<string, LegalBasis>> = {
  app_functionality: 'contract',
  authentication: 'contract',
  account_management: 'contract',
  notifications: 'contract',
  fraud_prevention: 'legitimate_interest',
  developer_communications: 'legitimate_interest',
  legal_obligation: 'legal_obligation',
};

/**
 * Identifiers that track a person across apps: every use needs consent, whatever its purpose. (Cookies
 * the code reads for a purpose it annotates — a session, the consent choice itself — may be strictly
 * necessary; unannotated, they get their usual purpose, analytics, which needs consent.)
 */
const TRACKING_IDENTIFIERS = ['device.advertising_id'];

/** The usual purposes of data the code collects when nothing says why (first match by category prefix). */
const CATEGORY_PURPOSES: readonly [string, string[]][] = [
  ['device.advertising_id', ['advertising']],
  ['device.push_token', ['notifications']],
  ['device.fingerprint', ['fraud_prevention']],
  ['diagnostics', ['diagnostics']],
  ['usage', ['analytics']],
  ['web.cookies', ['analytics']],
  ['identity', ['account_management']],
];
const DEFAULT_PURPOSES = ['app_functionality'];

const VALID_KEY = /^[a-z][a-z0-9_]*$/;

/** A use as proposed: purposes sharing one basis and key. */
export interface ProposedUse {
  purposes: string[];
  basis: LegalBasis;
  consent?: string;
}

/** A share as proposed: the categories a recipient receives for one purpose, and its consent key. */
export interface ProposedShare {
  categories: string[];
  purposes: string[];
  consent?: string;
}

export interface ProposedPolicy {
  /** Category → its uses. */
  uses: Map<string, ProposedUse[]>;
  /** Vendor id → its shares. */
  shares: Map<string, ProposedShare[]>;
  /** Vendor id → its role. */
  roles: Map<string, 'processor' | 'third_party'>;
  /** Every consent key a use or share names. */
  consentKeys: string[];
}

/**
 * Propose purposes, bases, consent keys, shares and roles from the inventory: a category's
 * purposes from its collection sites' annotations, the kinds of the SDKs that collect it or
 * receive it, else its usual purposes; a consent key for each purpose that needs consent — the one
 * the code already checks where it collects for that purpose, else the purpose's usual key.
 */
export function proposePolicy(inventory: Inventory, catalog: Catalog | undefined, categories: readonly string[]): ProposedPolicy {
  const sdkOf = (id: string) => catalog?.sdks.find((sdk) => sdk.id === id);
  const kindPurposes = (kind: string) => [...(SDK_KIND_PURPOSES[kind as SdkKind] ?? [])];

  // Which purpose each vendor receives each category for.
  const vendorPurposes = new Map<string, Map<string, Set<string>>>();
  const vendorKinds = new Map<string, Set<string>>();
  const receive = (vendor: string, category: string, purposes: string[]) => {
    const byCategory = vendorPurposes.get(vendor) ?? new Map<string, Set<string>>();
    vendorPurposes.set(vendor, byCategory);
    const set = byCategory.get(category) ?? new Set<string>();
    byCategory.set(category, set);
    for (const purpose of purposes) set.add(purpose);
  };
  for (const use of inventory.sdks) {
    vendorKinds.set(use.vendor, (vendorKinds.get(use.vendor) ?? new Set()).add(use.kind));
    const purposes = kindPurposes(use.kind);
    for (const category of sdkOf(use.sdk)?.collects ?? []) receive(use.vendor, category, purposes.length > 0 ? purposes : DEFAULT_PURPOSES);
  }
  for (const flow of inventory.flows) {
    if (flow.sink.kind !== 'sdk' || !flow.sink.vendor) continue;
    const own = flow.purposes.filter(isKnownPurpose);
    const kinds = [...(vendorKinds.get(flow.sink.vendor) ?? [])].flatMap(kindPurposes);
    receive(flow.sink.vendor, flow.category, own.length > 0 ? own : kinds.length > 0 ? [kinds[0]!] : DEFAULT_PURPOSES);
  }

  // The key for a purpose: the one the code checks most where it collects for it or calls an SDK serving it.
  const keyEvidence = new Map<string, Map<string, number>>();
  const evidence = (purposes: readonly string[], keys: readonly string[]) => {
    for (const purpose of purposes) {
      const counts = keyEvidence.get(purpose) ?? new Map<string, number>();
      keyEvidence.set(purpose, counts);
      for (const key of keys) if (VALID_KEY.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  for (const site of inventory.collections) evidence(site.purposes, site.consentKeys);
  // A call of a wrapper is the SDK call inside it seen again: counted once.
  for (const call of inventory.sdkCalls) if (!call.via) evidence(kindPurposes(call.kind), call.consentKeys);
  /** The purpose's usual key when the code checks it for the purpose at all (a call guarded for something else too proves nothing), else the key checked most. */
  const keyFor = (purpose: string): string => {
    const counts = keyEvidence.get(purpose) ?? new Map<string, number>();
    const usual = CONSENT_PURPOSES[purpose]!;
    if (counts.has(usual)) return usual;
    return [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]?.[0] ?? usual;
  };
  const usualPurposes = (category: string) => CATEGORY_PURPOSES.find(([prefix]) => categoryCovers(prefix, category))?.[1] ?? DEFAULT_PURPOSES;
  /** Why a site collects: its annotation; else the purpose whose key guards it (`hasConsent('analytics')`); else the category's usual purposes. */
  const sitePurposes = (site: Inventory['collections'][number]): string[] => {
    const annotated = site.purposes.filter(isKnownPurpose);
    if (annotated.length > 0) return annotated;
    const guardedFor = Object.keys(CONSENT_PURPOSES).filter((purpose) => site.consentKeys.includes(keyFor(purpose)));
    return guardedFor.length > 0 ? guardedFor : usualPurposes(site.category);
  };

  // Each category's purposes.
  const purposesOf = new Map<string, Set<string>>();
  for (const category of categories) {
    const purposes = new Set(inventory.collections.filter((site) => site.category === category).flatMap(sitePurposes));
    for (const byCategory of vendorPurposes.values()) for (const purpose of byCategory.get(category) ?? []) purposes.add(purpose);
    if (purposes.size === 0) for (const purpose of usualPurposes(category)) purposes.add(purpose);
    purposesOf.set(category, purposes);
  }

  // The key the code checks most where it collects a category for a purpose: the code treats that use
  // as consent-based, so a place that collects for it without the check is a consent gap.
  const checkedKey = (category: string, purpose: string): string | undefined => {
    const counts = new Map<string, number>();
    for (const site of inventory.collections) {
      if (site.category !== category) continue;
      if (!sitePurposes(site).includes(purpose)) continue;
      for (const key of site.consentKeys) if (VALID_KEY.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]?.[0];
  };
  const useKey = (category: string, purpose: string): string | undefined => {
    if (Object.hasOwn(CONSENT_PURPOSES, purpose)) return keyFor(purpose);
    if (TRACKING_IDENTIFIERS.some((tracking) => categoryCovers(tracking, category))) return keyFor('advertising');
    return checkedKey(category, purpose);
  };

  const uses = new Map<string, ProposedUse[]>();
  for (const category of categories) {
    const grouped = new Map<string, ProposedUse>();
    for (const purpose of byPurposeOrder([...purposesOf.get(category)!])) {
      const consent = useKey(category, purpose);
      const basis: LegalBasis = consent ? 'consent' : (PURPOSE_BASES[purpose] ?? 'legitimate_interest');
      const id = `${basis}\u0000${consent ?? ''}`;
      const use = grouped.get(id) ?? { purposes: [], basis, ...(consent ? { consent } : {}) };
      use.purposes.push(purpose);
      grouped.set(id, use);
    }
    uses.set(category, [...grouped.values()]);
  }

  const shares = new Map<string, ProposedShare[]>();
  const roles = new Map<string, 'processor' | 'third_party'>();
  for (const [vendor, byCategory] of vendorPurposes) {
    const grouped = new Map<string, ProposedShare>();
    for (const [category, purposes] of [...byCategory].sort(([a], [b]) => categories.indexOf(a) - categories.indexOf(b))) {
      for (const purpose of byPurposeOrder([...purposes])) {
        const consent = useKey(category, purpose);
        const id = `${purpose}\u0000${consent ?? ''}`;
        const share = grouped.get(id) ?? { categories: [], purposes: [purpose], ...(consent ? { consent } : {}) };
        if (!share.categories.includes(category)) share.categories.push(category);
        grouped.set(id, share);
      }
    }
    shares.set(vendor, [...grouped.values()]);
  }
  for (const [vendor, kinds] of vendorKinds) {
    // Ads, attribution, social and marketing vendors use the data for their own ends too.
    const ownEnds = [...kinds].some((kind) => ['ads', 'attribution', 'social', 'marketing'].includes(kind));
    roles.set(vendor, ownEnds ? 'third_party' : 'processor');
  }

  const consentKeys = new Set<string>();
  for (const list of uses.values()) for (const use of list) if (use.consent) consentKeys.add(use.consent);
  for (const list of shares.values()) for (const share of list) if (share.consent) consentKeys.add(share.consent);
  return { uses, shares, roles, consentKeys: [...consentKeys].sort() };
}

function byPurposeOrder(purposes: string[]): string[] {
  const rank = (id: string) => PURPOSES.findIndex((entry) => entry.id === id);
  return [...new Set(purposes)].sort((a, b) => rank(a) - rank(b));
}
