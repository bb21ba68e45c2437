// A category use with `basis: consent` also covers what an SDK collects on its own: AppsFlyer
// collects the advertising id as soon as the app calls it, so each call must run after the check.
import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const manifest = (shares: string) => `version: 1
app: { name: Shop }
consents:
  ads: { mode: opt-in }
categories:
  - id: device
    uses:
      - purposes: [advertising]
        basis: consent
        consent: ads
  - id: network.ip_address
    uses:
      - purposes: [app_functionality]
        basis: contract
  - id: usage.events
    uses:
      - purposes: [analytics]
        basis: legitimate_interest
recipients:
  - id: appsflyer
    role: third_party
    packages: [react-native-appsflyer]
${shares}`;

const code = `import appsFlyer from 'react-native-appsflyer';
declare function hasConsent(key: string): Promise<boolean>;
export async function start() {
  appsFlyer.initSdk({ devKey: 'k', appId: '1' });
  if (await hasConsent('ads')) appsFlyer.logEvent('open', {});
}
`;

function consentFindings(shares: string) {
  const result = scanProject({
    'privacy-manifest.yaml': manifest(shares),
    'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
    'src/attribution.ts': code,
  });
  return result.findings.filter((finding) => finding.ruleId === 'require-consent-check');
}

describe('require-consent-check on what an SDK collects on its own', () => {
  it('reports an unguarded call of an SDK that collects a category whose uses all need consent', () => {
    const findings = consentFindings('    shares:\n      - categories: [device.advertising_id]\n        purposes: [advertising]\n');
    expect(findings.map((finding) => `${finding.kind} ${finding.file}:${finding.line}`)).toEqual(['sdkCollectionWithoutConsent src/attribution.ts:4']);
    const [finding] = findings;
    // Only what the recipient's shares say it receives: the advertising id.
    expect(finding!.message).toBe('Calls appsFlyer.initSdk (react-native-appsflyer), which collects device.advertising_id on its own, without a consent check for "ads".');
    expect(finding!.help).toContain('privacy-manifest.yaml:8 requires prior opt-in consent ("ads") to collect device.advertising_id for advertising');
    expect(finding!.help).toContain("Fix: wrap it in `if (await hasConsent('ads'))`");
  });

  it('reports it when the recipient declares no share at all (the SDK kind says why it collects)', () => {
    const findings = consentFindings('');
    expect(findings.map((finding) => `${finding.kind} ${finding.line}`)).toEqual(['sdkCollectionWithoutConsent 4']);
    expect(findings[0]!.message).toBe('Calls appsFlyer.initSdk (react-native-appsflyer), which collects device.id, device.advertising_id and device.info on its own, without a consent check for "ads".');
  });

  it('reports it when a share names the category for a purpose whose use needs no consent (the kind decides)', () => {
    const findings = consentFindings('    shares:\n      - categories: [device.advertising_id, usage.events]\n        purposes: [analytics]\n');
    expect(findings.map((finding) => finding.message)).toEqual([
      'Calls appsFlyer.initSdk (react-native-appsflyer), which collects device.advertising_id on its own, without a consent check for "ads".',
    ]);
  });

  it('near-miss: the recipient declares that it receives only data whose uses need no consent', () => {
    // The manifest says what AppsFlyer receives; what it collects beyond that is no-undeclared-sharing's to say.
    const findings = consentFindings('    shares:\n      - categories: [usage.events]\n        purposes: [analytics]\n');
    expect(findings).toEqual([]);
  });

  it('near-miss: the call is guarded by the key', () => {
    const result = scanProject({
      'privacy-manifest.yaml': manifest(''),
      'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
      'src/attribution.ts': code.replace("  appsFlyer.initSdk", "  if (!(await hasConsent('ads'))) return;\n  appsFlyer.initSdk"),
    });
    expect(result.findings.filter((finding) => finding.ruleId === 'require-consent-check')).toEqual([]);
  });
});
