import type { SuppressionComment } from '../../detect/facts.js';
import { didYouMean } from '../../util/did-you-mean.js';
import type { Draft } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-unused-suppression',
  defaultSeverity: 'warning',
  description: 'A privlint-disable comment suppresses nothing, or is ignored because it lacks a rule or a reason.',
  rationale: 'Stale suppressions hide future findings on the same line; every suppression needs a reason a reviewer can judge.',
  needsManifest: false,
  perFile: true,
  precision: 'very-high',
  securitySeverity: '2.0',
  eslintType: 'problem',
});

const SCOPE_WORDS: Record<SuppressionComment['scope'], { form: string; target: string; move: string }> = {
  'next-line': { form: 'privlint-disable-next-line', target: 'on the next line', move: ' (or move it above the line it was meant for)' },
  line: { form: 'privlint-disable-line', target: 'on this line', move: ' (or move it to the line it was meant for)' },
  file: { form: 'privlint-disable', target: 'in this file', move: ' (or move it above the line it was meant for)' },
};

export const messages = {
  unusedSuppression: (data: { rules: string[]; scope: SuppressionComment['scope'] }) =>
    `This privlint-disable comment suppresses nothing: no ${data.rules.join(', ')} finding ${SCOPE_WORDS[data.scope].target}. Fix: remove it${SCOPE_WORDS[data.scope].move}.`,
  invalidSuppression: (data: { problem: string }) => `This privlint-disable comment is ignored: ${data.problem}.`,
};

const report = reporter(meta, messages);

/** Why a directive is ignored (no rule, an unknown rule, no reason), or undefined when it is valid. */
export function directiveProblem(directive: SuppressionComment, ruleIds: readonly string[]): string | undefined {
  if (directive.rules.length === 0) {
    const form = SCOPE_WORDS[directive.scope].form;
    return `a rule name is required: ${form} <rule> -- reason (privlint never disables every rule at once)`;
  }
  const unknown = directive.rules.find((rule) => !ruleIds.includes(rule));
  if (unknown) return `unknown rule "${unknown}"${didYouMean(unknown, ruleIds)}`;
  if (!directive.reason) return 'add the reason after " -- " (a suppression needs a justification reviewers can read)';
  return undefined;
}

/** The suppressions of each file that are ignored (invalid) or silence nothing (unused): this rule's findings. */
export function checkSuppressions(input: { invalid: [file: string, directive: SuppressionComment, problem: string][]; unused: [file: string, directive: SuppressionComment][] }): Draft[] {
  return [
    ...input.invalid.map(([file, directive, problem]) => report('invalidSuppression', place(file, directive), { problem })),
    ...input.unused.map(([file, directive]) => report('unusedSuppression', place(file, directive), { rules: directive.rules, scope: directive.scope })),
  ];
}

function place(file: string, directive: SuppressionComment) {
  return { file, line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.column + 2, directive: { rules: directive.rules, scope: directive.scope } };
}
