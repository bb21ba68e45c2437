import { packageNameOf } from '../catalog/match.js';
import { SDK_KIND_PURPOSES, type SdkKind } from '../catalog/kinds.js';
import type { Catalog } from '../catalog/types.js';
import { PROPOSAL_MARKER } from '../manifest/proposals.js';
import { proposePolicy } from './infer-policy.js';
import { collectedCategories, type CollectionPlace } from '../export/coverage.js';
import type { ScanResult } from '../result/scan-result.js';
import { CATEGORIES, PURPOSES, categoryEntry } from '../taxonomy/index.js';
import { plural } from '../util/plural.js';

/** The trailing comment that marks an inferred value (the manifest loader lists them until a person deletes it). */
const PROPOSED = `# ${PROPOSAL_MARKER}`;

export interface DraftOptions {
  /** privlint's catalog: which SDKs collect what on their own, vendor names, hosts and policy URLs. */
  catalog?: Catalog;
  /** app.name; default: the scanned folder's name. */
  appName?: string;
  /** The `$schema` path of the first line, relative to the manifest. */
  schemaPath?: string;
  /** Sites listed per category in comments before "and N more". */
  maxPlaces?: number;
}

export interface ManifestDraft {
  text: string;
  categories: string[];
  recipients: string[];
  consentKeys: string[];
  /** How many values are proposals a person must confirm. */
  proposals: number;
}

export const DEFAULT_SCHEMA_PATH = './node_modules/privlint/schema/privacy-manifest.schema.json';
const BASES = 'consent, contract, legitimate_interest, legal_obligation, vital_interest or public_interest';

/**
 * Draft a privacy-manifest.yaml from what a scan found: every collected category and every SDK
 * vendor, with the purposes, legal bases, consent keys and modes, recipient roles and shares
 * privlint infers (infer-policy.ts), each marked `# privlint: proposed` for a person to confirm,
 * and comments that point to the places in the code. It validates as written, so the first
 * `privlint scan` checks consent for real. Pure.
 */
