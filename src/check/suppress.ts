import type { SuppressionComment } from '../detect/facts.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Finding } from './finding.js';
import { RULE_IDS, ruleMeta, type Severity } from './rules.js';

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
  const problems: Unfingerprinted<Finding>[] = [];
  const valid = new Map<string, SuppressionComment[]>();

  for (const [file, directives] of suppressionsByFile) {
    for (const directive of directives) {
      const problem = directiveProblem(directive);
      if (problem) problems.push(report(file, directive, 'invalidSuppression', `This privlint-disable comment is ignored: ${problem}.`));
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

  for (const [file, directives] of valid) {
    for (const directive of directives) {
      if (used.has(directive)) continue;
      const { target, move } = SCOPE_WORDS[directive.scope];
      problems.push(report(file, directive, 'unusedSuppression', `This privlint-disable comment suppresses nothing: no ${directive.rules.join(', ')} finding ${target}. Fix: remove it${move}.`));
    }
  }

  const level = severityOverrides['no-unused-suppression'];
  if (level !== 'off') {
    for (const problem of problems) active.push({ ...problem, severity: level ?? ruleMeta('no-unused-suppression').defaultSeverity });
  }
  return { active, suppressed };
}

const SCOPE_WORDS: Record<SuppressionComment['scope'], { form: string; target: string; move: string }> = {
  'next-line': { form: 'privlint-disable-next-line', target: 'on the next line', move: ' (or move it above the line it was meant for)' },
  line: { form: 'privlint-disable-line', target: 'on this line', move: ' (or move it to the line it was meant for)' },
  file: { form: 'privlint-disable', target: 'in this file', move: ' (or move it above the line it was meant for)' },
};

function directiveProblem(directive: SuppressionComment): string | undefined {
  if (directive.rules.length === 0) {
    const form = SCOPE_WORDS[directive.scope].form;
    return `a rule name is required: ${form} <rule> -- reason (privlint never disables every rule at once)`;
  }
  const unknown = directive.rules.find((rule) => !RULE_IDS.includes(rule));
  if (unknown) return `unknown rule "${unknown}"${didYouMean(unknown, RULE_IDS)}`;
  if (!directive.reason) return 'add the reason after " -- " (a suppression needs a justification reviewers can read)';
  return undefined;
}

function report(file: string, directive: SuppressionComment, kind: string, message: string): Unfingerprinted<Finding> {
  return {
    ruleId: 'no-unused-suppression',
    severity: 'warning',
    kind,
    file,
    line: directive.line,
    column: directive.column,
    endLine: directive.line,
    endColumn: directive.column + 2,
    message,
    directive: { rules: directive.rules, scope: directive.scope },
  };
}
