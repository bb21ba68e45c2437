import type { ViaStep } from '../link/inventory.js';
import type { Finding } from './finding.js';

/** A data flow a finding is about, with the category it carries. */
export interface FindingFlow {
  category?: string;
  steps: ViaStep[];
}

/** The data flows of a finding: each part's (a merged finding at a sink; the same flow once), else its own, else none. */
export function flowsOf(finding: Pick<Finding, 'flow' | 'category' | 'parts'>): FindingFlow[] {
  if (!finding.parts) return finding.flow ? [{ ...(finding.category ? { category: finding.category } : {}), steps: finding.flow }] : [];
  const seen = new Set<string>();
  return finding.parts.flatMap((part) => {
    const key = JSON.stringify([part.category, part.flow]);
    if (!part.flow || seen.has(key)) return [];
    seen.add(key);
    return [{ ...(part.category ? { category: part.category } : {}), steps: part.flow }];
  });
}

/** The wrapper chains of a finding: each part's (the same chain once), else its own. */
export function viasOf(finding: Pick<Finding, 'via' | 'parts'>): ViaStep[][] {
  if (!finding.parts) return finding.via ? [finding.via] : [];
  const seen = new Set<string>();
  return finding.parts.flatMap((part) => {
    const key = JSON.stringify(part.via);
    if (!part.via || seen.has(key)) return [];
    seen.add(key);
    return [part.via];
  });
}

/** Every category a finding is about: its own, and its parts' when it merges several at one place. */
export function categoriesOf(finding: Pick<Finding, 'category' | 'parts'>): string[] {
  return [...new Set([finding.category, ...(finding.parts ?? []).map((part) => part.category)].filter((category): category is string => category !== undefined))];
}
