import type { CatalogIndex } from '../catalog/match.js';
import type { CollectionSite, DataFlow, Inventory, SdkCall, SdkUse } from '../link/inventory.js';
import type { CategoryDeclaration, Manifest, RecipientDeclaration, ResidencyRule, UseDeclaration } from '../manifest/types.js';
import { categoryCovers, isKnownPurpose, PURPOSES } from '../taxonomy/index.js';
import { closestMatch, didYouMean } from '../util/did-you-mean.js';
import type { Finding } from './finding.js';
import { hostMatches, RecipientIndex } from './recipient-index.js';
import { ruleMeta, type Severity } from './rules.js';

export interface CheckOptions {
  catalog: CatalogIndex;
  /** The manifest's path as messages show it (relative to the scan root when inside it). */
  manifestPath?: string;
  /** The manifest's path relative to the scan root, for findings located in it. */
  manifestFile?: string;
  /** Severity overrides from the config; "off" drops a rule. */
  rules?: Record<string, Severity | 'off'>;
  /** The consent check to suggest in fixes for a key, e.g. `hasConsent('ads')` (default: that form). */
  guardCall?: (key: string) => string;
}

type Draft = Omit<Finding, 'severity' | 'fingerprint'>;
/** A collection finding that does not depend on the category: `once` says what makes it one (see check()). */
type CollectionDraft = Draft & { once?: string };

export { hostMatches } from './recipient-index.js';

/** Compare the inventory with the manifest: pure, deterministic, no I/O. Fingerprints are added by the caller. */
export function check(inventory: Inventory, manifest: Manifest | undefined, options: CheckOptions): Omit<Finding, 'fingerprint'>[] {
  const drafts: Draft[] = [];
  const context = new CheckContext(manifest, options);
  // An API that yields two categories at one place (getUniqueId: device.id, and device.android_id
  // on Android) is one missing annotation, one misspelt purpose, one missing consent check — not
  // two: reported once, for the API's own category. What depends on the category (undeclared, a
  // purpose not declared for it) stays per category.
  const reportedOnce = new Map<string, number>();
  for (const site of inventory.collections) {
    for (const { once, ...draft } of context.checkCollection(site)) {
      if (once !== undefined) {
        const place = `${draft.kind}:${draft.file}:${draft.line}:${draft.column}:${draft.api}:${once}`;
        const earlier = reportedOnce.get(place);
        if (earlier !== undefined) {
          if (draft.category === options.catalog.primaryCategory(draft.api!)) drafts[earlier] = draft;
          continue;
        }
        reportedOnce.set(place, drafts.length);
      }
      drafts.push(draft);
    }
  }
  for (const use of inventory.sdks) drafts.push(...context.checkSdkUse(use));
  for (const call of inventory.sdkCalls) drafts.push(...context.checkSdkCall(call));
  const consentReported = new Set(drafts.filter((draft) => draft.ruleId === 'require-consent-check').map((draft) => `${draft.file}:${draft.line}:${draft.column}`));
  // One finding per sink, rule and category: more collection sites of the same data add nothing to fix.
  const flowFindings = new Set<string>();
  for (const flow of inventory.flows) {
    for (const draft of context.checkFlow(flow)) {
      if (draft.ruleId === 'require-consent-check' && consentReported.has(`${draft.file}:${draft.line}:${draft.column}`)) continue;
      const key = [draft.ruleId, draft.kind, draft.file, draft.line, draft.column, draft.category, draft.message.replace(`, collected at ${flow.source.file}:${flow.source.line}`, '')].join('\0');
      if (flowFindings.has(key)) continue;
      flowFindings.add(key);
      drafts.push(draft);
    }
  }
  if (manifest) drafts.push(...context.unusedDeclarations(inventory));

  const findings: Omit<Finding, 'fingerprint'>[] = [];
  for (const draft of drafts) {
    const override = options.rules?.[draft.ruleId];
    if (override === 'off') continue;
    findings.push({ ...draft, severity: override ?? ruleMeta(draft.ruleId).defaultSeverity });
  }
  return findings;
}

