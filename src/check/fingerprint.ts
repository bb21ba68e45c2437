import { createHash } from 'node:crypto';
import { compareByPlace } from '../util/order.js';
import type { Finding } from './finding.js';

/**
 * Fingerprints that survive unrelated edits: built from the rule, the file, what the finding is
 * about and the text of its line (whitespace-normalised) — never the line number — plus an
 * occurrence counter for identical lines in the same file.
 */
export function addFingerprints(findings: Omit<Finding, 'fingerprint'>[], lineText: (file: string, line: number) => string): Finding[] {
  const seen = new Map<string, number>();
  const sorted = [...findings].sort(compareFindings);
  return sorted.map((finding) => {
    const text = lineText(finding.file, finding.line).replace(/\s+/g, ' ').trim();
    const identity = [finding.ruleId, finding.file, finding.category ?? '', finding.package ?? '', finding.api ?? '', text].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32);
    return { ...finding, fingerprint };
  });
}

export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId' | 'message'>, b: typeof a): number {
  return compareByPlace(a, b);
}
