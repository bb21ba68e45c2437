import { ts } from './ts.js';

/**
 * The call's result is not used as data: discarded (`setCookie(name, value);`, `void save(x)`), or
 * only made into a yes/no on the spot (`!!getCookie(x)`, `!read(x)`, `Boolean(read(x))`,
 * `read(x) === y`, `typeof read(x)`). A wrapper called so hands its caller no value to collect.
 */
export function resultUnused(call: ts.CallExpression): boolean {
  let outer: ts.Node = call;
  while (ts.isParenthesizedExpression(outer.parent) || ts.isAwaitExpression(outer.parent) || ts.isNonNullExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (ts.isExpressionStatement(parent) || ts.isVoidExpression(parent) || ts.isTypeOfExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(parent)) {
    if (parent.operatorToken.kind === ts.SyntaxKind.CommaToken) return parent.left === outer;
    return EQUALITY.has(parent.operatorToken.kind);
  }
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    return ts.isIdentifier(callee) && callee.text === 'Boolean' && parent.arguments.length === 1 && parent.arguments[0] === outer;
  }
  return false;
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
