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
});
