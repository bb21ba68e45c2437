import { ts } from '../engine/ts.js';
import { byRegion, destinationOfText } from './destination-text.js';
import type { Destination } from './facts.js';
import { evaluateReference, skipOuterExpressions } from './references.js';
import type { Scope } from './scope.js';

export { byRegion, destinationOfText } from './destination-text.js';

/**
 * Where a URL expression points: a literal, a template with a literal host, a constant (in this
 * file, or imported — resolved later), a constant map indexed by region (`HOSTS[region]`), or an
 * axios-style config object's `url` / `baseURL`.
 */
export function destinationOf(node: ts.Expression, scope: Scope, depth = 0): Destination {
  if (depth > 6) return { kind: 'unknown' };
  const expression = skipOuterExpressions(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return destinationOfText(expression.text);
  if (ts.isTemplateExpression(expression)) return templateDestination(expression, scope, depth);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return destinationOf(expression.left, scope, depth + 1);
  }
  if (ts.isObjectLiteralExpression(expression)) {
    const property = expression.properties.find(
      (candidate): candidate is ts.PropertyAssignment =>
        ts.isPropertyAssignment(candidate) && ts.isIdentifier(candidate.name) && (candidate.name.text === 'baseURL' || candidate.name.text === 'url'),
    );
    return property ? destinationOf(property.initializer, scope, depth + 1) : { kind: 'unknown' };
  }
  if (ts.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    if (binding?.kind === 'string') return destinationOfText(binding.value);
    if (binding?.kind === 'alias' && binding.members.length === 0 && isConstDeclaration(binding.expression)) {
      return destinationOf(binding.expression, binding.scope, depth + 1);
    }
    if (binding?.kind === 'import') {
      const reference = evaluateReference(expression, scope);
      if (reference) return { kind: 'imported', constant: reference, prefix: '' };
    }
    return { kind: 'unknown' };
  }
  if (ts.isElementAccessExpression(expression)) {
    const map = constantObject(expression.expression, scope);
    if (map) return byRegion(map);
    const reference = evaluateReference(expression.expression, scope);
    if (reference?.root.kind === 'import') return { kind: 'imported', constant: reference, prefix: '', lookup: 'element' };
    return { kind: 'unknown' };
  }
  if (ts.isPropertyAccessExpression(expression)) {
    const map = constantObject(expression.expression, scope);
    const value = map?.[expression.name.text];
    if (value !== undefined) return destinationOfText(value);
    const reference = evaluateReference(expression, scope);
    if (reference?.root.kind === 'import') return { kind: 'imported', constant: reference, prefix: '' };
  }
  return { kind: 'unknown' };
}

function templateDestination(expression: ts.TemplateExpression, scope: Scope, depth: number): Destination {
  const head = expression.head.text;
  const fromHead = destinationOfText(head);
  if (fromHead.kind === 'host' && !/\/\/$/.test(head)) return fromHead;
  const first = expression.templateSpans[0]!.expression;
  if (head === '' || /^(?:[a-z]+:)?\/\/$/i.test(head)) {
    const inner = destinationOf(first, scope, depth + 1);
    if (inner.kind === 'imported') return { ...inner, prefix: head };
    return inner;
  }
  return fromHead.kind === 'relative' ? fromHead : { kind: 'unknown' };
}

/** A `const X = { a: '...', b: '...' }` in this file, as a plain record of its string members. */
function constantObject(node: ts.Expression, scope: Scope): Record<string, string> | undefined {
  const expression = skipOuterExpressions(node);
  if (!ts.isIdentifier(expression)) return undefined;
  const binding = scope.lookup(expression.text);
  if (binding?.kind !== 'alias' || binding.members.length > 0 || !isConstDeclaration(binding.expression)) return undefined;
  const value = skipOuterExpressions(binding.expression);
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const record: Record<string, string> = {};
  for (const property of value.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    const initializer = skipOuterExpressions(property.initializer);
    if (key !== undefined && (ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer))) record[key] = initializer.text;
  }
  return record;
}

function isConstDeclaration(initializer: ts.Expression): boolean {
  const declaration = initializer.parent;
  return ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}
