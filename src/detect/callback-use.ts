import { ts } from './ts.js';
import { isFunctionLike } from './scope.js';
import { skipOuterExpressions } from './references.js';

/**
 * `getCurrentPosition((position) => { const coords = position.coords; … { latitude: coords.latitude } })`:
 * where the callback a catalogued call hands its value to first passes that value on — a member read of
 * the callback's first parameter (or of a local name holding one) written into an object, an array, an
 * assignment, a call's argument or a return. The call is the site; this is where its data goes.
 */
export function callbackUse(call: ts.Node): ts.Expression | undefined {
  if (!ts.isCallExpression(call)) return undefined;
  // The first callback is the one given the value (`getCurrentPosition(success, error)`).
  const callback = call.arguments.map((argument) => skipOuterExpressions(argument)).find((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument));
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  const first = callback.parameters[0];
  const names = first ? boundNames(first.name) : [];
  return names.length > 0 ? firstUse(callback.body, new Set(names)) : undefined;
}

/** `position` or `({ coords })`: the names a parameter binds (a destructured member is the value too). */
function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

function firstUse(body: ts.Node, names: Set<string>): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    // `const coords = position.coords`: another name for the value, not yet a use of it.
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && rootName(node.initializer, names)) {
      names.add(node.name.text);
      return;
    }
    if (ts.isIdentifier(node) && names.has(node.text)) {
      const chain = outermostRead(node);
      if (chain !== node && handsOn(chain)) found = chain;
      return;
    }
    // A nested function's own parameter may shadow the name; its body is another callback's.
    if (isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** `position.coords.latitude` → true when the read starts from one of `names`. */
function rootName(expression: ts.Expression, names: ReadonlySet<string>): boolean {
  let base: ts.Expression = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = skipOuterExpressions(base.expression);
  return ts.isIdentifier(base) && names.has(base.text);
}

function outermostRead(node: ts.Expression): ts.Expression {
  let chain = node;
  for (;;) {
    const parent = chain.parent;
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === chain) chain = parent;
    else if (ts.isNonNullExpression(parent) || ts.isParenthesizedExpression(parent)) chain = parent;
    // `coords.latitude.toFixed(2)`: what a method makes of the value is the value passed on.
    else if (ts.isCallExpression(parent) && parent.expression === chain && chain !== node) chain = parent;
    else return chain;
  }
}

/** Where a value is handed on, not only looked at (a test, a comparison, a method called on it). */
function handsOn(chain: ts.Expression): boolean {
  const parent = chain.parent;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === chain;
  if (ts.isBinaryExpression(parent)) return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === chain;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression !== chain;
  return ts.isArrayLiteralExpression(parent) || ts.isReturnStatement(parent) || ts.isTemplateSpan(parent) || ts.isSpreadAssignment(parent);
}
