import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { UserError } from '../../src/util/problem.js';
import { scanProject, writeProject } from '../helpers/temp-project.js';

/** Each collection site with the consent keys it is guarded by, scanned without any config of guards. */
function guarded(files: Record<string, string>): string[] {
  const result = scanProject(files);
  return result.inventory.collections.map((site) => `${site.file}:${site.line} ${site.consentKeys.join(',') || '-'}`);
}

describe('consent-management APIs from the catalog (guards.yaml)', () => {
  it('knows App Tracking Transparency: expo-tracking-transparency granted/status and react-native-tracking-transparency', () => {
    const lines = [
      `import { getAdvertisingId, getTrackingPermissionsAsync, requestTrackingPermissionsAsync } from 'expo-tracking-transparency';`,
      `import { getTrackingStatus } from 'react-native-tracking-transparency';`,
      `export async function a() { const { granted } = await requestTrackingPermissionsAsync(); if (!granted) return; getAdvertisingId(); }`,
      `export async function b() { const { status } = await getTrackingPermissionsAsync(); if (status === 'granted') getAdvertisingId(); }`,
      `export async function c() { if ((await getTrackingPermissionsAsync()).granted) getAdvertisingId(); }`,
      `export async function d() { const s = await getTrackingStatus(); if (s === 'authorized') getAdvertisingId(); }`,
      `export async function e() { const s = await getTrackingStatus(); if (s === 'unavailable') getAdvertisingId(); }`,
      `export async function f() { const { status } = await getTrackingPermissionsAsync(); if (status !== 'granted') return; getAdvertisingId(); }`,
      `export async function g() { const { status } = await getTrackingPermissionsAsync(); if (status === 'denied') getAdvertisingId(); }`,
    ];
    expect(guarded({ 'a.ts': lines.join('\n') })).toEqual([
      'a.ts:3 tracking',
      'a.ts:4 tracking',
      'a.ts:5 tracking',
      'a.ts:6 tracking',
      'a.ts:7 -',
      'a.ts:8 tracking',
      'a.ts:9 -',
    ]);
  });

  it('knows Google UMP (AdsConsent.canRequestAds), and AdsConsent calls are consent management, not SDK calls', () => {
    const result = scanProject({
      'a.ts': [
        `import mobileAds, { AdsConsent } from 'react-native-google-mobile-ads';`,
        `import DeviceInfo from 'react-native-device-info';`,
        `export async function start() {`,
        `  const info = await AdsConsent.gatherConsent();`,
        `  if (!info.canRequestAds) return;`,
        `  DeviceInfo.getSerialNumber();`,
        `  await mobileAds().initialize();`,
        `}`,
        `export async function personal() {`,
        `  const { selectPersonalisedAds } = await AdsConsent.getUserChoices();`,
        `  if (selectPersonalisedAds) DeviceInfo.getSerialNumber();`,
        `}`,
      ].join('\n'),
    });
    expect(result.inventory.collections.map((site) => `${site.line} ${site.consentKeys.join(',')}`)).toEqual(['6 ads', '11 selectPersonalisedAds']);
    expect(result.inventory.sdkCalls.map((call) => `${call.line} ${call.callee} ${call.consentKeys.join(',')}`)).toEqual(['7 mobileAds().initialize ads']);
  });

  it('knows the IAB TCF __tcfapi callback, OneTrust, Didomi and Cookiebot', () => {
    const lines = [
      `import OTPublishersNativeSDK from 'react-native-onetrust-cmp';`,
      `import { Didomi } from '@didomi/react-native';`,
      `__tcfapi('addEventListener', 2, (tcData, success) => { if (success && tcData.purpose.consents[1]) document.cookie = 'a=1'; });`,
      `__tcfapi('ping', 2, (tcData) => { if (tcData.purpose.consents[1]) document.cookie = 'b=1'; });`,
      `export async function ot() { if ((await OTPublishersNativeSDK.getConsentStatusForCategory('C0004')) === 1) document.cookie = 'c=1'; }`,
      `export function web() { if (window.OnetrustActiveGroups.includes('C0002')) document.cookie = 'd=1'; }`,
      `export async function di() { const status = await Didomi.getCurrentUserStatus(); if (status.purposes['cookies']?.enabled) document.cookie = 'e=1'; }`,
      `window.didomiOnReady.push((D) => { if (D.getCurrentUserStatus().vendors.google.enabled) document.cookie = 'f=1'; });`,
      `export function cb() { if (Cookiebot.consent.marketing) document.cookie = 'g=1'; }`,
    ];
    expect(guarded({ 'a.ts': lines.join('\n') })).toEqual([
      'a.ts:3 tcf_purpose_1',
      'a.ts:4 -',
      'a.ts:5 C0004',
      'a.ts:6 C0002',
      'a.ts:7 cookies',
      'a.ts:8 vendor_google',
      'a.ts:9 marketing',
    ]);
  });

  it('does not take a local function or object that shares a name for the vendor API', () => {
    const lines = [
      `import { getAdvertisingId } from 'expo-tracking-transparency';`,
      `function getTrackingPermissionsAsync() { return Promise.resolve({ granted: true }); }`,
      `export async function a() { if ((await getTrackingPermissionsAsync()).granted) getAdvertisingId(); }`,
      `export function b(Cookiebot: { consent: { marketing: boolean } }) { if (Cookiebot.consent.marketing) getAdvertisingId(); }`,
    ];
    expect(guarded({ 'a.ts': lines.join('\n') })).toEqual(['a.ts:3 -', 'a.ts:4 -']);
  });

  it('maps a catalog guard to the manifest key from the config, as a whole or key by key', () => {
    const source = [
      `import { getAdvertisingId, requestTrackingPermissionsAsync } from 'expo-tracking-transparency';`,
      `export async function a() { if ((await requestTrackingPermissionsAsync()).granted) getAdvertisingId(); }`,
      `export function b() { if (window.OnetrustActiveGroups.includes('C0004')) getAdvertisingId(); }`,
      `export function c() { if (window.OnetrustActiveGroups.includes('C0002')) getAdvertisingId(); }`,
    ].join('\n');
    const config = JSON.stringify({
      guards: [
        { catalog: 'expo-tracking-transparency', key: 'ads' },
        { catalog: 'onetrust', keys: { C0004: 'ads' } },
      ],
    });
    expect(guarded({ 'a.ts': source, 'privlint.config.json': config })).toEqual(['a.ts:2 ads', 'a.ts:3 ads', 'a.ts:4 C0002']);
  });

  it('satisfies a manifest whose consent key is the one the vendor guard proves', () => {
    const manifest = [
      'version: 1',
      'app: { name: t }',
      'consents:',
      '  tracking: { mode: opt-in }',
      'categories:',
      '  - id: device.advertising_id',
      '    uses:',
      '      - { purposes: [advertising], basis: consent, consent: tracking }',
    ].join('\n');
    const source = [
      `import { getAdvertisingId, requestTrackingPermissionsAsync } from 'expo-tracking-transparency';`,
      `export async function a() {`,
      `  const { granted } = await requestTrackingPermissionsAsync();`,
      `  // @privacy-purpose advertising`,
      `  if (granted) return getAdvertisingId();`,
      `}`,
      `// @privacy-purpose advertising`,
      `export const b = () => getAdvertisingId();`,
    ].join('\n');
    const result = scanProject({ 'privacy-manifest.yaml': manifest, 'a.ts': source });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.line}`)).toEqual(['require-consent-check 8']);
  });
});

describe('catalog guards in the config', () => {
  function configProblems(config: unknown): string[] {
    const root = writeProject({ 'privlint.config.json': JSON.stringify(config, null, 2) });
    try {
      loadConfig(path.join(root, 'privlint.config.json'));
      return [];
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}: ${problem.message}`);
    }
  }

  it('accepts a known guard id, and its own catalog can add guards', () => {
    expect(configProblems({ guards: [{ catalog: 'google-ump', key: 'ads' }, { catalog: 'acme', keys: { on: 'ads' } }], catalog: { guards: [{ id: 'acme', name: 'Acme CMP', checks: [{ path: 'Acme.consent.{key}' }] }] } })).toEqual([]);
  });

  it('names an unknown guard id with a suggestion, and keys that do not fit the kind of guard', () => {
    expect(configProblems({ guards: [{ catalog: 'google-upm' }, { catalog: 'onetrust', keyArgument: 0 }, { call: 'hasConsent', keys: { a: 'b' } }] })).toEqual([
      '4:18 guards[0].catalog: unknown catalog guard "google-upm"; did you mean "google-ump"?',
      '6:5 guards[1]: "keyArgument" does not apply to a catalog guard, whose keys come from the catalog; map them with "key" or "keys"',
      '10:5 guards[2]: "keys" maps the keys of a catalog guard; a guard function of your own names its key with "key" or "keyArgument"',
    ]);
  });
});
