import { describe, expect, it } from 'vitest';
import { DEVICE, scanWithManifest } from './helpers.js';

describe('network destinations', () => {
  it('resolves hosts built by concatenation, imported template constants and new URL(path, base)', () => {
    const result = scanWithManifest({
      'src/config.ts': [
        `const DOMAIN = 'shop.example';`,
        'export const BASE = `https://api.${DOMAIN}/v1`;',
        `export const HOST = 'metrics.' + DOMAIN;`,
        `export const HOSTS = { CN: \`api.\${DOMAIN}.cn\`, default: \`api.\${DOMAIN}\` };`,
      ].join('\n'),
      'src/a.ts': [
        DEVICE + `import { BASE, HOST, HOSTS } from './config';`,
        `const LOCAL_HOST = 'edge.shop.example';`,
        `export async function a(region: string, suffix: string) {`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  await fetch('https://' + LOCAL_HOST + '/x', { method: 'POST', body: id });`,
        `  await fetch(BASE + '/y', { method: 'POST', body: id });`,
        `  await fetch('https://' + HOST + '/z', { method: 'POST', body: id });`,
        `  const url = new URL('/devices', BASE);`,
        `  await fetch(url, { method: 'POST', body: id });`,
        `  await fetch(new URL('https://other.example.org/p', BASE).href, { method: 'POST', body: id });`,
        `  await fetch(\`https://\${HOSTS[region]}/d\`, { method: 'POST', body: id });`,
        `  await fetch('https://api' + suffix + '.example.com/', { method: 'POST', body: id });`,
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.flows.map((flow) => `${flow.sink.line} ${JSON.stringify(flow.sink.destination)}`)).toEqual([
      '6 {"kind":"host","host":"edge.shop.example"}',
      '7 {"kind":"host","host":"api.shop.example"}',
      '8 {"kind":"host","host":"metrics.shop.example"}',
      '10 {"kind":"host","host":"api.shop.example"}',
      '11 {"kind":"host","host":"other.example.org"}',
      '12 {"kind":"by-region","hosts":{"CN":"api.shop.example.cn","DEFAULT":"api.shop.example"}}',
      '13 {"kind":"unknown"}',
    ]);
  });

  it('checks a region map with a fallback against residency rules, once per sink and category', () => {
    const result = scanWithManifest({
      'src/a.ts': [
        DEVICE + `const API_HOSTS: Record<string, string> = { IN: 'api.shop.example.in', US: 'api.shop.example' };`,
        `export async function a(region: string) {`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  const again = await DeviceInfo.getUniqueId();`,
        '  await fetch(`https://${API_HOSTS[region] ?? API_HOSTS.US}/v1/devices`, { method: "POST", body: JSON.stringify({ id, again }) });',
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.flows.map((flow) => `${flow.source.line} ${JSON.stringify(flow.sink.destination)}`)).toEqual([
      '4 {"kind":"by-region","hosts":{"IN":"api.shop.example.in","US":"api.shop.example","DEFAULT":"api.shop.example"}}',
      '5 {"kind":"by-region","hosts":{"IN":"api.shop.example.in","US":"api.shop.example","DEFAULT":"api.shop.example"}}',
    ]);
    // CN has no entry: Chinese users fall back to api.shop.example, outside the china rule's endpoints.
    // Two sources of the same data at the same sink make one finding per rule.
    const findings = result.findings.filter((finding) => ['no-residency-violation', 'no-unknown-destination'].includes(finding.ruleId));
    expect(findings.map((finding) => `${finding.ruleId} ${finding.line} ${finding.category}`)).toEqual([
      'no-residency-violation 6 device.id',
      'no-unknown-destination 6 device.id',
    ]);
    expect(findings[0]!.message).toContain('of users in CN to api.shop.example through fetch, outside residency rule');
    expect(findings[0]!.help).toContain('api.shop.example is the default endpoint: the map has no entry for CN');
    expect(findings[1]!.message).toContain('to api.shop.example.in');
  });
});
