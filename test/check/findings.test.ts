import { describe, expect, it } from 'vitest';
import { findingsOf, scanProject } from '../helpers/temp-project.js';

const manifest = `version: 1
app: { name: Shop }
consents:
  ads: { mode: opt-in }
  personalized: { mode: opt-out }
categories:
  - id: device.id
    uses:
      - purposes: [analytics]
        basis: legitimate_interest
      - purposes: [advertising]
        basis: consent
        consent: ads
  - id: device.advertising_id
    uses:
      - purposes: [advertising]
        basis: consent
        consent: ads
  - id: location
    uses:
      - purposes: [personalization]
        basis: legitimate_interest
        consent: personalized
  - id: usage.events
    uses:
      - purposes: [analytics]
        basis: legitimate_interest
  - id: contacts
    uses:
      - purposes: [app_functionality]
        basis: contract
recipients:
  - id: google
    role: third_party
    packages: ["@react-native-firebase/*", react-native-google-mobile-ads]
    shares:
      - categories: [device.advertising_id]
        purposes: [advertising]
        consent: ads
  - id: segment
    role: processor
    packages: ["@segment/analytics-react-native"]
`;

const guardConfig = JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] });

function run(code: string) {
  return scanProject({ 'privacy-manifest.yaml': manifest, 'privlint.config.json': guardConfig, 'src/app.ts': code });
}