class CheckContext {
  private readonly manifestName: string;
  private readonly recipients?: RecipientIndex;

  constructor(
    private readonly manifest: Manifest | undefined,
    private readonly options: CheckOptions,
  ) {
    this.manifestName = options.manifestPath ?? 'the manifest';
    if (manifest) this.recipients = new RecipientIndex(manifest, options.catalog);
  }

  private guardCall(key: string): string {
    return this.options.guardCall?.(key) ?? `hasConsent('${key}')`;
  }

  checkCollection(site: CollectionSite): CollectionDraft[] {
    const out: CollectionDraft[] = [];
    const what = `${site.category} (${site.api})`;
    const base = { file: site.file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn, category: site.category, api: site.api, ...(site.via.length > 0 ? { via: site.via } : {}), ...(site.sentThrough ? { flow: site.sentThrough } : {}) };
    const declared = this.manifest ? this.declarationsCovering(site.category) : [];

    if (this.manifest && declared.length === 0) {
      out.push({
        ...base,
        ruleId: 'no-undeclared-collection',
        kind: 'undeclaredCategory',
        message: `Collects ${what}, which ${this.manifestName} does not declare. Fix: declare ${site.category} under categories with its purposes and legal basis, or stop collecting it.`,
      });
    }

    if (site.purposes.length === 0 && site.annotation) {
      // `// @privacy-purpose` with nothing after it: the user meant to annotate, so say that, once.
      out.push({
        ...base,
        ruleId: 'declared-purpose',
        kind: 'emptyAnnotation',
        once: '',
        message: `The @privacy-purpose annotation at ${site.annotation.file}:${site.annotation.line} names no purpose for ${what}. Fix: name one or more purposes from docs/taxonomy.md, e.g. \`// @privacy-purpose analytics\`.`,
      });
    } else if (site.purposes.length === 0) {
      const detached = site.detachedAnnotationLine !== undefined ? ` The @privacy-purpose at line ${site.detachedAnnotationLine} does not apply: a blank line separates it from the statement.` : '';
      const options = declared.flatMap((declaration) => declaration.uses.flatMap((use) => use.purposes));
      const suggestion = options.length > 0 ? ` (${this.manifestName} declares ${[...new Set(options)].join(', ')} for it)` : '';
      out.push({
        ...base,
        ruleId: 'require-purpose',
        kind: 'missingPurpose',
        once: '',
        suggestion: { purposes: [...new Set(options)], annotationLine: site.annotationLine },
        message: `Collects ${what} without a declared purpose.${detached} Fix: add \`// @privacy-purpose <purpose>\` above the statement${suggestion}.`,
      });
    }

    for (const purpose of site.purposes) {
      const where = site.annotation ? ` (annotation at ${site.annotation.file}:${site.annotation.line})` : '';
      if (!isKnownPurpose(purpose)) {
        const hint = didYouMean(purpose, PURPOSES.map((entry) => entry.id));
        out.push({
          ...base,
          ruleId: 'declared-purpose',
          kind: 'unknownPurpose',
          once: purpose,
          // `…; did you mean "analytics"? Fix: …` — the question ends the sentence.
          message: `Unknown purpose "${purpose}" for ${what}${where}${hint ? `${hint} ` : '. '}Fix: use a purpose from docs/taxonomy.md.`,
        });
      } else if (declared.length > 0 && !declared.some((declaration) => declaration.uses.some((use) => use.purposes.includes(purpose)))) {
        out.push({
          ...base,
          ruleId: 'declared-purpose',
          kind: 'undeclaredPurpose',
          message: `Collects ${what} for ${purpose}${where}, but ${this.manifestName} does not declare ${purpose} for ${site.category}. Fix: declare the purpose under ${declared[0]!.id} (line ${declared[0]!.at.line}) if the policy allows it, or correct the annotation.`,
        });
      }
    }

    const consent = this.requiredConsent(declared, site.purposes);
    if (consent && !consent.keys.some((key) => site.consentKeys.includes(key))) {
      const key = consent.keys[0]!;
      const mode = this.manifest?.consents.get(key)?.mode === 'opt-out' ? 'an opt-out check' : 'prior opt-in consent';
      const forPurpose = consent.purpose ? ` for ${consent.purpose}` : '';
      out.push({
        ...base,
        ruleId: 'require-consent-check',
        kind: 'collectionWithoutConsent',
        once: key,
        message: `Collects ${what}${forPurpose} without a consent check for "${key}". ${this.manifestName}:${consent.use.at.line} requires ${mode} ("${key}")${forPurpose}.${this.misspeltKey(site.consentKeys, consent.keys)} Fix: wrap it in \`if (await ${this.guardCall(key)})\`, or mark the enclosing function with @privacy-requires-consent ${key}.`,
      });
    }
    return out;
  }

