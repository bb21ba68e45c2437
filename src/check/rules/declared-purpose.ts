import { isKnownPurpose, PURPOSES } from '../../taxonomy/index.js';
import type { Annotation } from '../../detect/facts.js';
import { closeMatches } from '../../util/did-you-mean.js';
import type { Fix } from '../finding.js';
import { collectedSentence, fullList, itOrThem, unique } from '../message-words.js';
import { oncePerApi, sitePlace, type OnceDraft } from '../once-per-api.js';
import type { Draft, RuleInput } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'declared-purpose',
  defaultSeverity: 'error',
  description: 'An annotated purpose is unknown, or not declared for that data category in the manifest.',
  rationale: 'Using data for a purpose the policy does not state is processing without a legal basis; a typo in a purpose hides the real one.',
  needsManifest: false,
  perFile: true,
  precision: 'very-high',
  securitySeverity: '6.5',
  eslintType: 'problem',
  fixable: true,
});

interface Annotated {
  api: string;
  /** Where the annotation is: "src/a.ts:3". */
  annotation?: string;
}

/** In order of importance: at one place, a purpose the policy does not allow leads, a typo is mentioned. */
export const messages = {
  undeclaredPurpose: (data: Annotated & { manifest: string; purpose: string; subjects: { category: string; declaration: string; declarationLine: number }[] }) => {
    const categories = unique(data.subjects.map((subject) => subject.category));
    const under = fullList(unique(data.subjects.map((subject) => `${subject.declaration} (line ${subject.declarationLine})`)));
    return {
      message: collectedSentence(
        data.subjects.map((subject) => ({ category: subject.category, api: data.api })),
        (what) => `Collects ${what} for ${data.purpose}, which the manifest does not declare for ${itOrThem(categories)}.`,
      ),
      help: `${annotatedAt(data)}${data.manifest} does not declare ${data.purpose} for ${fullList(categories)}. Fix: declare the purpose under ${under} if the policy allows it, or correct the annotation.`,
    };
  },
  unknownPurpose: (data: Annotated & { category: string; purpose: string; meant?: string }) => ({
    message: `Unknown purpose "${data.purpose}" for ${data.category} (${data.api})${data.meant ? `; did you mean "${data.meant}"?` : '.'}`,
    help: `${annotatedAt(data)}Fix: ${data.meant ? `use "${data.meant}", or another` : 'use a'} purpose from docs/taxonomy.md.`,
  }),
  emptyAnnotation: (data: Annotated & { category: string; annotation: string }) => ({
    message: `The @privacy-purpose annotation at ${data.annotation} names no purpose for ${data.category} (${data.api}).`,
    help: 'Fix: name one or more purposes from docs/taxonomy.md, e.g. `// @privacy-purpose analytics`.',
  }),
};

/** Replace every place the annotation writes the misspelt purpose with the one meant. */
function typoFix(annotation: Annotation & { file: string }, purpose: string, meant: string): Fix | undefined {
  const spans = (annotation.spans ?? []).filter((span) => span.purpose === purpose);
  if (spans.length === 0) return undefined;
  return {
    description: `Replace "${purpose}" with "${meant}".`,
    edits: spans.map((span) => ({ file: annotation.file, line: span.line, column: span.column, endLine: span.line, endColumn: span.column + purpose.length, text: meant })),
  };
}

function annotatedAt(data: Annotated): string {
  return data.annotation ? `The annotation is at ${data.annotation}. ` : '';
}

const report = reporter(meta, messages);

/** An annotated purpose must exist, and be declared for the category when there is a manifest. */
export function check({ inventory, policy }: RuleInput): Draft[] {
  const out: OnceDraft[] = [];
  for (const site of inventory.collections) {
    const place = sitePlace(site);
    const annotated: Annotated = { api: site.api, ...(site.annotation ? { annotation: `${site.annotation.file}:${site.annotation.line}` } : {}) };
    if (site.purposes.length === 0 && site.annotation) {
      // `// @privacy-purpose` with nothing after it: the user meant to annotate, so say that, once.
      out.push({ ...report('emptyAnnotation', place, { ...annotated, category: site.category, annotation: `${site.annotation.file}:${site.annotation.line}` }), once: '' });
      continue;
    }
    const declared = policy.declarationsCovering(site.category);
    for (const purpose of site.purposes) {
      if (!isKnownPurpose(purpose)) {
        const close = closeMatches(purpose, PURPOSES.map((entry) => entry.id));
        const meant = close[0];
        // Certain only when one purpose is close: then --fix and the editor may write it.
        const fix = close.length === 1 && site.annotation ? typoFix(site.annotation, purpose, close[0]!) : undefined;
        out.push({ ...report('unknownPurpose', { ...place, ...(fix ? { fix } : {}) }, { ...annotated, category: site.category, purpose, ...(meant ? { meant } : {}) }), once: purpose });
      } else if (declared.length > 0 && !declared.some((declaration) => declaration.uses.some((use) => use.purposes.includes(purpose)))) {
        out.push(report('undeclaredPurpose', place, { ...annotated, manifest: policy.manifestName, purpose, subjects: [{ category: site.category, declaration: declared[0]!.id, declarationLine: declared[0]!.at.line }] }));
      }
    }
  }
  return oncePerApi(out, policy.catalog);
}
