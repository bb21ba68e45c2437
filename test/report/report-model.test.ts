// The privacy inventory both reports render (src/report/html/model.ts), for two fixture apps. The
// numbers come from the apps' hand-reviewed EXPECTED.md files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { buildReportModel, type ReportModel } from '../../src/report/html/model.js';
import { scan } from '../../src/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { scanProject } from '../helpers/temp-project.js';

const catalog = loadCatalog();
const modelOf = (app: string, options = {}) => buildReportModel(scan({ cwd: path.join(REPO_ROOT, 'fixtures/apps', app) }), { catalog, ...options });
const sitesOf = (model: ReportModel, category: string) =>
  model.categories.find((entry) => entry.id === category)!.sites.map((site) => `${site.file}:${site.line} ${site.api} [${site.purposes.join(',')}] ${site.consent.state}${site.consent.keys.length ? `:${site.consent.keys.join(',')}` : ''}`);

describe('xiaomi-demo', () => {
  const model = modelOf('xiaomi-demo', { date: '2026-01-31' });

  it('counts what EXPECTED.md lists', () => {
    // 14 collection sites (X1–X12, X10 twice, X11a: getUniqueId is also the Android ID) in 11 categories, plus usage.events, diagnostics.crash,
    // diagnostics.performance and device.info from the SDKs on their own; 4 SDK packages; 23 findings,
    // one per rule per place (8 errors — 2 of them residency violations of the per-region API hosts, one
    // listing eleven categories —, 3 warnings, 12 notes);
    // every collected category declared, 12 declared ones unused.
    expect(model.counts).toEqual({
      categoriesCollected: 15,
      sites: 14,
      sdkPackages: 4,
      // google, facebook, avast, tencent, cheetah-mobile from the manifest, the vendors of Sentry and
      // of expo-notifications (no recipient lists them) and restapi.amap.com, a host no one declares.
      recipients: 8,
      findings: { error: 8, warning: 3, note: 12 },
      declaredAndCollected: 15,
      collectedOnly: 0,
      declaredOnly: 12,
    });
    expect(model.title).toBe('Privacy inventory: Xiaomi (MIUI devices, Xiaomi websites and apps)');
    expect(model.manifestPath).toBe('../../policies/xiaomi.yaml');
    expect(model.policy).toEqual({ url: 'https://privacy.mi.com/all/sv_SE/', date: '2019-09-04', title: 'Xiaomi Integritetspolicy' });
    expect(model.date).toBe('2026-01-31');
    expect(model.filesScanned).toBe(19);
  });

  it('gives each site its place, API, purposes and consent check', () => {
    expect(sitesOf(model, 'location.precise')).toEqual(['src/services/findDevice.ts:15 react-native-geolocation-service#getCurrentPosition [app_functionality] checked:find_device']);
    expect(sitesOf(model, 'device.advertising_id')).toEqual(['src/services/ads.ts:15 expo-tracking-transparency#getAdvertisingId [advertising] checked:ads']);
    expect(sitesOf(model, 'apps.installed')).toEqual([
      'src/services/appStore.ts:28 react-native-launcher-kit#InstalledApps.getApps [app_functionality] not-required',
      'src/services/appStore.ts:36 react-native-launcher-kit#InstalledApps.getApps [personalization] missing',
    ]);
    expect(sitesOf(model, 'network.ip_address')).toEqual([
      'src/services/api.ts:23 react-native-device-info#getIpAddress [] not-required',
      'src/services/api.ts:32 react-native-device-info#getIpAddress [] not-required',
    ]);
    const wrapped = model.categories.find((entry) => entry.id === 'device.id')!.sites[0]!;
    expect(wrapped).toMatchObject({ file: 'src/App.tsx', line: 31, purposes: ['fraud_prevention'], purposeOrigin: "the wrapper's annotation" });
    expect(wrapped.via.map((step) => `${step.file}:${step.line}`)).toEqual(['src/services/security.ts:12']);
    expect(wrapped.findings.map((finding) => finding.ruleId)).toEqual(['declared-purpose']);
  });

  it('sorts categories into declared and collected, declared only, collected only', () => {
    const status = Object.fromEntries(model.categories.map((category) => [category.id, category.status]));
    expect(status['device.imei']).toBe('declared-only');
    expect(status['usage.events']).toBe('both');
    expect(Object.values(status).filter((value) => value === 'declared-only')).toHaveLength(12);
    const deviceInfo = model.categories.find((category) => category.id === 'device.info')!;
    expect(deviceInfo.sites).toEqual([]);
    expect(deviceInfo.sdkCollectors.map((use) => `${use.package} ${use.file}:${use.line}`)).toEqual(['@sentry/react-native src/services/experienceProgram.ts:1', 'react-native-fbsdk-next src/services/facebook.ts:1']);
  });

  it('says what reaches each recipient, and how', () => {
    const receives = (name: string) => [...new Set(model.recipients.find((recipient) => recipient.name === name)!.receives.map((item) => `${item.category}:${item.how}`))];
    expect(receives('Facebook')).toEqual(['device.advertising_id:share', 'device.advertising_id:sdk', 'device.info:sdk', 'usage.events:share', 'usage.events:sdk', 'web.cookies:share']);
    expect(receives('Sentry (Functional Software)')).toEqual(['device.info:sdk', 'diagnostics.crash:sdk', 'diagnostics.performance:sdk']);
    expect(model.recipients.find((recipient) => recipient.name === 'Sentry (Functional Software)')!.kind).toBe('vendor');
    expect(receives('Your own back end (first party)')).toContain('network.ip_address:flow');
    expect(model.recipients.map((recipient) => recipient.kind)).toEqual(['recipient', 'recipient', 'recipient', 'recipient', 'recipient', 'vendor', 'vendor', 'host', 'first-party']);
  });

  it('links every finding to the place it is about', () => {
    expect(model.findings.map((finding) => finding.anchor)).toEqual(Array.from({ length: 23 }, (_, index) => `f-${index + 1}`));
    const target = (rule: string, file: string) => model.findings.find((finding) => finding.ruleId === rule && finding.file === file)!.target;
    const siteAnchor = (file: string, line: number) => model.categories.flatMap((category) => category.sites).find((site) => site.file === file && site.line === line)!.anchor;
    expect(target('require-consent-check', 'src/services/appStore.ts')).toBe(siteAnchor('src/services/appStore.ts', 36));
    expect(target('no-unused-declaration', '../../policies/xiaomi.yaml')).toBe('cat-device.imei');
    expect(target('no-undeclared-sdk', 'src/services/experienceProgram.ts')).toBe(model.recipients.find((recipient) => recipient.name === 'Sentry (Functional Software)')!.sdkUses[0]!.anchor);
    expect(model.findings.every((finding) => finding.target)).toBe(true);
  });

  it('draws the data map from sites, SDKs and flows', () => {
    expect(model.collectedFor).toContainEqual({ category: 'location.precise', purpose: 'app_functionality', recipient: '' });
    expect(model.collectedFor).toContainEqual({ category: 'network.ip_address', purpose: null, recipient: '' });
    // The Facebook SDK collects the advertising id on its own; the policy shares it for advertising.
    expect(model.paths).toContainEqual({ category: 'device.advertising_id', purpose: 'advertising', recipient: 'recipient:facebook' });
    expect(model.paths).toContainEqual({ category: 'device.serial', purpose: 'app_functionality', recipient: 'first-party' });
  });

  it('joins each category to its recipients, with the purposes from the code and from the manifest apart, and the findings on the way', () => {
    const edge = (category: string, recipient: string) => model.edges.find((candidate) => candidate.category === category && candidate.recipient === recipient)!;
    // The Facebook SDK collects the advertising id on its own: no purpose in the code; the policy shares it for advertising.
    expect(edge('device.advertising_id', 'recipient:facebook')).toMatchObject({ codePurposes: [], manifestPurposes: ['advertising'], how: ['sdk'] });
    expect(edge('device.advertising_id', 'recipient:facebook').findings.map((finding) => finding.ruleId)).toEqual(['require-consent-check']);
    // The code sends the push token to its own back end for notifications; the manifest declares it for notifications and marketing.
    expect(edge('device.push_token', 'first-party')).toMatchObject({ codePurposes: ['notifications'], manifestPurposes: ['notifications', 'marketing'], how: ['flow'] });
    // A host no one declares: nothing from the manifest.
    expect(edge('location.precise', 'host:restapi.amap.com')).toMatchObject({ codePurposes: ['app_functionality'], manifestPurposes: [] });
    expect(edge('location.precise', 'host:restapi.amap.com').findings.map((finding) => finding.ruleId)).toEqual(['no-unknown-destination']);
    expect(model.edges).toHaveLength(24);
  });

  it('says what it could not judge: packages it does not recognise, files it skipped', () => {
    expect(model.notJudged).toEqual({ packageFiles: ['package.json'], packages: [{ package: 'expo', packageJsons: ['package.json'] }], files: [] });
  });
});

