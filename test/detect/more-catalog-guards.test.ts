import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

/** Each collection site with the consent keys it is guarded by, scanned without any config of guards. */
function guarded(files: Record<string, string>): string[] {
  const result = scanProject(files);
  return result.inventory.collections.map((site) => `${site.file}:${site.line} ${site.consentKeys.join(',') || '-'}`);
}

const COLLECT = `document.cookie = 'a=1'`;

describe('more consent-management APIs from the catalog', () => {
  it('knows opt-out signals: code where Global Privacy Control and Do Not Track are off is guarded', () => {
    const lines = [
      `export function a() { if (!navigator.globalPrivacyControl) ${COLLECT}; }`,
      `export function b() { if (window.navigator.globalPrivacyControl) return; ${COLLECT}; }`,
      `export function c() { if (navigator.doNotTrack !== '1') ${COLLECT}; }`,
      `export function d() { if (navigator.doNotTrack === '1' || navigator.globalPrivacyControl) return; ${COLLECT}; }`,
      // near misses: the signal on, a comparison with another value, a local object named navigator
      `export function e() { if (navigator.globalPrivacyControl) ${COLLECT}; }`,
      `export function f() { if (navigator.doNotTrack !== '0') ${COLLECT}; }`,
      `export function g(navigator: { globalPrivacyControl: boolean }) { if (!navigator.globalPrivacyControl) ${COLLECT}; }`,
    ];
    expect(guarded({ 'a.ts': lines.join('\n') })).toEqual(['a.ts:1 gpc', 'a.ts:2 gpc', 'a.ts:3 dnt', 'a.ts:4 dnt,gpc', 'a.ts:5 -', 'a.ts:6 -', 'a.ts:7 -']);
  });

  it('knows Capacitor ATT, Osano, Klaro, vanilla-cookieconsent and react-cookie-consent (ESM, aliases, await, optional chaining)', () => {
    const lines = [
      `import { AppTrackingTransparency as ATT } from 'capacitor-plugin-app-tracking-transparency';`,
      `import * as CC from 'vanilla-cookieconsent';`,
      `import { getCookieConsentValue } from 'react-cookie-consent';`,
      `export async function a() { const { status } = await ATT.getStatus(); if (status === 'authorized') ${COLLECT}; }`,
      `export function b() { if (window.Osano?.cm?.analytics) ${COLLECT}; }`,
      `export function c() { if (Osano.cm.getConsent().MARKETING === 'ACCEPT') ${COLLECT}; }`,
      `export function d() { const m = klaro.getManager(); if (m.getConsent('matomo')) ${COLLECT}; }`,
      `export function e() { if (CC.acceptedCategory('analytics')) ${COLLECT}; }`,
      `export function f() { if (getCookieConsentValue() === 'true') ${COLLECT}; }`,
      // near misses: denied, Osano's optOut, a category check of a local function
      `export async function g() { const { status } = await ATT.requestPermission(); if (status === 'denied') ${COLLECT}; }`,
      `export function h() { if (Osano.cm.optOut) ${COLLECT}; }`,
      `function acceptedCategory(name: string) { return name.length > 0; }`,
      `export function i() { if (acceptedCategory('analytics')) ${COLLECT}; }`,
    ];
    expect(guarded({ 'a.ts': lines.join('\n') })).toEqual([
      'a.ts:4 tracking',
      'a.ts:5 analytics',
      'a.ts:6 MARKETING',
      'a.ts:7 matomo',
      'a.ts:8 analytics',
      'a.ts:9 cookie_consent',
      'a.ts:10 -',
      'a.ts:11 -',
      'a.ts:13 -',
    ]);
  });

  it('knows TCF purposes (right index only), Sourcepoint vendor grants and Usercentrics services found by template id', () => {
    const lines = [
      `import { Usercentrics } from '@usercentrics/react-native-sdk';`,
      `__tcfapi('getTCData', 2, (tcData, success) => { if (success && tcData.purpose.consents[1]) ${COLLECT}; });`,
      `__tcfapi('getCustomVendorConsents', 2, (data) => { if (data.grants['5e37fc3e'].vendorGrant) ${COLLECT}; });`,
      `export async function a() { const consents = await Usercentrics.getConsents(); const ga = consents.find((c) => c.templateId === 'HkocEodjb7'); if (ga?.status) ${COLLECT}; }`,
      `export async function b() { if ((await Usercentrics.getConsents()).find((c) => 'S1pcEj_jZX' === c.templateId)?.status) ${COLLECT}; }`,
      // near misses: another purpose index is another key; a grant that is not the vendor grant
      `__tcfapi('addEventListener', 2, (tcData) => { if (tcData.purpose.consents[3]) ${COLLECT}; });`,
      `__tcfapi('getCustomVendorConsents', 2, (data) => { if (data.grants['5e37fc3e'].purposeGrants) ${COLLECT}; });`,
    ];
    expect(guarded({ 'a.ts': lines.join('\n') })).toEqual([
      'a.ts:2 tcf_purpose_1',
      'a.ts:3 sp_vendor_5e37fc3e',
      'a.ts:4 HkocEodjb7',
      'a.ts:5 S1pcEj_jZX',
      'a.ts:6 tcf_purpose_3',
      'a.ts:7 -',
    ]);
  });

  it('lets the config rename the keys of every new guard', () => {
    const source = [
      `export function a() { if (!navigator.globalPrivacyControl) ${COLLECT}; }`,
      `export function b() { if (Osano.cm.marketing) ${COLLECT}; }`,
    ].join('\n');
    const config = JSON.stringify({ guards: [{ catalog: 'global-privacy-control', key: 'sale' }, { catalog: 'osano', keys: { marketing: 'ads' } }] });
    expect(guarded({ 'a.ts': source, 'privlint.config.json': config })).toEqual(['a.ts:1 sale', 'a.ts:2 ads']);
  });
});
