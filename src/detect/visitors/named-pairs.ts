import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { skipOuterExpressions, staticName } from '../references.js';
import { nameOf, recordNamedValue } from './named-data.js';

// Payload builders keyed by name (catalog personal-names.yaml `pair_builders`): `payload.add('uid', userId)`,
// `searchParams.append('email', email)`, `addPayloadPair('ip', ip)`, `setConfig({ path: 'user.email', value })`.
// The payload is built to be sent or kept, so the value a key names is a site where it is added.

/** Record the value of a key/value call on a payload builder when its key (or its own name) names personal data. Whether the call is one. */
export function recordNamedPair(analysis: FileAnalysis, call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  const method = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const receiver = ts.isPropertyAccessExpression(callee) ? nameOf(callee.expression) : undefined;
  if (method === undefined) return false;
  if (!analysis.catalog.names.isPairBuilder(method, receiver) && !(ts.isPropertyAccessExpression(callee) && analysis.catalog.names.isPairBuilder(method, madeBy(analysis, callee.expression)))) return false;
  const [first, second] = call.arguments;
  if (first && second) recordPair(analysis, first, second);
  else if (first) {
    // `setConfig({ path: 'user.email', value: email })`: the pair as an object.
    const object = skipOuterExpressions(first);
    if (!ts.isObjectLiteralExpression(object)) return true;
    const field = (name: string) => {
      const property = object.properties.find((candidate) => candidate.name !== undefined && staticName(candidate.name) === name);
      return property && ts.isPropertyAssignment(property) ? property.initializer : property && ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
    };
    const key = field('path') ?? field('key') ?? field('name');
    const value = field('value');
    if (key && value) recordPair(analysis, key, value);
  }
  return true;
}

/**
 * `const pb = payloadBuilder(); pb.add(…)`, `const h = new Headers(); h.set(…)`: a receiver whose own name
 * says nothing is known by the call or class that made it (a variable of this file, made once).
 */
function madeBy(analysis: FileAnalysis, receiver: ts.Expression): string | undefined {
  const expression = skipOuterExpressions(receiver);
  if (!ts.isIdentifier(expression)) return undefined;
  const binding = analysis.scopeOf(expression).lookup(expression.text);
  if (binding?.kind !== 'alias' || binding.members.length > 0) return undefined;
  const made = skipOuterExpressions(binding.expression);
  return ts.isCallExpression(made) || ts.isNewExpression(made) ? nameOf(made.expression) : undefined;
}

function recordPair(analysis: FileAnalysis, keyNode: ts.Expression, valueNode: ts.Expression): void {
  const key = skipOuterExpressions(keyNode);
  const value = skipOuterExpressions(valueNode);
  if (!ts.isStringLiteralLike(key) || isLiteralValue(value)) return;
  const { names } = analysis.catalog;
  const valueName = nameOf(value);
  const match = names.matchKey(key.text, valueName);
  if (match) {
    recordNamedValue(analysis, value, key.text, match.category);
    return;
  }
  // `queryParams.append('codePostal', postalCode)`: a key in another language, the value's own name.
  const own = valueName === undefined ? undefined : names.match(valueName);
  if (own && !own.qualified && valueName !== undefined) recordNamedValue(analysis, value, valueName, own.category);
}

function isLiteralValue(node: ts.Expression): boolean {
  return ts.isLiteralExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword;
}
