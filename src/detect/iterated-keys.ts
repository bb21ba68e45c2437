import { ts } from './ts.js';
import { constObjectLiteral, skipOuterExpressions, staticString } from './references.js';
import type { Scope } from './scope.js';

// A key that takes each value of a constant list in turn: `for (const h of IP_HEADERS) req.headers[h]`,
// `IP_HEADERS.map((name) => req.get(name))`, `for (const [k, h] of Object.entries(GEO)) headers[h]`.
// Each string the list holds is a key the code reads.

/** Array methods whose callback's first parameter is each element in turn. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'find', 'findLast', 'some', 'every', 'filter', 'flatMap']);
const MAX_DEPTH = 4;

/** The strings an identifier used as a key takes while iterating a constant list, if it is one. */
export function iteratedStrings(keyNode: ts.Expression, scopeOf: (node: ts.Node) => Scope): string[] | undefined {
  const key = skipOuterExpressions(keyNode);
  if (!ts.isIdentifier(key)) return undefined;
  for (let node: ts.Node = key; node.parent; node = node.parent) {
    const parent = node.parent;
    if (ts.isForOfStatement(parent) && node === parent.statement) {
      const element = loopElement(parent.initializer, key.text);
      if (element === 'other') return undefined;
      if (element !== undefined) return listStrings(parent.expression, scopeOf(parent), element, 0);
    }
    if ((ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && node === parent.body) {
      const index = parent.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === key.text);
      if (index > 0) return undefined;
      if (index === 0) return callbackListStrings(parent, scopeOf);
    }
  }
  return undefined;
}

/** For `for (const h of …)`: 'value'; for `for (const [k, h] of Object.entries(…))`: 'entry-value'; 'other' when the loop binds the name otherwise. */
function loopElement(initializer: ts.ForInitializer, name: string): 'value' | 'entry-value' | 'other' | undefined {
  if (!ts.isVariableDeclarationList(initializer) || initializer.declarations.length !== 1) return undefined;
  const binding = initializer.declarations[0]!.name;
  if (ts.isIdentifier(binding)) return binding.text === name ? 'value' : undefined;
  if (ts.isArrayBindingPattern(binding)) {
    const names = binding.elements.map((element) => (ts.isBindingElement(element) && ts.isIdentifier(element.name) ? element.name.text : undefined));
    if (names[1] === name) return 'entry-value';
    return names.includes(name) ? 'other' : undefined;
  }
  return undefined;
}

function callbackListStrings(callback: ts.ArrowFunction | ts.FunctionExpression, scopeOf: (node: ts.Node) => Scope): string[] | undefined {
  const call = callback.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== callback) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ELEMENT_CALLBACKS.has(callee.name.text)) return undefined;
  return listStrings(callee.expression, scopeOf(call), 'value', 0);
}

/** The strings of a constant array (`['x-real-ip', …]`, a `const` bound to one) or of `Object.values/entries` of a constant object. */
function listStrings(node: ts.Expression, scope: Scope, element: 'value' | 'entry-value', depth: number): string[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const list = skipOuterExpressions(node);
  if (ts.isCallExpression(list) && list.arguments.length === 1) {
    const callee = skipOuterExpressions(list.expression);
    const method = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' ? callee.name.text : undefined;
    if ((method === 'values' && element === 'value') || (method === 'entries' && element === 'entry-value')) {
      const object = constObjectLiteral(list.arguments[0]!, scope);
      if (!object) return undefined;
      const values = object.literal.properties.map((property) => (ts.isPropertyAssignment(property) ? staticString(property.initializer, object.scope) : undefined));
      return values.every((value) => value !== undefined) ? values : undefined;
    }
    return undefined;
  }
  if (element !== 'value') return undefined;
  if (ts.isArrayLiteralExpression(list)) {
    const values = list.elements.map((item) => staticString(item, scope));
    return values.every((value) => value !== undefined) ? values : undefined;
  }
  if (ts.isIdentifier(list)) {
    const binding = scope.lookup(list.text);
    if (binding?.kind !== 'alias' || binding.members.length > 0 || binding.reassigned) return undefined;
    const declaration = binding.expression.parent;
    const isConst = ts.isVariableDeclaration(declaration) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
    return isConst ? listStrings(binding.expression, binding.scope, element, depth + 1) : undefined;
  }
  return undefined;
}
