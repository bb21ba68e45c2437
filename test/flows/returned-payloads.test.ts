import { describe, expect, it } from 'vitest';
import { scanWithManifest } from './helpers.js';
import { sites } from '../helpers/temp-project.js';

// A payload built in one function and sent by its caller: named personal values in the object a
// function returns are sites, in the builder, when the object reaches a sink.

describe('named values in returned objects', () => {
  it('reports coordinates a builder returns when its caller sends them (ESM), and not those a builder keeps', () => {
    const result = scanWithManifest({
      'src/params.ts': [
        `export const locationParams = (userLocation: { latitude: number; longitude: number }) => {`,
        `  const params = { aroundLatLng: \`\${userLocation.latitude}, \${userLocation.longitude}\`, aroundRadius: 'all' };`,
        `  return params;`,
        `};`,
        `export function labelOf(userLocation: { latitude: number }) {`,
        `  return { label: String(userLocation.latitude) };`,
        `}`,
      ].join('\n'),
      'src/search.ts': [
        `import { locationParams, labelOf } from './params';`,
        `export async function search(position: { latitude: number; longitude: number }) {`,
        `  const title = labelOf(position).label.toUpperCase();`,
        `  await fetch('https://api.shop.example/search', { method: 'POST', body: JSON.stringify(locationParams(position)) });`,
        `  return title;`,
        `}`,
      ].join('\n'),
    });
    const found = result.inventory.collections.filter((site) => site.api.startsWith('name:aroundLatLng'));
    expect(found.map((site) => `${site.file}:${site.line}`)).toEqual(['src/params.ts:2']);
    expect(result.inventory.flows.filter((flow) => flow.api === 'name:aroundLatLng').map((flow) => `${flow.sink.file}:${flow.sink.line}`)).toEqual(['src/search.ts:4']);
    expect(sites(result).filter((site) => site.includes('params.ts:6') || site.includes('search.ts:3'))).toEqual([]);
  });

  it('reports coordinates in each object a builder may return (a conditional, a reassigned variable), not a place\'s coordinates', () => {
    const result = scanWithManifest({
      'src/geo.ts': [
        `type Position = { latitude: number; longitude: number };`,
        `export const everywhere = (gps: Position | undefined, fallback: () => object) =>`,
        `  gps ? { aroundLatLng: \`\${gps.latitude}, \${gps.longitude}\` } : fallback();`,
        `export function aroundMe(here: Position | undefined, shop?: { spot: Position }) {`,
        `  let centre: { aroundLatLng?: string; radius: number } = { radius: 0 };`,
        `  if (here) {`,
        `    centre = { aroundLatLng: \`\${here.latitude}, \${here.longitude}\`, radius: 50 };`,
        `  }`,
        `  if (shop) {`,
        `    const venuePosition = shop.spot;`,
        `    const lat = venuePosition.latitude;`,
        `    const lng = venuePosition.longitude;`,
        `    centre = { aroundLatLng: \`\${lat}, \${lng}\`, radius: 5 };`,
        `  }`,
        `  return centre;`,
        `}`,
      ].join('\n'),
      'src/search.ts': [
        `import { everywhere, aroundMe } from './geo';`,
        `export async function search(position: { latitude: number; longitude: number }) {`,
        `  await fetch('https://api.shop.example/search', { method: 'POST', body: JSON.stringify(everywhere(position, () => ({}))) });`,
        `  await fetch('https://api.shop.example/near', { method: 'POST', body: JSON.stringify(aroundMe(position)) });`,
        `}`,
      ].join('\n'),
    });
    const found = result.inventory.collections.filter((site) => site.api.startsWith('name:aroundLatLng'));
    expect(found.map((site) => `${site.file}:${site.line}`).sort()).toEqual(['src/geo.ts:3', 'src/geo.ts:7']);
  });

  it('follows a profile body returned by a CommonJS helper to the request its caller makes', () => {
    const result = scanWithManifest({
      'src/profile.js': `function profileBody(form) {\n  return { firstName: form.firstName, phoneNumber: form.phone, activity: form.status };\n}\nmodule.exports = { profileBody };\n`,
      'src/submit.js': `const { profileBody } = require('./profile');\nasync function submit(form) {\n  await fetch('https://api.shop.example/profile', { method: 'POST', body: JSON.stringify(profileBody(form)) });\n}\nmodule.exports = { submit };\n`,
    });
    expect(sites(result).sort()).toEqual(['src/profile.js:2 identity.name name:firstName', 'src/profile.js:2 identity.phone name:phoneNumber']);
  });
});

describe('named values and the catalogued data that explains them', () => {
  it('keeps a named push token sent through a shared request helper that a device read also reaches from another caller', () => {
    const result = scanWithManifest({
      'src/http.ts': `export function send(url: string, init: RequestInit = {}) {\n  const { ...rest } = init;\n  return fetch(url, rest);\n}\n`,
      'src/device.ts': `import DeviceInfo from 'react-native-device-info';\nimport { send } from './http';\nexport const hello = () => send('https://api.shop.example/hello', { body: JSON.stringify({ os: DeviceInfo.getSystemName() }) });\n`,
      'src/push.ts': `import { send } from './http';\nexport async function subscribe(pushToken: { token: string }) {\n  await send('https://api.shop.example/subscribe', { body: JSON.stringify({ token: pushToken.token }) });\n}\n`,
    });
    expect(sites(result)).toEqual(['src/device.ts:3 device.info react-native-device-info#getSystemName', 'src/push.ts:3 device.push_token name:pushToken.token']);
  });
});

describe('named values in an object a returned text is built from', () => {
  it('reports a key of the object a returned query string is built from when the text reaches a sink, not one only shown', () => {
    const result = scanWithManifest({
      'src/meter.ts': [
        `export function ping(endpoint: string, id: string) {`,
        `  const xhr = new XMLHttpRequest();`,
        `  xhr.open('GET', meterAddress(endpoint, id));`,
        `  xhr.send();`,
        `}`,
        `function meterAddress(endpoint: string, id: string): string {`,
        `  const query: Record<string, string> = { vendor: 'shop', cs_fpid: id };`,
        `  return endpoint + '?' + Object.keys(query).map((key) => key + '=' + query[key]).join('&');`,
        `}`,
        `export function caption(email: string) {`,
        `  const shown = { email };`,
        `  return 'to ' + Object.values(shown).join(', ');`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/meter.ts:7 web.cookies name:cs_fpid']);
  });
});
