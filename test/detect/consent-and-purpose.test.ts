import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const config = JSON.stringify({
  guards: [
    { call: 'hasConsent', keyArgument: 0 },
    { member: 'consentStore.isGranted', keyArgument: 0 },
    { module: './src/privacy', export: 'canTrack', key: 'ads' },
  ],
});

function guarded(files: Record<string, string>) {
  const result = scanProject({ 'privlint.config.json': config, ...files });
  return result.inventory.collections.map((site) => `${site.file}:${site.line} ${site.consentKeys.join(',') || '-'}`);
}

describe('consent guards', () => {
  it('recognises if, &&, ternaries, early returns and guard results in constants', () => {
    const lines = [
      `import DeviceInfo from 'react-native-device-info';`,
      `declare function hasConsent(key: string): Promise<boolean>;`,
      `export async function a() { if (await hasConsent('ads')) DeviceInfo.getSerialNumber(); }`,
      `export async function b() { return (await hasConsent('ads')) && DeviceInfo.getSerialNumber(); }`,
      `export async function c() { return (await hasConsent('ads')) ? DeviceInfo.getSerialNumber() : null; }`,
      `export async function d() { if (!(await hasConsent('ads'))) return; DeviceInfo.getSerialNumber(); }`,
      `export async function e() { const ok = await hasConsent('analytics'); if (ok) { DeviceInfo.getSerialNumber(); } }`,
      `export async function f() { if (await hasConsent('ads')) {} DeviceInfo.getSerialNumber(); }`,
      `export async function g() { if (!(await hasConsent('ads'))) { DeviceInfo.getSerialNumber(); } }`,
      `export function h() { if (consentStore.isGranted('analytics')) DeviceInfo.getSerialNumber(); }`,
    ];
    expect(guarded({ 'src/a.ts': lines.join('\n') })).toEqual([
      'src/a.ts:3 ads',
      'src/a.ts:4 ads',
      'src/a.ts:5 ads',
      'src/a.ts:6 ads',
      'src/a.ts:7 analytics',
      'src/a.ts:8 -',
      'src/a.ts:9 -',
      'src/a.ts:10 analytics',
    ]);
  });

  it('recognises guards called through optional chaining (?. on the object, the call, or both), also through imports', () => {
    const lines = [
      `import DeviceInfo from 'react-native-device-info';`,
      `import { canTrack } from './privacy';`,
      `import * as privacy from './privacy';`,
      `declare const hasConsent: ((key: string) => Promise<boolean>) | undefined;`,
      `declare const consentStore: { isGranted(key: string): boolean } | undefined;`,
      `export function a() { if (consentStore?.isGranted('ads')) DeviceInfo.getSerialNumber(); }`,
      `export async function b() { if (await hasConsent?.('analytics')) DeviceInfo.getSerialNumber(); }`,
      `export function c() { if (consentStore?.isGranted?.('ads')) DeviceInfo.getSerialNumber(); }`,
      `export async function d() { if (!(await hasConsent?.('ads'))) return; DeviceInfo.getSerialNumber(); }`,
      `export function e() { if (canTrack?.()) DeviceInfo.getSerialNumber(); }`,
      `export function f() { if (privacy?.canTrack()) DeviceInfo.getSerialNumber(); }`,
    ];
    // The same guards imported from the project, as apps have them.
    const imported = [
      `import DeviceInfo from 'react-native-device-info';`,
      `import { consentStore, hasConsent } from './store';`,
      `import * as store from './store';`,
      `export function a() { if (consentStore?.isGranted('ads')) DeviceInfo.getSerialNumber(); }`,
      `export async function b() { if (await hasConsent?.('analytics')) DeviceInfo.getSerialNumber(); }`,
      `export function c() { if (consentStore?.isGranted?.('ads')) DeviceInfo.getSerialNumber(); }`,
      `export function d() { if (store.consentStore?.isGranted('ads')) DeviceInfo.getSerialNumber(); }`,
      `export function e() { if (consentStore.isGranted('ads')) DeviceInfo.getSerialNumber(); }`,
    ];
    expect(
      guarded({
        'src/privacy.ts': `export function canTrack(): boolean { return true; }\n`,
        'src/store.ts': `export const consentStore = { isGranted: (key: string) => key === 'x' };\nexport const hasConsent = async (key: string) => key === 'x';\n`,
        'src/a.ts': lines.join('\n'),
        'src/b.ts': imported.join('\n'),
      }),
    ).toEqual([
      'src/a.ts:6 ads',
      'src/a.ts:7 analytics',
      'src/a.ts:8 ads',
      'src/a.ts:9 ads',
      'src/a.ts:10 ads',
      'src/a.ts:11 ads',
      'src/b.ts:4 ads',
      'src/b.ts:5 analytics',
      'src/b.ts:6 ads',
      'src/b.ts:7 ads',
      'src/b.ts:8 ads',
    ]);
  });

  it('recognises module guards from the config, @privacy-consent guards and @privacy-requires-consent', () => {
    expect(
      guarded({
        'src/privacy.ts': `export function canTrack(): boolean { return true; }\n/** @privacy-consent location */\nexport function locationAllowed() { return true; }\n/** @privacy-consent */\nexport function allowed(key: string) { return key === 'x'; }\n`,
        'src/b.ts': [
          `import { canTrack, locationAllowed, allowed as ok } from './privacy';`,
          `import * as Location from 'expo-location';`,
          `export function a() { if (canTrack()) Location.getCurrentPositionAsync(); }`,
          `export function b() { if (!locationAllowed()) throw new Error('no'); Location.getCurrentPositionAsync(); }`,
          `export function c() { if (ok('maps')) Location.getCurrentPositionAsync(); }`,
          `/** @privacy-requires-consent location */`,
          `export function d() { return Location.watchPositionAsync({}, () => {}); }`,
        ].join('\n'),
      }),
    ).toEqual(['src/b.ts:3 ads', 'src/b.ts:4 location', 'src/b.ts:5 maps', 'src/b.ts:7 location']);
  });

  it('counts a function as guarded when every call site is guarded, and not when one is not or it escapes', () => {
    expect(
      guarded({
        'src/c.ts': [
          `import DeviceInfo from 'react-native-device-info';`,
          `declare function hasConsent(key: string): boolean;`,
          `function send() { const id = DeviceInfo.getSerialNumber(); console.log(id); }`,
          `function sendToo() { const id = DeviceInfo.getAndroidId(); console.log(id); }`,
          `function escapes() { const id = DeviceInfo.getMacAddress(); console.log(id); }`,
          `export function run() {`,
          `  if (hasConsent('analytics')) send();`,
          `  if (hasConsent('analytics')) sendToo();`,
          `  sendToo();`,
          `  if (hasConsent('analytics')) escapes();`,
          `  setTimeout(escapes, 10);`,
          `}`,
        ].join('\n'),
      }),
    ).toEqual(['src/c.ts:3 analytics', 'src/c.ts:4 -', 'src/c.ts:5 -']);
  });

  it('applies guards inside a wrapper to its call sites', () => {
    expect(
      guarded({
        'src/w.ts': `import DeviceInfo from 'react-native-device-info';\ndeclare function hasConsent(k: string): boolean;\nexport function adId() { if (!hasConsent('ads')) return null; return DeviceInfo.getSerialNumber(); }\n`,
        'src/x.ts': `import { adId } from './w';\nexport const v = adId();\n`,
      }),
    ).toEqual(['src/x.ts:2 ads']);
  });
});