  checkSdkUse(use: SdkUse): Draft[] {
    if (!this.manifest) return [];
    const out: Draft[] = [];
    const sdk = this.options.catalog.catalog.sdks.find((candidate) => candidate.id === use.sdk);
    const sdkName = sdk?.name ?? use.sdk;
    const vendor = this.options.catalog.vendorName(use.vendor);
    const base = { file: use.file, line: use.line, column: use.column, endLine: use.endLine, endColumn: use.endColumn, package: use.package };
    if (!this.recipientFor(use.package, use.sdk)) {
      const shownPackage = use.package.startsWith('global:') ? `the global ${use.package.slice(7)}` : use.package;
      out.push({
        ...base,
        ruleId: 'no-undeclared-sdk',
        kind: 'undeclaredSdk',
        message: `Uses ${sdkName} (${shownPackage}; ${vendor}, ${use.kind}), but no recipient in ${this.manifestName} lists it. Fix: add "${use.package}" to the packages of a recipient (for example "${use.vendor}") with the categories it receives, or remove the SDK.`,
      });
    }
    for (const category of sdk?.collects ?? []) {
      if (this.declarationsCovering(category).length === 0) {
        out.push({
          ...base,
          category,
          ruleId: 'no-undeclared-collection',
          kind: 'undeclaredSdkCollection',
          message: `${sdkName} (${use.package.replace(/^global:/, '')}) collects ${category} on its own, which ${this.manifestName} does not declare. Fix: declare ${category} under categories (and as shared with ${vendor}), or remove the SDK.`,
        });
      }
    }
    return out;
  }

  checkSdkCall(call: SdkCall): Draft[] {
    // A call of a project function that calls the SDK: the SDK call inside is judged, with this caller's guards.
    if (!this.manifest || call.via) return [];
    const recipient = this.recipientFor(call.package, call.sdk);
    if (!recipient || recipient.shares.length === 0) return [];
    const keys = recipient.shares.map((share) => share.consent);
    if (keys.some((key) => key === undefined)) return [];
    const required = [...new Set(keys as string[])];
    if (required.some((key) => call.consentKeys.includes(key))) return [];
    const key = required[0]!;
    const share = recipient.shares.find((candidate) => candidate.consent === key)!;
    return [
      {
        file: call.file,
        line: call.line,
        column: call.column,
        endLine: call.endLine,
        endColumn: call.endColumn,
        package: call.package,
        ruleId: 'require-consent-check',
        kind: 'sdkCallWithoutConsent',
        message: `Calls ${call.callee} (${call.package.replace(/^global:/, '')}) without a consent check for "${key}". ${this.manifestName}:${share.at.line} shares data with ${recipient.name ?? recipient.id} only with consent "${key}".${this.misspeltKey(call.consentKeys, required)} Fix: wrap it in \`if (await ${this.guardCall(key)})\`, or mark the enclosing function with @privacy-requires-consent ${key}.`,
      },
    ];
  }