export function draftManifest(result: ScanResult, options: DraftOptions = {}): ManifestDraft {
  const catalog = options.catalog;
  const maxPlaces = options.maxPlaces ?? 5;
  const collected = collectedCategories(result, catalog);
  const categoryIds = [...collected.keys()].sort(byTaxonomy);
  const sdks = (id: string) => catalog?.sdks.find((sdk) => sdk.id === id);

  // Consent keys the code already checks.
  const keyPlaces = new Map<string, string[]>();
  const addKey = (key: string, where: string) => keyPlaces.set(key, [...(keyPlaces.get(key) ?? []), where]);
  for (const site of result.inventory.collections) for (const key of site.consentKeys) addKey(key, `${site.file}:${site.line}`);
  for (const call of result.inventory.sdkCalls) for (const key of call.consentKeys) addKey(key, `${call.file}:${call.line}`);
  const consentKeys = [...keyPlaces.keys()].filter((key) => /^[a-z][a-z0-9_]*$/.test(key)).sort();
  const oddKeys = [...keyPlaces.keys()].filter((key) => !consentKeys.includes(key)).sort();

  // Recipients: one per SDK vendor, with what reaches it.
  interface Vendor {
    id: string;
    /** The catalog's vendor id. */
    vendorId: string;
    name: string;
    packages: Set<string>;
    globals: Set<string>;
    imports: string[];
    collects: Set<string>;
    /** The kinds of the vendor's SDKs the code uses (push, analytics …), for a hint at the usual purposes. */
    kinds: Set<string>;
    sent: Map<string, string[]>;
    domains: string[];
    policyUrl?: string;
  }
  const vendors = new Map<string, Vendor>();
  const vendorFor = (vendorId: string) => {
    const id = recipientId(vendorId);
    let vendor = vendors.get(id);
    if (!vendor) {
      const info = catalog?.vendors.find((candidate) => candidate.id === vendorId);
      vendor = {
        id,
        vendorId,
        name: info?.name ?? vendorId,
        packages: new Set(),
        globals: new Set(),
        imports: [],
        collects: new Set(),
        kinds: new Set(),
        sent: new Map(),
        domains: (info?.domains ?? []).filter((domain) => /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(domain)),
        ...(info?.policyUrl ? { policyUrl: info.policyUrl } : {}),
      };
      vendors.set(id, vendor);
    }
    return vendor;
  };
  for (const use of result.inventory.sdks) {
    const vendor = vendorFor(use.vendor);
    if (use.package.startsWith('global:')) vendor.globals.add(use.package.slice(7));
    else vendor.packages.add(packageNameOf(use.package));
    vendor.imports.push(`${use.file}:${use.line}`);
    vendor.kinds.add(use.kind);
    for (const category of sdks(use.sdk)?.collects ?? []) vendor.collects.add(category);
  }
  for (const flow of result.inventory.flows) {
    if (flow.sink.kind !== 'sdk' || !flow.sink.vendor) continue;
    const vendor = vendorFor(flow.sink.vendor);
    vendor.sent.set(flow.category, [...(vendor.sent.get(flow.category) ?? []), `${flow.source.file}:${flow.source.line} → ${flow.sink.file}:${flow.sink.line}`]);
  }
  const hosts = new Map<string, string[]>();
  for (const flow of result.inventory.flows) {
    const destination = flow.sink.destination;
    const found = destination?.kind === 'host' ? [destination.host] : destination?.kind === 'by-region' ? Object.values(destination.hosts) : [];
    for (const host of found) hosts.set(host.toLowerCase(), [...(hosts.get(host.toLowerCase()) ?? []), `${flow.sink.file}:${flow.sink.line}`]);
  }

  const proposed = proposePolicy(result.inventory, catalog, categoryIds);
  let proposals = 0;
  /** A value privlint inferred, with the marker comment. */
  const propose = (line: string) => {
    proposals += 1;
    return `${line} ${PROPOSED}`;
  };
  const out: string[] = [];
  const scanned = `${plural(result.files.length, 'file')}, ${plural(result.inventory.collections.length, 'collection site')}, ${plural(result.inventory.sdks.length, 'SDK import')}`;
  out.push(
    `# yaml-language-server: $schema=${options.schemaPath ?? DEFAULT_SCHEMA_PATH}`,
    '#',
    `# A DRAFT privacy manifest, written by \`privlint init\` from what it found in the code (${scanned}).`,
    '# It is not your privacy policy, but it works as it is: `privlint scan` checks the code against it.',
    `# Each value marked "${PROPOSED}" is privlint's guess — purposes from the code's annotations and`,
    '# the kinds of its SDKs, prior opt-in consent for advertising, analytics, marketing, personalization,',
    '# diagnostics and tracking identifiers. A person who knows the policy must:',
    `#   1. confirm each proposal by deleting its "${PROPOSED}" comment, or change it: purposes are`,
    `#      ${PURPOSES.map((entry) => entry.id).join(', ')};`,
    `#      a basis is ${BASES}; a consent mode is opt-in or opt-out;`,
    '#   2. remove what the policy does not promise, and add what the code cannot show (data collected',
    '#      on a server or in native code, recipients without an SDK, retention, residency);',
    '#   3. run `privlint manifest check` (it lists the proposals left), then `privlint scan`.',
    '# The format: docs/manifest.md in the privlint package.',
    'version: 1',
    '',
    'app:',
    `  name: ${scalar(options.appName ?? (result.root.split(/[\\/]/).filter(Boolean).pop() ?? 'app'))}`,
    '',
    '# policy:',
    '#   url: https://example.com/privacy   # where the policy text is published',
    '#   date: "YYYY-MM-DD"                 # when it was last updated',
    '',
  );

  const allKeys = [...new Set([...consentKeys, ...proposed.consentKeys])].sort();
  if (allKeys.length > 0 || oddKeys.length > 0) {
    out.push('# Consent keys: what the code checks before collecting or calling an SDK, and the keys proposed below. For each, say how the user chooses.', 'consents:');
    for (const key of allKeys) {
      const checked = keyPlaces.get(key);
      out.push(`  # ${checked ? `checked at ${places(checked, maxPlaces)}` : 'the code checks it nowhere yet'}`, `  ${key}:`, propose(`    mode: opt-in`));
    }
    for (const key of oddKeys) out.push(`  # The code also checks ${comment(JSON.stringify(key))}, which is not a valid key (lower-case letters, digits, _); rename it in code and here.`);
    out.push('');
  }

  out.push('# What the code collects. Each category needs its uses: why (purposes) and on which legal basis.', 'categories:');
  if (categoryIds.length === 0) out.push('  [] # privlint found no collection of personal data; keep the list empty or add what the policy declares');
  for (const category of categoryIds) {
    const sites = result.inventory.collections.filter((site) => site.category === category);
    const entry = categoryEntry(category);
    const annotated = [...new Set(sites.flatMap((site) => site.purposes))];
    out.push('', `  # ${category}${entry ? `: ${comment(entry.description)}` : ''}`);
    out.push(...placeLines(collected.get(category)!, maxPlaces).map((line) => `  #   ${line}`));
    if (annotated.length > 0) out.push(`  #   the code's annotations say: ${comment(annotated.join(', '))}`);
    out.push(`  - id: ${scalar(category)}`, '    uses:');
    for (const use of proposed.uses.get(category) ?? []) {
      out.push(propose(`      - purposes: [${use.purposes.join(', ')}]`), propose(`        basis: ${use.basis}`));
      if (use.consent) out.push(propose(`        consent: ${use.consent}`));
    }
  }
  out.push('');

  const recipients = [...vendors.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (recipients.length > 0) {
    out.push('# Third parties and processors that receive personal data: one per SDK vendor the code imports.', 'recipients:');
    for (const vendor of recipients) {
      out.push('', `  # ${comment(vendor.name)}: imported at ${places(vendor.imports, maxPlaces)}`);
      if (vendor.globals.size > 0) out.push(`  # Also used through the global ${comment([...vendor.globals].sort().join(', '))}, which privlint matches to this recipient by its id.`);
      out.push(`  - id: ${scalar(vendor.id)}`, `    name: ${scalar(vendor.name)}`);
      out.push('    # processor: processes data on your behalf, under contract; third_party: uses it for its own purposes too');
      out.push(propose(`    role: ${proposed.roles.get(vendor.vendorId) ?? 'processor'}`));
      out.push(`    packages: [${[...vendor.packages].sort().map(scalar).join(', ')}]`);
      if (vendor.domains.length > 0) out.push(`    domains: [${vendor.domains.map(scalar).join(', ')}] # from privlint's catalog; keep the hosts your app talks to`);
      if (vendor.policyUrl && /^https?:\/\/\S+$/.test(vendor.policyUrl)) out.push(`    policy_url: ${scalar(vendor.policyUrl)}`);
      const shares = proposed.shares.get(vendor.vendorId) ?? [];
      if (shares.length === 0) {
        out.push('    # shares: privlint saw no personal data reach it; add what the policy says it receives');
        continue;
      }
      out.push('    shares:');
      if (vendor.collects.size > 0) out.push(`      # collected by the SDK on its own: ${[...vendor.collects].sort(byTaxonomy).join(', ')}${usualPurposes(vendor.kinds)}`);
      for (const [category, flows] of [...vendor.sent].sort(([a], [b]) => byTaxonomy(a, b))) out.push(`      # ${category} is sent to it at ${places(flows, 3)}`);
      for (const share of shares) {
        out.push(`      - categories: [${share.categories.map(scalar).join(', ')}]`, propose(`        purposes: [${share.purposes.join(', ')}]`));
        if (share.consent) out.push(propose(`        consent: ${share.consent}`));
      }
    }
    out.push('');
  }

  const ownHosts = [...hosts.keys()].filter((host) => !recipients.some((vendor) => vendor.domains.some((domain) => host === domain.replace(/^\*\./, '') || host.endsWith(`.${domain.replace(/^\*\./, '')}`)))).sort();
  out.push('# Your own back end. Data sent to a host that is neither here nor a recipient\'s is reported as going to an unknown destination.');
  if (ownHosts.length > 0) {
    out.push('# The code sends personal data to these hosts:');
    for (const host of ownHosts) out.push(`#   ${comment(host)} (${places(hosts.get(host)!, 3)})`);
    out.push('# Keep those that are yours and uncomment the next two lines:', '# first_party:', `#   domains: [${ownHosts.map((host) => comment(host)).join(', ')}]`);
  } else {
    out.push('# first_party:', '#   domains: [api.example.com]');
  }
  out.push('');

  return { text: `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, categories: categoryIds, recipients: recipients.map((vendor) => vendor.id), consentKeys: allKeys, proposals };
}

function placeLines(placesOf: CollectionPlace[], max: number): string[] {
  const unique = [...new Map(placesOf.map((place) => [`${place.file}:${place.line} ${place.what}`, place])).values()];
  const lines = unique.slice(0, max).map((place) => comment(`${place.file}:${place.line} ${place.what}`));
  if (unique.length > max) lines.push(`… and ${unique.length - max} more (privlint report lists them all)`);
  return [unique.length === 1 ? 'collected at:' : `collected at ${unique.length} places:`, ...lines.map((line) => `  ${line}`)];
}

function places(list: string[], max: number): string {
  const unique = [...new Set(list)].sort(byPlace);
  return comment(`${unique.slice(0, max).join(', ')}${unique.length > max ? `, and ${unique.length - max} more` : ''}`);
}

/** "file:line" and "file:line → file:line" in file order, then line order. */
function byPlace(a: string, b: string): number {
  const [fileA, lineA] = splitPlace(a);
  const [fileB, lineB] = splitPlace(b);
  return fileA < fileB ? -1 : fileA > fileB ? 1 : lineA - lineB || (a < b ? -1 : a > b ? 1 : 0);
}

function splitPlace(place: string): [string, number] {
  const match = /^(.*?):(\d+)/.exec(place);
  return match ? [match[1]!, Number(match[2])] : [place, 0];
}

/** Text for a YAML comment: one line. */
function comment(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A YAML scalar: plain when that is unambiguous, else JSON-quoted (a JSON string is a YAML string). */
export function scalar(value: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9 ._/@()+-]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) && !/^[0-9.+-]+$/.test(value) && !value.includes(' #');
  return plain ? value : JSON.stringify(value);
}

/** A recipient id: lower-case letters, digits, - and _ (the manifest's pattern). */
function recipientId(vendor: string): string {
  const id = vendor.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  return id || 'vendor';
}

function byTaxonomy(a: string, b: string): number {
  const rank = (id: string) => {
    const index = CATEGORIES.findIndex((entry) => entry.id === id);
    return index === -1 ? CATEGORIES.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * "; usual for its push SDK: notifications": the purposes an SDK of these kinds usually serves
 * (catalog/kinds.ts), as a hint next to a recipient's shares. Empty when no kind suggests one.
 */
function usualPurposes(kinds: Set<string>): string {
  const known = [...kinds].filter((kind): kind is SdkKind => Object.hasOwn(SDK_KIND_PURPOSES, kind)).sort();
  const purposes = [...new Set(known.flatMap((kind) => SDK_KIND_PURPOSES[kind]))];
  if (purposes.length === 0) return '';
  const described = known.filter((kind) => SDK_KIND_PURPOSES[kind].length > 0);
  const kindList = described.length > 1 ? `${described.slice(0, -1).join(', ')} and ${described.at(-1)}` : described[0];
  return `; usual for its ${kindList} SDK${described.length > 1 ? 's' : ''}: ${purposes.join(', ')}`;
}
