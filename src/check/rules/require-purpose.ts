import { collectedSentence, itOrThem, unique } from '../message-words.js';
import { oncePerApi, sitePlace, type OnceDraft } from '../once-per-api.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'require-purpose',
  defaultSeverity: 'warning',
  description: 'A collection site has no @privacy-purpose annotation.',
  rationale: 'Purpose limitation: every collection needs a stated reason that reviewers can check against the policy. A warning by default so that teams can annotate gradually; the strict config makes it an error.',
  needsManifest: false,
  perFile: true,
  precision: 'high',
  securitySeverity: '3.0',
  eslintType: 'suggestion',
});

export const messages = {
  missingPurpose: (data: { manifest: string; detachedLine?: number; subjects: { category: string; api: string; declared: string[] }[] }) => {
    const detached = data.detachedLine !== undefined ? `The @privacy-purpose at line ${data.detachedLine} does not apply: a blank line separates it from the statement. ` : '';
    return {
      message: collectedSentence(data.subjects, (what) => `Collects ${what} without a declared purpose.`),
      help: `${detached}Fix: add \`// @privacy-purpose <purpose>\` above the statement${declaredPurposes(data)}.`,
    };
  },
};

/** " (privacy-manifest.yaml declares analytics for it)", per category when they differ, or "". */
function declaredPurposes(data: { manifest: string; subjects: { category: string; declared: string[] }[] }): string {
  const lists = unique(data.subjects.map((subject) => subject.declared.join(', ')));
  if (lists.every((list) => list === '')) return '';
  if (lists.length === 1) return ` (${data.manifest} declares ${lists[0]} for ${itOrThem(unique(data.subjects.map((subject) => subject.category)))})`;
  const per = unique(data.subjects.filter((subject) => subject.declared.length > 0).map((subject) => `${subject.declared.join(', ')} for ${subject.category}`));
  return ` (${data.manifest} declares ${per.join('; ')})`;
}

const report = reporter(meta, messages);

/** Every collection site needs a purpose: its annotation's, its function's or its wrapper's. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  const out: OnceDraft[] = [];
  for (const site of inventory.collections) {
    // `// @privacy-purpose` with nothing after it is declared-purpose's (the user meant to annotate).
    if (site.purposes.length > 0 || site.annotation) continue;
    const declared = [...new Set(policy.declarationsCovering(site.category).flatMap((declaration) => declaration.uses.flatMap((use) => use.purposes)))];
    out.push({
      ...report('missingPurpose', { ...sitePlace(site), suggestion: { purposes: declared, annotationLine: site.annotationLine } }, {
        manifest: policy.manifestName,
        ...(site.detachedAnnotationLine !== undefined ? { detachedLine: site.detachedAnnotationLine } : {}),
        subjects: [{ category: site.category, api: site.api, declared }],
      }),
      once: '',
    });
  }
  return oncePerApi(out, policy.catalog);
}
