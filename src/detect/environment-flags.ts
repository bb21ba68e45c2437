import { ts } from './ts.js';

// A build or runtime environment flag (`__DEV__`, `isDevelopment`, `process.env.NODE_ENV ===
// 'production'`, `Platform.OS === 'ios'`) says where the app runs, not what the user chose: a
// collection switch given one is on for every user of a release build, so it proves no consent.

/** `isDev`, `IS_PRODUCTION`, `debugMode`, `inTestEnvironment`, `__DEV__`, `NODE_ENV`… */
const FLAG_NAME = /^(?:_*)(?:is|in)?_?(?:dev|development|debug|prod|production|test|testing|staging|release|local|ci|e2e|emulator|simulator|expo_?go)_?(?:mode|build|env|environment)?_*$|^node_env$/i;
/** Roots whose members are all environment: `process.env.X`, `import.meta.env.X`, `Platform.OS`. */
const ENVIRONMENT_ROOTS = [/^process\.env(\.|$)/, /^import\.meta\.env(\.|$)/, /^Platform\.(OS|Version)$/];

/** Is `node` (a switch's value) made only of environment flags, their negations, `&&`/`||` and comparisons with literals? */
export function isEnvironmentFlag(node: ts.Expression): boolean {
  const inner = skipParentheses(node);
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) return isEnvironmentFlag(inner.operand);
  if (ts.isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) return isEnvironmentFlag(inner.left) && isEnvironmentFlag(inner.right);
    if (isComparison(operator)) return (isEnvironmentFlag(inner.left) && isLiteral(inner.right)) || (isLiteral(inner.left) && isEnvironmentFlag(inner.right));
    return false;
  }
  const text = dottedName(inner);
  if (text === undefined) return false;
  if (ENVIRONMENT_ROOTS.some((root) => root.test(text))) return true;
  return FLAG_NAME.test(text.slice(text.lastIndexOf('.') + 1));
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return current;
}

function isComparison(operator: ts.SyntaxKind): boolean {
  return (
    operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    operator === ts.SyntaxKind.EqualsEqualsToken ||
    operator === ts.SyntaxKind.ExclamationEqualsToken
  );
}

function isLiteral(node: ts.Expression): boolean {
  const inner = skipParentheses(node);
  return ts.isStringLiteralLike(inner) || ts.isNumericLiteral(inner) || inner.kind === ts.SyntaxKind.TrueKeyword || inner.kind === ts.SyntaxKind.FalseKeyword;
}

/** `a.b.c` for identifiers, `this`-less property chains and `import.meta`; undefined for anything else. */
function dottedName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isMetaProperty(node)) return `${ts.tokenToString(node.keywordToken)}.${node.name.text}`;
  if (ts.isPropertyAccessExpression(node)) {
    const left = dottedName(node.expression);
    return left === undefined ? undefined : `${left}.${node.name.text}`;
  }
  return undefined;
}
