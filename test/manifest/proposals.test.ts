// `# privlint: proposed` markers: the loader lists the values they follow as unconfirmed proposals;
// a marker elsewhere (a line of its own, inside a string) marks nothing.
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';

const manifest = (body: string) => `version: 1
app: { name: Demo }
consents:
  ads:
    mode: opt-in # privlint: proposed
categories:
${body}`;

function proposals(text: string) {
  const result = parseManifest(text, '/tmp/privacy-manifest.yaml', '/tmp');
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('\n'));
  return (result.manifest.proposals ?? []).map((proposal) => `${proposal.at.line}:${proposal.at.column} ${proposal.path} = ${proposal.value}`);
}

describe('proposals in a manifest', () => {
  it('lists each marked value with its key path and position, in document order', () => {
    const text = manifest(`  - id: device.advertising_id
    uses:
      - purposes: [advertising, analytics] # privlint: proposed
        basis: consent # privlint: proposed
        consent: ads #   privlint: proposed (from the SDK's kind)
`);
    expect(proposals(text)).toEqual([
      '5:11 consents.ads.mode = opt-in',
      '9:19 categories[0].uses[0].purposes = [advertising, analytics]',
      '10:16 categories[0].uses[0].basis = consent',
      '11:18 categories[0].uses[0].consent = ads',
    ]);
  });

  it('a value without its marker is confirmed; other comments are not markers', () => {
    const text = manifest(`  - id: device.advertising_id # privlint: proposes nothing
    uses:
      # privlint: proposed
      - purposes: [advertising] # proposed
        basis: consent
        consent: ads
        description: "# privlint: proposed"
`);
    expect(proposals(text)).toEqual(['5:11 consents.ads.mode = opt-in']);
  });

  it('a manifest without markers has no proposals', () => {
    const result = parseManifest('version: 1\napp: { name: Demo }\ncategories: []\n', '/tmp/m.yaml', '/tmp');
    expect(result.ok && result.manifest.proposals).toBeUndefined();
  });
});
