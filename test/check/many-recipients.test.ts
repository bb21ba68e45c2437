// 16,000 recipients: the check looks recipients up by package and by host instead of scanning the
// list for every SDK use, flow and declaration (which took minutes). Time is measured, not asserted.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const RECIPIENTS = 16_000;

function manifest(): string {
  const lines = [
    'version: 1',
    'app: { name: Many recipients }',
    'categories:',
    '  - { id: device.id, uses: [{ purposes: [analytics], basis: legitimate_interest }] }',
    '  - { id: device.android_id, uses: [{ purposes: [analytics], basis: legitimate_interest }] }',
    'recipients:',
  ];
  for (let index = 0; index < RECIPIENTS; index++) {
    // One in a thousand receives nothing: data sent there is undeclared sharing.
    const shares = index % 1000 === 500 ? '[]' : '[{ categories: [device.id], purposes: [analytics] }]';
    // The last one operates a catalogued SDK the code uses.
    const packages = index === RECIPIENTS - 1 ? '"@sentry/react-native"' : `"@vendor${index}/sdk"`;
    lines.push(`  - { id: vendor${index}, role: processor, packages: [${packages}], domains: ["api${index}.vendor.example"], shares: ${shares} }`);
  }
  // Two recipients claim one domain: the first in the manifest operates it.
  lines.push('  - { id: first-claim, role: processor, packages: ["@first/sdk"], domains: ["shared.example"], shares: [{ categories: [device.id], purposes: [analytics] }] }');
  lines.push('  - { id: second-claim, role: processor, packages: ["@second/sdk"], domains: ["shared.example"], shares: [] }');
  return `${lines.join('\n')}\n`;
}

const send = (url: string) => `  await fetch('${url}', { method: 'POST', body: JSON.stringify({ id }) });`;

const APP = [
  `import DeviceInfo from 'react-native-device-info';`,
  `import * as Sentry from '@sentry/react-native';`,
  `export async function report() {`,
  `  // @privacy-purpose analytics`,
  `  const id = await DeviceInfo.getUniqueId();`,
  `  Sentry.setUser({ id });`,
  send('https://api7.vendor.example/t'),
  send('https://api15500.vendor.example/t'),
  send('https://eu.api123.vendor.example/t'),
  send('https://shared.example/t'),
  send('https://nobody.example.com/t'),
  `}`,
  ``,
].join('\n');

describe('a manifest with 16,000 recipients', () => {
  it('is checked with every recipient found by package and by host', () => {
    const started = performance.now();
    const result = scanProject({ 'privacy-manifest.yaml': manifest(), 'src/app.ts': APP });
    console.info(`16,000 recipients: scanned and checked in ${Math.round(performance.now() - started)} ms`);
    const byRule = (ruleId: string) => result.findings.filter((finding) => finding.ruleId === ruleId);

    // The SDK is found under its recipient, last in the list, which receives what is sent through it.
    expect(byRule('no-undeclared-sdk')).toEqual([]);
    expect(result.inventory.flows.map((flow) => flow.sink.callee)).toContain('Sentry.setUser');
    // Hosts: exact domains, a subdomain, a domain two recipients claim (the first's shares apply: the
    // second receives nothing), and one nobody operates.
    expect(byRule('no-unknown-destination').map((finding) => finding.message.match(/ to (\S+) through /)![1])).toEqual(['nobody.example.com']);
    expect(byRule('no-undeclared-sharing').map((finding) => finding.message.match(/ to (\S+) at (\S+) /)!.slice(1).join(' '))).toEqual(['vendor15500 api15500.vendor.example']);
    // Unused: every recipient but the four the code reaches.
    const unused = byRule('no-unused-declaration').map((finding) => finding.message.match(/recipient "([^"]+)"/)?.[1]);
    expect(unused).toHaveLength(RECIPIENTS + 2 - 5);
    expect(unused).not.toContain('vendor7');
    expect(unused).not.toContain('vendor15500');
    expect(unused).not.toContain('vendor123');
    expect(unused).not.toContain('vendor15999');
    expect(unused).not.toContain('first-claim');
    expect(unused).toContain('second-claim');
  });
});
