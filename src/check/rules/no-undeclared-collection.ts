import type { RuleInput, Draft } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';
import { collectedSentence, fullList, itOrThem, sentenceWithList, unique } from '../message-words.js';
import { sitePlace } from '../once-per-api.js';

export const meta = defineMeta({
  id: 'no-undeclared-collection',
  defaultSeverity: 'error',
  description: 'Personal data is collected that the policy manifest does not declare.',
  rationale: 'A privacy policy must tell users every kind of personal data the app collects; collecting an undeclared category breaks that promise (GDPR Art. 13, app store declarations).',
  needsManifest: true,
  perFile: true,
  precision: 'high',
  securitySeverity: '7.5',
  eslintType: 'problem',
});

export const messages = {
  undeclaredCategory: (data: { manifest: string; subjects: { category: string; api: string }[] }) => {
    const categories = unique(data.subjects.map((subject) => subject.category));
    return {
      message: collectedSentence(data.subjects, (what) => `Collects ${what}, which the manifest does not declare.`),
      help: `Fix: declare ${fullList(categories)} under categories in ${data.manifest}, with purposes and a legal basis, or stop collecting ${itOrThem(categories)}.`,
    };
  },
  undeclaredSdkCollection: (data: { manifest: string; sdk: string; package: string; vendor: string; subjects: { category: string }[] }) => {
    const categories = unique(data.subjects.map((subject) => subject.category));
    return {
      message: sentenceWithList(categories, (list) => `${data.sdk} (${data.package}) collects ${list} on its own, which the manifest does not declare.`),
      help: `Fix: declare ${fullList(categories)} under categories in ${data.manifest} (and as shared with ${data.vendor}), or remove the SDK.`,
    };
  },
};

const report = reporter(meta, messages);

/** Every category the code collects, directly or through an SDK on its own, must be declared in the manifest. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  if (!policy.manifest) return [];
  const out: Draft[] = [];
  for (const site of inventory.collections) {
    if (policy.declarationsCovering(site.category).length > 0) continue;
    out.push(report('undeclaredCategory', sitePlace(site), { manifest: policy.manifestName, subjects: [{ category: site.category, api: site.api }] }));
  }
  for (const use of inventory.sdks) {
    const sdk = policy.sdk(use.sdk);
    for (const category of sdk?.collects ?? []) {
      if (policy.declarationsCovering(category).length > 0) continue;
      const place = { file: use.file, line: use.line, column: use.column, endLine: use.endLine, endColumn: use.endColumn, package: use.package, category };
      out.push(
        report('undeclaredSdkCollection', place, {
          manifest: policy.manifestName,
          sdk: sdk?.name ?? use.sdk,
          package: use.package.replace(/^global:/, ''),
          vendor: policy.catalog.vendorName(use.vendor),
          subjects: [{ category }],
        }),
      );
    }
  }
  return out;
}
