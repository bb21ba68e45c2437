import { categoryCovers } from '../taxonomy/index.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Problem, SourcePosition } from '../util/problem.js';
import type { Manifest } from './types.js';

/** Checks the schema cannot express: duplicates, cross-references, consent keys. */
export function checkManifestSemantics(manifest: Manifest): Problem[] {
  const problems: Problem[] = [];
  const report = (at: SourcePosition, path: string, message: string) => problems.push({ ...at, path, message });

  const reportDuplicates = (entries: { id: string; at: SourcePosition }[], listName: string) => {
    const firstSeen = new Map<string, SourcePosition>();
    entries.forEach((entry, index) => {
      const first = firstSeen.get(entry.id);
      if (first) {
        report(entry.at, `${listName}[${index}].id`, `duplicate id "${entry.id}" (first declared at line ${first.line}); merge the two entries`);
      } else {
        firstSeen.set(entry.id, entry.at);
      }
    });
  };
  reportDuplicates(manifest.categories, 'categories');
  reportDuplicates(manifest.recipients, 'recipients');
  reportDuplicates(manifest.residency, 'residency');

  const consentKeys = [...manifest.consents.keys()];
  const checkConsentKey = (key: string | undefined, at: SourcePosition, path: string) => {
    if (key !== undefined && !manifest.consents.has(key)) {
      const hint = didYouMean(key, consentKeys) || `; declare it under consents: (${key}: { mode: opt-in })`;
      report(at, path, `unknown consent key "${key}"${hint}`);
    }
  };

  manifest.categories.forEach((category, categoryIndex) => {
    category.uses.forEach((use, useIndex) => {
      const path = `categories[${categoryIndex}].uses[${useIndex}]`;
      if (use.basis === 'consent' && use.consent === undefined) {
        report(use.at, path, 'a use with basis "consent" must name the consent key the code checks (consent: <key>)');
      }
      checkConsentKey(use.consent, use.consentAt ?? use.at, `${path}.consent`);
    });
  });

  const declared = manifest.categories.map((category) => category.id);
  manifest.recipients.forEach((recipient, recipientIndex) => {
    recipient.shares.forEach((share, shareIndex) => {
      const path = `recipients[${recipientIndex}].shares[${shareIndex}]`;
      share.categories.forEach((category, index) => {
        if (!declared.some((id) => categoryCovers(id, category))) {
          report(share.categoryPositions[index] ?? share.at, `${path}.categories[${index}]`, `recipient "${recipient.id}" is said to receive "${category}", which is not declared under categories; declare it there first`);
        }
      });
      checkConsentKey(share.consent, share.consentAt ?? share.at, `${path}.consent`);
    });
  });

  manifest.residency.forEach((rule, index) => {
    for (const category of rule.categories) {
      if (!declared.some((id) => categoryCovers(id, category))) {
        report(rule.at, `residency[${index}].categories`, `residency rule "${rule.id}" names "${category}", which is not declared under categories`);
      }
    }
  });
  return problems;
}
