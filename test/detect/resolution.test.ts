import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

describe('finding collection sites however the code reaches the API', () => {
  it('follows default, named, aliased and namespace imports', () => {
    const result = scanProject({
      'a.ts': `import DeviceInfo from 'react-native-device-info';\nexport const a = () => DeviceInfo.getUniqueId();\n`,
      'b.ts': `import { getAndroidId as readAndroidId } from 'react-native-device-info';\nreadAndroidId();\n`,
      'c.ts': `import * as DI from 'react-native-device-info';\nDI.getMacAddress();\n`,
    });
    expect(sites(result)).toEqual([
      'a.ts:2 device.android_id react-native-device-info#getUniqueId',
      'a.ts:2 device.id react-native-device-info#getUniqueId',
      'b.ts:2 device.android_id react-native-device-info#getAndroidId',
      'c.ts:2 device.mac_address react-native-device-info#getMacAddress',
    ]);
  });

  it('follows require with destructuring, dynamic import(), optional chaining and await', () => {
    const result = scanProject({
      'a.cjs': `const { lookup } = require('geoip-lite');\nmodule.exports = (ip) => lookup(ip)?.country;\n`,
      'b.js': `const os = require('node:os');\nconst nics = os?.networkInterfaces();\n`,
      'c.ts': `export async function f() {\n  const Location = await import('expo-location');\n  const { coords } = await Location.getCurrentPositionAsync();\n  return coords;\n}\n`,
    });
    expect(sites(result)).toEqual([
      'a.cjs:2 location.coarse geoip-lite#lookup',
      'b.js:2 device.mac_address os#networkInterfaces',
      'c.ts:3 location.precise expo-location#getCurrentPositionAsync',
    ]);
  });

  it('finds globals through window and globalThis, and property writes', () => {
    const result = scanProject({
      'a.js': `window.navigator.geolocation.getCurrentPosition((position) => {});\nglobalThis.document.cookie = 'uid=1';\nnavigator.clipboard.readText();\n`,
    });
    expect(sites(result)).toEqual([
      'a.js:1 location.precise navigator.geolocation.getCurrentPosition',
      'a.js:2 web.cookies document.cookie',
      'a.js:3 clipboard navigator.clipboard.readText',
    ]);
  });

  it('is scope-aware: a local function or parameter named like an API is not a source', () => {
    const result = scanProject({
      'a.ts': `function getUniqueId() { return 'local'; }\ngetUniqueId();\n`,
      'b.ts': `export function f(navigator: { geolocation: { getCurrentPosition(): void } }) {\n  navigator.geolocation.getCurrentPosition();\n}\n`,
      'c.ts': `import DeviceInfo from 'react-native-device-info';\nfunction g(DeviceInfo: any) { return DeviceInfo.getUniqueId(); }\n// DeviceInfo.getUniqueId() in a comment, and the IMEI in a string:\nconst s = 'DeviceInfo.getUniqueId() IMEI';\n`,
    });
    expect(sites(result)).toEqual([]);
  });

  it('follows re-exports through barrel files and tsconfig path aliases', () => {
    const result = scanProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } }),
      'src/utils/device.ts': `import DeviceInfo from 'react-native-device-info';\nexport function getDeviceId() {\n  return DeviceInfo.getUniqueId();\n}\n`,
      'src/utils/index.ts': `export * from './device';\nexport { getUniqueId as uniqueId } from 'react-native-device-info';\n`,
      'src/screens/Home.tsx': `import { getDeviceId, uniqueId } from '@app/utils';\nexport async function load() {\n  const id = await getDeviceId();\n  const other = await uniqueId();\n  return [id, other];\n}\n`,
    });
    expect(sites(result)).toEqual([
      // getUniqueId is the Android ID on Android: one site per category (src/catalog/data/EXAMPLE-FORMAT.md).
      'src/screens/Home.tsx:3 device.android_id react-native-device-info#getUniqueId',
      'src/screens/Home.tsx:3 device.id react-native-device-info#getUniqueId',
      'src/screens/Home.tsx:4 device.android_id react-native-device-info#getUniqueId',
      'src/screens/Home.tsx:4 device.id react-native-device-info#getUniqueId',
    ]);
    const wrapped = result.inventory.collections[0]!;
    expect(wrapped.via.map((step) => `${step.file}:${step.line} ${step.note}`)).toEqual([
      'src/utils/device.ts:3 getDeviceId() returns react-native-device-info#getUniqueId',
    ]);
  });

  it('reports a wrapper with no callers at its inner call, and chains wrappers of wrappers', () => {
    const result = scanProject({
      'unused.ts': `import DeviceInfo from 'react-native-device-info';\nexport const serial = () => DeviceInfo.getSerialNumber();\n`,
      'inner.ts': `import * as Location from 'expo-location';\nexport async function here() { return (await Location.getCurrentPositionAsync()).coords; }\n`,
      'outer.ts': `import { here } from './inner';\nexport function nearby() { return here().then((c) => c.latitude); }\n`,
      'use.ts': `import { nearby } from './outer';\nexport const place = nearby();\n`,
    });
    expect(sites(result)).toEqual([
      'unused.ts:2 device.serial react-native-device-info#getSerialNumber',
      'use.ts:2 location.precise expo-location#getCurrentPositionAsync',
    ]);
    expect(result.inventory.collections[1]!.via.map((step) => step.file)).toEqual(['outer.ts', 'inner.ts']);
  });

  it('takes a function for a wrapper only when it returns the value, not when its return merely mentions it', () => {
    const result = scanProject({
      'lib.ts': [
        `import DeviceInfo from 'react-native-device-info';`,
        `import * as Location from 'expo-location';`,
        `declare function post(url: string, body: unknown): Promise<unknown>;`,
        `export async function idPayload() { const id = await DeviceInfo.getUniqueId(); return { id }; }`,
        `export async function watch() { const sub = await Location.watchPositionAsync({}, () => {}); return { stop: () => sub.remove() }; }`,
        `export async function isEmulator() { const mac = await DeviceInfo.getMacAddress(); const fake = mac === '02:00:00:00:00:00'; return fake; }`,
        `export async function upload() { const serial = await DeviceInfo.getSerialNumber(); return post('/devices', { serial }); }`,
      ].join('\n'),
      'use.ts': `import { idPayload, watch, isEmulator, upload } from './lib';\nexport const used = [idPayload(), watch(), isEmulator(), upload()];\n`,
    });
    expect(sites(result)).toEqual([
      'lib.ts:5 location.precise expo-location#watchPositionAsync',
      'lib.ts:6 device.mac_address react-native-device-info#getMacAddress',
      'lib.ts:7 device.serial react-native-device-info#getSerialNumber',
      'use.ts:2 device.android_id react-native-device-info#getUniqueId',
      'use.ts:2 device.id react-native-device-info#getUniqueId',
    ]);
  });

  it('follows CommonJS module.exports objects and exports.x', () => {
    const result = scanProject({
      'lib/ip.js': `function getClientIp(req) { return req.ip; }\nmodule.exports = { getClientIp };\n`,
      'lib/id.js': `const { machineIdSync } = require('node-machine-id');\nexports.hostId = () => machineIdSync();\n`,
      'routes.js': `const { getClientIp } = require('./lib/ip');\nconst ids = require('./lib/id.js');\nmodule.exports = (req) => [getClientIp(req), ids.hostId()];\n`,
    });
    expect(sites(result)).toEqual([
      'routes.js:3 network.ip_address request#ip',
      'routes.js:3 device.id node-machine-id#machineIdSync',
    ]);
  });

  it('reads request headers by literal, by constant and by imported constant', () => {
    const result = scanProject({
      'headers.ts': `export const CLIENT_IP = 'cf-connecting-ip';\n`,
      'server.ts': [
        `import { CLIENT_IP } from './headers';`,
        `const REAL_IP = 'x-real-ip';`,
        `export function handle(req: any, res: any) {`,
        `  const a = req.headers['x-forwarded-for'];`,
        `  const b = req.headers[REAL_IP];`,
        `  const c = req.headers[CLIENT_IP];`,
        `  const d = req.get('User-Agent');`,
        `  res.send([a, b, c, d]);`,
        `}`,
        `export async function GET(request: Request) { return request.headers.get('cf-ipcountry'); }`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'server.ts:4 network.ip_address request#header:x-forwarded-for',
      'server.ts:5 network.ip_address request#header:x-real-ip',
      'server.ts:6 network.ip_address request#header:cf-connecting-ip',
      'server.ts:7 device.info request#header:user-agent',
      'server.ts:10 location.coarse request#header:cf-ipcountry',
    ]);
  });

  it('does not take a router location or a generated deviceId for personal data', () => {
    const result = scanProject({
      'a.tsx': [
        `import { useLocation } from 'react-router-dom';`,
        `import { v4 as uuidv4 } from 'uuid';`,
        `export function Page() {`,
        `  const location = useLocation();`,
        `  const deviceId = uuidv4();`,
        `  return location.pathname + window.location.href + deviceId;`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([]);
  });

  it('treats type-only imports of an SDK as no use', () => {
    const result = scanProject({
      'a.ts': `import type { FirebaseAnalyticsTypes } from '@react-native-firebase/analytics';\nimport { type X } from '@sentry/react-native';\nexport type T = FirebaseAnalyticsTypes.Module | X;\n`,
      'b.ts': `import analytics from '@react-native-firebase/analytics';\nexport const log = () => analytics().logEvent('x');\n`,
    });
    expect(result.inventory.sdks.map((use) => `${use.file}:${use.line} ${use.package}`)).toEqual(['b.ts:1 @react-native-firebase/analytics']);
    expect(result.inventory.sdkCalls.map((call) => call.callee)).toEqual(['analytics().logEvent']);
  });
});
