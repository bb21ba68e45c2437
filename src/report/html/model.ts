import path from 'node:path';
import { packageNameOf } from '../../catalog/match.js';
import type { Catalog } from '../../catalog/types.js';
import { hostMatches } from '../../check/policy.js';
import type { Finding } from '../../check/finding.js';
import { categoriesOf } from '../../check/finding-parts.js';
import type { Severity } from '../../check/rules.js';
import type { DataFlow, Diagnostic, ViaStep } from '../../link/inventory.js';
import { recipientMatches } from '../../check/recipient-match.js';
import { unrecognisedPackageNames } from '../../link/dependencies.js';
import { mapEdges, type MapEdge } from './map-edges.js';
import type { Manifest } from '../../manifest/types.js';
import type { ScanResult } from '../../result/scan-result.js';
import { CATEGORIES, PURPOSES, categoryCovers, categoryEntry } from '../../taxonomy/index.js';
import { PACKAGE_VERSION } from '../../util/package-info.js';
import { toPosixRelative } from '../../util/paths.js';

/**
 * The privacy inventory as people read it: one model, built from a scan, that the HTML and the
 * Markdown reports render. Pure: no I/O (the catalog, which says what SDKs collect on their own,
 * is passed in).
 */

export interface ReportOptions {
  /** privlint's catalog (what SDKs collect on their own, vendor names); without it SDKs show only their imports. */
  catalog?: Catalog;
  /** Shown as "generated on"; left out when absent so that output stays reproducible. */
  date?: string;
  /** The report's heading; default "Privacy inventory: <app name>". */
  title?: string;
  /** Base URL of the scanned folder's source (e.g. https://github.com/o/r/blob/<sha>/app/); file:line become links to it. */
  sourceUrl?: string;
  /** A file's lines by scan-root-relative path, for the code snippet under each finding; without it, no snippets. */
  readLines?: (file: string) => readonly string[];
}

export type CategoryStatus = 'both' | 'collected-only' | 'declared-only';
/** `on-device`: storage on the device, logs and derived identifiers — where data stays with the app, not a recipient. */
export type RecipientKind = 'recipient' | 'vendor' | 'host' | 'first-party' | 'on-device' | 'unresolved';
export type ConsentState = 'checked' | 'missing' | 'not-required' | 'not-evaluated';

export interface Place {
  file: string;
  line: number;
  column: number;
}

export interface FindingView extends Place {
  anchor: string;
  ruleId: string;
  severity: Severity;
  message: string;
  /** The policy reference and the fix. */
  help: string;
  category?: string;
  /** Every category the finding is about: its own, or its parts' when it merges several at one place. */
  categories: string[];
  package?: string;
  /** Anchor of the place in the report the finding is about (a site, an SDK import, a flow, a category, a recipient). */
  target?: string;
  /** For a finding about an SDK: the categories its recipient receives through it (the category filter finds it by them). */
  receives: string[];
  /** Anchors of the recipients the finding is about: its SDK's, or those the data at its place reaches. */
  recipients: string[];
  /** The lines around the finding, for a code snippet. */
  snippet?: Snippet;
}

/** A few lines of a file: `lines[i]` is line `first + i`; `line` is the finding's. */
export interface Snippet {
  first: number;
  line: number;
  lines: string[];
}

/** A file privlint skipped or could not fully analyse, and why, in a few words. */
export interface NotAnalysedView {
  file: string;
  why: string;
}

export interface SiteView extends Place {
  anchor: string;
  api: string;
  purposes: string[];
  /** Where the purposes came from, in words ("the function's JSDoc"). */
  purposeOrigin?: string;
  via: ViaStep[];
  consent: { state: ConsentState; keys: string[] };
  findings: FindingView[];
}

export interface FlowView {
  anchor: string;
  category: string;
  api: string;
  source: Place;
  sink: Place & { callee: string };
  recipients: { key: string; name: string }[];
  purposes: string[];
  hashed: boolean;
  consentKeys: string[];
  findings: FindingView[];
}

export interface SdkUseView extends Place {
  anchor: string;
  package: string;
  sdkName: string;
  kind: string;
  /** Categories the SDK collects on its own (from privlint's catalog). */
  collects: string[];
  recipientKey: string;
}

export interface DeclaredUseView {
  /** The declaration the use belongs to (a parent covers its children). */
  declaration: string;
  purposes: string[];
  basis: string;
  consent?: string;
  consentMode?: string;
}