  checkFlow(flow: DataFlow): Draft[] {
    const manifest = this.manifest;
    if (!manifest) return [];
    const { sink } = flow;
    const out: Draft[] = [];
    const what = `${flow.category} (${flow.api}, collected at ${flow.source.file}:${flow.source.line})`;
    const hashedNote = flow.hashed ? ' It is hashed on the way, and a hashed identifier is still personal data.' : '';
    const base = {
      file: sink.file,
      line: sink.line,
      column: sink.column,
      endLine: sink.endLine,
      endColumn: sink.endColumn,
      category: flow.category,
      api: flow.api,
      package: sink.package,
      flow: flow.steps,
    };

    if (sink.kind === 'sdk' && sink.sdk) {
      const recipient = this.recipientFor(sink.package, sink.sdk);
      if (recipient) out.push(...this.checkSharing(flow, recipient, `through ${sink.callee}`, base));
    }

    if (sink.kind === 'network' && sink.destination) {
      const destination = sink.destination;
      // Data sent to a recipient's host is shared with that recipient: the same checks as for its SDK.
      const checkedRecipients = new Set<string>();
      for (const host of destinationHosts(destination)) {
        const owner = this.recipients!.ownerOf(host);
        if (owner.kind === 'recipient') {
          if (checkedRecipients.has(owner.recipient.id)) continue;
          checkedRecipients.add(owner.recipient.id);
          out.push(...this.checkSharing(flow, owner.recipient, `at ${host} through ${sink.callee}`, base));
        } else if (owner.kind === 'unknown') {
          out.push({
            ...base,
            ruleId: 'no-unknown-destination',
            kind: 'unknownDestination',
            message: `Sends ${what} to ${host} through ${sink.callee}, but ${this.manifestName} lists ${host} neither under first_party.domains nor as a recipient's domain.${hashedNote} Fix: add ${host} to first_party.domains if it is your own server, or to the recipient that operates it; otherwise stop sending the data there.`,
          });
        }
      }
      if (destination.kind === 'by-region') {
        for (const rule of manifest.residency) {
          // `transfer: allowed`: their data may leave store_in, so no endpoint is out of bounds.
          if (rule.endpoints.length === 0 || rule.transfer === 'allowed') continue;
          if (rule.categories.length > 0 && !rule.categories.some((category) => categoryCovers(category, flow.category))) continue;
          for (const region of rule.regions) {
            const host = destination.hosts[region] ?? destination.hosts.DEFAULT;
            if (!host || rule.endpoints.some((pattern) => hostMatches(host, pattern))) continue;
            const chosen = destination.hosts[region] ? `the endpoint chosen for ${region}` : `the default endpoint: the map has no entry for ${region}`;
            out.push({
              ...base,
              ruleId: 'no-residency-violation',
              kind: 'residencyViolation',
              message: `Sends ${what} of users in ${region} to ${host} (${chosen}) through ${sink.callee}, but residency rule "${rule.id}" (${this.manifestName}:${rule.at.line}) keeps their data in ${rule.storeIn.join(', ')} (${rule.endpoints.join(', ')})${residencyFix(rule, region)}`,
            });
          }
        }
      }
    }
    return out;
  }

