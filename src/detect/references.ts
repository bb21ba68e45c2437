import { ts } from './ts.js';
import type { Reference } from './facts.js';
import type { Scope } from './scope.js';
import { kindTable } from './kind-table.js';
import { pathString } from './access-path.js';
import { referenceOfType } from './type-references.js';
import { COMPUTED_ARGUMENT } from '../catalog/models.js';

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
const MAX_ALIAS_DEPTH = 8;

/** Wrappers that do not change which value an expression denotes. */
export function isOuterExpression(node: ts.Node): boolean {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isAwaitExpression(node)
  );
}

const OUTER_EXPRESSION = kindTable(isOuterExpression);

/** Strip syntax that does not change which value an expression denotes. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  while (OUTER_EXPRESSION[current.kind] === 1) current = (current as ts.ParenthesizedExpression).expression;
  return current;
}

/** The literal text of a property name or element-access argument, if it is known statically. */
export function staticName(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return node.text;
  return undefined;
}

/**
 * A string value known statically: a literal, a `const` bound to one in this file, or a member of
 * a `const` object literal in this file (`H.REAL` where `const H = { REAL: 'x-real-ip' } as const`).
 */
export function staticString(node: ts.Expression, scope: Scope, depth = 0): string | undefined {
  const inner = skipOuterExpressions(node);
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  if (ts.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (binding?.kind === 'string') return binding.value;
    return undefined;
  }
  if (depth < MAX_ALIAS_DEPTH && (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner))) {
    const key = ts.isPropertyAccessExpression(inner) ? inner.name.text : staticString(inner.argumentExpression, scope, depth + 1);
    const object = key === undefined ? undefined : constObjectLiteral(inner.expression, scope, depth + 1);
    const property = object?.literal.properties.find(
      (candidate): candidate is ts.PropertyAssignment => ts.isPropertyAssignment(candidate) && staticName(candidate.name) === key,
    );
    return property ? staticString(property.initializer, object!.scope, depth + 1) : undefined;
  }
  return undefined;
}

/** The object literal a `const` in this file is bound to (nested members included: `C.headers.ip`). */
export function constObjectLiteral(node: ts.Expression, scope: Scope, depth = 0): { literal: ts.ObjectLiteralExpression; scope: Scope } | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const inner = skipOuterExpressions(node);
  if (ts.isObjectLiteralExpression(inner)) return { literal: inner, scope };
  if (ts.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (binding?.kind !== 'alias' || binding.members.length > 0) return undefined;
    const declaration = binding.expression.parent;
    const isConst = ts.isVariableDeclaration(declaration) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
    return isConst ? constObjectLiteral(binding.expression, binding.scope, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(inner)) {
    const parent = constObjectLiteral(inner.expression, scope, depth + 1);
    const property = parent?.literal.properties.find(
      (candidate): candidate is ts.PropertyAssignment => ts.isPropertyAssignment(candidate) && staticName(candidate.name) === inner.name.text,
    );
    return property ? constObjectLiteral(property.initializer, parent!.scope, depth + 1) : undefined;
  }
  return undefined;
}

/** `require('x')` or `import('x')` with a literal specifier. */
export function moduleLoadSpecifier(node: ts.Expression): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const argument = node.arguments[0]!;
  if (!ts.isStringLiteral(argument) && !ts.isNoSubstitutionTemplateLiteral(argument)) return undefined;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  return isRequire || isImport ? argument.text : undefined;
}

/**
 * What an expression denotes, as a root (import, global, request object, local function) and a
 * path of members and calls — resolved through aliases, destructuring, require and import().
 * Undefined for anything local and untracked (a parameter, a computed value).
 */
