import { flowData, flowPlace, onePerSink } from '../flow-place.js';
import { collectedAt, fullList, itOrThem, sentenceWithList, sentSentence, unique, type Collected } from '../message-words.js';
import { oncePerApi, sitePlace, type OnceDraft } from '../once-per-api.js';
import type { Draft, RuleInput } from '../rule-module.js';
import type { SwitchNote } from '../../link/inventory.js';
import { isForcedOn } from '../../link/switches.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';
import type { RecipientDeclaration } from '../../manifest/types.js';

export const meta = defineMeta({
  id: 'require-consent-check',
  defaultSeverity: 'error',
  description: 'Data whose use requires consent is collected (or sent to an SDK) without a consent check for the right key.',
  rationale: 'When the policy promises prior consent (or an opt-out), collecting before checking the user\'s choice breaks the promise and the law (GDPR Art. 6/7, ePrivacy Art. 5(3)).',
  needsManifest: true,
  perFile: true,
  reportsFlows: true,
  precision: 'medium',
  securitySeverity: '8.0',
  eslintType: 'problem',
});

/** What every consent message's help ends with: a misspelt key the code checks, and how to add the check. */
interface ConsentFix {
  key: string;
  /** "The code checks "adz", an unknown consent key …" or "". */
  misspelt: string;
  /** The guard call to suggest: `hasConsent('ads')`. */
  guard: string;
  /** The guard is one the config names; else the fix says how to name one. */
  configured: boolean;
}

const fix = (data: ConsentFix) =>
  `${data.misspelt ? `${data.misspelt} ` : ''}Fix: ${
    data.configured
      ? `wrap it in \`if (await ${data.guard})\``
      : `check consent "${data.key}" first, e.g. \`if (await ${data.guard})\`, and name your check function under "guards" in privlint.config.json (no guard there proves "${data.key}"; docs/config.md#guards)`
  }, or mark the enclosing function with @privacy-requires-consent ${data.key}.`;

export const messages = {
  collectionWithoutConsent: (data: ConsentFix & { manifest: string; category: string; api: string; purpose?: string; line: number; mode: 'opt-in' | 'opt-out' }) => {
    const forPurpose = data.purpose ? ` for ${data.purpose}` : '';
    const mode = data.mode === 'opt-out' ? 'an opt-out check' : 'prior opt-in consent';
    return {
      message: `Collects ${data.category} (${data.api})${forPurpose} without a consent check for "${data.key}".`,
      help: `${data.manifest}:${data.line} requires ${mode} ("${data.key}")${forPurpose}. ${fix(data)}`,
    };
  },
  sdkCallWithoutConsent: (data: ConsentFix & { manifest: string; callee: string; package: string; recipient: string; line: number; switches: readonly SwitchNote[] }) => ({
    message: `Calls ${data.callee} (${data.package}) without a consent check for "${data.key}".`,
    help: `${data.manifest}:${data.line} shares data with ${data.recipient} only with consent "${data.key}". ${switchSentence(data.switches, data.key)}${fix(data)}`,
  }),
  sdkCollectionWithoutConsent: (
    data: ConsentFix & { manifest: string; callee: string; package: string; categories: string[]; purpose?: string; line: number; mode: 'opt-in' | 'opt-out'; switches: readonly SwitchNote[] },
  ) => {
    const forPurpose = data.purpose ? ` for ${data.purpose}` : '';
    const mode = data.mode === 'opt-out' ? 'an opt-out check' : 'prior opt-in consent';
    return {
      message: sentenceWithList(data.categories, (list) => `Calls ${data.callee} (${data.package}), which collects ${list} on its own, without a consent check for "${data.key}".`),
      help: `${data.manifest}:${data.line} requires ${mode} ("${data.key}") to collect ${fullList(data.categories)}${forPurpose}, and the SDK collects ${itOrThem(data.categories)} as soon as the app calls it. ${switchSentence(data.switches, data.key)}${fix(data)}`,
    };
  },
  flowWithoutConsent: (data: ConsentFix & { manifest: string; vendor: string; channel: string; recipient: string; subjects: (Collected & { shareLine: number })[] }) => {
    const shares = unique(data.subjects.map((subject) => `${subject.category}`));
    const lines = unique(data.subjects.map((subject) => subject.shareLine));
    return {
      message: sentSentence(data.subjects, (what) => `Sends ${what} to ${data.vendor} ${data.channel} without a consent check for "${data.key}".`),
      help: `${collectedAt(data.subjects)} ${data.manifest}:${lines.join(', ')} shares ${fullList(shares)} with "${data.recipient}" only with consent "${data.key}". ${fix(data)}`,
    };
  },
};

/**
 * What the SDK's collection switches say, when there are some and they do not prove the key: one
 * set to true outside any consent check, or one whose key the config has not mapped to the manifest's.
 */
function switchSentence(switches: readonly SwitchNote[], key: string): string {
  const place = (note: SwitchNote) => `${note.callee} at ${note.file}:${note.line}`;
  const forcedOn = switches.find(isForcedOn);
  if (forcedOn) return `Its collection switch ${place(forcedOn)} turns collection on outside any consent check, so it proves no consent; pass it the user's choice. `;
  const other = switches.find((note) => note.keys.length > 0 && !note.keys.includes(key));
  if (!other) return '';
  const proven = other.keys.map((candidate) => `"${candidate}"`).join(', ');
  return `Its collection switch ${place(other)} proves ${proven}; if that is "${key}", map it in the config: { "catalog": "${other.guard}", "key": "${key}" }. `;
}

