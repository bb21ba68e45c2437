import { flowData, flowPlace, onePerSink } from '../flow-place.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-undeclared-sharing',
  defaultSeverity: 'error',
  description: 'Personal data flows to a third-party SDK that the manifest does not say receives it (or not for that purpose).',
  rationale: 'A privacy policy promises who receives which data and why; sending a category to a vendor the policy does not name for it is an undisclosed transfer (GDPR Art. 13(1)(e), Art. 28).',
  needsManifest: true,
  perFile: true,
  reportsFlows: true,
  precision: 'medium',
  securitySeverity: '8.0',
  eslintType: 'problem',
});

interface Sent {
  manifest: string;
  category: string;
  api: string;
  source: string;
  hashed: boolean;
  vendor: string;
  channel: string;
  recipient: string;
}

const HASHED_NOTE = ' It is hashed on the way, and a hashed identifier is still personal data.';
const sends = (data: Sent) => `Sends ${data.category} (${data.api}, collected at ${data.source}) to ${data.vendor} ${data.channel}`;

export const messages = {
  undeclaredSharing: (data: Sent & { recipientLine: number }) =>
    `${sends(data)}, but ${data.manifest} does not declare sharing ${data.category} with "${data.recipient}".${data.hashed ? HASHED_NOTE : ''} Fix: add a share for ${data.category} to recipient ${data.recipient} (line ${data.recipientLine}) if the policy allows it, or stop sending it.`,
  undeclaredSharingPurpose: (data: Sent & { purposes: string[]; declared: string[]; shareLine: number }) =>
    `${sends(data)} for ${data.purposes.join(', ')}, but ${data.manifest} shares ${data.category} with "${data.recipient}" only for ${data.declared.join(', ')}.${data.hashed ? HASHED_NOTE : ''} Fix: declare the purpose on the share (line ${data.shareLine}) if the policy allows it, or stop sending it.`,
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
      const sent: Sent = { ...flowData(flow), manifest: policy.manifestName, vendor: recipient.name ?? recipient.id, channel, recipient: recipient.id };
      if (covering.length === 0) {
        out.push(report('undeclaredSharing', flowPlace(flow), { ...sent, recipientLine: recipient.at.line }));
      } else if (forPurpose.length === 0) {
        const declared = [...new Set(covering.flatMap((share) => share.purposes))];
        out.push(report('undeclaredSharingPurpose', flowPlace(flow), { ...sent, purposes: flow.purposes, declared, shareLine: covering[0]!.at.line }));
      }
    }
  }
  return onePerSink(out);
}
