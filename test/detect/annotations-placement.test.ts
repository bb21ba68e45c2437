import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;

describe('where an annotation applies, and what an empty or misspelt one says', () => {
  it('applies only from the comment block directly above: a blank line cuts it off, and the finding says so', () => {
    const result = scanProject({
      'a.ts': [
        IMPORT,
        `// @privacy-purpose analytics -- product metrics`,
        `// (reviewed in PRIV-4)`,
        `export const a = DeviceInfo.getSerialNumber();`,
        `// @privacy-purpose analytics`,
        ``,
        `export const b = DeviceInfo.getSerialNumber();`,
        `/** @privacy-purpose fraud_prevention */`,
        ``,
        `export function c() { return DeviceInfo.getSerialNumber(); }`,
        `export const d = 1; // @privacy-purpose analytics`,
        `export const e = DeviceInfo.getSerialNumber();`,
      ].join('\n'),
    });
    expect(result.inventory.collections.map((site) => `${site.line} ${site.purposes.join(',') || '-'}`)).toEqual(['4 analytics', '7 -', '10 -', '12 -']);
    const messages = result.findings.filter((finding) => finding.ruleId === 'require-purpose').map((finding) => `${finding.line} ${finding.message} ${finding.help}`);
    expect(messages[0]).toMatch(/^7 .*The @privacy-purpose at line 5 does not apply: a blank line separates it from the statement\. Fix:/);
    expect(messages[1]).toMatch(/^10 .*The @privacy-purpose at line 8 does not apply/);
    expect(messages[2]).not.toMatch(/does not apply/);
  });

  it('an annotation without purposes is a declared-purpose finding (not a silent missing purpose), and repeats count once', () => {
    const result = scanProject({
      'a.ts': [IMPORT, `// @privacy-purpose`, `export const a = DeviceInfo.getSerialNumber();`, `// @privacy-purpose analytics, analytics -- twice`, `export const b = DeviceInfo.getSerialNumber();`].join('\n'),
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.line}`)).toEqual(['declared-purpose 3']);
    expect(result.findings[0]!.message).toMatch(/^The @privacy-purpose annotation at a\.ts:2 names no purpose for device\.serial /);
    expect(result.findings[0]!.help).toMatch(/^Fix: name one or more purposes/);
    expect(result.inventory.collections[1]!.purposes).toEqual(['analytics']);
  });

  it('a consent key the manifest does not declare, close to the one needed, is called a typo', () => {
    const manifest = [
      'version: 1',
      'app: { name: t }',
      'consents: { ads: { mode: opt-in } }',
      'categories:',
      '  - id: device.serial',
      '    uses: [{ purposes: [advertising], basis: consent, consent: ads }]',
    ].join('\n');
    const result = scanProject({
      'privacy-manifest.yaml': manifest,
      'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
      'a.ts': [
        IMPORT,
        `declare function hasConsent(key: string): boolean;`,
        `// @privacy-purpose advertising`,
        `export const a = hasConsent('adz') ? DeviceInfo.getSerialNumber() : null;`,
        `/** @privacy-requires-consent adz */`,
        `export function b() {`,
        `  // @privacy-purpose advertising`,
        `  return DeviceInfo.getSerialNumber();`,
        `}`,
        `// @privacy-purpose advertising`,
        `export const c = hasConsent('analytics') ? DeviceInfo.getSerialNumber() : null;`,
      ].join('\n'),
    });
    const messages = result.findings.filter((finding) => finding.ruleId === 'require-consent-check').map((finding) => finding.help);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('The code checks "adz", an unknown consent key (privacy-manifest.yaml declares no such key); did you mean "ads"? Fix:');
    expect(messages[1]).toContain('The code checks "adz", an unknown consent key');
    expect(messages[2]).not.toContain('unknown consent key');
  });
});