export interface CategoryView {
  id: string;
  anchor: string;
  description: string;
  status: CategoryStatus;
  declaredBy: string[];
  uses: DeclaredUseView[];
  sites: SiteView[];
  flows: FlowView[];
  /** SDK imports whose SDK collects this category on its own. */
  sdkCollectors: SdkUseView[];
  findings: FindingView[];
}

export interface ReceivedView {
  category: string;
  /** flow: the code sends it; sdk: the SDK collects it on its own; share: the manifest says so. */
  how: 'flow' | 'sdk' | 'share';
  purposes: string[];
  consent?: string;
  /** Anchor of the flow or SDK import. */
  target?: string;
  where?: Place;
}

export interface RecipientView {
  key: string;
  anchor: string;
  kind: RecipientKind;
  name: string;
  id?: string;
  role?: 'processor' | 'third_party';
  policyUrl?: string;
  packages: string[];
  domains: string[];
  sdkUses: SdkUseView[];
  receives: ReceivedView[];
  findings: FindingView[];
}

/** A line of the data map: data of `category`, for `purpose` (null: none stated), reaching `recipient` (a RecipientView key). */
export interface DataPath {
  category: string;
  purpose: string | null;
  recipient: string;
}

export interface ReportModel {
  title: string;
  appName: string;
  /** The scanned folder's name. */
  rootName: string;
  version: string;
  date?: string;
  manifestPath?: string;
  policy?: { url: string; date?: string; title?: string };
  sourceUrl?: string;
  filesScanned: number;
  counts: {
    categoriesCollected: number;
    sites: number;
    sdkPackages: number;
    recipients: number;
    findings: Record<Severity, number>;
    declaredAndCollected: number;
    collectedOnly: number;
    declaredOnly: number;
  };
  categories: CategoryView[];
  recipients: RecipientView[];
  findings: FindingView[];
  /** Category → purpose edges from collection sites and SDKs (the left half of the data map). */
  collectedFor: DataPath[];
  /** Category → purpose → recipient, from data flows and SDKs collecting on their own. */
  paths: DataPath[];
  /** Category → recipient, with the purposes from the code and from the manifest: the data map's lines. */
  edges: MapEdge[];
  diagnostics: Diagnostic[];
  /**
   * What privlint could not judge: third-party packages it does not recognise (undefined when no
   * package.json was read, so none was checked) and files it skipped or could not fully analyse.
   */
  notJudged: {
    packageFiles?: string[];
    packages: { package: string; packageJsons: string[] }[];
    files: NotAnalysedView[];
  };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
export const NO_PURPOSE = 'no purpose stated';

const PURPOSE_ORIGIN: Record<string, string> = {
  statement: 'the annotation above the statement',
  function: "the enclosing function's annotation",
  wrapper: "the wrapper's annotation",
};

export function buildReportModel(result: ScanResult, options: ReportOptions = {}): ReportModel {
  const { manifest, inventory } = result;
  const catalog = options.catalog;
  const key = (place: Place) => `${place.file}:${place.line}:${place.column}`;

  // Findings first: places link to them and they link back.
  const findings: FindingView[] = sortFindings(result.findings).map((finding, index) => ({
    anchor: `f-${index + 1}`,
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    message: finding.message,
    help: finding.help,
    ...(finding.category ? { category: finding.category } : {}),
    categories: categoriesOf(finding),
    ...(finding.package ? { package: finding.package } : {}),
    receives: [],
    recipients: [],
    ...(options.readLines ? snippetOf(options.readLines(finding.file), finding.line) : {}),
  }));
  const findingsAt = new Map<string, FindingView[]>();
  for (const finding of findings) findingsAt.set(key(finding), [...(findingsAt.get(key(finding)) ?? []), finding]);
  const targets = new Map<string, string>();

  // Recipients: declared ones first, then what the code reaches that the manifest does not name.
  const recipients = new Map<string, RecipientView>();
  (manifest?.recipients ?? []).forEach((recipient) => {
    recipients.set(`recipient:${recipient.id}`, {
      key: `recipient:${recipient.id}`,
      anchor: '',
      kind: 'recipient',
      name: recipient.name ?? recipient.id,
      id: recipient.id,
      role: recipient.role,
      ...(recipient.policyUrl ? { policyUrl: recipient.policyUrl } : {}),
      packages: recipient.packages,
      domains: recipient.domains,
      sdkUses: [],
      receives: recipient.shares.flatMap((share) =>
        share.categories.map((category) => ({ category, how: 'share' as const, purposes: share.purposes, ...(share.consent ? { consent: share.consent } : {}) })),
      ),
      findings: [],
    });
  });
  const other = (recipientKey: string, kind: RecipientKind, name: string, extra: Partial<RecipientView> = {}): RecipientView => {
    let view = recipients.get(recipientKey);
    if (!view) {
      view = { key: recipientKey, anchor: '', kind, name, packages: [], domains: [], sdkUses: [], receives: [], findings: [], ...extra };
      recipients.set(recipientKey, view);
    }
    return view;
  };
  const sdkRecipient = (pkg: string, sdkId: string | undefined, vendorId: string | undefined): RecipientView => {
    const declared = manifest?.recipients.find((recipient) => recipientMatches(recipient, pkg, sdkId, catalog));
    if (declared) return recipients.get(`recipient:${declared.id}`)!;
    const vendor = vendorId ?? packageNameOf(pkg.replace(/^global:/, ''));
    const info = catalog?.vendors.find((candidate) => candidate.id === vendor);
    return other(`vendor:${vendor}`, 'vendor', info?.name ?? vendor, { id: vendor, ...(info?.policyUrl ? { policyUrl: info.policyUrl } : {}), domains: info?.domains ?? [] });
  };
  const hostRecipient = (host: string): RecipientView => {
    const declared = manifest?.recipients.find((recipient) => recipient.domains.some((pattern) => hostMatches(host, pattern)));
    if (declared) return recipients.get(`recipient:${declared.id}`)!;
    const ownHosts = [...(manifest?.firstPartyDomains ?? []), ...(manifest?.residency.flatMap((rule) => rule.endpoints) ?? [])];
    if (ownHosts.some((pattern) => hostMatches(host, pattern))) return firstParty(host);
    return other(`host:${host.toLowerCase()}`, 'host', host.toLowerCase(), { domains: [host.toLowerCase()] });
  };
  const firstParty = (host?: string): RecipientView => {
    const view = other('first-party', 'first-party', 'Your own back end (first party)', { domains: [] });
    if (host && !view.domains.includes(host)) view.domains.push(host);
    return view;
  };

  // SDK imports.
  const sdkUses: SdkUseView[] = inventory.sdks.map((use, index) => {
    const sdk = catalog?.sdks.find((candidate) => candidate.id === use.sdk);
    const recipient = sdkRecipient(use.package, use.sdk, use.vendor);
    const view: SdkUseView = {
      anchor: `u-${index + 1}`,
      file: use.file,
      line: use.line,
      column: use.column,
      package: use.package,
      sdkName: sdk?.name ?? use.sdk,
      kind: use.kind,
      collects: sdk?.collects ?? [],
      recipientKey: recipient.key,
    };
    recipient.sdkUses.push(view);
    if (!recipient.packages.includes(use.package) && recipient.kind !== 'recipient') recipient.packages.push(use.package);
    for (const category of view.collects) recipient.receives.push({ category, how: 'sdk', purposes: sharePurposes(manifest, recipient, category), target: view.anchor, where: view });
    if (!targets.has(key(view))) targets.set(key(view), view.anchor);
    return view;
  });

  // Data flows.
  const flows: FlowView[] = inventory.flows.map((flow, index) => {
    const reached = flowRecipients(flow, sdkRecipient, hostRecipient, firstParty, other);
    const view: FlowView = {
      anchor: `fl-${index + 1}`,
      category: flow.category,
      api: flow.api,
      source: flow.source,
      sink: { file: flow.sink.file, line: flow.sink.line, column: flow.sink.column, callee: flow.sink.callee },
      recipients: reached.map((recipient) => ({ key: recipient.key, name: recipient.name })),
      purposes: flow.purposes,
      hashed: flow.hashed,
      consentKeys: flow.sink.consentKeys,
      findings: (findingsAt.get(key(flow.sink)) ?? []).filter((finding) => finding.categories.length === 0 || finding.categories.includes(flow.category)),
    };
    for (const recipient of reached) recipient.receives.push({ category: flow.category, how: 'flow', purposes: flow.purposes, target: view.anchor, where: view.sink });
    if (!targets.has(key(view.sink))) targets.set(key(view.sink), view.anchor);
    return view;
  });

  // Collection sites.
  const sites: (SiteView & { category: string })[] = inventory.collections.map((site, index) => {
    const here = (findingsAt.get(key(site)) ?? []).filter((finding) => finding.categories.length === 0 || finding.categories.includes(site.category));
    const declared = manifest ? manifest.categories.some((declaration) => categoryCovers(declaration.id, site.category)) : false;
    const missing = here.some((finding) => finding.ruleId === 'require-consent-check');
    const state: ConsentState = missing ? 'missing' : site.consentKeys.length > 0 ? 'checked' : manifest && declared ? 'not-required' : 'not-evaluated';
    const view = {
      anchor: `s-${index + 1}`,
      category: site.category,
      file: site.file,
      line: site.line,
      column: site.column,
      api: site.api,
      purposes: site.purposes,
      ...(site.purposeOrigin ? { purposeOrigin: PURPOSE_ORIGIN[site.purposeOrigin] ?? site.purposeOrigin } : {}),
      via: site.via,
      consent: { state, keys: site.consentKeys },
      findings: here,
    };
    targets.set(key(view), view.anchor);
    return view;
  });

  // Categories: everything collected, plus declarations that cover nothing collected.
  const collected = new Set<string>([...sites.map((site) => site.category), ...sdkUses.flatMap((use) => use.collects)]);
  const declarations = manifest?.categories ?? [];
  const ids = [...collected, ...declarations.filter((declaration) => ![...collected].some((category) => categoryCovers(declaration.id, category))).map((declaration) => declaration.id)];
  const categories: CategoryView[] = [...new Set(ids)].sort(byTaxonomy).map((id) => {
    const covering = declarations.filter((declaration) => categoryCovers(declaration.id, id));
    const isCollected = collected.has(id);
    return {
      id,
      anchor: `cat-${id.replace(/[^A-Za-z0-9._-]/g, '-')}`,
      description: categoryEntry(id)?.description ?? '',
      status: !isCollected ? 'declared-only' : covering.length > 0 ? 'both' : 'collected-only',
      declaredBy: covering.map((declaration) => declaration.id),
      uses: covering.flatMap((declaration) =>
        declaration.uses.map((use) => ({
          declaration: declaration.id,
          purposes: use.purposes,
          basis: use.basis,
          ...(use.consent ? { consent: use.consent } : {}),
          ...(use.consent && manifest?.consents.get(use.consent) ? { consentMode: manifest.consents.get(use.consent)!.mode } : {}),
        })),
      ),
      sites: sites.filter((site) => site.category === id),
      flows: flows.filter((flow) => flow.category === id),
      sdkCollectors: sdkUses.filter((use) => use.collects.includes(id)),
      findings: findings.filter((finding) => finding.categories.includes(id)),
    };
  });
  const categoryAnchor = new Map(categories.map((category) => [category.id, category.anchor]));

  // What reaches each recipient: by category in report order; the policy's share, then the SDK, then flows.
  const categoryRank = (id: string) => {
    const index = categories.findIndex((category) => category.id === id);
    return index === -1 ? categories.length : index;
  };
  const howRank = { share: 0, sdk: 1, flow: 2 };
  for (const recipient of recipients.values()) {
    recipient.receives.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.category.localeCompare(b.category) || howRank[a.how] - howRank[b.how]);
  }

