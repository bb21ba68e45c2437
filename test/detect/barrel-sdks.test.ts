// A barrel that re-exports an SDK is where the project takes the SDK in: the re-export is the SDK
// use, and calls through the barrel are SDK calls (consent checks) and sinks (sharing), exactly
// as if the caller imported the package itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleMeta } from '../../src/check/rules.js';
import { lintText, resetEditorSessions } from '../../src/editor/session.js';
import type { ScanResult } from '../../src/scan.js';
import { scanProject } from '../helpers/temp-project.js';

const MANIFEST = `version: 1
app: { name: t }
consents:
  analytics: { mode: opt-in }
categories:
  - id: device.id
    uses:
      - { purposes: [analytics], basis: consent, consent: analytics }
recipients:
  - id: google
    name: Google
    role: processor
    packages: ["@react-native-firebase/*"]
    shares:
      - { categories: [device.id], purposes: [analytics], consent: analytics }
  - id: mixpanel
    name: Mixpanel
    role: processor
    packages: [mixpanel-browser]
    shares:
      - { categories: [device.id], purposes: [analytics], consent: analytics }
`;

const SCREEN_BODY = `
export async function open() {
  // @privacy-purpose analytics
  const id = await DeviceInfo.getUniqueId();
  await analytics().logEvent('open', { id });
  if (await hasConsent('analytics')) track('opened');
  return helper();
}
`;

const COMMON = {
  'privacy-manifest.yaml': MANIFEST,
  'privlint.config.json': '{ "guards": [{ "call": "hasConsent", "keyArgument": 0 }], "rules": { "no-undeclared-collection": "off" } }\n',
  'src/consent.ts': `export async function hasConsent(key: string) {\n  return key === 'x';\n}\n`,
  'src/sdk/local.ts': `export function helper() {\n  return 1;\n}\n`,
};

const barrel = scanProject({
  ...COMMON,
  'src/sdk/index.ts': `export { default as analytics } from '@react-native-firebase/analytics';\nexport * from 'mixpanel-browser';\nexport * from './local';\nexport * as amplitude from '@amplitude/analytics-browser';\n`,
  // Reaches the SDK only through the barrel's \`export *\`.
  'src/ping.ts': `import { track } from './sdk';\nexport const ping = () => track('ping');\n`,
  'src/screen.ts': `import DeviceInfo from 'react-native-device-info';\nimport { analytics, track, helper } from './sdk';\nimport { hasConsent } from './consent';\n${SCREEN_BODY}`,
});

const direct = scanProject({
  ...COMMON,
  'src/sdk/index.ts': `export * from './local';\n`,
  'src/ping.ts': `import { track } from 'mixpanel-browser';\nexport const ping = () => track('ping');\n`,
  'src/screen.ts': `import DeviceInfo from 'react-native-device-info';\nimport analytics from '@react-native-firebase/analytics';\nimport { track } from 'mixpanel-browser';\nimport { helper } from './sdk';\nimport { hasConsent } from './consent';\n${SCREEN_BODY.replace(/^\n/, '')}`,
});

const uses = (result: ScanResult) => result.inventory.sdks.map((use) => `${use.file}:${use.line} ${use.package}`);
const calls = (result: ScanResult) => result.inventory.sdkCalls.map((call) => `${call.file}:${call.line} ${call.callee} ${call.package} [${call.consentKeys.join(',')}]`);
const findings = (result: ScanResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.message}`);

describe('SDKs re-exported by a barrel', () => {
  it('the re-export is the SDK use', () => {
    expect(uses(barrel)).toEqual(['src/sdk/index.ts:1 @react-native-firebase/analytics', 'src/sdk/index.ts:2 mixpanel-browser', 'src/sdk/index.ts:4 @amplitude/analytics-browser']);
    expect(findings(barrel).filter((finding) => finding.startsWith('no-undeclared-sdk'))).toEqual([
      expect.stringMatching(/^no-undeclared-sdk src\/sdk\/index\.ts:4 Uses Amplitude .*@amplitude\/analytics-browser/),
    ]);
    // Google and Mixpanel are used: no "unused recipient" note.
    expect(findings(barrel).filter((finding) => finding.startsWith('no-unused-declaration'))).toEqual([]);
  });

  it('calls through the barrel are SDK calls, checked for consent like direct calls', () => {
    expect(calls(barrel)).toEqual([
      'src/ping.ts:2 track mixpanel-browser []',
      'src/screen.ts:8 analytics().logEvent @react-native-firebase/analytics []',
      'src/screen.ts:9 track mixpanel-browser [analytics]',
    ]);
    expect(calls(barrel).map((call) => call.replace(/:\d+/, ''))).toEqual(calls(direct).map((call) => call.replace(/:\d+/, '')));
  });

  it('data passed to them flows into the SDK', () => {
    const sinks = (result: ScanResult) => result.inventory.flows.map((flow) => `${flow.category} → ${flow.sink.callee} ${flow.sink.package}`);
    expect(sinks(barrel)).toEqual(['device.id → analytics().logEvent @react-native-firebase/analytics']);
    expect(sinks(barrel)).toEqual(sinks(direct));
  });

  it('the findings at the call sites are those of direct imports', () => {
    // Apart from where the SDK is used (the barrel, or the direct import), tested above.
    const atCalls = (result: ScanResult) =>
      findings(result)
        .filter((finding) => !finding.includes(' src/sdk/') && !finding.startsWith('no-undeclared-sdk'))
        .map((finding) => finding.replace(/:\d+ /, ' '));
    expect(atCalls(barrel).filter((finding) => finding.startsWith('require-consent-check') && finding.includes('Calls '))).toEqual([
      expect.stringContaining('src/ping.ts Calls track (mixpanel-browser)'),
      expect.stringContaining('src/screen.ts Calls analytics().logEvent (@react-native-firebase/analytics)'),
    ]);
    expect(atCalls(barrel)).toEqual(atCalls(direct));
  });

  it('a project function behind an earlier `export * from` a package still resolves to the project', () => {
    // helper() comes from ./local although `export * from 'mixpanel-browser'` comes first: no SDK call.
    expect(calls(barrel).some((call) => call.includes('helper'))).toBe(false);
  });

  it('the editor reports the same per-file findings, file by file', () => {
    resetEditorSessions();
    const root = barrel.root;
    const rows = (list: { file: string; line: number; ruleId: string; message: string }[]) => list.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`).sort();
    for (const file of barrel.files) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      const expected = rows(barrel.findings.filter((finding) => finding.file === relative && ruleMeta(finding.ruleId).perFile));
      expect(rows(lintText(file, readFileSync(file, 'utf8'), { cwd: root }).findings), relative).toEqual(expected);
      expect(rows(lintText(file, `${readFileSync(file, 'utf8')}\n`, { cwd: root }).findings), `${relative} (edited)`).toEqual(expected);
    }
  });
});
