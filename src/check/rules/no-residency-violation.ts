import type { ResidencyRule } from '../../manifest/types.js';
import { categoryCovers } from '../../taxonomy/index.js';
import { flowData, flowPlace, onePerSink } from '../flow-place.js';
import { collectedAt, sentSentence, type Collected } from '../message-words.js';
import { hostMatches } from '../policy.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-residency-violation',
  defaultSeverity: 'error',
  description: 'Data of users in a region with a residency rule is sent to an endpoint outside the region the manifest allows.',
  rationale: 'Data localisation promises (and laws such as China\'s PIPL, Russia\'s Federal Law 242-FZ, India\'s rules) require that data of those users stays in-country.',
  needsManifest: true,
  perFile: true,
  reportsFlows: true,
  precision: 'medium',
  securitySeverity: '9.0',
  eslintType: 'problem',
});

export const messages = {
  residencyViolation: (data: {
    manifest: string;
    region: string;
    host: string;
    /** The region map has an entry for the region (else the host is its default). */
    chosenForRegion: boolean;
    callee: string;
    rule: string;
    ruleLine: number;
    storeIn: string[];
    endpoints: string[];
    transfer: ResidencyRule['transfer'];
    subjects: Collected[];
  }) => {
    const chosen = data.chosenForRegion ? `the endpoint chosen for ${data.region}` : `the default endpoint: the map has no entry for ${data.region}`;
    const { rule, fix } = transferWords(data);
    return {
      message: sentSentence(data.subjects, (what) => `Sends ${what} of users in ${data.region} to ${data.host} through ${data.callee}, outside residency rule "${data.rule}".`),
      help: `${collectedAt(data.subjects)} ${data.host} is ${chosen}; rule "${data.rule}" (${data.manifest}:${data.ruleLine}) keeps their data in ${data.storeIn.join(', ')} (${data.endpoints.join(', ')})${rule}. Fix: ${fix}`,
    };
  },
};

/**
 * What the rule's `transfer:` allows, and the fix. privlint cannot see safeguards (standard
 * contractual clauses, a transfer the local law permits), so with_safeguards asks to record them.
 */
function transferWords(data: { transfer: ResidencyRule['transfer']; region: string; endpoints: string[] }): { rule: string; fix: string } {
  const route = `route ${data.region} to one of ${data.endpoints.join(', ')}`;
  if (data.transfer === 'forbidden') return { rule: ' and forbids transfers out of it', fix: `${route}.` };
  if (data.transfer === 'with_safeguards') {
    return {
      rule: ' and allows transfers out of it only with safeguards (standard contractual clauses, or a transfer the local law permits), which privlint cannot see',
      fix: `${route}; or, if this transfer has those safeguards, record them: \`// privlint-disable-next-line no-residency-violation -- <the safeguards>\`.`,
    };
  }
  return { rule: '', fix: `${route}.` };
}

const report = reporter(meta, messages);

/** Data sent through a per-region endpoint map must go, for each region with a residency rule, to an endpoint the rule allows. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  const manifest = policy.manifest;
  if (!manifest) return [];
  const out: Draft[] = [];
  for (const flow of inventory.flows) {
    const destination = flow.sink.destination;
    if (flow.sink.kind !== 'network' || destination?.kind !== 'by-region') continue;
    for (const rule of manifest.residency) {
      // `transfer: allowed`: their data may leave store_in, so no endpoint is out of bounds.
      if (rule.endpoints.length === 0 || rule.transfer === 'allowed') continue;
      if (rule.categories.length > 0 && !rule.categories.some((category) => categoryCovers(category, flow.category))) continue;
      for (const region of rule.regions) {
        const host = destination.hosts[region] ?? destination.hosts.DEFAULT;
        if (!host || rule.endpoints.some((pattern) => hostMatches(host, pattern))) continue;
        out.push(
          report('residencyViolation', flowPlace(flow), {
            manifest: policy.manifestName,
            region,
            host,
            chosenForRegion: Boolean(destination.hosts[region]),
            callee: flow.sink.callee,
            rule: rule.id,
            ruleLine: rule.at.line,
            storeIn: rule.storeIn,
            endpoints: rule.endpoints,
            transfer: rule.transfer,
            subjects: [flowData(flow)],
          }),
        );
      }
    }
  }
  return onePerSink(out);
}
