import { flowData, flowPlace, onePerSink } from '../flow-place.js';
import { collectedAt, sentSentence, fullList, itOrThem, unique, type Collected } from '../message-words.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-undeclared-sharing',
  defaultSeverity: 'error',
  description: 'Personal data flows into a third-party SDK whose recipient in the manifest is not said to receive that category, or not for that purpose.',
  rationale: 'A privacy policy promises who receives which data and why; sending a category to a vendor the policy does not name for it is an undisclosed transfer (GDPR Art. 13(1)(e), Art. 28).',
  needsManifest: true,
  perFile: true,
  reportsFlows: true,
  precision: 'medium',
  securitySeverity: '8.0',
  eslintType: 'problem',
});

/** Data sent to a recipient, and how. */
interface Sent {
  manifest: string;
  vendor: string;
  /** "through mixpanel.track", "at api.mixpanel.com through fetch". */
  channel: string;
  recipient: string;
}

export const messages = {
  undeclaredSharing: (data: Sent & { recipientLine: number; subjects: Collected[] }) => {
    const categories = unique(data.subjects.map((subject) => subject.category));
    return {
      message: sentSentence(data.subjects, (what) => `Sends ${what} to ${data.vendor} ${data.channel}, a share the manifest does not declare.`),
      help: `${collectedAt(data.subjects)} Fix: add a share for ${fullList(categories)} to recipient ${data.recipient} (${data.manifest}, line ${data.recipientLine}) if the policy allows it, or stop sending ${itOrThem(categories)}.`,
    };
  },
  undeclaredSharingPurpose: (data: Sent & { purposes: string[]; subjects: (Collected & { declared: string[]; shareLine: number })[] }) => {
    const shares = unique(data.subjects.map((subject) => `${subject.category} with "${data.recipient}" only for ${subject.declared.join(', ')} (line ${subject.shareLine})`));
    return {
      message: sentSentence(data.subjects, (what) => `Sends ${what} to ${data.vendor} ${data.channel} for ${data.purposes.join(', ')}, a purpose not declared for that share.`),
      help: `${collectedAt(data.subjects)} ${data.manifest} shares ${fullList(shares)}. Fix: declare the purpose on the share if the policy allows it, or stop sending it.`,
    };
  },
};

const report = reporter(meta, messages);

/**
 * Data that reaches a recipient, through its SDK or at one of its domains, must be in one of the
 * recipient's shares, for one of the purposes of the site that collected it.
 */
export function check({ inventory, policy }: RuleInput): Draft[] {
  if (!policy.manifest) return [];
  const out: Draft[] = [];
  for (const flow of inventory.flows) {
    for (const { recipient, channel } of policy.flowRecipients(flow)) {
      const { covering, forPurpose } = policy.sharesFor(flow, recipient);
      const sent: Sent = { manifest: policy.manifestName, vendor: recipient.name ?? recipient.id, channel, recipient: recipient.id };
      if (covering.length === 0) {
        out.push(report('undeclaredSharing', flowPlace(flow), { ...sent, recipientLine: recipient.at.line, subjects: [flowData(flow)] }));
      } else if (forPurpose.length === 0) {
        const declared = [...new Set(covering.flatMap((share) => share.purposes))];
        out.push(report('undeclaredSharingPurpose', flowPlace(flow), { ...sent, purposes: flow.purposes, subjects: [{ ...flowData(flow), declared, shareLine: covering[0]!.at.line }] }));
      }
    }
  }
  return onePerSink(out);
}
