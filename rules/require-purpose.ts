import * as requirePurpose from '../src/check/rules/require-purpose.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/require-purpose in ESLint; the quick-fix offers the purposes the manifest declares for the category. */
export default privlintRule(requirePurpose, {
  suggestionMessages: { addPurpose: 'Annotate with `// @privacy-purpose {{purpose}}`.' },
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
