import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ruleMeta } from '../../src/check/rules.js';
import type { Finding } from '../../src/check/finding.js';
import { createRule } from './create-rule.js';
import { claimFileNotice, findingsFor } from './file-findings.js';

export type Options = [];

/** The messages about the file as a whole, which any privlint rule may report (see claimFileNotice). */
type NoticeIds = 'setupError' | 'notAnalysed';

interface PrivlintRuleSpec<MessageIds extends string> {
  id: string;
  type: 'problem' | 'suggestion';
  /** One messageId per kind of finding the engine reports for this rule (Finding.kind). */
  messages: Record<MessageIds, string>;
  recommended: boolean;
  hasSuggestions?: boolean;
  /** Editor quick-fixes for a finding. */
  suggest?: (finding: Finding, context: Readonly<TSESLint.RuleContext<MessageIds | NoticeIds, Options>>) => TSESLint.SuggestionReportDescriptor<MessageIds | NoticeIds>[];
}

/**
 * A privlint rule for ESLint: a thin adapter that reports, for this rule, the findings the shared
 * engine (the same code as `privlint scan`) computed for the file. No detection happens here.
 */
export function privlintRule<MessageIds extends string>(spec: PrivlintRuleSpec<MessageIds>) {
  const meta = ruleMeta(spec.id);
  return createRule<Options, MessageIds | NoticeIds>({
    name: spec.id,
    meta: {
      type: spec.type,
      docs: { description: meta.description, recommended: spec.recommended },
      messages: { ...spec.messages, setupError: 'privlint cannot check this file: {{message}}', notAnalysed: '{{message}}' },
      schema: [],
      ...(spec.hasSuggestions ? { hasSuggestions: true } : {}),
      defaultOptions: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        Program(program: TSESTree.Program) {
          const notice = claimFileNotice(context);
          if (notice) {
            context.report({ loc: { line: notice.line, column: notice.column - 1 }, messageId: notice.messageId, data: { message: notice.message } });
          }
          for (const finding of findingsFor(context, spec.id)) {
            const messageId = (finding.kind in spec.messages ? finding.kind : Object.keys(spec.messages)[0]) as MessageIds;
            const suggest = spec.suggest?.(finding, context) ?? [];
            context.report({
              node: program,
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId,
              data: { message: finding.message },
              ...(suggest.length > 0 ? { suggest } : {}),
            });
          }
        },
      };
    },
  });
}