describe('purpose annotations', () => {
  function purposes(files: Record<string, string>) {
    return scanProject(files).inventory.collections.map((site) => `${site.line} ${site.purposes.join(',') || '-'} ${site.purposeOrigin ?? ''}`.trim());
  }

  it('reads line comments, block comments with reasons, and JSDoc on functions and classes', () => {
    const lines = [
      `import DeviceInfo from 'react-native-device-info';`,
      `// @privacy-purpose analytics`,
      `const a = DeviceInfo.getSerialNumber();`,
      `/* @privacy-purpose analytics, fraud_prevention -- abuse detection */`,
      `const b = DeviceInfo.getAndroidId();`,
      `/** @privacy-purpose diagnostics */`,
      `export function c() { const x = DeviceInfo.getModel(); return x; }`,
      `/** @privacy-purpose advertising */`,
      `export class D { m() { return DeviceInfo.getMacAddress(); } }`,
      `const e = DeviceInfo.getSerialNumber(); // @privacy-purpose analytics (a trailing comment does not count)`,
    ];
    expect(purposes({ 'a.ts': lines.join('\n') })).toEqual([
      '3 analytics statement',
      '5 analytics,fraud_prevention statement',
      '7 diagnostics function',
      '9 advertising function',
      '10 -',
    ]);
  });

  it('lets a wrapper annotation cover call sites unless the call site has its own', () => {
    expect(
      purposes({
        'w.ts': `import DeviceInfo from 'react-native-device-info';\n/** @privacy-purpose analytics */\nexport function id() { return DeviceInfo.getSerialNumber(); }\n`,
        'x.ts': `import { id } from './w';\nexport const a = id();\n// @privacy-purpose fraud_prevention\nexport const b = id();\n`,
      }),
    ).toEqual(['2 analytics wrapper', '4 fraud_prevention statement']);
  });
});
