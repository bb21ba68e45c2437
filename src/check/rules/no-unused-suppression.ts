import type { SuppressionComment } from '../../detect/facts.js';
import { closestMatch } from '../../util/did-you-mean.js';
import type { Draft } from '../rule-module.js';
import { reporter } from '../rule-module.js';
import { defineMeta } from '../rule-meta.js';

export const meta = defineMeta({
  id: 'no-unused-suppression',
  defaultSeverity: 'warning',
  description: 'A privlint-disable comment suppresses nothing, or is ignored because it names no rule, an unknown rule, or gives no reason.',
  rationale: 'Stale suppressions hide future findings on the same line; every suppression needs a reason a reviewer can judge.',
  needsManifest: false,
  perFile: true,
  precision: 'very-high',
  securitySeverity: '2.0',
  eslintType: 'problem',
  fixable: true,
});

const SCOPE_WORDS: Record<SuppressionComment['scope'], { form: string; target: string; move: string }> = {
  'next-line': { form: 'privlint-disable-next-line', target: 'on the next line', move: ' (or move it above the line it was meant for)' },
  line: { form: 'privlint-disable-line', target: 'on this line', move: ' (or move it to the line it was meant for)' },
  file: { form: 'privlint-disable', target: 'in this file', move: ' (or move it above the line it was meant for)' },
};

/** Why a directive is ignored: the first sentence's end, and the fix. */
export interface DirectiveProblem {
  problem: string;
  fix: string;
}

export const messages = {
  unusedSuppression: (data: { rules: string[]; scope: SuppressionComment['scope'] }) => ({
    message: `This privlint-disable comment suppresses nothing: no ${data.rules.join(', ')} finding ${SCOPE_WORDS[data.scope].target}.`,
    help: `Fix: remove it${SCOPE_WORDS[data.scope].move}.`,
  }),
  invalidSuppression: (data: DirectiveProblem) => ({ message: `This privlint-disable comment is ignored: ${data.problem}`, help: `Fix: ${data.fix}` }),
};

const report = reporter(meta, messages);

/** Why a directive is ignored (no rule, an unknown rule, no reason), or undefined when it is valid. */
export function directiveProblem(directive: SuppressionComment, ruleIds: readonly string[]): DirectiveProblem | undefined {
  const form = SCOPE_WORDS[directive.scope].form;
  if (directive.rules.length === 0) {
    return { problem: 'it names no rule.', fix: `a rule name is required: write \`${form} <rule> -- reason\` (privlint never disables every rule at once).` };
  }
  const unknown = directive.rules.find((rule) => !ruleIds.includes(rule));
  if (unknown) {
    const meant = closestMatch(unknown, ruleIds);
    return meant
      ? { problem: `unknown rule "${unknown}"; did you mean "${meant}"?`, fix: `write "${meant}", or another rule from docs/rules.` }
      : { problem: `unknown rule "${unknown}".`, fix: `name rules from docs/rules: ${ruleIds.join(', ')}.` };
  }
  if (!directive.reason) return { problem: 'it gives no reason.', fix: 'add the reason after " -- " (a suppression needs a justification reviewers can read).' };
  return undefined;
}

/** The suppressions of each file that are ignored (invalid) or silence nothing (unused): this rule's findings. */
export function checkSuppressions(input: { invalid: [file: string, directive: SuppressionComment, problem: DirectiveProblem][]; unused: [file: string, directive: SuppressionComment][] }): Draft[] {
  return [
    ...input.invalid.map(([file, directive, problem]) => report('invalidSuppression', place(file, directive), problem)),
    // A comment that silences nothing can go: certain.
    ...input.unused.map(([file, directive]) =>
      report('unusedSuppression', { ...place(file, directive), fix: { description: 'Remove the privlint-disable comment.', edits: [{ file, ...directive.removal, text: '' }] } }, { rules: directive.rules, scope: directive.scope }),
    ),
  ];
}

function place(file: string, directive: SuppressionComment) {
  return { file, line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.column + 2, directive: { rules: directive.rules, scope: directive.scope } };
}
