import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const MANIFEST = `version: 1
app: { name: Flows }
consents:
  analytics: { mode: opt-in }
categories:
  - id: device
    uses: [{ purposes: [analytics, fraud_prevention], basis: legitimate_interest }]
  - id: location
    uses: [{ purposes: [app_functionality], basis: contract }]
recipients:
  - id: mixpanel
    role: processor
    packages: [mixpanel-browser]
    domains: [mixpanel.com]
    shares: [{ categories: [device.id], purposes: [analytics], consent: analytics }]
  - id: sentry
    role: processor
    packages: ["@sentry/react-native"]
    domains: [sentry.io]
first_party:
  domains: [api.shop.example]
residency:
  - id: china
    regions: [CN]
    store_in: [CN]
    endpoints: [api.shop.example.cn]
`;

/** "source-file:line category → sink-file:line callee [hashed]" for each flow. */
function flows(files: Record<string, string>) {
  const result = scanProject({ 'privacy-manifest.yaml': MANIFEST, ...files });
  return result.inventory.flows.map(
    (flow) => `${flow.source.file}:${flow.source.line} ${flow.category} → ${flow.sink.file}:${flow.sink.line} ${flow.sink.callee}${flow.hashed ? ' hashed' : ''}`,
  );
}

const DEVICE = `import DeviceInfo from 'react-native-device-info';\n`;

