import type { SuppressionComment } from '../detect/facts.js';
import type { Finding } from './finding.js';
import { findingsOfRule } from './check.js';
import type { Severity } from './rule-meta.js';
import { RULE_IDS } from './rules.js';
import { checkSuppressions, directiveProblem, type DirectiveProblem } from './rules/no-unused-suppression.js';

type Unfingerprinted<T> = Omit<T, 'fingerprint'>;

export interface SuppressionOutcome {
  active: Unfingerprinted<Finding>[];
  suppressed: (Unfingerprinted<Finding> & { suppression: { justification: string; line: number } })[];
}

/**
 * Apply `privlint-disable-next-line <rule> -- reason` (the next line), `privlint-disable-line <rule> -- reason`
 * (its own line) and `privlint-disable <rule> -- reason` (the whole file). A directive without a rule or a reason, or naming an unknown rule, is ignored and
 * reported; one that silences nothing is reported as unused (rule no-unused-suppression).
 */
export function applySuppressions(
  findings: Unfingerprinted<Finding>[],
  suppressionsByFile: ReadonlyMap<string, readonly SuppressionComment[]>,
  severityOverrides: Record<string, Severity | 'off'> = {},
): SuppressionOutcome {
  const active: SuppressionOutcome['active'] = [];
  const suppressed: SuppressionOutcome['suppressed'] = [];
  const used = new Set<SuppressionComment>();
  const invalid: [string, SuppressionComment, DirectiveProblem][] = [];
  const valid = new Map<string, SuppressionComment[]>();

  for (const [file, directives] of suppressionsByFile) {
    for (const directive of directives) {
      const problem = directiveProblem(directive, RULE_IDS);
      if (problem) invalid.push([file, directive, problem]);
      else valid.set(file, [...(valid.get(file) ?? []), directive]);
    }
  }

  for (const finding of findings) {
    const directive = (valid.get(finding.file) ?? []).find(
      (candidate) =>
        candidate.rules.includes(finding.ruleId) &&
        (candidate.scope === 'file' || candidate.line + (candidate.scope === 'next-line' ? 1 : 0) === finding.line),
    );
    if (directive) {
      used.add(directive);
      suppressed.push({ ...finding, suppression: { justification: directive.reason!, line: directive.line } });
    } else {
      active.push(finding);
    }
  }

  if (severityOverrides['no-unused-suppression'] !== 'off') {
    const unused = [...valid].flatMap(([file, directives]) => directives.filter((directive) => !used.has(directive)).map((directive) => [file, directive] as [string, SuppressionComment]));
    active.push(...findingsOfRule('no-unused-suppression', checkSuppressions({ invalid, unused }), { rules: severityOverrides }));
  }
  return { active, suppressed };
}
