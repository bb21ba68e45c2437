import type { Catalog } from '../catalog/types.js';
import { hostMatches } from '../check/policy.js';
import type { Manifest, RecipientDeclaration } from '../manifest/types.js';
import type { ScanResult } from '../result/scan-result.js';
import { CATEGORIES, categoryCovers, categoryEntry } from '../taxonomy/index.js';
import { recipientMatches } from '../check/recipient-match.js';

/**
 * The leaf categories a declaration stands for: itself when it is a leaf, else every child with a
 * store mapping (`location` → location.precise, location.coarse). Store declarations name concrete
 * data types, so a parent declares all of them.
 */
export function leafCategories(id: string): string[] {
  if (categoryEntry(id)?.apple) return [id];
  return CATEGORIES.filter((entry) => entry.apple && categoryCovers(id, entry.id)).map((entry) => entry.id);
}

/** A place in code that collects a category. */
export interface CollectionPlace {
  file: string;
  line: number;
  /** The API, or the SDK that collects on its own: "expo-location#getCurrentPositionAsync", "Sentry (@sentry/node) on its own". */
  what: string;
}

export interface UndeclaredCollection {
  category: string;
  places: CollectionPlace[];
}

/** Everything the code collects, by category: collection sites, and SDKs collecting on their own (from the catalog). */
export function collectedCategories(result: ScanResult, catalog?: Catalog): Map<string, CollectionPlace[]> {
  const collected = new Map<string, CollectionPlace[]>();
  const add = (category: string, place: CollectionPlace) => collected.set(category, [...(collected.get(category) ?? []), place]);
  for (const site of result.inventory.collections) add(site.category, { file: site.file, line: site.line, what: site.api });
  for (const use of result.inventory.sdks) {
    const sdk = catalog?.sdks.find((candidate) => candidate.id === use.sdk);
    for (const category of sdk?.collects ?? []) add(category, { file: use.file, line: use.line, what: `${sdkLabel(sdk!.name, use.package)} on its own` });
  }
  return collected;
}

/** Categories the code collects that no declaration of the manifest covers, sorted by taxonomy order. */
export function undeclaredCollections(result: ScanResult, manifest: Manifest, catalog?: Catalog): UndeclaredCollection[] {
  return [...collectedCategories(result, catalog)]
    .filter(([category]) => !manifest.categories.some((declaration) => categoryCovers(declaration.id, category)))
    .map(([category, places]) => ({ category, places }))
    .sort((a, b) => taxonomyOrder(a.category) - taxonomyOrder(b.category) || a.category.localeCompare(b.category));
}

/** Data that reaches someone the manifest does not declare as receiving it. */
export interface UndeclaredShare {
  category: string;
  /** Who receives it: a recipient's name, an SDK's name, or a host. */
  receiver: string;
  /**
   * no-recipient: no recipient lists the SDK; no-share: the recipient declares no share of the
   * category; unknown-host: the host is neither first party nor a recipient's.
   */
  reason: 'no-recipient' | 'no-share' | 'unknown-host';
  places: CollectionPlace[];
}

/**
 * Data the code hands to a third party that the manifest's recipients do not declare: data flows
 * into an SDK call or a request to another host, and categories an SDK collects on its own (from
 * the catalog). The store declarations say what is shared from the recipients' shares, so each of
 * these is a share they miss. Sorted by category (taxonomy order), then receiver.
 */
export function undeclaredShares(result: ScanResult, manifest: Manifest, catalog?: Catalog): UndeclaredShare[] {
  const found = new Map<string, UndeclaredShare>();
  const add = (category: string, receiver: string, reason: UndeclaredShare['reason'], place: CollectionPlace) => {
    const key = `${category}\u0000${receiver}\u0000${reason}`;
    const entry = found.get(key) ?? { category, receiver, reason, places: [] };
    if (!entry.places.some((known) => known.file === place.file && known.line === place.line && known.what === place.what)) entry.places.push(place);
    found.set(key, entry);
  };
  const shares = (recipient: RecipientDeclaration, category: string) => recipient.shares.some((share) => share.categories.some((shared) => categoryCovers(shared, category)));
  const toRecipient = (recipient: RecipientDeclaration | undefined, category: string, unlisted: string, place: CollectionPlace) => {
    if (!recipient) add(category, unlisted, 'no-recipient', place);
    else if (!shares(recipient, category)) add(category, recipient.name ?? recipient.id, 'no-share', place);
  };

  for (const use of result.inventory.sdks) {
    const sdk = catalog?.sdks.find((candidate) => candidate.id === use.sdk);
    if (!sdk) continue;
    const recipient = manifest.recipients.find((candidate) => recipientMatches(candidate, use.package, use.sdk, catalog));
    for (const category of sdk.collects) toRecipient(recipient, category, sdkLabel(sdk.name, use.package), { file: use.file, line: use.line, what: `${sdkLabel(sdk.name, use.package)} collects on its own` });
  }
  for (const flow of result.inventory.flows) {
    const { sink } = flow;
    const place = { file: sink.file, line: sink.line, what: `${flow.api} (collected at ${flow.source.file}:${flow.source.line}) sent through ${sink.callee}` };
    if (sink.kind === 'sdk') {
      const recipient = manifest.recipients.find((candidate) => recipientMatches(candidate, sink.package, sink.sdk, catalog));
      const sdk = catalog?.sdks.find((candidate) => candidate.id === sink.sdk);
      toRecipient(recipient, flow.category, sdkLabel(sdk?.name ?? sink.package.replace(/^global:/, ''), sink.package), place);
      continue;
    }
    const destination = sink.destination;
    const hosts = destination?.kind === 'host' ? [destination.host] : destination?.kind === 'by-region' ? [...new Set(Object.values(destination.hosts))] : [];
    for (const host of hosts) {
      const recipient = manifest.recipients.find((candidate) => candidate.domains.some((pattern) => hostMatches(host, pattern)));
      if (recipient) toRecipient(recipient, flow.category, host, place);
      else if (!ownHost(manifest, host)) add(flow.category, host.toLowerCase(), 'unknown-host', place);
    }
  }
  return [...found.values()].sort((a, b) => taxonomyOrder(a.category) - taxonomyOrder(b.category) || a.category.localeCompare(b.category) || a.receiver.localeCompare(b.receiver));
}