describe('data flows', () => {
  it('follows variables, destructuring, objects, templates, await and .then to SDK and network sinks', () => {
    expect(
      flows({
        'src/a.ts': [
          DEVICE + `import * as Sentry from '@sentry/react-native';`,
          `import * as Location from 'expo-location';`,
          `export async function a() {`,
          `  const id = await DeviceInfo.getUniqueId();`,
          `  Sentry.setUser({ id });`,
          `  const { coords } = await Location.getCurrentPositionAsync();`,
          '  await fetch(`https://api.shop.example/v1?lat=${coords.latitude}`);',
          `  DeviceInfo.getMacAddress().then((mac) => Sentry.setTag('mac', mac));`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual([
      'src/a.ts:5 device.id → src/a.ts:6 Sentry.setUser',
      'src/a.ts:7 location.precise → src/a.ts:8 fetch',
      'src/a.ts:9 device.mac_address → src/a.ts:9 Sentry.setTag',
    ]);
  });

  it('follows data into SDKs and sinks that users add to the catalog in their config', () => {
    const config = {
      catalog: {
        vendors: [{ id: 'acme', name: 'Acme Metrics', domains: ['metrics.acme.example'] }],
        sdks: [{ id: 'acme-track', vendor: 'acme', name: 'Acme Track', kind: 'analytics', packages: ['@acme/track'] }],
        sinks: [{ module: '@acme/track', calls: ['send', { name: 'Client().push' }] }],
      },
    };
    const result = scanProject({
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': JSON.stringify(config),
      'src/a.ts': DEVICE + `import { send, Client } from '@acme/track';\nexport async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  send({ id });\n  new Client().push(id);\n}\n`,
    });
    expect(result.inventory.flows.map((flow) => `${flow.sink.line} ${flow.sink.callee} ${flow.sink.vendor}`)).toEqual(['5 send acme', '6 new Client().push acme']);
    expect(result.findings.filter((finding) => finding.ruleId === 'no-undeclared-sdk')).toHaveLength(1);
  });

  it('crosses files through parameters and return values, and marks hashing', () => {
    expect(
      flows({
        'src/id.ts': DEVICE + `export const readId = () => DeviceInfo.getUniqueId();\n`,
        'src/hash.ts': `import { createHash } from 'node:crypto';\nexport function sha256(value: string) { return createHash('sha256').update(value).digest('hex'); }\n`,
        'src/send.ts': `import * as Sentry from '@sentry/react-native';\nexport function report(value: string) {\n  Sentry.setUser({ id: value });\n}\n`,
        'src/main.ts': `import { readId } from './id';\nimport { sha256 } from './hash';\nimport { report } from './send';\nexport async function main() {\n  const id = await readId();\n  report(sha256(id));\n}\n`,
      }),
      // The hash derives an identifier from the id (a flow of its own, kind derive) and passes it on, hashed.
    ).toEqual(['src/id.ts:2 device.id → src/hash.ts:2 createHash().update', 'src/id.ts:2 device.id → src/send.ts:3 Sentry.setUser hashed']);
  });

  it('follows React props and state into a child component', () => {
    expect(
      flows({
        'src/Profile.tsx': `import * as Sentry from '@sentry/react-native';\nexport function Profile({ deviceId }: { deviceId: string }) {\n  Sentry.setTag('device', deviceId);\n  return null;\n}\n`,
        'src/App.tsx': [
          DEVICE + `import { useEffect, useState } from 'react';`,
          `import { Profile } from './Profile';`,
          `export function App() {`,
          `  const [id, setId] = useState('');`,
          `  useEffect(() => { DeviceInfo.getUniqueId().then(setId); }, []);`,
          `  const [mac, setMac] = useState('');`,
          `  useEffect(() => { DeviceInfo.getMacAddress().then((value) => setMac(value)); }, []);`,
          `  return <Profile deviceId={mac} label="x" />;`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/App.tsx:8 device.mac_address → src/Profile.tsx:3 Sentry.setTag']);
  });

  it('ignores near misses: a same-named value that is not collected, a discarded source, and a comparison', () => {
    expect(
      flows({
        'src/a.ts': [
          DEVICE + `import * as Sentry from '@sentry/react-native';`,
          `export async function a(deviceId: string) {`,
          `  Sentry.setTag('device', deviceId);`,
          `  await DeviceInfo.getUniqueId();`,
          `  const isTablet = (await DeviceInfo.getAndroidId()) === 'x';`,
          `  Sentry.setTag('tablet', String(isTablet));`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('resolves destinations: axios base URLs, XMLHttpRequest, WebSocket, sendBeacon, imported constants and region maps', () => {
    const result = scanProject({
      'privacy-manifest.yaml': MANIFEST,
      'src/config.ts': `export const API = 'https://api.shop.example/v2';\nexport const REGION_HOSTS = { CN: 'api.shop.example', EU: 'eu.shop.example', default: 'api.shop.example' };\n`,
      'src/a.ts': [
        DEVICE + `import axios from 'axios';`,
        `import { API, REGION_HOSTS } from './config';`,
        `const client = axios.create({ baseURL: 'https://tracker.example.net' });`,
        `export async function a(region: string) {`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  await client.post('/collect', { id });`,
        `  const xhr = new XMLHttpRequest();`,
        `  xhr.open('POST', 'https://xhr.example.org/x');`,
        `  xhr.send(id);`,
        `  const socket = new WebSocket('wss://ws.example.io/live');`,
        `  socket.send(id);`,
        `  navigator.sendBeacon('https://beacon.example.com/b', id);`,
        '  await fetch(`${API}/devices`, { method: "POST", body: id });',
        '  await fetch(`https://${REGION_HOSTS[region]}/d`, { method: "POST", body: id });',
        `  await fetch('/api/same-origin', { method: 'POST', body: id });`,
        `}`,
      ].join('\n'),
    });
    const destinations = result.inventory.flows.map((flow) => `${flow.sink.line} ${JSON.stringify(flow.sink.destination)}`);
    expect(destinations).toEqual([
      '7 {"kind":"host","host":"tracker.example.net"}',
      '10 {"kind":"host","host":"xhr.example.org"}',
      '12 {"kind":"host","host":"ws.example.io"}',
      '13 {"kind":"host","host":"beacon.example.com"}',
      '14 {"kind":"host","host":"api.shop.example"}',
      '15 {"kind":"by-region","hosts":{"CN":"api.shop.example","EU":"eu.shop.example","DEFAULT":"api.shop.example"}}',
      '16 {"kind":"relative"}',
    ]);
    const unknown = result.findings.filter((finding) => finding.ruleId === 'no-unknown-destination').map((finding) => `${finding.line} ${finding.message.split(' through')[0]!.split(' to ').pop()}`);
    expect(unknown).toEqual(['7 tracker.example.net', '10 xhr.example.org', '12 ws.example.io', '13 beacon.example.com', '15 eu.shop.example']);
    const residency = result.findings.filter((finding) => finding.ruleId === 'no-residency-violation');
    expect(residency.map((finding) => finding.line)).toEqual([15]);
    expect(residency[0]!.message).toContain('of users in CN to api.shop.example');
    expect(residency[0]!.flow!.map((step) => step.note)).toEqual(['collected by react-native-device-info#getUniqueId', 'assigned to id', 'sent through fetch()']);
  });

  it('checks sharing against the recipient: category, purpose and consent', () => {
    const result = scanProject({
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
      'src/a.ts': [
        DEVICE + `import mixpanel from 'mixpanel-browser';`,
        `import * as Sentry from '@sentry/react-native';`,
        `declare function hasConsent(key: string): Promise<boolean>;`,
        `export async function a() {`,
        `  // @privacy-purpose analytics`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  if (await hasConsent('analytics')) mixpanel.identify(id);`,
        `  // @privacy-purpose analytics`,
        `  const mac = await DeviceInfo.getMacAddress();`,
        `  if (await hasConsent('analytics')) mixpanel.register({ mac });`,
        `  // @privacy-purpose fraud_prevention`,
        `  const other = await DeviceInfo.getUniqueId();`,
        `  if (await hasConsent('analytics')) mixpanel.track('x', { other });`,
        `  Sentry.setUser({ id });`,
        `}`,
      ].join('\n'),
    });
    const sharing = result.findings.filter((finding) => finding.ruleId === 'no-undeclared-sharing').map((finding) => `${finding.line} ${finding.category} ${finding.kind}`);
    expect(sharing).toEqual(['11 device.mac_address undeclaredSharing', '14 device.id undeclaredSharingPurpose', '15 device.id undeclaredSharing']);
  });
});
