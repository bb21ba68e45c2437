import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Finding } from '../../src/check/finding.js';

export type GuardSuggestionIds = 'wrapInGuard' | 'returnUnlessGuard';

export const GUARD_SUGGESTION_MESSAGES: Record<GuardSuggestionIds, string> = {
  wrapInGuard: 'Wrap the statement in `if (await {{guard}}) { … }`.',
  returnUnlessGuard: 'Return early before the statement unless the user consented: `if (!(await {{guard}})) return;`.',
};

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const DECLARATIONS = new Set(['VariableDeclaration', 'FunctionDeclaration', 'ClassDeclaration', 'TSEnumDeclaration']);

/**
 * A missing consent check's quick-fix, offered as a suggestion only (never applied by --fix: the
 * right place for a check is a judgement): wrap the statement that holds the reported code in the
 * configured guard, or, for a declaration (whose names the rest of the function uses), return
 * early before it. Offered inside an async function only, where `await` is allowed; not when the
 * guard takes the key in a later argument (its other arguments are unknown).
 */
export function guardSuggestions<Ids extends string>(finding: Finding, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.SuggestionReportDescriptor<Ids | GuardSuggestionIds>[] {
  const guard = finding.guard?.call;
  if (!guard || guard.includes('…')) return [];
  const at = sourceCode.getIndexFromLoc({ line: finding.line, column: finding.column - 1 });
  const reported = sourceCode.getNodeByRangeIndex(at);
  if (!reported) return [];
  const statement = enclosingStatement(reported);
  const fn = enclosingFunction(reported);
  if (!statement || !fn || !('async' in fn) || !fn.async || enclosingFunction(statement) !== fn) return [];

  const lineText = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(lineText)![0];
  if (DECLARATIONS.has(statement.type)) {
    return [
      {
        messageId: 'returnUnlessGuard',
        data: { guard },
        fix: (fixer) => fixer.insertTextBefore(statement, `if (!(await ${guard})) return;\n${indent}`),
      },
    ];
  }
  const text = sourceCode.getText(statement).replace(/\n/g, '\n  ');
  return [
    {
      messageId: 'wrapInGuard',
      data: { guard },
      fix: (fixer) => fixer.replaceText(statement, `if (await ${guard}) {\n${indent}  ${text}\n${indent}}`),
    },
  ];
}

/** Where statements are a list, so one can be wrapped, or a check inserted before it. */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'SwitchCase', 'StaticBlock']);

/** The nearest statement in a list of statements that holds the node (not past a function): what a guard wraps. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (FUNCTIONS.has(current.type)) return undefined;
    if (current.parent && STATEMENT_LISTS.has(current.parent.type) && current.type !== AST_NODE_TYPES.BlockStatement) return current;
  }
  return undefined;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (FUNCTIONS.has(current.type)) return current;
  return undefined;
}