/** The app's own back end: first_party.domains and residency endpoints (the same hosts the policy check knows). */
function ownHost(manifest: Manifest, host: string): boolean {
  return manifest.firstPartyDomains.some((pattern) => hostMatches(host, pattern)) || manifest.residency.some((rule) => rule.endpoints.some((pattern) => hostMatches(host, pattern)));
}

function taxonomyOrder(category: string): number {
  const index = CATEGORIES.findIndex((entry) => entry.id === category);
  return index === -1 ? CATEGORIES.length : index;
}

/** The warning the exports print on stderr (empty when the manifest covers everything). */
export function formatUndeclaredWarning(undeclared: UndeclaredCollection[], declaration: string, manifestPath: string): string {
  if (undeclared.length === 0) return '';
  const lines = [
    `privlint: warning: the code collects ${undeclared.length === 1 ? 'a category' : `${undeclared.length} categories`} that ${manifestPath} does not declare, so ${declaration} does not cover ${undeclared.length === 1 ? 'it' : 'them'} either:`,
  ];
  for (const { category, places } of undeclared) {
    const shown = places.slice(0, 3).map((place) => `${place.file}:${place.line} ${place.what}`);
    const more = places.length > 3 ? `, and ${places.length - 3} more` : '';
    lines.push(`  ${category}  (${shown.join('; ')}${more})`);
  }
  lines.push(`Declare ${undeclared.length === 1 ? 'it' : 'them'} in the manifest with purposes and a legal basis (privlint scan reports each place as no-undeclared-collection), then export again.`);
  return `${lines.join('\n')}\n`;
}

const REASON = {
  'no-recipient': 'no recipient in the manifest lists it',
  'no-share': 'its shares in the manifest do not include them',
  'unknown-host': 'the manifest names it neither as first party nor as a recipient\'s host',
} as const;

/** The warning about undeclared shares, one line per receiver (empty when there are none). */
export function formatUndeclaredSharesWarning(shares: UndeclaredShare[], declaration: string, manifestPath: string): string {
  if (shares.length === 0) return '';
  const byReceiver = new Map<string, UndeclaredShare[]>();
  for (const share of shares) {
    const key = `${share.receiver}\u0000${share.reason}`;
    byReceiver.set(key, [...(byReceiver.get(key) ?? []), share]);
  }
  const lines = [`privlint: warning: the code shares data that ${manifestPath} does not declare, so ${declaration} may leave these shares out:`];
  for (const group of [...byReceiver.values()].sort((a, b) => a[0]!.receiver.localeCompare(b[0]!.receiver))) {
    const { receiver, reason } = group[0]!;
    const places = [...new Map(group.flatMap((share) => share.places).map((place) => [`${place.file}:${place.line} ${place.what}`, place])).keys()];
    const more = places.length > 3 ? `, and ${places.length - 3} more` : '';
    lines.push(`  ${receiver} receives ${group.map((share) => share.category).join(', ')}, but ${REASON[reason]}  (${places.slice(0, 3).join('; ')}${more})`);
  }
  lines.push('Add the shares (or the recipient) to the manifest if the policy allows them, or stop sending the data; privlint scan reports each place (no-undeclared-sharing, no-undeclared-sdk, no-unknown-destination). Then export again.');
  return `${lines.join('\n')}\n`;
}

/** "Sentry (@sentry/node)", or just the name when it already names the package ("Datadog APM (dd-trace)"). */
function sdkLabel(name: string, pkg: string): string {
  const shown = pkg.replace(/^global:/, '');
  return name.includes(shown) ? name : `${name} (${shown})`;
}
