// A residency rule's `transfer:` says whether data of its users may leave `store_in`: never
// (`forbidden`, the default), only with safeguards privlint cannot see (`with_safeguards`: reported,
// with what to check and how to record it), or freely (`allowed`: nothing to report).
import { describe, expect, it } from 'vitest';
import { DEVICE, MANIFEST } from './helpers.js';
import { scanProject } from '../helpers/temp-project.js';

const withTransfer = (transfer: string | undefined) =>
  MANIFEST.replace('    store_in: [CN]\n', `    store_in: [CN]\n${transfer ? `    transfer: ${transfer}\n` : ''}`);

const SOURCE = [
  DEVICE + `const API_HOSTS: Record<string, string> = { US: 'api.shop.example' };`,
  `export async function a(region: string) {`,
  `  const id = await DeviceInfo.getUniqueId();`,
  '  await fetch(`https://${API_HOSTS[region] ?? API_HOSTS.US}/v1/devices`, { method: "POST", body: id });',
  `}`,
].join('\n');

const residency = (transfer: string | undefined) =>
  scanProject({ 'privacy-manifest.yaml': withTransfer(transfer), 'src/a.ts': SOURCE }).findings.filter((finding) => finding.ruleId === 'no-residency-violation');

describe('residency rules and transfer:', () => {
  it('forbidden, or no transfer: key, reports data routed out of store_in as a violation', () => {
    const forbidden = residency('forbidden');
    expect(forbidden.map((finding) => `${finding.line} ${finding.kind} ${finding.severity}`)).toEqual(['5 residencyViolation error']);
    expect(forbidden[0]!.help).toContain('keeps their data in CN (api.shop.example.cn) and forbids transfers out of it. Fix: route CN to one of api.shop.example.cn.');
    const unsaid = residency(undefined);
    expect(unsaid.map((finding) => `${finding.line} ${finding.kind} ${finding.severity}`)).toEqual(['5 residencyViolation error']);
    expect(unsaid[0]!.help).toContain('keeps their data in CN (api.shop.example.cn). Fix: route CN to one of api.shop.example.cn.');
  });

  it('with_safeguards reports it too, and says the transfer needs the safeguards the policy names', () => {
    const findings = residency('with_safeguards');
    expect(findings.map((finding) => `${finding.line} ${finding.kind} ${finding.severity}`)).toEqual(['5 residencyViolation error']);
    expect(findings[0]!.help).toContain('keeps their data in CN (api.shop.example.cn) and allows transfers out of it only with safeguards');
    expect(findings[0]!.help).toContain('Fix: route CN to one of api.shop.example.cn; or, if this transfer has those safeguards, record them: `// privlint-disable-next-line no-residency-violation -- <the safeguards>`.');
  });

  it('allowed reports nothing: their data may leave store_in', () => {
    expect(residency('allowed')).toEqual([]);
  });
});
