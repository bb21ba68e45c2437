import { flowData, flowPlace, onePerSink } from '../flow-place.js';
import { collectedAt, sentSentence, type Collected } from '../message-words.js';
import { destinationHosts } from '../policy.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-unknown-destination',
  defaultSeverity: 'error',
  description: 'Personal data is sent to a host that is neither a first-party domain nor a declared recipient\'s domain.',
  rationale: 'Data sent to an undeclared host reaches a party the policy does not disclose, and may leave the jurisdictions the policy promises.',
  needsManifest: true,
  perFile: true,
  reportsFlows: true,
  precision: 'medium',
  securitySeverity: '8.0',
  eslintType: 'problem',
});

export const messages = {
  unknownDestination: (data: { manifest: string; host: string; callee: string; subjects: Collected[] }) => ({
    message: sentSentence(data.subjects, (what) => `Sends ${what} to ${data.host} through ${data.callee}, a host the manifest does not list.`),
    help: `${collectedAt(data.subjects)} Fix: add ${data.host} to first_party.domains in ${data.manifest} if it is your own server, or to the domains of the recipient that operates it; otherwise stop sending the data there.`,
  }),
};

const report = reporter(meta, messages);

/** Personal data sent over the network must go to a first-party host or to a declared recipient's domain. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  if (!policy.manifest) return [];
  const out: Draft[] = [];
  for (const flow of inventory.flows) {
    const { sink } = flow;
    if (sink.kind !== 'network' || !sink.destination) continue;
    for (const host of destinationHosts(sink.destination)) {
      if (policy.hostOwner(host).kind !== 'unknown') continue;
      out.push(report('unknownDestination', flowPlace(flow), { manifest: policy.manifestName, host, callee: sink.callee, subjects: [flowData(flow)] }));
    }
  }
  return onePerSink(out);
}
