import { privlintRule } from './utils/privlint-rule.js';

/** A collection site needs a `@privacy-purpose` annotation; the quick-fix offers the manifest's purposes. */
export default privlintRule({
  id: 'require-purpose',
  type: 'suggestion',
  recommended: true,
  hasSuggestions: true,
  messages: {
    missingPurpose: '{{message}}',
    addPurpose: 'Annotate with `// @privacy-purpose {{purpose}}`.',
  },
  suggest(finding, context) {
    const line = finding.suggestion?.annotationLine;
    if (!line) return [];
    const sourceCode = context.sourceCode;
    const lineText = sourceCode.lines[line - 1] ?? '';
    const indentation = /^\s*/.exec(lineText)![0];
    const lineStart = sourceCode.getIndexFromLoc({ line, column: 0 });
    return finding.suggestion!.purposes.map((purpose) => ({
      messageId: 'addPurpose' as const,
      data: { purpose },
      fix: (fixer) => fixer.insertTextBeforeRange([lineStart, lineStart], `${indentation}// @privacy-purpose ${purpose}\n`),
    }));
  },
});
