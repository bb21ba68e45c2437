import { nameApi } from '../../catalog/names.js';
import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { nameOf } from './named-data.js';

/**
 * `const newUserId = payload['duid']`: a member read by a literal key that names personal data, into a
 * variable whose own name says something else (or nothing). The key is what the data is called where
 * it comes from (a wire format's field), so the read is named by it: a site (`name:payload.duid`) only
 * where linking finds the value reaching a sink. A variable named for the same data
 * (`const email = row['email']`) is a site where it reaches the sink, as any name is.
 */
export function recordKeyedName(analysis: FileAnalysis, node: ts.ElementAccessExpression): void {
  const key = node.argumentExpression;
  if (!ts.isStringLiteralLike(key) || analysis.hasSourceAt(node)) return;
  let held: ts.Node = node;
  while (ts.isAsExpression(held.parent) || ts.isParenthesizedExpression(held.parent) || ts.isNonNullExpression(held.parent) || ts.isTypeAssertionExpression(held.parent)) held = held.parent;
  const declaration = held.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== held || !ts.isIdentifier(declaration.name)) return;
  // `process.env['SUPPORT_EMAIL']`: the app's configuration, not a user's data.
  if (/^(process|import\.meta)\.env$/.test(node.expression.getText())) return;
  const { names } = analysis.catalog;
  const match = names.match(key.text);
  if (!match || match.qualified || names.match(declaration.name.text)?.category === match.category) return;
  const owner = nameOf(node.expression);
  analysis.recordSource(nameApi(owner === undefined ? key.text : `${owner}.${key.text}`, match.category, match.also), node, { needsFlow: true });
}
