import { describe, expect, it } from 'vitest';
import { DEVICE, MANIFEST, ruleFindings, scanWithManifest } from './helpers.js';

const GUARD_CONFIG = JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] });

describe('personal data sent over the network to a recipient', () => {
  it('is checked like its SDK: shared category, purpose and consent', () => {
    const result = scanWithManifest({
      'privlint.config.json': GUARD_CONFIG,
      'src/a.ts': [
        DEVICE + `declare function hasConsent(key: string): Promise<boolean>;`,
        `export async function a() {`,
        `  // @privacy-purpose analytics`,
        `  const id = await DeviceInfo.getUniqueId();`,
        `  await fetch('https://api.mixpanel.com/engage', { method: 'POST', body: JSON.stringify({ id }) });`,
        `  if (await hasConsent('analytics')) await fetch('https://api.mixpanel.com/track', { method: 'POST', body: id });`,
        `  // @privacy-purpose analytics`,
        `  const mac = await DeviceInfo.getMacAddress();`,
        `  if (await hasConsent('analytics')) await fetch('https://api.mixpanel.com/track', { method: 'POST', body: mac });`,
        `  // @privacy-purpose fraud_prevention`,
        `  const other = await DeviceInfo.getUniqueId();`,
        `  if (await hasConsent('analytics')) await fetch('https://api-eu.mixpanel.com/track', { method: 'POST', body: other });`,
        `}`,
      ].join('\n'),
    });
    expect(ruleFindings(result, 'no-undeclared-sharing', 'require-consent-check', 'no-unknown-destination')).toEqual([
      'require-consent-check 6 flowWithoutConsent',
      'no-undeclared-sharing 10 undeclaredSharing',
      'no-undeclared-sharing 13 undeclaredSharingPurpose',
    ]);
    const consent = result.findings.find((finding) => finding.kind === 'flowWithoutConsent')!;
    expect(consent.message).toContain('to mixpanel at api.mixpanel.com through fetch without a consent check for "analytics"');
  });

  it('counts the recipient as used, so it is not an unused declaration', () => {
    const manifest = MANIFEST.replace(
      'first_party:',
      `  - id: posthog\n    role: processor\n    packages: [posthog-js]\n    domains: [posthog.com]\n    shares: [{ categories: [device], purposes: [analytics] }]\nfirst_party:`,
    );
    const sends = `${DEVICE}export async function a() {\n  const id = await DeviceInfo.getUniqueId();\n  await fetch('https://eu.i.posthog.com/capture/', { method: 'POST', body: JSON.stringify({ distinct_id: id }) });\n}\n`;
    const unused = (code: string) =>
      scanWithManifest({ 'privacy-manifest.yaml': manifest, 'src/a.ts': code })
        .findings.filter((finding) => finding.kind === 'unusedRecipient')
        .map((finding) => finding.message.split('"')[1]);
    expect(unused(sends)).toEqual(['mixpanel', 'sentry']);
    // Without the request, posthog is unused too: the request is what made it used.
    expect(unused(sends.replace(/ {2}await fetch.*\n/, ''))).toEqual(['mixpanel', 'sentry', 'posthog']);
  });
});