  // Recipients in a stable order, with anchors; findings about them.
  const recipientList = [...recipients.values()].sort((a, b) => recipientRank(a) - recipientRank(b) || (a.kind === 'recipient' ? 0 : a.name.localeCompare(b.name)));
  recipientList.forEach((recipient, index) => (recipient.anchor = `r-${index + 1}`));
  for (const finding of findings) {
    const recipient = finding.package
      ? recipientList.find((candidate) => candidate.sdkUses.some((use) => use.package === finding.package) || candidate.packages.includes(finding.package!))
      : finding.ruleId === 'no-unused-declaration' && !finding.category && manifest
        ? recipientList.find((candidate) => candidate.kind === 'recipient' && manifest.recipients.find((declared) => declared.id === candidate.id)?.at.line === finding.line)
        : undefined;
    if (recipient) recipient.findings.push(finding);
    findingRecipients(finding, recipient, flows, recipientList);
    if (recipient && finding.package) finding.receives = packageReceives(finding.package, recipient, sdkUses, flows, inventory.flows);
    const target = targets.get(key(finding)) ?? (finding.category ? categoryAnchor.get(finding.category) : undefined) ?? recipient?.anchor;
    if (target) finding.target = target;
  }

  // The data map.
  const collectedFor: DataPath[] = [];
  const paths: DataPath[] = [];
  for (const site of sites) for (const purpose of orNone(site.purposes)) collectedFor.push({ category: site.category, purpose, recipient: '' });
  for (const recipient of recipientList) {
    for (const received of recipient.receives) {
      if (received.how === 'share') continue;
      for (const purpose of orNone(received.purposes)) {
        paths.push({ category: received.category, purpose, recipient: recipient.key });
        if (received.how === 'sdk') collectedFor.push({ category: received.category, purpose, recipient: '' });
      }
    }
  }

