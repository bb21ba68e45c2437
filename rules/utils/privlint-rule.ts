import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Finding } from '../../src/check/finding.js';
import type { MessageTable, RuleModule } from '../../src/check/rule-module.js';
import { createRule } from './create-rule.js';
import { claimSetupError, findingsFor } from './file-findings.js';

export type Options = [];

/** ESLint's messages for a rule: one per kind of finding (each the engine's message as written), its suggestions', and a set-up error. */
type MessageIds<Messages extends MessageTable, Suggestions extends string> = (keyof Messages & string) | Suggestions | 'setupError';

interface EditorExtras<Messages extends MessageTable, Suggestions extends string> {
  /** Editor quick-fixes for a finding. */
  suggest?: (finding: Finding, context: Readonly<TSESLint.RuleContext<MessageIds<Messages, Suggestions>, Options>>) => TSESLint.SuggestionReportDescriptor<MessageIds<Messages, Suggestions>>[];
  /** Messages of the suggestions (ESLint needs a messageId for each). */
  suggestionMessages?: Record<Suggestions, string>;
}

/**
 * A privlint rule for ESLint: a thin adapter that reports, for this rule, the findings the shared
 * engine (the same code as `privlint scan`) computed for the file. No detection happens here: meta,
 * docs and messages come from the rule's module in src/check/rules/.
 */
export function privlintRule<Messages extends MessageTable, Suggestions extends string = never>(module: RuleModule<Messages>, extras: EditorExtras<Messages, Suggestions> = {}) {
  const { meta } = module;
  const kinds = Object.keys(module.messages) as (keyof Messages & string)[];
  const messages = {
    ...Object.fromEntries(kinds.map((kind) => [kind, '{{message}}'])),
    ...extras.suggestionMessages,
    setupError: 'privlint cannot check this file: {{message}}',
  } as Record<MessageIds<Messages, Suggestions>, string>;
  return createRule<Options, MessageIds<Messages, Suggestions>>({
    name: meta.id,
    meta: {
      type: meta.eslintType,
      docs: { description: meta.description, recommended: true },
      messages,
      schema: [],
      ...(extras.suggest ? { hasSuggestions: true } : {}),
      defaultOptions: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        Program(program: TSESTree.Program) {
          const setupError = claimSetupError(context);
          if (setupError) {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'setupError', data: { message: setupError } });
          }
          for (const finding of findingsFor(context, meta.id)) {
            const messageId = (kinds.includes(finding.kind) ? finding.kind : kinds[0]!) as MessageIds<Messages, Suggestions>;
            const suggest = extras.suggest?.(finding, context) ?? [];
            context.report({
              node: program,
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId,
              // ESLint shows one message: the first sentence, then the policy reference and the fix.
              data: { message: finding.help ? `${finding.message} ${finding.help}` : finding.message },
              ...(suggest.length > 0 ? { suggest } : {}),
            });
          }
        },
      };
    },
  });
}
