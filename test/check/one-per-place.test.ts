// One finding per rule per place: what several findings of a rule at one place become, and that
// their fingerprints stay those the parts had on their own (baselines written before still match).
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const SDK_OWN = ['device.advertising_id', 'device.id', 'device.info', 'location.coarse', 'network.ip_address', 'usage.events'];
const declaring = (categories: string[]) =>
  `version: 1\napp: { name: Shop }\nconsents:\n  analytics: { mode: opt-in }\ncategories:\n${categories.map((id) => `  - id: ${id}\n    uses:\n      - purposes: [analytics]\n        basis: consent\n        consent: analytics\n`).join('')}recipients:\n  - id: google\n    role: processor\n    packages: ["@react-native-firebase/analytics"]\n${categories.includes('device.id') ? '    shares:\n      - categories: [device.id]\n        purposes: [analytics]\n        consent: analytics\n' : ''}`;
const IMPORT = `import analytics from '@react-native-firebase/analytics';\n`;

describe('one finding per rule per place', () => {
  it('an SDK import that collects undeclared categories on its own is one finding listing them, each a part', () => {
    const result = scanProject({ 'privacy-manifest.yaml': declaring(['device.id', 'device.advertising_id', 'usage.events']), 'src/a.ts': IMPORT });
    const findings = result.findings.filter((finding) => finding.ruleId === 'no-undeclared-collection');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.message).toBe('Google Analytics for Firebase (@react-native-firebase/analytics) collects device.info and 2 more on its own, which the manifest does not declare.');
    expect(finding!.help).toBe('Fix: declare device.info, location.coarse and network.ip_address under categories in privacy-manifest.yaml (and as shared with Google), or remove the SDK.');
    expect(finding!.category).toBe('device.info');
    expect(finding!.parts!.map((part) => `${part.kind} ${part.category}`)).toEqual(['undeclaredSdkCollection device.info', 'undeclaredSdkCollection location.coarse', 'undeclaredSdkCollection network.ip_address']);
  });

  it('a long list is counted in the first sentence, which stays within 160 characters; the help names them all', () => {
    const result = scanProject({ 'privacy-manifest.yaml': declaring(['contacts']), 'src/a.ts': IMPORT });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'no-undeclared-collection')!;
    expect(finding.message.length).toBeLessThanOrEqual(160);
    expect(finding.message).toMatch(/collects device\.advertising_id(, [a-z._]+)* and \d more on its own/);
    expect(finding.help).toContain(`Fix: declare ${SDK_OWN.slice(0, -1).join(', ')} and ${SDK_OWN.at(-1)} under categories`);
    expect(finding.parts).toHaveLength(SDK_OWN.length);
  });

  it('a call that is both a collection and an SDK call needing consent is one finding: the collection leads, the SDK call is mentioned', () => {
    const result = scanProject({
      'privacy-manifest.yaml': declaring(SDK_OWN),
      'src/a.ts': `${IMPORT}// @privacy-purpose analytics\nexport const id = analytics().getAppInstanceId();\n`,
    });
    const consent = result.findings.filter((finding) => finding.ruleId === 'require-consent-check');
    expect(consent.map((finding) => `${finding.kind} ${finding.line}:${finding.column}`)).toEqual(['collectionWithoutConsent 3:19']);
    expect(consent[0]!.message).toBe('Collects device.id (@react-native-firebase/analytics#default().getAppInstanceId) for analytics without a consent check for "analytics".');
    expect(consent[0]!.help).toMatch(/ Also here: Calls analytics\(\)\.getAppInstanceId \(@react-native-firebase\/analytics\) without a consent check for "analytics"\. privacy-manifest\.yaml:\d+ shares data with google only with consent "analytics"\. Fix: /);
    expect(consent[0]!.parts!.map((part) => part.kind)).toEqual(['collectionWithoutConsent', 'sdkCallWithoutConsent']);
  });

  it('a merged finding\'s parts keep the fingerprints they have as findings of their own', () => {
    const line = `${IMPORT}export const ready = true;\n`;
    const merged = scanProject({ 'privacy-manifest.yaml': declaring(['device.id', 'device.advertising_id', 'usage.events', 'device.info']), 'src/a.ts': line }).findings.find((finding) => finding.ruleId === 'no-undeclared-collection')!;
    expect(merged.parts!.map((part) => part.category)).toEqual(['location.coarse', 'network.ip_address']);
    // Declare all but one category: the one left is a finding of its own, with the fingerprint its part had.
    for (const [index, left] of ['location.coarse', 'network.ip_address'].entries()) {
      const alone = scanProject({ 'privacy-manifest.yaml': declaring(SDK_OWN.filter((category) => category !== left)), 'src/a.ts': line }).findings.find((finding) => finding.ruleId === 'no-undeclared-collection')!;
      expect(alone.parts).toBeUndefined();
      expect(alone.category).toBe(left);
      expect(alone.fingerprint).toBe(merged.parts![index]!.fingerprint);
    }
    expect(merged.fingerprint).not.toBe(merged.parts![0]!.fingerprint);
  });

  it('a wrapper call that collects two APIs is one missing purpose naming both, with each chain', () => {
    const result = scanProject({
      'privacy-manifest.yaml': 'version: 1\napp: { name: A }\ncategories:\n  - id: device\n    uses:\n      - purposes: [fraud_prevention]\n        basis: legitimate_interest\n',
      'src/device.ts': `import DeviceInfo from 'react-native-device-info';\nexport async function fingerprint() {\n  const id = await DeviceInfo.getUniqueId();\n  return { id, model: DeviceInfo.getModel() };\n}\n`,
      'src/login.ts': `import { fingerprint } from './device';\nexport const device = fingerprint();\n`,
    });
    const missing = result.findings.filter((finding) => finding.ruleId === 'require-purpose');
    expect(missing.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/login.ts:2']);
    expect(missing[0]!.message).toBe('Collects device.id and device.info without a declared purpose.');
    expect(missing[0]!.help).toBe('Fix: add `// @privacy-purpose <purpose>` above the statement (privacy-manifest.yaml declares fraud_prevention for them).');
    expect(missing[0]!.parts!.map((part) => part.via!.map((step) => `${step.file}:${step.line}`))).toEqual([['src/device.ts:3'], ['src/device.ts:4']]);
  });
});