const report = reporter(meta, messages);

/** The consent keys a recipient shares only with (every share names one), and where the first is written. */
function sharedConsent(recipient: RecipientDeclaration | undefined): { keys: string[]; line: number } | undefined {
  if (!recipient || recipient.shares.length === 0) return undefined;
  const keys = recipient.shares.map((share) => share.consent);
  if (keys.some((key) => key === undefined)) return undefined;
  const required = [...new Set(keys as string[])];
  return { keys: required, line: recipient.shares.find((share) => share.consent === required[0])!.at.line };
}

/**
 * What the manifest puts behind consent must run after a check of the key: a collection whose
 * uses all need consent, a call into an SDK whose recipient shares only with consent or that
 * collects on its own a category whose uses all need consent, and data sent to a recipient whose
 * covering shares all need consent.
 */
export function check({ inventory, policy }: RuleInput): Draft[] {
  if (!policy.manifest) return [];
  const manifest = policy.manifest;
  const consentFix = (key: string, present: readonly string[], needed: readonly string[]): ConsentFix => ({
    key,
    misspelt: policy.misspeltKey(present, needed),
    guard: policy.guardCall(key),
    configured: policy.hasConfiguredGuard(key),
  });

  const sites: OnceDraft[] = [];
  for (const site of inventory.collections) {
    const consent = policy.requiredConsent(policy.declarationsCovering(site.category), site.purposes);
    if (!consent || consent.keys.some((key) => site.consentKeys.includes(key))) continue;
    const key = consent.keys[0]!;
    sites.push({
      ...report('collectionWithoutConsent', { ...sitePlace(site), guard: { key, call: policy.guardCall(key) } }, {
        ...consentFix(key, site.consentKeys, consent.keys),
        manifest: policy.manifestName,
        category: site.category,
        api: site.api,
        ...(consent.purpose ? { purpose: consent.purpose } : {}),
        line: consent.use.at.line,
        mode: manifest.consents.get(key)?.mode === 'opt-out' ? 'opt-out' : 'opt-in',
      }),
      once: key,
    });
  }
  const out = oncePerApi(sites, policy.catalog);

  for (const call of inventory.sdkCalls) {
    // A call of a project function that calls the SDK: the SDK call inside is judged, with this caller's guards.
    if (call.via) continue;
    const recipient = policy.recipientFor(call.package, call.sdk);
    const place = { file: call.file, line: call.line, column: call.column, endLine: call.endLine, endColumn: call.endColumn, package: call.package };
    const shared = sharedConsent(recipient);
    if (shared && !shared.keys.some((key) => call.consentKeys.includes(key))) {
      const key = shared.keys[0]!;
      out.push(
        report('sdkCallWithoutConsent', { ...place, guard: { key, call: policy.guardCall(key) } }, {
          ...consentFix(key, call.consentKeys, shared.keys),
          manifest: policy.manifestName,
          callee: call.callee,
          package: call.package.replace(/^global:/, ''),
          recipient: recipient!.name ?? recipient!.id,
          line: shared.line,
          switches: call.switches ?? [],
        }),
      );
      continue;
    }
    // What the SDK collects on its own needs the consent its categories' uses name, whatever the shares say.
    const unmet = policy.sdkCollectionConsent(call.sdk, recipient).filter((consent) => !consent.keys.some((key) => call.consentKeys.includes(key)));
    if (unmet.length === 0) continue;
    const first = unmet[0]!;
    const key = first.keys[0]!;
    const sameKey = unmet.filter((consent) => consent.keys.includes(key));
    out.push(
      report('sdkCollectionWithoutConsent', { ...place, guard: { key, call: policy.guardCall(key) } }, {
        ...consentFix(key, call.consentKeys, first.keys),
        manifest: policy.manifestName,
        callee: call.callee,
        package: call.package.replace(/^global:/, ''),
        categories: unique(sameKey.map((consent) => consent.category)),
        ...(first.purpose ? { purpose: first.purpose } : {}),
        line: first.use.at.line,
        mode: manifest.consents.get(key)?.mode === 'opt-out' ? 'opt-out' : 'opt-in',
        switches: call.switches ?? [],
      }),
    );
  }

  // A call already reported for consent (a collection, an SDK call) is not reported again for the data sent through it.
  const reported = new Set(out.map((draft) => `${draft.file}:${draft.line}:${draft.column}`));
  const flows: Draft[] = [];
  for (const flow of inventory.flows) {
    const { sink } = flow;
    if (reported.has(`${sink.file}:${sink.line}:${sink.column}`)) continue;
    for (const { recipient, channel } of policy.flowRecipients(flow)) {
      const { covering, forPurpose } = policy.sharesFor(flow, recipient);
      const relevant = forPurpose.length > 0 ? forPurpose : covering;
      if (relevant.length === 0 || !relevant.every((share) => share.consent) || relevant.some((share) => sink.consentKeys.includes(share.consent!))) continue;
      const share = relevant[0]!;
      flows.push(
        report('flowWithoutConsent', { ...flowPlace(flow), guard: { key: share.consent!, call: policy.guardCall(share.consent!) } }, {
          ...consentFix(share.consent!, sink.consentKeys, [share.consent!]),
          manifest: policy.manifestName,
          vendor: recipient.name ?? recipient.id,
          channel,
          recipient: recipient.id,
          subjects: [{ ...flowData(flow), shareLine: share.at.line }],
        }),
      );
    }
  }
  return [...out, ...onePerSink(flows)];
}