  /**
   * A flow into a recipient, through its SDK or to one of its domains: the recipient must share the
   * category, for the site's purposes, and the sink must run behind the share's consent key.
   */
  private checkSharing(flow: DataFlow, recipient: RecipientDeclaration, channel: string, base: Omit<Draft, 'ruleId' | 'kind' | 'message'>): Draft[] {
    const out: Draft[] = [];
    const { sink } = flow;
    const what = `${flow.category} (${flow.api}, collected at ${flow.source.file}:${flow.source.line})`;
    const hashedNote = flow.hashed ? ' It is hashed on the way, and a hashed identifier is still personal data.' : '';
    const vendor = recipient.name ?? recipient.id;
    const covering = recipient.shares.filter((share) => share.categories.some((category) => categoryCovers(category, flow.category)));
    const forPurpose = flow.purposes.length > 0 ? covering.filter((share) => share.purposes.some((purpose) => flow.purposes.includes(purpose))) : covering;
    if (covering.length === 0) {
      out.push({
        ...base,
        ruleId: 'no-undeclared-sharing',
        kind: 'undeclaredSharing',
        message: `Sends ${what} to ${vendor} ${channel}, but ${this.manifestName} does not declare sharing ${flow.category} with "${recipient.id}".${hashedNote} Fix: add a share for ${flow.category} to recipient ${recipient.id} (line ${recipient.at.line}) if the policy allows it, or stop sending it.`,
      });
    } else if (forPurpose.length === 0) {
      const declared = [...new Set(covering.flatMap((share) => share.purposes))].join(', ');
      out.push({
        ...base,
        ruleId: 'no-undeclared-sharing',
        kind: 'undeclaredSharingPurpose',
        message: `Sends ${what} to ${vendor} ${channel} for ${flow.purposes.join(', ')}, but ${this.manifestName} shares ${flow.category} with "${recipient.id}" only for ${declared}.${hashedNote} Fix: declare the purpose on the share (line ${covering[0]!.at.line}) if the policy allows it, or stop sending it.`,
      });
    }
    const relevant = forPurpose.length > 0 ? forPurpose : covering;
    if (relevant.length > 0 && relevant.every((share) => share.consent) && !relevant.some((share) => sink.consentKeys.includes(share.consent!))) {
      const share = relevant[0]!;
      out.push({
        ...base,
        ruleId: 'require-consent-check',
        kind: 'flowWithoutConsent',
        message: `Sends ${what} to ${vendor} ${channel} without a consent check for "${share.consent}". ${this.manifestName}:${share.at.line} shares ${flow.category} with "${recipient.id}" only with consent "${share.consent}".${this.misspeltKey(flow.sink.consentKeys, [share.consent!])} Fix: wrap it in \`if (await ${this.guardCall(share.consent!)})\`, or mark the enclosing function with @privacy-requires-consent ${share.consent}.`,
      });
    }
    return out;
  }

  unusedDeclarations(inventory: Inventory): Draft[] {
    const manifest = this.manifest!;
    const file = this.options.manifestFile ?? this.manifestName;
    const out: Draft[] = [];
    const collected = new Set(inventory.collections.map((site) => site.category));
    for (const use of inventory.sdks) {
      for (const category of this.options.catalog.catalog.sdks.find((sdk) => sdk.id === use.sdk)?.collects ?? []) collected.add(category);
    }
    for (const declaration of manifest.categories) {
      if ([...collected].some((category) => categoryCovers(declaration.id, category))) continue;
      out.push({
        file,
        ...point(declaration.at),
        category: declaration.id,
        ruleId: 'no-unused-declaration',
        kind: 'unusedCategory',
        message: `The manifest declares ${declaration.id}, but no scanned code collects it. Fix: remove the declaration if the policy over-claims, or check that the code that collects it is scanned.`,
      });
    }
    // A recipient is used when code imports one of its packages: as an SDK, or as a catalogued
    // source module (expo-notifications hands the push token to Expo's push service); or when
    // code sends personal data to one of its domains. Found from the code's side, once each.
    const used = new Set<RecipientDeclaration>();
    const recipients = this.recipients!;
    for (const use of inventory.sdks) for (const recipient of recipients.listing(use.package, use.sdk)) used.add(recipient);
    for (const flow of inventory.flows) {
      if (flow.sink.kind !== 'network' || !flow.sink.destination) continue;
      for (const host of destinationHosts(flow.sink.destination)) {
        const owner = recipients.ownerOf(host);
        if (owner.kind === 'recipient') used.add(owner.recipient);
      }
    }
    for (const module of new Set(inventory.collections.map((site) => sourceModuleOf(site.api)))) {
      if (module !== undefined) for (const recipient of recipients.listing(module, '')) used.add(recipient);
    }
    for (const recipient of manifest.recipients) {
      if (recipient.packages.length === 0) continue; // data reaches it by other means; nothing to look for in code
      if (used.has(recipient)) continue;
      out.push({
        file,
        ...point(recipient.at),
        ruleId: 'no-unused-declaration',
        kind: 'unusedRecipient',
        message: `The manifest lists recipient "${recipient.id}" (packages ${recipient.packages.join(', ')}), but no scanned code imports any of them${recipient.domains.length > 0 ? ' or sends personal data to its domains' : ''}. Fix: remove the recipient if the app no longer uses it, or check its package names.`,
      });
    }
    return out;
  }

