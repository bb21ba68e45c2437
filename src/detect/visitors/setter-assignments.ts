import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { skipOuterExpressions } from '../references.js';
import { isFunctionLike, patternNames } from '../scope.js';
import { functionName } from '../syntax.js';
import { recordNamedValue } from './named-data.js';

// A function named for setting personal data (`setUserIdFromCookie`, `setUserIdFromLocation`: a
// tracker's or an account module's user-id setter) that keeps what it reads under that data's name
// (`businessUserId = cookies.get(name)`) collects it there, whatever the read: the user's id is
// taken from the cookie or the URL at that line. What such a setter is handed (`userId = id`) is its
// caller's to say, and a read kept under that name elsewhere (a refresh) is not a setter's.

export function visitSetterAssignment(analysis: FileAnalysis, node: ts.BinaryExpression): void {
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = skipOuterExpressions(node.left);
  const written = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
  if (written === undefined) return;
  if (!isRead(node.right)) return;
  const { names } = analysis.catalog;
  const match = names.match(written);
  if (!match || match.qualified) return;
  let owner: ts.Node | undefined = node.parent;
  while (owner && !isFunctionLike(owner)) owner = owner.parent;
  if (!owner || names.matchSetter(functionName(owner).split('.').at(-1)!)?.category !== match.category) return;
  // `setEmail(event) { this.email = event.target.value }`: what the setter is handed, typed into a form, is not read here.
  const root = rootName(node.right);
  if (root !== undefined && isFunctionLike(owner) && owner.parameters.some((parameter) => patternNames(parameter.name).some(({ name }) => name === root))) return;
  // At the name it is kept under: the read itself may be a catalogued one's (a cookie), which is other data.
  recordNamedValue(analysis, target, written, match.category);
}

/** A call's result or a member read (`cookies.get(name)`, `params.get(field) ?? undefined`), not a value handed in or a literal. */
function isRead(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || value.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return isRead(value.left);
  return ts.isCallExpression(value) || ts.isPropertyAccessExpression(value);
}

/** The name a read starts from: `event` of `event.target.value`, `cookies` of `cookies.get(name)`. */
function rootName(node: ts.Expression): string | undefined {
  let current = skipOuterExpressions(node);
  for (;;) {
    if (ts.isBinaryExpression(current)) current = skipOuterExpressions(current.left);
    else if (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isNewExpression(current)) current = skipOuterExpressions(current.expression);
    else return ts.isIdentifier(current) ? current.text : undefined;
  }
}
