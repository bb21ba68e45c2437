import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-undeclared-sdk',
  defaultSeverity: 'error',
  description: 'A third-party SDK is used that no recipient in the manifest lists.',
  rationale: 'Third-party SDKs receive personal data on their own; a policy must name the recipients of personal data (GDPR Art. 13(1)(e)).',
  needsManifest: true,
  perFile: true,
  precision: 'high',
  securitySeverity: '7.0',
  eslintType: 'problem',
});

export const messages = {
  undeclaredSdk: (data: { manifest: string; sdk: string; package: string; vendor: string; vendorId: string; kind: string }) => {
    const shown = data.package.startsWith('global:') ? `the global ${data.package.slice(7)}` : data.package;
    return {
      message: `Uses ${data.sdk} (${shown}; ${data.vendor}, ${data.kind}), which no recipient in the manifest lists.`,
      help: `Fix: add "${data.package}" to the packages of a recipient in ${data.manifest} (for example "${data.vendorId}") with the categories it receives, or remove the SDK.`,
    };
  },
};

const report = reporter(meta, messages);

/** Every third-party SDK the code imports (or calls, for a snippet global) must be listed under a recipient. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  if (!policy.manifest) return [];
  const out: Draft[] = [];
  for (const use of inventory.sdks) {
    if (policy.recipientFor(use.package, use.sdk)) continue;
    const place = { file: use.file, line: use.line, column: use.column, endLine: use.endLine, endColumn: use.endColumn, package: use.package };
    out.push(
      report('undeclaredSdk', place, {
        manifest: policy.manifestName,
        sdk: policy.sdk(use.sdk)?.name ?? use.sdk,
        package: use.package,
        vendor: policy.catalog.vendorName(use.vendor),
        vendorId: use.vendor,
        kind: use.kind,
      }),
    );
  }
  return out;
}