export function evaluateReference(node: ts.Expression, scope: Scope, depth = 0): Reference | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const expression = skipOuterExpressions(node);

  if (ts.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    if (!binding) {
      if (expression.text === 'undefined') return undefined;
      return { root: { kind: 'global', name: expression.text }, segments: [] };
    }
    switch (binding.kind) {
      case 'import':
        // The binding's own segments: no reference is ever changed in place, so none is copied.
        return { root: binding.root, segments: binding.segments };
      case 'function':
        return { root: { kind: 'function', functionIndex: binding.functionIndex }, segments: [] };
      case 'model':
        return { root: { kind: 'model', model: binding.model }, segments: [] };
      case 'alias': {
        const target = binding.reference ?? evaluateReference(binding.expression, binding.scope, depth + 1) ?? (binding.reassigned && assignedReference(binding.reassigned, binding.scope, depth));
        return target && !binding.members.includes('?')
          ? intoModel(normalizeGlobal({ root: target.root, segments: [...target.segments, ...binding.members] }), scope)
          : undefined;
      }
      case 'local':
        return binding.reassigned && binding.scope ? assignedReference(binding.reassigned, binding.scope, depth) : undefined;
      default:
        return undefined;
    }
  }

  // `this.analytics` in a class: what the field was initialised or assigned with, or its declared type.
  if (ts.isPropertyAccessExpression(expression) && expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const field = thisFieldReference(expression.name.text, scope, depth);
    if (field) return intoModel(field, scope);
  }

  if (ts.isPropertyAccessExpression(expression)) {
    const base = evaluateReference(expression.expression, scope, depth);
    return base && intoModel(normalizeGlobal({ root: base.root, segments: [...base.segments, expression.name.text] }), scope);
  }

  if (ts.isElementAccessExpression(expression)) {
    const argument = skipOuterExpressions(expression.argumentExpression);
    const key = ts.isNumericLiteral(argument) ? argument.text : staticString(argument, scope);
    if (key === undefined) return undefined;
    const base = evaluateReference(expression.expression, scope, depth);
    return base && intoModel(normalizeGlobal({ root: base.root, segments: [...base.segments, key] }), scope);
  }

  if (ts.isNewExpression(expression) || ts.isCallExpression(expression)) {
    const specifier = ts.isCallExpression(expression) ? moduleLoadSpecifier(expression) : undefined;
    if (specifier !== undefined) return { root: { kind: 'import', specifier }, segments: [] };
    // `fetch.bind(globalThis)` is the function it binds.
    const bound = ts.isCallExpression(expression) ? skipOuterExpressions(expression.expression) : undefined;
    if (bound && ts.isPropertyAccessExpression(bound) && bound.name.text === 'bind') return evaluateReference(bound.expression, scope, depth + 1);
    // `new Mixpanel(token)` is treated like a call: instance methods are paths after `()`.
    const callee = evaluateReference(expression.expression, scope, depth);
    if (!callee) return undefined;
    const called = { root: callee.root, segments: [...callee.segments, '()'] };
    return producedModel(called, expression, scope) ?? intoModel(called, scope);
  }

  // `w.OfflineAudioContext || w.webkitOfflineAudioContext`, `a ?? b`, `c ? x : y`: the first that denotes something.
  if (ts.isBinaryExpression(expression) && (expression.operatorToken.kind === ts.SyntaxKind.BarBarToken || expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return evaluateReference(expression.left, scope, depth + 1) ?? evaluateReference(expression.right, scope, depth + 1);
  }
  if (ts.isConditionalExpression(expression)) {
    return evaluateReference(expression.whenTrue, scope, depth + 1) ?? evaluateReference(expression.whenFalse, scope, depth + 1);
  }

  return undefined;
}

/**
 * Declarations whose later assignments are being evaluated: `x = x.filter(…)` refers back to `x`,
 * and without this guard every assignment would evaluate every other one again, to the alias depth
 * (exponential in the number of assignments). Re-entering one gives nothing.
 */
const evaluatingAssignments = new Set<ts.VariableDeclaration>();

/** Per block (or file): the values assigned to each plain name inside it, collected in one walk. */
const assignmentsCache = new WeakMap<ts.Node, Map<string, ts.Expression[]>>();

/**
 * What a `let` or `var` declared without a useful value is assigned later in its scope
 * (`let m; … m = new Mixpanel(token)`): the first assigned value that denotes something.
 * Shadowing inside the block is not told apart.
 */
function assignedReference(declaration: ts.VariableDeclaration, scope: Scope, depth: number): Reference | undefined {
  if (!ts.isIdentifier(declaration.name)) return undefined;
  let owner: ts.Node = declaration.parent.parent;
  while (owner.parent && !ts.isBlock(owner) && !ts.isSourceFile(owner) && !ts.isModuleBlock(owner)) owner = owner.parent;
  let assignments = assignmentsCache.get(owner);
  if (!assignments) {
    const found = new Map<string, ts.Expression[]>();
    const stack: ts.Node[] = [owner];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = skipOuterExpressions(node.left);
        if (ts.isIdentifier(left)) found.set(left.text, [...(found.get(left.text) ?? []), node.right]);
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    assignments = found;
    assignmentsCache.set(owner, found);
  }
  if (evaluatingAssignments.has(declaration)) return undefined;
  evaluatingAssignments.add(declaration);
  try {
    for (const value of assignments.get(declaration.name.text) ?? []) {
      const reference = evaluateReference(value, scope, depth + 1);
      if (reference) return reference;
    }
    return undefined;
  } finally {
    evaluatingAssignments.delete(declaration);
  }
}

/** `this.<name>` in a class: its initialiser, a value assigned to it in the class, or its declared type (typeReference). */
function thisFieldReference(name: string, scope: Scope, depth: number): Reference | undefined {
  const classScope = scope.classScope();
  for (const field of classScope?.thisFields?.get(name) ?? []) {
    const reference = 'expression' in field ? evaluateReference(field.expression, classScope!, depth + 1) : referenceOfType(field.type, classScope!, classScope!.isPackage ?? (() => false));
    if (reference) return reference;
  }
  return undefined;
}

/**
 * A path that reaches a sub-model of a model is a value of that model: `req.headers` is an
 * http.headers value, so `const h = req.headers; h['x-real-ip']` reads a header.
 */