describe('checking collection sites against the manifest', () => {
  it('reports an undeclared category, and not a declared one (a parent covers its children)', () => {
    const result = run(
      [
        `import DeviceInfo from 'react-native-device-info';`,
        `import * as Location from 'expo-location';`,
        `// @privacy-purpose analytics`,
        `export const a = DeviceInfo.getSerialNumber();`,
        `// @privacy-purpose personalization`,
        `export const b = async () => { if (await hasConsent('personalized')) return Location.getCurrentPositionAsync(); };`,
        `declare function hasConsent(k: string): Promise<boolean>;`,
      ].join('\n'),
    );
    expect(findingsOf(result, 'no-undeclared-collection')).toEqual(['no-undeclared-collection src/app.ts:4']);
    const finding = result.findings.find((candidate) => candidate.ruleId === 'no-undeclared-collection')!;
    expect(finding.message).toBe('Collects device.serial (react-native-device-info#getSerialNumber), which the manifest does not declare.');
    expect(finding.help).toMatch(/^Fix: declare device\.serial under categories in privacy-manifest\.yaml/);
    expect(finding.severity).toBe('error');
  });

  it('requires a purpose, and checks that annotated purposes exist and are declared for the category', () => {
    const result = run(
      [
        `import DeviceInfo from 'react-native-device-info';`,
        `export const a = DeviceInfo.getInstanceId();`,
        `// @privacy-purpose analytcs`,
        `export const b = DeviceInfo.getInstanceId();`,
        `// @privacy-purpose fraud_prevention`,
        `export const c = DeviceInfo.getInstanceId();`,
        `// @privacy-purpose analytics`,
        `export const d = DeviceInfo.getInstanceId();`,
      ].join('\n'),
    );
    expect(findingsOf(result, 'require-purpose')).toEqual(['require-purpose src/app.ts:2']);
    expect(result.findings.find((finding) => finding.ruleId === 'require-purpose')!.help).toContain('declares analytics, advertising for it');
    expect(findingsOf(result, 'declared-purpose')).toEqual(['declared-purpose src/app.ts:4', 'declared-purpose src/app.ts:6']);
    const [typo, undeclared] = result.findings.filter((finding) => finding.ruleId === 'declared-purpose');
    expect(typo!.message).toContain('Unknown purpose "analytcs"');
    expect(typo!.message).toContain('did you mean "analytics"?');
    expect(undeclared!.message).toContain('for fraud_prevention, which the manifest does not declare for it');
    expect(undeclared!.help).toContain('does not declare fraud_prevention for device.id');
  });

  it('requires the consent key of the annotated purpose, and, without a purpose, only when every use needs consent', () => {
    const result = run(
      [
        `import DeviceInfo from 'react-native-device-info';`,
        `import { getAdvertisingId } from 'expo-tracking-transparency';`,
        `declare function hasConsent(k: string): Promise<boolean>;`,
        `// @privacy-purpose advertising`,
        `export const a = DeviceInfo.getInstanceId();`,
        `// @privacy-purpose analytics`,
        `export const b = DeviceInfo.getInstanceId();`,
        `export const c = getAdvertisingId();`,
        `export async function d() { if (await hasConsent('ads')) return getAdvertisingId(); }`,
        `export async function e() { if (await hasConsent('analytics')) return getAdvertisingId(); }`,
      ].join('\n'),
    );
    expect(findingsOf(result, 'require-consent-check')).toEqual([
      'require-consent-check src/app.ts:5',
      'require-consent-check src/app.ts:8',
      'require-consent-check src/app.ts:10',
    ]);
    const first = result.findings.find((finding) => finding.ruleId === 'require-consent-check')!;
    expect(first.message).toContain('for advertising without a consent check for "ads"');
    expect(first.help).toMatch(/^privacy-manifest\.yaml:\d+ requires prior opt-in consent/);
    expect(first.help).toContain("if (await hasConsent('ads'))");
  });

  it('suggests a guard of the config that proves the missing key: a fixed-key guard takes no argument', () => {
    const code = [
      `import { getAdvertisingId } from 'expo-tracking-transparency';`,
      `import * as Location from 'expo-location';`,
      `// @privacy-purpose advertising`,
      `export const a = getAdvertisingId();`,
      `// @privacy-purpose personalization`,
      `export const b = Location.getCurrentPositionAsync();`,
      ``,
    ].join('\n');
    const fixes = (guards: unknown[]) =>
      scanProject({ 'privacy-manifest.yaml': manifest, 'privlint.config.json': JSON.stringify({ guards }), 'src/app.ts': code })
        .findings.filter((finding) => finding.ruleId === 'require-consent-check')
        .map((finding) => `${finding.line} ${/`(if \(await [^`]+\))`/.exec(finding.help)?.[1]}${/name your check function under "guards"/.test(finding.help) ? ' (no guard configured)' : ''}`);
    const canTrack = { module: './src/consent', export: 'canTrack', key: 'ads' };
    // canTrack proves "ads" only: the location site (key "personalized") needs another guard, and the fix says how to name one.
    expect(fixes([canTrack])).toEqual(['4 if (await canTrack())', "6 if (await hasConsent('personalized')) (no guard configured)"]);
    expect(fixes([canTrack, { member: 'consentStore.isGranted', keyArgument: 0 }])).toEqual(['4 if (await canTrack())', "6 if (await consentStore.isGranted('personalized'))"]);
    expect(fixes([{ call: 'allowed', keyArgument: 1 }])).toEqual(["4 if (await allowed(…, 'ads'))", "6 if (await allowed(…, 'personalized'))"]);
    expect(fixes([])).toEqual(["4 if (await hasConsent('ads')) (no guard configured)", "6 if (await hasConsent('personalized')) (no guard configured)"]);
  });

  it('reports SDKs no recipient lists, SDK calls without the recipient consent, and SDK collection that is undeclared', () => {
    const result = run(
      [
        `import analytics from '@react-native-firebase/analytics';`,
        `import mobileAds from 'react-native-google-mobile-ads';`,
        `import appsFlyer from 'react-native-appsflyer';`,
        `import { createClient } from '@segment/analytics-react-native';`,
        `declare function hasConsent(k: string): Promise<boolean>;`,
        `export async function start() {`,
        `  mobileAds().initialize();`,
        `  if (await hasConsent('ads')) analytics().logEvent('start');`,
        `  appsFlyer.initSdk({ devKey: 'x' });`,
        `  createClient({ writeKey: 'k' });`,
        `}`,
      ].join('\n'),
    );
    expect(findingsOf(result, 'no-undeclared-sdk')).toEqual(['no-undeclared-sdk src/app.ts:3']);
    expect(result.findings.find((finding) => finding.ruleId === 'no-undeclared-sdk')!.message).toContain('react-native-appsflyer');
    // AppsFlyer is in no recipient, but it collects on its own the advertising id and the device id, whose
    // advertising uses (an attribution SDK's purpose) need "ads".
    expect(findingsOf(result, 'require-consent-check')).toEqual(['require-consent-check src/app.ts:7', 'require-consent-check src/app.ts:9']);
    expect(result.findings.find((finding) => finding.ruleId === 'require-consent-check')!.message).toContain('mobileAds().initialize');
    expect(result.findings.filter((finding) => finding.ruleId === 'require-consent-check')[1]!.message).toBe(
      'Calls appsFlyer.initSdk (react-native-appsflyer), which collects device.id and device.advertising_id on its own, without a consent check for "ads".',
    );
  });

  it('notes declarations the code never uses, located in the manifest', () => {
    const result = run(`import { getAdvertisingId } from 'expo-tracking-transparency';\n// @privacy-purpose advertising\nexport const c = getAdvertisingId();\n`);
    const unused = result.findings.filter((finding) => finding.ruleId === 'no-unused-declaration');
    expect(unused.map((finding) => `${finding.file}:${finding.line} ${finding.category ?? ''}`)).toEqual([
      'privacy-manifest.yaml:7 device.id',
      'privacy-manifest.yaml:19 location',
      'privacy-manifest.yaml:24 usage.events',
      'privacy-manifest.yaml:28 contacts',
      'privacy-manifest.yaml:33 ',
      'privacy-manifest.yaml:40 ',
    ]);
    expect(unused.every((finding) => finding.severity === 'note')).toBe(true);
  });

  it('counts a recipient as used when code imports its package as a source module, not only as an SDK', () => {
    const withExpo = manifest.replace('recipients:\n', 'recipients:\n  - id: expo\n    role: processor\n    packages: [expo-notifications]\n');
    const code = `import * as Notifications from 'expo-notifications';\n// @privacy-purpose notifications\nexport const token = Notifications.getExpoPushTokenAsync();\n`;
    const used = scanProject({ 'privacy-manifest.yaml': withExpo, 'src/app.ts': code });
    const unusedRecipients = (result: typeof used) => result.findings.filter((finding) => finding.kind === 'unusedRecipient').map((finding) => finding.message.match(/recipient "([^"]+)"/)![1]);
    expect(unusedRecipients(used)).toEqual(['google', 'segment']);
    const unused = scanProject({ 'privacy-manifest.yaml': withExpo, 'src/app.ts': `export const nothing = 1;\n` });
    expect(unusedRecipients(unused)).toEqual(['expo', 'google', 'segment']);
  });

  it('without a manifest, still requires purposes and checks purpose names, nothing else', () => {
    const result = scanProject({ 'src/app.ts': `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytcs\nexport const a = DeviceInfo.getInstanceId();\nexport const b = DeviceInfo.getInstanceId();\n` });
    expect(result.manifest).toBeUndefined();
    expect(findingsOf(result)).toEqual(['declared-purpose src/app.ts:3', 'require-purpose src/app.ts:4']);
  });

  it('applies severity overrides and "off" from the config', () => {
    const result = scanProject({
      'privlint.config.json': JSON.stringify({ rules: { 'require-purpose': 'error', 'declared-purpose': 'off' } }),
      'src/app.ts': `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose nope\nexport const a = DeviceInfo.getInstanceId();\nexport const b = DeviceInfo.getInstanceId();\n`,
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['require-purpose error']);
  });
});

describe('inline suppressions', () => {
  it('silences the next line or the whole file for the named rule, with a reason, and reports unused or invalid ones', () => {
    const result = scanProject({
      'src/a.ts': [
        `import DeviceInfo from 'react-native-device-info';`,
        `// privlint-disable-next-line require-purpose -- migration ticket PRIV-12`,
        `export const a = DeviceInfo.getInstanceId();`,
        `// privlint-disable-next-line declared-purpose -- nothing to silence here`,
        `export const b = DeviceInfo.getInstanceId();`,
        `// privlint-disable-next-line require-purpose`,
        `export const c = DeviceInfo.getInstanceId();`,
        `// privlint-disable-next-line require-purpse -- typo`,
        `export const d = 'privlint-disable-next-line require-purpose -- inside a string, not a comment';`,
      ].join('\n'),
      'src/b.ts': `/* privlint-disable require-purpose -- generated client, reviewed in PRIV-7 */\nimport DeviceInfo from 'react-native-device-info';\nexport const e = DeviceInfo.getInstanceId();\nexport const f = DeviceInfo.getAndroidId();\n`,
    });
    expect(result.suppressed.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.suppression.justification}`)).toEqual([
      'require-purpose src/a.ts:3 migration ticket PRIV-12',
      'require-purpose src/b.ts:3 generated client, reviewed in PRIV-7',
      'require-purpose src/b.ts:4 generated client, reviewed in PRIV-7',
    ]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)).toEqual([
      'no-unused-suppression src/a.ts:4',
      'require-purpose src/a.ts:5',
      'no-unused-suppression src/a.ts:6',
      'require-purpose src/a.ts:7',
      'no-unused-suppression src/a.ts:8',
    ]);
    const messages = result.findings.filter((finding) => finding.ruleId === 'no-unused-suppression').map((finding) => finding.message);
    expect(messages[0]).toContain('suppresses nothing');
    expect(messages[1]).toBe('This privlint-disable comment is ignored: it gives no reason.');
    expect(messages[2]).toContain('unknown rule "require-purpse"; did you mean "require-purpose"?');
  });
});
