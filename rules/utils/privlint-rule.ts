import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Finding } from '../../src/check/finding.js';
import type { MessageTable, RuleModule } from '../../src/check/rule-module.js';
import { createRule } from './create-rule.js';
import { claimFileNotice, findingsFor } from './file-findings.js';

export type Options = [];

/** ESLint's messages for a rule: one per kind of finding (each the engine's message as written), its suggestions', and the notices about the file as a whole (see claimFileNotice). */
type MessageIds<Messages extends MessageTable, Suggestions extends string> = (keyof Messages & string) | Suggestions | 'setupError' | 'notAnalysed';

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
    notAnalysed: '{{message}}',
  } as Record<MessageIds<Messages, Suggestions>, string>;
  return createRule<Options, MessageIds<Messages, Suggestions>>({
    name: meta.id,
    meta: {
      type: meta.eslintType,
      docs: { description: meta.description, recommended: true },
      messages,
      schema: [],
      ...(extras.suggest ? { hasSuggestions: true } : {}),
      ...(meta.fixable ? { fixable: 'code' as const } : {}),
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
          for (const finding of findingsFor(context, meta.id)) {
            const messageId = (kinds.includes(finding.kind) ? finding.kind : kinds[0]!) as MessageIds<Messages, Suggestions>;
            const suggest = extras.suggest?.(finding, context) ?? [];
            const fix = fixIn(finding, context.sourceCode);
            context.report({
              node: program,
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId,
              // ESLint shows one message: the first sentence, then the policy reference and the fix.
              data: { message: finding.help ? `${finding.message} ${finding.help}` : finding.message },
              ...(suggest.length > 0 ? { suggest } : {}),
              ...(fix ? { fix } : {}),
            });
          }
        },
      };
    },
  });
}

/**
 * The finding's certain fix as ESLint's: only when every edit is in the linted file (a misspelt
 * purpose in a wrapper's annotation elsewhere is `privlint scan --fix`'s to change).
 */
function fixIn(finding: Finding, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.ReportFixFunction | undefined {
  const edits = finding.fix?.edits ?? [];
  if (edits.length === 0 || edits.some((edit) => edit.file !== finding.file)) return undefined;
  const ranges = edits.map((edit) => ({ range: [indexOf(sourceCode, edit.line, edit.column), indexOf(sourceCode, edit.endLine, edit.endColumn)] as const, text: edit.text }));
  return (fixer) => ranges.map(({ range, text }) => fixer.replaceTextRange(range, text));
}

/** The offset of a 1-based line and column; a column past the end of the text is its end (a removal up to the end of the file). */
function indexOf(sourceCode: Readonly<TSESLint.SourceCode>, line: number, column: number): number {
  if (line > sourceCode.lines.length) return sourceCode.text.length;
  return sourceCode.getIndexFromLoc({ line, column: column - 1 });
}