function intoModel(reference: Reference, scope: Scope): Reference {
  const models = scope.catalog?.models;
  if (!models || reference.root.kind !== 'model' || reference.segments.length === 0) return reference;
  const target = models.member(reference.root.model, reference.segments);
  return target?.kind === 'model' ? { root: { kind: 'model', model: target.model }, segments: target.rest } : reference;
}

/** A call the catalog says gives a model value (`headers()` of next/headers, `document.createElement('canvas')`). */
function producedModel(called: Reference, call: ts.CallExpression | ts.NewExpression, scope: Scope): Reference | undefined {
  const catalog = scope.catalog;
  const { root } = called;
  if (!catalog || (root.kind !== 'import' && root.kind !== 'global')) return undefined;
  const module = root.kind === 'import' ? (root.typeOnly ? undefined : root.specifier) : undefined;
  if (root.kind === 'import' && module === undefined) return undefined;
  const path = root.kind === 'global' ? pathString([root.name, ...called.segments]) : pathString(called.segments);
  const model = catalog.models.producedBy(module, path, () => argumentKeys(call, scope));
  return model ? { root: { kind: 'model', model }, segments: [] } : undefined;
}

/**
 * What each argument of a call is, for the catalog's argument constraints: a string or number
 * literal's value (also through a `const`), or the last name of an identifier or member chain
 * (`gl.RENDERER` → RENDERER, `debugInfo.UNMASKED_VENDOR_WEBGL` → UNMASKED_VENDOR_WEBGL).
 */
export function argumentKeys(call: ts.CallExpression | ts.NewExpression, scope: Scope): (string | undefined)[] {
  return (call.arguments ?? []).map((argument) => {
    const inner = skipOuterExpressions(argument);
    if (ts.isNumericLiteral(inner)) return String(Number(inner.text));
    const text = staticString(inner, scope);
    if (text !== undefined) return text;
    if (isComputedKey(inner, scope)) return COMPUTED_ARGUMENT;
    if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
    if (ts.isIdentifier(inner)) return inner.text;
    return undefined;
  });
}

/**
 * A value only known at run time from a key: `gl[name]` with a key that is not a literal, a `const`
 * holding one, or a loop's variable over values the code did not spell out (see `iteratesUnspelled`).
 */
function isComputedKey(node: ts.Expression, scope: Scope): boolean {
  if (ts.isElementAccessExpression(node)) return !isStaticKey(node.argumentExpression, scope);
  if (!ts.isIdentifier(node)) return false;
  const binding = scope.lookup(node.text);
  if (binding?.kind === 'local') return binding.iterated === true;
  if (binding?.kind !== 'alias' || binding.members.length > 0 || binding.reassigned) return false;
  const value = skipOuterExpressions(binding.expression);
  return ts.isElementAccessExpression(value) && !isStaticKey(value.argumentExpression, binding.scope);
}

function isStaticKey(key: ts.Expression, scope: Scope): boolean {
  const inner = skipOuterExpressions(key);
  return ts.isNumericLiteral(inner) || staticString(inner, scope) !== undefined;
}

/**
 * Does a `for…of`/`for…in` loop go over values the code did not spell out? Not over an array
 * literal, nor a `const` holding one (a renderer enabling its list of extensions by name).
 */
export function iteratesUnspelled(loop: ts.ForStatement | ts.ForOfStatement | ts.ForInStatement, scope: Scope): boolean {
  if (ts.isForStatement(loop)) return false;
  if (ts.isForInStatement(loop)) return true;
  let values = skipOuterExpressions(loop.expression);
  if (ts.isIdentifier(values)) {
    const binding = scope.lookup(values.text);
    if (binding?.kind === 'alias' && binding.members.length === 0) values = skipOuterExpressions(binding.expression);
  }
  return !ts.isArrayLiteralExpression(values);
}

/** `window.navigator.geolocation` is the global `navigator.geolocation`. */
export function normalizeGlobal(reference: Reference): Reference {
  const { root, segments } = reference;
  if (root.kind === 'global' && GLOBAL_OBJECTS.has(root.name) && segments.length > 0 && segments[0] !== '()') {
    return normalizeGlobal({ root: { kind: 'global', name: segments[0]! }, segments: segments.slice(1) });
  }
  return reference;
}

export { pathString } from './access-path.js';

const PLAIN_CALLEE = /^[^\s(]*$/;

/** The callee as a user wrote it, for messages: "analytics().logEvent". */
export function calleeText(node: ts.Expression, sourceFile: ts.SourceFile): string {
  const written = skipOuterExpressions(node).getText(sourceFile);
  // Most callees (`track`, `api.user.get`) have no space or argument to drop: no regular expression to run.
  if (PLAIN_CALLEE.test(written)) return written.length > 60 ? `${written.slice(0, 57)}...` : written;
  // Keep the space of `new Client`, drop line breaks and indentation, then arguments, then shorten.
  const text = written
    .replace(/\s+/g, ' ')
    .replace(/ (?!\w)|(?<!\w) /g, '')
    .replace(/\((?:[^()]|\([^()]*\))*\)/g, '()');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