  const edges = mapEdges(recipientList, flows, (recipient, category) => manifestPurposes(manifest, recipient, category));

  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const appName = manifest?.app.name ?? path.basename(result.root);
  const packages = new Set(sdkUses.map((use) => (use.package.startsWith('global:') ? use.package : packageNameOf(use.package))));
  return {
    title: options.title ?? `Privacy inventory: ${appName}`,
    appName,
    rootName: path.basename(result.root) || result.root,
    version: PACKAGE_VERSION,
    ...(options.date ? { date: options.date } : {}),
    ...(manifest ? { manifestPath: toPosixRelative(result.root, manifest.file) } : {}),
    ...(manifest?.policy ? { policy: { url: manifest.policy.url, ...(manifest.policy.date ? { date: manifest.policy.date } : {}), ...(manifest.policy.title ? { title: manifest.policy.title } : {}) } } : {}),
    ...(options.sourceUrl ? { sourceUrl: options.sourceUrl.endsWith('/') ? options.sourceUrl : `${options.sourceUrl}/` } : {}),
    filesScanned: result.files.length,
    counts: {
      categoriesCollected: collected.size,
      sites: sites.length,
      sdkPackages: packages.size,
      recipients: recipientList.filter((recipient) => recipient.kind !== 'first-party' && recipient.kind !== 'on-device' && recipient.kind !== 'unresolved').length,
      findings: { error: count('error'), warning: count('warning'), note: count('note') },
      declaredAndCollected: categories.filter((category) => category.status === 'both').length,
      collectedOnly: categories.filter((category) => category.status === 'collected-only').length,
      declaredOnly: categories.filter((category) => category.status === 'declared-only').length,
    },
    categories,
    recipients: recipientList,
    findings,
    collectedFor,
    paths,
    edges,
    diagnostics: inventory.diagnostics,
    notJudged: {
      ...(result.dependencies && result.dependencies.packageFiles.length > 0 ? { packageFiles: result.dependencies.packageFiles } : {}),
      packages: unrecognisedPackageNames(result.dependencies ?? { packageFiles: [], unrecognised: [] }).map((name) => ({
        package: name,
        packageJsons: result.dependencies!.unrecognised.filter((dependency) => dependency.package === name).map((dependency) => dependency.packageJson),
      })),
      files: notAnalysedFiles(inventory.diagnostics),
    },
  };
}

