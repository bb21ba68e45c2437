// What the exports warn about: data the code collects that the manifest does not declare, and data
// it hands to SDKs, recipients or hosts that the manifest does not declare receiving it.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { formatUndeclaredSharesWarning, formatUndeclaredWarning, undeclaredCollections, undeclaredShares } from '../../src/export/coverage.js';
import { scan } from '../../src/scan.js';
import { runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const MANIFEST = `version: 1
app: { name: Shop }
consents: { ads: { mode: opt-in } }
categories:
  - id: device.id
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  # getUniqueId is the Android ID on Android.
  - id: device.android_id
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  - id: usage.events
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  - id: device.advertising_id
    uses: [{ purposes: [advertising], basis: consent, consent: ads }]
recipients:
  - id: mixpanel
    name: Mixpanel
    role: processor
    packages: [mixpanel]
    shares: [{ categories: [usage.events], purposes: [analytics] }]
  - id: metrics
    name: Metrics Inc.
    role: third_party
    domains: [metrics.example.net]
    shares: [{ categories: [usage.events], purposes: [analytics] }]
first_party:
  domains: [api.shop.example]
`;

const SOURCE = `import DeviceInfo from 'react-native-device-info';
import Mixpanel from 'mixpanel';
import * as Location from 'expo-location';

const mixpanel = Mixpanel.init('token');

// @privacy-purpose analytics
export async function report() {
  const id = await DeviceInfo.getUniqueId();
  mixpanel.track('open', { distinct_id: id });
  await fetch('https://metrics.example.net/v1', { method: 'POST', body: JSON.stringify({ id }) });
  await fetch('https://collector.example.org/e', { method: 'POST', body: JSON.stringify({ id }) });
  await fetch('https://api.shop.example/me', { method: 'POST', body: JSON.stringify({ id }) });
}

// @privacy-purpose app_functionality
export async function nearby() {
  return Location.getCurrentPositionAsync();
}
`;

function shop() {
  const root = writeProject({ 'privacy-manifest.yaml': MANIFEST, 'src/report.ts': SOURCE, 'package.json': '{"name":"shop"}' });
  return { root, result: scan({ cwd: root }) };
}

describe('export warnings', () => {
  const { root, result } = shop();
  const catalog = loadCatalog();

  it('list the categories the code collects that no declaration covers, with the places', () => {
    const undeclared = undeclaredCollections(result, result.manifest!, catalog);
    expect(undeclared).toEqual([{ category: 'location.precise', places: [{ file: 'src/report.ts', line: 18, what: 'expo-location#getCurrentPositionAsync' }] }]);
    expect(formatUndeclaredWarning(undeclared, 'PrivacyInfo.xcprivacy', 'privacy-manifest.yaml')).toBe(
      [
        'privlint: warning: the code collects a category that privacy-manifest.yaml does not declare, so PrivacyInfo.xcprivacy does not cover it either:',
        '  location.precise  (src/report.ts:18 expo-location#getCurrentPositionAsync)',
        'Declare it in the manifest with purposes and a legal basis (privlint scan reports each place as no-undeclared-collection), then export again.',
        '',
      ].join('\n'),
    );
  });

  it('list data sent to a recipient without a share of it, and to a host nobody declares; not the first party', () => {
    const shares = undeclaredShares(result, result.manifest!, catalog);
    expect(shares.map(({ category, receiver, reason }) => `${category} → ${receiver}: ${reason}`)).toEqual([
      'device.id → collector.example.org: unknown-host',
      'device.id → Metrics Inc.: no-share',
      'device.id → Mixpanel: no-share',
    ]);
    expect(shares.find((share) => share.receiver === 'Mixpanel')!.places).toEqual([
      { file: 'src/report.ts', line: 10, what: 'react-native-device-info#getUniqueId (collected at src/report.ts:9) sent through mixpanel.track' },
    ]);
    const warning = formatUndeclaredSharesWarning(shares, 'the Data safety CSV', 'privacy-manifest.yaml');
    expect(warning).toContain('privlint: warning: the code shares data that privacy-manifest.yaml does not declare, so the Data safety CSV may leave these shares out:');
    expect(warning).toContain('  collector.example.org receives device.id, but the manifest names it neither as first party nor as a recipient\'s host  (src/report.ts:12 ');
    expect(warning).toContain('  Mixpanel receives device.id, but its shares in the manifest do not include them  (src/report.ts:10 ');
  });

  it('name SDKs that collect on their own for a recipient without a share, or with no recipient', () => {
    const root2 = writeProject({
      'privacy-manifest.yaml': `version: 1
app: { name: Ads }
categories:
  - id: device
    uses: [{ purposes: [advertising], basis: legitimate_interest }]
  - id: usage.events
    uses: [{ purposes: [advertising], basis: legitimate_interest }]
  - id: network.ip_address
    uses: [{ purposes: [advertising], basis: legitimate_interest }]
  - id: diagnostics
    uses: [{ purposes: [diagnostics], basis: legitimate_interest }]
recipients:
  - id: meta
    role: third_party
    packages: [react-native-fbsdk-next]
    shares: [{ categories: [device, usage.events], purposes: [advertising] }]
`,
      'src/a.ts': "import { Settings } from 'react-native-fbsdk-next';\nimport * as Sentry from '@sentry/react-native';\nSettings.initializeSDK();\nSentry.init({});\n",
    });
    const scanned = scan({ cwd: root2 });
    const shares = undeclaredShares(scanned, scanned.manifest!, catalog);
    // The catalog: the Facebook SDK collects usage.events, device.advertising_id and device.info
    // (all covered by the share of "device" and usage.events); Sentry collects diagnostics.crash,
    // diagnostics.performance and device.info, and no recipient lists it.
    expect(shares.map(({ category, receiver, reason }) => `${category} → ${receiver}: ${reason}`)).toEqual([
      'device.info → Sentry (@sentry/react-native): no-recipient',
      'diagnostics.crash → Sentry (@sentry/react-native): no-recipient',
      'diagnostics.performance → Sentry (@sentry/react-native): no-recipient',
    ]);
  });

  it('are printed by both exports, and --strict turns them into exit code 1', async () => {
    const apple = await runCli(['export', 'apple-privacy-manifest', '--strict', '--quiet'], { cwd: root });
    expect(apple.status).toBe(1);
    expect(apple.stdout).toContain('<key>NSPrivacyCollectedDataTypes</key>');
    expect(apple.stderr).toContain('so PrivacyInfo.xcprivacy does not cover it either');
    expect(apple.stderr).toContain('so PrivacyInfo.xcprivacy may leave these shares out');

    const play = await runCli(['export', 'play-data-safety', '--quiet'], { cwd: root });
    expect(play.status).toBe(0);
    expect(play.stderr).toContain('so the Data safety CSV does not cover it either');
    expect(play.stderr).toContain('Metrics Inc. receives device.id');
  });

  it('are silent when the manifest covers everything', async () => {
    const clean = writeProject({
      'privacy-manifest.yaml': `version: 1
app: { name: Clean }
categories:
  - id: device.id
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  - id: device.android_id
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
first_party: { domains: [api.clean.example] }
`,
      'src/a.ts': "import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytics\nexport async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  await fetch('https://api.clean.example/x', { method: 'POST', body: id });\n}\n",
    });
    const run = await runCli(['export', 'play-data-safety', '--strict', '--quiet'], { cwd: clean });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