describe('rn-shop', () => {
  const model = modelOf('rn-shop');

  it('counts what EXPECTED.md lists', () => {
    // 13 sites (C1–C9, and C1a–C3a, C9a: getUniqueId is also the Android ID); 12 categories with the
    // SDKs' own collection; 19 findings, one per rule per place: 15 errors
    // (require-consent-check 6, no-undeclared-collection 5, declared-purpose 2, no-undeclared-sdk 1,
    // no-undeclared-sharing 1),
    // 2 warnings (require-purpose), 2 notes (no-unused-declaration).
    expect(model.counts).toEqual({
      categoriesCollected: 12,
      sites: 13,
      sdkPackages: 4,
      recipients: 4,
      findings: { error: 15, warning: 2, note: 2 },
      declaredAndCollected: 6,
      collectedOnly: 6,
      declaredOnly: 1,
    });
    expect(model.date).toBeUndefined();
    expect(model.recipients.map((recipient) => `${recipient.kind} ${recipient.name}`)).toEqual([
      'recipient Google Firebase',
      'recipient Google AdMob',
      'recipient Braze',
      'vendor AppsFlyer',
      'first-party Your own back end (first party)',
    ]);
  });

  it('shows the consent state of each site: checked, missing, not required, not evaluated', () => {
    expect(sitesOf(model, 'device.id')).toEqual([
      'src/screens/CheckoutScreen.tsx:27 react-native-device-info#getUniqueId [fraud_prevention] not-required',
      'src/screens/ProductScreen.tsx:36 react-native-device-info#getUniqueId [analytics] missing',
      'src/services/analytics.ts:34 react-native-device-info#getUniqueId [] checked:analytics',
      'src/session/SessionContext.tsx:16 react-native-device-info#getUniqueId [fraud_prevention] not-required',
    ]);
    expect(sitesOf(model, 'location.precise')).toEqual([
      'src/screens/StoreLocatorScreen.tsx:26 react-native-geolocation-service#getCurrentPosition [app_functionality] checked:location',
      'src/screens/StoreLocatorScreen.tsx:39 react-native-geolocation-service#watchPosition [app_functionality] missing',
    ]);
    // network.carrier is not declared: nothing to evaluate consent against.
    expect(sitesOf(model, 'network.carrier')).toEqual(['src/services/api.ts:21 react-native-device-info#getCarrier [] not-evaluated']);
  });

  it('lists the policy side of each declared category', () => {
    expect(model.categories.find((category) => category.id === 'device.id')!.uses).toEqual([
      { declaration: 'device.id', purposes: ['fraud_prevention'], basis: 'legitimate_interest' },
      { declaration: 'device.id', purposes: ['analytics'], basis: 'consent', consent: 'analytics', consentMode: 'opt-in' },
    ]);
    expect(model.categories.find((category) => category.id === 'contacts')).toMatchObject({ status: 'declared-only', sites: [], declaredBy: ['contacts'] });
  });
});

describe('without a manifest', () => {
  it('is the inventory of the code alone', () => {
    const result = scanProject({ 'src/a.ts': "import DeviceInfo from 'react-native-device-info';\nexport const id = () => DeviceInfo.getUniqueId();\n" });
    const model = buildReportModel(result, { catalog });
    expect(model.manifestPath).toBeUndefined();
    // getUniqueId: device.id, and the Android ID on Android.
    expect(model.counts).toMatchObject({ categoriesCollected: 2, sites: 2, declaredAndCollected: 0, collectedOnly: 2, declaredOnly: 0 });
    expect(model.categories[0]!.sites[0]!.consent.state).toBe('not-evaluated');
    expect(model.title).toBe(`Privacy inventory: ${path.basename(result.root)}`);
  });
});