/** Purpose ids in taxonomy order, then the rest, then "no purpose stated". */
export function purposeOrder(purpose: string | null): number {
  if (purpose === null) return PURPOSES.length + 1;
  const index = PURPOSES.findIndex((entry) => entry.id === purpose);
  return index === -1 ? PURPOSES.length : index;
}

function byTaxonomy(a: string, b: string): number {
  const rank = (id: string) => {
    const index = CATEGORIES.findIndex((entry) => entry.id === id);
    return index === -1 ? CATEGORIES.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function recipientRank(recipient: RecipientView): number {
  return { recipient: 0, vendor: 1, host: 2, 'first-party': 3, 'on-device': 4, unresolved: 5 }[recipient.kind];
}

function orNone(purposes: string[]): (string | null)[] {
  return purposes.length > 0 ? purposes : [null];
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, note: 2 };
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/**
 * The purposes the manifest gives data of a category reaching a recipient: a declared recipient's
 * shares; for the app's own back end and the device, the category's declared uses (the app keeps the
 * data); none for a recipient the manifest does not name.
 */
function manifestPurposes(manifest: Manifest | undefined, recipient: RecipientView, category: string): string[] {
  if (!manifest) return [];
  if (recipient.kind === 'recipient') return sharePurposes(manifest, recipient, category);
  if (recipient.kind !== 'first-party' && recipient.kind !== 'on-device') return [];
  const uses = manifest.categories.filter((declaration) => categoryCovers(declaration.id, category)).flatMap((declaration) => declaration.uses);
  return [...new Set(uses.flatMap((use) => use.purposes))];
}

/** The purposes for which the manifest lets a recipient receive a category (empty when it does not). */
function sharePurposes(manifest: Manifest | undefined, recipient: RecipientView, category: string): string[] {
  if (!manifest || recipient.kind !== 'recipient') return [];
  const declared = manifest.recipients.find((candidate) => candidate.id === recipient.id);
  return [...new Set(declared?.shares.filter((share) => share.categories.some((shared) => categoryCovers(shared, category))).flatMap((share) => share.purposes) ?? [])];
}

/** Lines shown around a finding's line (one before, one after), each cut to this length. */
const SNIPPET_CONTEXT = 1;
const SNIPPET_WIDTH = 160;

function snippetOf(lines: readonly string[], line: number): { snippet?: Snippet } {
  if (line < 1 || line > lines.length) return {};
  const first = Math.max(1, line - SNIPPET_CONTEXT);
  const last = Math.min(lines.length, line + SNIPPET_CONTEXT);
  const cut = (text: string) => {
    const plain = text.replace(/\r$/, '').replace(/\t/g, '  ');
    return plain.length > SNIPPET_WIDTH ? `${plain.slice(0, SNIPPET_WIDTH - 1)}…` : plain;
  };
  return { snippet: { first, line, lines: lines.slice(first - 1, last).map(cut) } };
}

/** The recipients a finding is about: its SDK's, and those the data collected or sent at its place reaches. */
function findingRecipients(finding: FindingView, own: RecipientView | undefined, flows: readonly FlowView[], recipients: readonly RecipientView[]): void {
  const at = (place: Place) => place.file === finding.file && place.line === finding.line && place.column === finding.column;
  const keys = new Set<string>(own ? [own.key] : []);
  for (const flow of flows) if (at(flow.sink) || at(flow.source)) for (const recipient of flow.recipients) keys.add(recipient.key);
  finding.recipients = recipients.filter((recipient) => keys.has(recipient.key)).map((recipient) => recipient.anchor);
}

/** The categories a recipient receives through one package: what its SDK collects on its own, and the flows into its calls. */
function packageReceives(pkg: string, recipient: RecipientView, sdkUses: readonly SdkUseView[], flows: readonly FlowView[], inventoryFlows: readonly DataFlow[]): string[] {
  const categories = new Set<string>();
  for (const use of sdkUses) if (use.package === pkg) use.collects.forEach((category) => categories.add(category));
  flows.forEach((flow, index) => {
    if (inventoryFlows[index]?.sink.package === pkg) categories.add(flow.category);
  });
  // A finding about a package the recipient is known by, not imported as such (a subpath): all it receives.
  if (categories.size === 0) for (const received of recipient.receives) if (received.how !== 'share') categories.add(received.category);
  return [...categories];
}

/** Files privlint skipped, did not analyse, or analysed only in part, with why (a diagnostic's first clause). */
function notAnalysedFiles(diagnostics: readonly Diagnostic[]): NotAnalysedView[] {
  const files: NotAnalysedView[] = [];
  for (const diagnostic of diagnostics) {
    const skipped = /^(skipped|not followed)\b/.test(diagnostic.message);
    if (!skipped && diagnostic.severity === 'note') continue;
    if (files.some((entry) => entry.file === diagnostic.file)) continue;
    files.push({ file: diagnostic.file, why: diagnostic.message.split(/;\s/)[0]!.replace(/^skipped: /, '') });
  }
  return files;
}

function flowRecipients(
  flow: DataFlow,
  sdkRecipient: (pkg: string, sdk: string | undefined, vendor: string | undefined) => RecipientView,
  hostRecipient: (host: string) => RecipientView,
  firstParty: () => RecipientView,
  other: (key: string, kind: RecipientKind, name: string) => RecipientView,
): RecipientView[] {
  const { sink } = flow;
  if (sink.kind === 'sdk') return [sdkRecipient(sink.package, sink.sdk, sink.vendor)];
  if (sink.kind === 'storage') return [other('on-device:storage', 'on-device', 'Storage on the device')];
  if (sink.kind === 'log') return [other('on-device:log', 'on-device', 'Logs (the console and what collects it)')];
  if (sink.kind === 'derive') return [other('on-device:derive', 'on-device', 'An identifier derived from it (a hash)')];
  const destination = sink.destination;
  if (destination?.kind === 'host') return [hostRecipient(destination.host)];
  if (destination?.kind === 'relative') return [firstParty()];
  if (destination?.kind === 'by-region') return [...new Set(Object.values(destination.hosts))].map(hostRecipient).filter((view, index, all) => all.indexOf(view) === index);
  return [other('unresolved', 'unresolved', 'A destination privlint could not resolve')];
}