  // ── helpers ─────────────────────────────────────────────────────────────

  /**
   * When the code checks a key the manifest does not declare and that is close to a needed one
   * (`hasConsent('adz')`, `@privacy-requires-consent adz`), say so: a typo, not a missing check.
   */
  private misspeltKey(present: readonly string[], needed: readonly string[]): string {
    const declared = this.manifest?.consents;
    for (const key of present) {
      if (declared?.has(key)) continue;
      const meant = closestMatch(key, needed);
      if (meant) return ` The code checks "${key}", an unknown consent key (${this.manifestName} declares no such key); did you mean "${meant}"?`;
    }
    return '';
  }

  private declarationsCovering(category: string): CategoryDeclaration[] {
    return this.manifest?.categories.filter((declaration) => categoryCovers(declaration.id, category)) ?? [];
  }

  /**
   * The consent a collection needs: for each annotated purpose, the uses that declare it; when all
   * of them name a consent key, one of those keys is needed. Without purposes: when every use does.
   */
  private requiredConsent(declared: CategoryDeclaration[], purposes: string[]): { keys: string[]; use: UseDeclaration; purpose?: string } | undefined {
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

  private recipientFor(pkg: string, sdkId: string): RecipientDeclaration | undefined {
    return this.recipients?.first(pkg, sdkId);
  }
}

/** The hosts a network destination can be: one, or each of a region map's. */
function destinationHosts(destination: NonNullable<DataFlow['sink']['destination']>): string[] {
  if (destination.kind === 'host') return [destination.host];
  if (destination.kind === 'by-region') return [...new Set(Object.values(destination.hosts))];
  return [];
}

/**
 * The module of a catalogued API id (`expo-notifications#getExpoPushTokenAsync`); undefined for
 * globals (`navigator.geolocation.getCurrentPosition`) and for server requests (`request#ip`).
 */
function sourceModuleOf(api: string): string | undefined {
  const hash = api.indexOf('#');
  if (hash <= 0) return undefined;
  const module = api.slice(0, hash);
  return module === 'request' ? undefined : module;
}

function point(at: { line: number; column: number }) {
  return { line: at.line, column: at.column, endLine: at.line, endColumn: at.column };
}

/**
 * The end of a residency finding's message, after "keeps their data in <store_in> (<endpoints>)":
 * what the rule's `transfer:` allows, and the fix. privlint cannot see safeguards (standard
 * contractual clauses, a transfer the local law permits), so with_safeguards asks to record them.
 */
function residencyFix(rule: ResidencyRule, region: string): string {
  const route = `route ${region} to one of ${rule.endpoints.join(', ')}`;
  if (rule.transfer === 'forbidden') return ` and forbids transfers out of it. Fix: ${route}.`;
  if (rule.transfer === 'with_safeguards') {
    return ` and allows transfers out of it only with safeguards (standard contractual clauses, or a transfer the local law permits), which privlint cannot see. Fix: ${route}; or, if this transfer has those safeguards, record them: \`// privlint-disable-next-line no-residency-violation -- <the safeguards>\`.`;
  }
  return `. Fix: ${route}.`;
}
