import { createHash } from 'node:crypto';
import { compareByPlace } from '../util/order.js';
import type { Finding } from './finding.js';

/** What a fingerprint is made of besides the finding itself. */
export interface FingerprintContext {
  /** The text of a line (scan-root-relative file). */
  lineText: (file: string, line: number) => string;
  /**
   * The file's path from a root that does not depend on which folder was scanned (the repository,
   * else the config's or manifest's folder), so `privlint baseline` at the top and
   * `privlint scan src --baseline …` agree.
   */
  stablePath: (file: string) => string;
  /** The qualified name of the innermost function around a place ('' at module level). */
  scopeOf: (file: string, line: number, column: number) => string;
}

/**
 * Fingerprints that survive unrelated edits: built from the rule, the file, what the finding is
 * about, the enclosing function and the text of its line (whitespace-normalised) — never the line
 * number — plus an occurrence counter for identical lines in the same function, so a copy of the
 * line elsewhere in the file does not renumber this one.
 */
export function addFingerprints(findings: Omit<Finding, 'fingerprint'>[], context: FingerprintContext): Finding[] {
  const seen = new Map<string, number>();
  const sorted = [...findings].sort(compareFindings);
  return sorted.map((finding) => {
    const text = context.lineText(finding.file, finding.line).replace(/\s+/g, ' ').trim();
    const scope = context.scopeOf(finding.file, finding.line, finding.column);
    const identity = [finding.ruleId, context.stablePath(finding.file), finding.category ?? '', finding.package ?? '', finding.api ?? '', scope, text].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32);
    return { ...finding, fingerprint };
  });
}

export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId' | 'message'>, b: typeof a): number {
  return compareByPlace(a, b);
}
