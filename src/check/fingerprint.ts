import { createHash } from 'node:crypto';
import { compareByPlace, compareText } from '../util/order.js';
import type { Finding, FindingPart } from './finding.js';

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
 *
 * A finding with parts (several things the rule found at one place) gives each part the
 * fingerprint it would have as a finding of its own, and itself one made of its parts': a baseline
 * written before the parts were merged still matches them (src/baseline/), and the merged
 * fingerprint changes when a part comes or goes.
 */
export function addFingerprints<T extends Omit<Finding, 'fingerprint'>>(findings: T[], context: FingerprintContext): (T & { fingerprint: string })[] {
  const seen = new Map<string, number>();
  const sorted = [...findings].sort(compareFindings);
  const fingerprintOf = (finding: T, part: Pick<Finding, 'category' | 'package' | 'api'>) => {
    const text = context.lineText(finding.file, finding.line).replace(/\s+/g, ' ').trim();
    const scope = context.scopeOf(finding.file, finding.line, finding.column);
    const identity = [finding.ruleId, context.stablePath(finding.file), part.category ?? '', part.package ?? '', part.api ?? '', scope, text].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return hash(`${identity}\0${occurrence}`);
  };
  return sorted.map((finding) => {
    if (!finding.parts) return { ...finding, fingerprint: fingerprintOf(finding, finding) };
    // Parts in the order their findings had on their own (by what they are about), so occurrence counters agree.
    const parts = finding.parts.map((part) => ({ ...part, fingerprint: '' }));
    for (const part of [...parts].sort(comparePartsAsFindings)) part.fingerprint = fingerprintOf(finding, part);
    return { ...finding, parts, fingerprint: hash(`merged\0${parts.map((part) => part.fingerprint).sort().join('\0')}`) };
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function comparePartsAsFindings(a: FindingPart, b: FindingPart): number {
  const key = (part: FindingPart) => [part.category ?? '', part.api ?? '', part.package ?? ''].join('\0');
  return compareText(key(a), key(b));
}

export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId' | 'message'>, b: typeof a): number {
  return compareByPlace(a, b);
}
