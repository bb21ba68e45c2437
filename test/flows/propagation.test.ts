import { describe, expect, it } from 'vitest';
import { DEVICE, flowLines, flows, scanWithManifest } from './helpers.js';

const SENTRY = `import * as Sentry from '@sentry/react-native';\n`;

describe('flows through clients exported by another module', () => {
  it('finds the sink of an axios instance made in one file and used in another, with its base URL', () => {
    const result = scanWithManifest({
      'src/config.ts': `const HOST = 'collector.example.net';\nexport const API_BASE = \`https://\${HOST}/v2\`;\n`,
      'src/http.ts': `import axios from 'axios';\nimport { API_BASE } from './config';\nexport const api = axios.create({ baseURL: API_BASE, timeout: 5000 });\nconst legacy = axios.create({ baseURL: 'https://legacy.example.org' });\nexport default legacy;\n`,
      'src/a.ts': [
        DEVICE + `import legacy, { api } from './http';`,
        `export async function a() {`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  await api.post('/devices', { id });`,
        `  await legacy.put('/devices', { id });`,
        `  await api.post('https://api.shop.example/v1/devices', { id });`,
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.flows.map((flow) => `${flow.sink.line} ${flow.sink.callee} ${flow.sink.kind} ${JSON.stringify(flow.sink.destination)}`)).toEqual([
      '5 api.post network {"kind":"host","host":"collector.example.net"}',
      '6 legacy.put network {"kind":"host","host":"legacy.example.org"}',
      '7 api.post network {"kind":"host","host":"api.shop.example"}',
    ]);
    expect(result.findings.filter((finding) => finding.ruleId === 'no-unknown-destination').map((finding) => finding.line)).toEqual([5, 6]);
  });
});

describe('flows through CommonJS clients', () => {
  it('finds the sink of an axios instance exported with module.exports and used through require()', () => {
    const result = scanWithManifest({
      'src/partners.js': `'use strict';\nconst axios = require('axios');\nconst risk = axios.create({ baseURL: 'https://api.riskscore.example/v2' });\nmodule.exports = { risk };\n`,
      'src/orders.js': `'use strict';\nconst { risk } = require('./partners');\nasync function score(req) {\n  await risk.post('/score', { ip: req.ip });\n}\nmodule.exports = { score };\n`,
    });
    expect(result.inventory.flows.map((flow) => `${flow.category} ${flow.sink.file}:${flow.sink.line} ${flow.sink.callee} ${JSON.stringify(flow.sink.destination)}`)).toEqual([
      'network.ip_address src/orders.js:4 risk.post {"kind":"host","host":"api.riskscore.example"}',
    ]);
  });
});

describe('flows through SDK clients handed out by getter functions', () => {
  it('links getClient().method() to the SDK sink of what the getter returns (lazy singletons included)', () => {
    const result = scanWithManifest({
      'src/mixpanel.js': [
        `const Mixpanel = require('mixpanel');`,
        `let client = null;`,
        `function mixpanel() {`,
        `  if (!client) client = Mixpanel.init('token', { host: 'api-eu.mixpanel.com' });`,
        `  return client;`,
        `}`,
        `module.exports = { mixpanel };`,
      ].join('\n'),
      'src/firebase.ts': `import analytics from '@react-native-firebase/analytics';\nexport function getAnalytics() {\n  return analytics();\n}\n`,
      'src/a.ts': [
        DEVICE + `import { mixpanel } from './mixpanel';`,
        `import { getAnalytics } from './firebase';`,
        `export async function a() {`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  mixpanel().track('opened', { distinct_id: id });`,
        `  await getAnalytics().logEvent('opened', { id });`,
        `  await getAnalytics().resetAnalyticsData();`,
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.flows.map((flow) => `${flow.sink.line} ${flow.sink.callee} ${flow.sink.package} ${flow.sink.kind}`)).toEqual([
      '6 mixpanel().track mixpanel sdk',
      '7 getAnalytics().logEvent @react-native-firebase/analytics sdk',
    ]);
  });

  it('treats a call linking cannot follow like any unknown call: it passes on its receiver and arguments', () => {
    expect(
      flows({
        'src/store.ts': `export function createStore() {\n  return { items: [] as string[], snapshot() { return [...this.items]; } };\n}\n`,
        'src/a.ts': DEVICE + SENTRY + `import { createStore } from './store';\nexport async function a() {\n  const store = createStore();\n  store.items.push(await DeviceInfo.getUniqueId());\n  Sentry.setExtra('items', store.snapshot());\n}\n`,
      }),
    ).toEqual(['src/a.ts:6 device.id → src/a.ts:7 Sentry.setExtra']);
  });
});

describe('flows through strings, collections and callbacks', () => {
  it('follows compound assignment, push / append into a collection, and Object.assign', () => {
    expect(
      flows({
        'src/a.ts': [
          DEVICE + SENTRY + `export async function a() {`,
          `  const id = await DeviceInfo.getUniqueId();`,
          `  let line = 'device=';`,
          `  line += id;`,
          `  Sentry.captureMessage(line);`,
          `  const batch: string[] = [];`,
          `  batch.push(id);`,
          `  Sentry.setExtra('batch', batch);`,
          `  const params = new URLSearchParams();`,
          `  params.append('device', id);`,
          '  await fetch(`https://api.shop.example/v1/hello?${params}`);',
          `  const payload = { app: 'shop' };`,
          `  Object.assign(payload, { id });`,
          `  Sentry.setContext('payload', payload);`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual([
      'src/a.ts:4 device.id → src/a.ts:7 Sentry.captureMessage',
      'src/a.ts:4 device.id → src/a.ts:10 Sentry.setExtra',
      'src/a.ts:4 device.id → src/a.ts:13 fetch',
      'src/a.ts:4 device.id → src/a.ts:16 Sentry.setContext',
    ]);
  });

  it('follows callbacks passed by name, and values through .catch() (its callback gets the error, not the value)', () => {
    expect(
      flows({
        'src/a.ts': [
          DEVICE + SENTRY + `function report(value: string) {`,
          `  Sentry.setTag('device', value);`,
          `}`,
          `export function a() {`,
          `  DeviceInfo.getUniqueId().then(report);`,
          `  DeviceInfo.getMacAddress().catch(() => 'unknown').then((mac) => Sentry.setTag('mac', mac));`,
          `  DeviceInfo.getAndroidId().catch((error) => Sentry.captureException(error));`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/a.ts:7 device.id → src/a.ts:4 Sentry.setTag', 'src/a.ts:8 device.mac_address → src/a.ts:8 Sentry.setTag']);
  });

  it("hands a callback-style source's value to its callback", () => {
    expect(
      flows({
        'src/a.ts': [
          `import Geolocation from 'react-native-geolocation-service';`,
          `export function a() {`,
          `  Geolocation.getCurrentPosition(`,
          `    ({ coords }) => void fetch('https://api.shop.example/v1/position', { method: 'POST', body: JSON.stringify({ lat: coords.latitude }) }),`,
          `    (error) => void fetch('https://api.shop.example/v1/position-error', { method: 'POST', body: String(error.code) }),`,
          `  );`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/a.ts:3 location.precise → src/a.ts:4 fetch']);
  });

  it('does not carry the data through counts, booleans and predicates', () => {
    expect(
      flows({
        'src/a.ts': [
          DEVICE + SENTRY + `export async function a() {`,
          `  const id = await DeviceInfo.getUniqueId();`,
          `  const ids = [id];`,
          `  Sentry.setTag('count', String(ids.length));`,
          `  Sentry.setTag('unique', String(new Set(ids).size));`,
          `  Sentry.setTag('known', String(Boolean(id)));`,
          `  Sentry.setTag('present', String(!!id));`,
          `  Sentry.setTag('emulator', String(id.startsWith('emulator') || ids.includes('x')));`,
          `  Sentry.setTag('first', ids[0]);`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/a.ts:4 device.id → src/a.ts:11 Sentry.setTag']);
  });

  it('sends only the arguments a catalog sink lists under data', () => {
    const config = { catalog: { sinks: [{ module: '@acme/beacon', kind: 'network', calls: [{ name: 'send', url: 0, data: [1] }] }] } };
    const result = scanWithManifest({
      'privlint.config.json': JSON.stringify(config),
      'src/a.ts': DEVICE + `import { send } from '@acme/beacon';\nexport async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  send(\`https://api.shop.example/\${id}\`, 'ping');\n  send('https://api.shop.example/', { id });\n}\n`,
    });
    expect(flowLines(result)).toEqual(['src/a.ts:4 device.id → src/a.ts:6 send']);
  });
});

describe('hashing', () => {
  it('recognises hash functions by name (expo-crypto, crypto-js, node:crypto) and sees a hash inside a .map() callback', () => {
    expect(
      flows({
        'src/a.ts': [
          DEVICE + SENTRY + `import * as Crypto from 'expo-crypto';`,
          `import CryptoJS from 'crypto-js';`,
          `export async function a() {`,
          `  const id = await DeviceInfo.getUniqueId();`,
          `  const digest = await Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, id);`,
          `  Sentry.setUser({ id: digest });`,
          `  const mac = await DeviceInfo.getMacAddress();`,
          `  Sentry.setTag('mac', CryptoJS.SHA256(mac).toString());`,
          `  const serial = await DeviceInfo.getSerialNumber();`,
          `  const hashed = [serial].map((value) => CryptoJS.MD5(value).toString());`,
          `  Sentry.setExtra('serials', hashed);`,
          `  const android = await DeviceInfo.getAndroidId();`,
          `  Sentry.setExtra('plain', [android].map((value) => value.trim()));`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual([
      'src/a.ts:6 device.id → src/a.ts:8 Sentry.setUser hashed',
      'src/a.ts:9 device.mac_address → src/a.ts:10 Sentry.setTag hashed',
      'src/a.ts:11 device.serial → src/a.ts:13 Sentry.setExtra hashed',
      'src/a.ts:14 device.android_id → src/a.ts:15 Sentry.setExtra',
    ]);
  });
});

describe('React', () => {
  it('follows a context from the Provider value to useContext in another file', () => {
    expect(
      flows({
        'src/DeviceContext.ts': `import { createContext } from 'react';\nexport const DeviceContext = createContext<string | null>(null);\n`,
        'src/context/index.ts': `export { DeviceContext } from '../DeviceContext';\n`,
        'src/App.tsx': [
          DEVICE + `import { useEffect, useState } from 'react';`,
          `import { DeviceContext } from './context';`,
          `import { Badge } from './Badge';`,
          `export function App() {`,
          `  const [id, setId] = useState<string | null>(null);`,
          `  useEffect(() => { DeviceInfo.getUniqueId().then(setId); }, []);`,
          `  return <DeviceContext.Provider value={id}><Badge /></DeviceContext.Provider>;`,
          `}`,
        ].join('\n'),
        'src/Badge.tsx': SENTRY + `import { useContext } from 'react';\nimport { DeviceContext } from './DeviceContext';\nexport function Badge() {\n  const deviceId = useContext(DeviceContext);\n  Sentry.setTag('device', deviceId ?? '');\n  return null;\n}\n`,
        'src/Other.tsx': SENTRY + `import { createContext, useContext } from 'react';\nconst OtherContext = createContext('');\nexport function Other() {\n  Sentry.setTag('other', useContext(OtherContext));\n  return null;\n}\n`,
      }),
    ).toEqual(['src/App.tsx:7 device.id → src/Badge.tsx:6 Sentry.setTag']);
  });

  it('follows values through useMemo and through objects of closures (a function value carries what it returns)', () => {
    expect(
      flows({
        'src/Badge.tsx': [
          DEVICE + SENTRY + `import { useMemo } from 'react';`,
          `export function Badge({ raw }: { raw: string }) {`,
          `  const label = useMemo(() => raw.trim(), [raw]);`,
          `  Sentry.setTag('device', label);`,
          `  return null;`,
          `}`,
          `export async function tracker() {`,
          `  const id = await DeviceInfo.getUniqueId();`,
          `  return { current: () => id };`,
          `}`,
          `export async function send() {`,
          `  const t = await tracker();`,
          `  Sentry.setExtra('id', t.current());`,
          `}`,
          `export async function show() {`,
          `  return <Badge raw={await DeviceInfo.getMacAddress()} />;`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/Badge.tsx:18 device.mac_address → src/Badge.tsx:6 Sentry.setTag', 'src/Badge.tsx:10 device.id → src/Badge.tsx:15 Sentry.setExtra']);
  });

  it('follows class component state and fields across methods', () => {
    expect(
      flows({
        'src/Profile.tsx': [
          DEVICE + SENTRY + `import React from 'react';`,
          `export class Profile extends React.Component<object, { id: string }> {`,
          `  state = { id: '' };`,
          `  private mac = '';`,
          `  async componentDidMount() {`,
          `    this.setState({ id: await DeviceInfo.getUniqueId() });`,
          `    this.mac = await DeviceInfo.getMacAddress();`,
          `  }`,
          `  report() {`,
          `    Sentry.setTag('device', this.state.id);`,
          `    this.send(this.mac);`,
          `  }`,
          `  send(value: string) {`,
          `    Sentry.setTag('mac', value);`,
          `  }`,
          `  render() {`,
          `    return null;`,
          `  }`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/Profile.tsx:8 device.id → src/Profile.tsx:12 Sentry.setTag', 'src/Profile.tsx:9 device.mac_address → src/Profile.tsx:16 Sentry.setTag']);
  });
});

describe('flows through helpers shared by several files', () => {
  it('returns what a helper got from one caller to that caller only, and what it collects itself to every caller', () => {
    const result = scanWithManifest({
      'src/shared.ts': `export function same<T>(value: T): T {\n  return value;\n}\n`,
      'src/device.ts': DEVICE + `export async function deviceId() {\n  return DeviceInfo.getUniqueId();\n}\n`,
      'src/a.ts': [
        SENTRY + DEVICE + `import { same } from './shared';`,
        `export async function a() {`,
        `  const id = same(await DeviceInfo.getUniqueId());`,
        `  Sentry.setUser({ id });`,
        `}`,
      ].join('\n'),
      'src/b.ts': [
        `import { same } from './shared';`,
        `import { deviceId } from './device';`,
        `export async function search(query: string) {`,
        `  await fetch('https://search.example.com/?q=' + same(query));`,
        `  await fetch('https://devices.example.com/?id=' + (await deviceId()));`,
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.flows.map((flow) => `${flow.source.file}:${flow.source.line} → ${flow.sink.file}:${flow.sink.line} ${flow.sink.callee}`).sort()).toEqual([
      'src/a.ts:5 → src/a.ts:6 Sentry.setUser',
      'src/device.ts:3 → src/b.ts:5 fetch',
    ]);
  });

  it('matches calls with their returns for functions of the same file too', () => {
    const result = scanWithManifest({
      'src/a.ts': [
        DEVICE + `function same<T>(value: T): T {\n  return value;\n}`,
        `export async function a() {`,
        `  const id = same(await DeviceInfo.getUniqueId());`,
        `  await fetch('https://a.example.com/?id=' + id);`,
        `}`,
        `export async function b(query: string) {`,
        `  await fetch('https://b.example.com/?q=' + same(query));`,
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.flows.map((flow) => `${flow.source.line} → ${flow.sink.line} ${JSON.stringify(flow.sink.destination)}`)).toEqual([
      '6 → 7 {"kind":"host","host":"a.example.com"}',
    ]);
  });
});
