import { ts } from './ts.js';
import type { Scope } from './scope.js';
import { skipOuterExpressions } from './references.js';

/**
 * Is `node` arithmetic that combines two computed numbers (`base * fontScale`, `seconds + offsetSeconds`,
 * `width / columns`)? The result is a new quantity — a layout size, a shifted time — not either
 * operand: a low-confidence read that only goes into one leaves its function as no data of its own
 * (the `formatted` edge of flows.ts). A number scaled by a constant (`offset * 60`, a change of unit)
 * is still the number, and `+` counts only when both sides are numbers (`prefix + userAgent` is text).
 */
export function mixesTwoQuantities(node: ts.BinaryExpression, scopeOf: (node: ts.Node) => Scope): boolean {
  const kind = node.operatorToken.kind;
  if (!NUMERIC_OPERATORS.has(kind) && kind !== ts.SyntaxKind.PlusToken) return false;
  if (kind === ts.SyntaxKind.PlusToken && !(isNumber(node.left, scopeOf, 0) && isNumber(node.right, scopeOf, 0))) return false;
  return !isConstant(node.left, scopeOf, 0) && !isConstant(node.right, scopeOf, 0);
}

/** `*`, `/`, `%`, `**`, `-`: their result is a number whatever the operands. */
const NUMERIC_OPERATORS = new Set([ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken, ts.SyntaxKind.MinusToken]);
const MAX_DEPTH = 4;

/** Known to be a number: a numeric literal, numeric arithmetic, Math.*, Number(…), or a const holding one. */
function isNumber(expression: ts.Expression, scopeOf: (node: ts.Node) => Scope, depth: number): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isNumericLiteral(node)) return true;
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken;
  if (ts.isBinaryExpression(node)) {
    if (NUMERIC_OPERATORS.has(node.operatorToken.kind)) return true;
    return node.operatorToken.kind === ts.SyntaxKind.PlusToken && isNumber(node.left, scopeOf, depth) && isNumber(node.right, scopeOf, depth);
  }
  if (ts.isCallExpression(node)) {
    const callee = skipOuterExpressions(node.expression);
    if (ts.isIdentifier(callee)) return NUMBER_FUNCTIONS.has(callee.text) && !scopeOf(callee).lookup(callee.text);
    return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && (callee.expression.text === 'Math' || callee.expression.text === 'Number') && !scopeOf(callee.expression).lookup(callee.expression.text);
  }
  const held = constExpression(node, scopeOf, depth);
  return held !== undefined && isNumber(held, scopeOf, depth + 1);
}

const NUMBER_FUNCTIONS = new Set(['Number', 'parseFloat', 'parseInt']);

/** A literal, or a const holding one or arithmetic of them (`SECONDS_PER_HOUR = 60 * 60`). */
function isConstant(expression: ts.Expression, scopeOf: (node: ts.Node) => Scope, depth: number): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isNumericLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isPrefixUnaryExpression(node)) return isConstant(node.operand, scopeOf, depth);
  if (ts.isBinaryExpression(node)) return isConstant(node.left, scopeOf, depth) && isConstant(node.right, scopeOf, depth);
  const held = constExpression(node, scopeOf, depth);
  return held !== undefined && isConstant(held, scopeOf, depth + 1);
}

/** What a `const` name holds, when `node` is one (bounded, for chains of consts). */
function constExpression(node: ts.Expression, scopeOf: (node: ts.Node) => Scope, depth: number): ts.Expression | undefined {
  if (!ts.isIdentifier(node) || depth >= MAX_DEPTH) return undefined;
  const binding = scopeOf(node).lookup(node.text);
  if (binding?.kind !== 'alias' || binding.reassigned || binding.members.length > 0) return undefined;
  return binding.expression;
}
