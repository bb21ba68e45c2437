import { ts } from './ts.js';
import { detachedPurposeLine, documentationHost, purposeAnnotation } from './annotations.js';
import type { Annotation, GuardCall, Reference } from './facts.js';
import { calleeText, evaluateReference, skipOuterExpressions, staticString } from './references.js';
import { isFunctionLike, type Scope } from './scope.js';

/**
 * The node above which a `// @privacy-purpose` comment would annotate the site (1-based line of
 * its first token): the site's statement, or — when the site sits directly in a function's
 * expression body — the documentation of the nearest function whose comments privlint reads.
 * Editor quick-fixes insert annotations here, so they always land where the engine looks.
 */
export function annotationAnchor(node: ts.Node, sourceFile: ts.SourceFile): number {
  let crossedFunction = false;
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (isFunctionLike(current) || ts.isClassLike(current)) {
      const hosts = documentationHost(current);
      const top = hosts[hosts.length - 1]!;
      const documented = top !== current || ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current) || ts.isClassDeclaration(current);
      if (documented) return sourceFile.getLineAndCharacterOfPosition(top.getStart(sourceFile)).line + 1;
      crossedFunction = true;
    } else if (!crossedFunction && isStatementLike(current)) {
      return sourceFile.getLineAndCharacterOfPosition(current.getStart(sourceFile)).line + 1;
    }
  }
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

function isStatementLike(node: ts.Node): boolean {
  if (ts.isBlock(node) || ts.isSourceFile(node)) return false;
  return (
    (node.kind >= ts.SyntaxKind.FirstStatement && node.kind <= ts.SyntaxKind.LastStatement) ||
    ts.isVariableStatement(node) ||
    ts.isExpressionStatement(node) ||
    ts.isReturnStatement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isExportAssignment(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isMethodDeclaration(node)
  );
}

/** The annotation above the site's statement; for a nested statement, the nearest annotated one up to its function. */
export function statementAnnotation(node: ts.Node, sourceFile: ts.SourceFile): Annotation | undefined {
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (isFunctionLike(current) || ts.isClassLike(current)) return undefined;
    if (isStatementLike(current)) {
      const annotation = purposeAnnotation(current, sourceFile);
      if (annotation) return annotation;
    }
  }
  return undefined;
}

/**
 * The line of a `@privacy-purpose` that a blank line separates from the site's statement: it
 * annotates nothing, and a finding about the missing purpose should say why.
 */
export function detachedAnnotationLine(node: ts.Node, sourceFile: ts.SourceFile): number | undefined {
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (isFunctionLike(current) || ts.isClassLike(current)) {
      // `/** @privacy-purpose … */`, a blank line, then the function.
      const hosts = documentationHost(current);
      return detachedPurposeLine(hosts[hosts.length - 1]!, sourceFile);
    }
    if (isStatementLike(current)) {
      const line = detachedPurposeLine(current, sourceFile);
      if (line !== undefined) return line;
    }
  }
  return undefined;
}

type ScopeOf = (node: ts.Node) => Scope;

/**
 * Calls known to have returned true when `node` runs: the conditions of enclosing `if`s and
 * ternaries, the left side of `&&`, and `if (!guard) return;` before it — up through closures.
 */
export function guardsInEffect(node: ts.Node, sourceFile: ts.SourceFile, scopeOf: ScopeOf): GuardCall[] {
  const guards: GuardCall[] = [];
  const add = (condition: ts.Expression, holds: boolean) => {
    // A condition is read once for all the sites it guards (a component's `cond && <X />` holds many):
    // its names are those of scopes entered before it, which no longer change.
    const known = holds ? HOLDING : FAILING;
    let calls = known.get(condition);
    if (!calls) {
      calls = [];
      collectGuardCalls(condition, holds, calls, sourceFile, scopeOf);
      known.set(condition, calls);
    }
    for (const call of calls) guards.push(call);
  };
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) add(parent.expression, true);
      else if (child === parent.elseStatement) add(parent.expression, false);
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) add(parent.condition, true);
      else if (child === parent.whenFalse) add(parent.condition, false);
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) add(parent.left, true);
      else if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) add(parent.left, false);
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
      // The early exits before the statement holding the node (all of a clause's when it is in `case x:` itself).
      const inStatements = !(ts.isCaseClause(parent) && child === parent.expression);
      for (const exit of earlyExits(parent)) {
        if (inStatements && exit.end > child.pos) break;
        add(exit.expression, false);
      }
    }
  }
  return guards;
}

/** The guard calls of a condition when it held (HOLDING) or failed (FAILING), by condition. */
const HOLDING = new WeakMap<ts.Node, GuardCall[]>();
const FAILING = new WeakMap<ts.Node, GuardCall[]>();

/**
 * A block's `if (…) return;` statements (no else, always leaving), in order: found once per block,
 * not once per site in it (a long module or component holds hundreds of sites).
 */
function earlyExits(block: ts.Block | ts.SourceFile | ts.CaseClause | ts.DefaultClause): readonly ts.IfStatement[] {
  let exits = EARLY_EXITS.get(block);
  if (!exits) {
    exits = block.statements.filter((statement): statement is ts.IfStatement => ts.isIfStatement(statement) && !statement.elseStatement && alwaysExits(statement.thenStatement));
    EARLY_EXITS.set(block, exits);
  }
  return exits;
}

const EARLY_EXITS = new WeakMap<ts.Node, readonly ts.IfStatement[]>();

function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && alwaysExits(last);
  }
  if (ts.isIfStatement(statement)) {
    return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  }
  return false;
}

/** The guard calls an expression is made of, as if it were a condition that held: the consent a value carries. */
export function guardCallsOf(expression: ts.Expression, sourceFile: ts.SourceFile, scopeOf: ScopeOf): GuardCall[] {
  const guards: GuardCall[] = [];
  collectGuardCalls(expression, true, guards, sourceFile, scopeOf);
  return guards;
}

function collectGuardCalls(
  condition: ts.Expression,
  holds: boolean,
  out: GuardCall[],
  sourceFile: ts.SourceFile,
  scopeOf: ScopeOf,
  depth = 0,
): void {
  if (depth > 6) return;
  const expression = skipOuterExpressions(condition);
  const recurse = (next: ts.Expression, nextHolds: boolean) =>
    collectGuardCalls(next, nextHolds, out, sourceFile, scopeOf, depth + 1);

  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    recurse(expression.operand, !holds);
  } else if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken && holds) {
      recurse(expression.left, true);
      recurse(expression.right, true);
    } else if (operator === ts.SyntaxKind.BarBarToken && !holds) {
      recurse(expression.left, false);
      recurse(expression.right, false);
    } else if (EQUALITY.has(operator)) {
      // `await hasConsent('ads') === true`, `status !== 'granted'`, `1 === await getStatus('C0004')`
      const equal = NEGATED_EQUALITY.has(operator) ? !holds : holds;
      const comparison = literalComparison(expression);
      if (!comparison) return;
      if (typeof comparison.literal === 'boolean') recurse(comparison.value, comparison.literal ? equal : !equal);
      else pushTest(comparison.value, comparison.literal, !equal, out, sourceFile, scopeOf);
    }
  } else if (!holds && (ts.isCallExpression(expression) || ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression))) {
    // An opt-out signal known to be off: `if (navigator.globalPrivacyControl) return;`, `if (!mixpanel.has_opted_out_tracking())`.
    pushTest(expression, undefined, true, out, sourceFile, scopeOf);
  } else if (!holds && ts.isIdentifier(expression)) {
    const initializer = constInitializer(expression, scopeOf);
    if (initializer && ts.isCallExpression(skipOuterExpressions(initializer))) recurse(initializer, false);
    else pushTest(expression, undefined, true, out, sourceFile, scopeOf);
  } else if (holds && ts.isCallExpression(expression)) {
    const scope = scopeOf(expression);
    const reference = evaluateReference(expression.expression, scope) ?? testedReference(expression.expression, scopeOf);
    out.push({
      callee: calleeText(expression.expression, sourceFile),
      ...(reference ? { reference } : {}),
      args: expression.arguments.map((argument) => staticString(argument, scope) ?? null),
    });
  } else if (holds && ts.isIdentifier(expression)) {
    // `const allowed = await hasConsent('ads'); if (allowed) …`
    const initializer = constInitializer(expression, scopeOf);
    if (initializer && ts.isCallExpression(skipOuterExpressions(initializer))) recurse(initializer, true);
    else pushTest(expression, undefined, false, out, sourceFile, scopeOf);
  } else if (holds && (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression))) {
    // `info.canRequestAds`, `Cookiebot.consent.marketing`, `tcData.purpose.consents[1]`
    pushTest(expression, undefined, false, out, sourceFile, scopeOf);
  }
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const NEGATED_EQUALITY = new Set([ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `value === literal` or `literal === value`, with the literal's value (true/false, a string, a number). */
function literalComparison(expression: ts.BinaryExpression): { value: ts.Expression; literal: string | number | boolean } | undefined {
  const literalOf = (node: ts.Expression): string | number | boolean | undefined => {
    const inner = skipOuterExpressions(node);
    if (inner.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (inner.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
    if (ts.isNumericLiteral(inner)) return Number(inner.text);
    return undefined;
  };
  const right = literalOf(expression.right);
  if (right !== undefined) return { value: expression.left, literal: right };
  const left = literalOf(expression.left);
  return left !== undefined ? { value: expression.right, literal: left } : undefined;
}

/** Record a tested value that resolves to an import or a global (for the catalog's guards); `negated`: known to be falsy (or unequal). */
function pushTest(
  node: ts.Expression,
  equals: string | number | undefined,
  negated: boolean,
  out: GuardCall[],
  sourceFile: ts.SourceFile,
  scopeOf: ScopeOf,
): void {
  const reference = testedReference(node, scopeOf);
  if (!reference || (reference.root.kind !== 'import' && reference.root.kind !== 'global')) return;
  const call = lastCall(node, scopeOf);
  out.push({
    callee: calleeText(call ? call.node.expression : node, sourceFile),
    args: call ? call.node.arguments.map((argument) => staticString(argument, call.scope) ?? null) : [],
    test: { reference, ...(equals !== undefined ? { equals } : {}), ...(negated ? { negated: true as const } : {}) },
  });
}

/**
 * What a tested expression denotes, like evaluateReference, but also through the parameters of a
 * callback passed to an import or a global: `tcData` in `__tcfapi('getTCData', 2, (tcData) => …)`
 * is `__tcfapi()=>2:0`.
 */
function testedReference(node: ts.Expression, scopeOf: ScopeOf, depth = 0): Reference | undefined {
  if (depth > 12) return undefined;
  const expression = skipOuterExpressions(node);
  const extend = (base: Reference | undefined, segment: string | undefined): Reference | undefined =>
    base && segment !== undefined ? { root: base.root, segments: [...base.segments, segment] } : undefined;
  // `consents.find((s) => s.templateId === 'abc')`: the member whose field equals the literal, `find(templateId=abc)`.
  const found = ts.isCallExpression(expression) ? findPredicate(expression, scopeOf) : undefined;
  if (found) return extend(testedReference(found.list, scopeOf, depth + 1), found.segment);
  if (ts.isIdentifier(expression)) {
    const initializer = constInitializer(expression, scopeOf);
    const inner = initializer && skipOuterExpressions(initializer);
    if (inner && ts.isCallExpression(inner) && findPredicate(inner, scopeOf)) return testedReference(inner, scopeOf, depth + 1);
  }
  const direct = throughFind(expression, scopeOf) ? undefined : evaluateReference(expression, scopeOf(expression));
  if (direct) return direct;
  if (ts.isPropertyAccessExpression(expression)) return extend(testedReference(expression.expression, scopeOf, depth + 1), expression.name.text);
  if (ts.isElementAccessExpression(expression)) {
    const argument = skipOuterExpressions(expression.argumentExpression);
    const key = ts.isNumericLiteral(argument) ? argument.text : staticString(argument, scopeOf(argument));
    return extend(testedReference(expression.expression, scopeOf, depth + 1), key);
  }
  if (ts.isCallExpression(expression)) return extend(testedReference(expression.expression, scopeOf, depth + 1), '()');
  if (ts.isIdentifier(expression)) {
    const parameter = callbackParameter(expression, scopeOf);
    if (!parameter) return undefined;
    const callee = testedReference(parameter.call.expression, scopeOf, depth + 1);
    return callee && { root: callee.root, segments: [...callee.segments, '()', `=>${parameter.argument}:${parameter.parameter}`] };
  }
  return undefined;
}

/** Whether the value is read through a `find` predicate (`(await getConsents()).find(…)?.status`), which the plain reference would lose. */
function throughFind(node: ts.Expression, scopeOf: ScopeOf, depth = 0): boolean {
  if (depth > 12) return false;
  const expression = skipOuterExpressions(node);
  if (ts.isCallExpression(expression)) return findPredicate(expression, scopeOf) !== undefined || throughFind(expression.expression, scopeOf, depth + 1);
  if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) return throughFind(expression.expression, scopeOf, depth + 1);
  if (ts.isIdentifier(expression)) {
    const initializer = constInitializer(expression, scopeOf);
    return initializer !== undefined && throughFind(initializer, scopeOf, depth + 1);
  }
  return false;
}

/**
 * `list.find((item) => item.field === 'literal')` (also `function (item) { return … }`, and the
 * literal on the left): the list, and the path segment `find(field=literal)`.
 */
function findPredicate(call: ts.CallExpression, scopeOf: ScopeOf): { list: ts.Expression; segment: string } | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'find' || call.arguments.length !== 1) return undefined;
  const predicate = skipOuterExpressions(call.arguments[0]!);
  if (!(ts.isArrowFunction(predicate) || ts.isFunctionExpression(predicate)) || predicate.parameters.length !== 1) return undefined;
  const parameter = predicate.parameters[0]!.name;
  if (!ts.isIdentifier(parameter)) return undefined;
  let body: ts.Node = predicate.body;
  if (ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    if (!only || !ts.isReturnStatement(only) || !only.expression) return undefined;
    body = only.expression;
  }
  const test = skipOuterExpressions(body as ts.Expression);
  if (!ts.isBinaryExpression(test) || !EQUALITY.has(test.operatorToken.kind) || NEGATED_EQUALITY.has(test.operatorToken.kind)) return undefined;
  const fieldOf = (side: ts.Expression): string | undefined => {
    const inner = skipOuterExpressions(side);
    return ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === parameter.text ? inner.name.text : undefined;
  };
  const scope = scopeOf(test);
  const field = fieldOf(test.left) ?? fieldOf(test.right);
  const literal = fieldOf(test.left) !== undefined ? staticString(test.right, scope) : staticString(test.left, scope);
  return field !== undefined && literal !== undefined ? { list: callee.expression, segment: `find(${field}=${literal})` } : undefined;
}

/** The call whose callback declares `identifier` as a (plain) parameter, with the positions. */
export function callbackParameter(identifier: ts.Identifier, scopeOf: ScopeOf): { call: ts.CallExpression; argument: number; parameter: number } | undefined {
  const binding = scopeOf(identifier).lookup(identifier.text);
  if (binding?.kind !== 'local') return undefined;
  for (let current: ts.Node | undefined = identifier.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!isFunctionLike(current)) continue;
    const parameter = current.parameters.findIndex((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === identifier.text);
    if (parameter < 0) continue;
    if (scopeOf(current).names.get(identifier.text) !== binding) return undefined;
    let argument: ts.Node = current;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (!ts.isCallExpression(call)) return undefined;
    const index = call.arguments.indexOf(argument as ts.Expression);
    return index >= 0 ? { call, argument: index, parameter } : undefined;
  }
  return undefined;
}

/** The last call on the way to a tested value: `getConsentInfo()` for `(await AdsConsent.getConsentInfo()).canRequestAds`, through local aliases and callback parameters. */
function lastCall(node: ts.Expression, scopeOf: ScopeOf, depth = 0): { node: ts.CallExpression; scope: Scope } | undefined {
  if (depth > 12) return undefined;
  const expression = skipOuterExpressions(node);
  if (ts.isCallExpression(expression)) return { node: expression, scope: scopeOf(expression) };
  if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) return lastCall(expression.expression, scopeOf, depth + 1);
  if (!ts.isIdentifier(expression)) return undefined;
  const binding = scopeOf(expression).lookup(expression.text);
  if (binding?.kind === 'alias' && !binding.reference) return lastCall(binding.expression, scopeOf, depth + 1);
  const parameter = callbackParameter(expression, scopeOf);
  return parameter ? { node: parameter.call, scope: scopeOf(parameter.call) } : undefined;
}

/** The initializer of a `const` declared in the same file that `identifier` refers to. */
function constInitializer(identifier: ts.Identifier, scopeOf: ScopeOf): ts.Expression | undefined {
  const binding = scopeOf(identifier).lookup(identifier.text);
  if (binding?.kind !== 'alias' || binding.members.length > 0) return undefined;
  const declaration = binding.expression.parent;
  if (!ts.isVariableDeclaration(declaration)) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
  return binding.expression;
}

/**
 * Whether the value produced at `node` (or something derived from it) is returned by its
 * enclosing function: `return x()`, `return (await x()).coords`, `() => x()`, `.then(…)`,
 * or through local variables (`const v = await x(); return { id: v }`).
 */
export function flowsToReturn(node: ts.Node): boolean {
  let current: ts.Node = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (ts.isReturnStatement(parent)) return true;
    if (ts.isArrowFunction(parent)) return parent.body === current;
    if (isFunctionLike(parent)) return false;
    if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
      const returned = returnedNames(parent);
      return [...declaredNames(parent.name)].some((name) => returned.has(name));
    }
    if (!carriesValue(parent, current)) return false;
  }
  return false;
}

const returnedNamesCache = new WeakMap<ts.Node, Set<string>>();

/**
 * The local names whose values reach a `return` of the function around `declaration`: those
 * mentioned in return expressions, and, transitively, those their declarations were computed from.
 * Computed once per function.
 */
function returnedNames(declaration: ts.VariableDeclaration): Set<string> {
  let fn: ts.Node | undefined = declaration.parent;
  while (fn && !isFunctionLike(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  if (!fn || ts.isSourceFile(fn)) return new Set();
  const cached = returnedNamesCache.get(fn);
  if (cached) return cached;
  const returned = new Set<string>();
  const declarations: ts.VariableDeclaration[] = [];
  const visit = (node: ts.Node) => {
    if (node !== fn && isFunctionLike(node) && !ts.isArrowFunction(node)) return;
    if (ts.isReturnStatement(node) && node.expression) collectCarriedNames(node.expression, returned);
    if (ts.isVariableDeclaration(node) && node.initializer) declarations.push(node);
    ts.forEachChild(node, visit);
  };
  visit(fn);
  // Each declaration's names once, not once per round of the fixed point; a declaration already
  // taken in adds nothing more in a later round.
  const named = declarations.map((other) => [...declaredNames(other.name)]);
  const taken = new Array<boolean>(declarations.length).fill(false);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [index, other] of declarations.entries()) {
      if (taken[index] || !named[index]!.some((name) => returned.has(name))) continue;
      taken[index] = true;
      const before = returned.size;
      collectCarriedNames(other.initializer!, returned);
      changed ||= returned.size !== before;
    }
  }
  returnedNamesCache.set(fn, returned);
  return returned;
}

/**
 * The names whose values `node` passes on: `{ id: v }`, `v.coords`, `await v`, `` `${v}` ``, but not
 * names it only consumes — a call argument (`post(url, { v })` returns the response), a comparison,
 * a closure (`() => subscription.remove()`).
 */
function collectCarriedNames(node: ts.Node, out: Set<string>): void {
  if (ts.isIdentifier(node)) {
    if (!isPropertyName(node)) out.add(node.text);
    return;
  }
  if (ts.isShorthandPropertyAssignment(node)) {
    out.add(node.name.text);
    return;
  }
  ts.forEachChild(node, (child) => {
    if (carriesValue(node, child)) collectCarriedNames(child, out);
  });
}

/** Does `parent` pass the value of `child` on (derived data), rather than consume it? */
function carriesValue(parent: ts.Node, child: ts.Node): boolean {
  if (
    ts.isParenthesizedExpression(parent) ||
    ts.isAwaitExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isTypeAssertionExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    ts.isTemplateExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isObjectLiteralExpression(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isShorthandPropertyAssignment(parent) ||
    ts.isSpreadAssignment(parent) ||
    ts.isSpreadElement(parent)
  ) {
    return true;
  }
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return parent.expression === child;
  if (ts.isConditionalExpression(parent)) return parent.whenTrue === child || parent.whenFalse === child;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return (
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.PlusToken
    );
  }
  // `.then(cb)` / `.catch` / `.finally` called on the value: the promise chain carries it.
  if (ts.isCallExpression(parent)) {
    return parent.expression === child || isPromiseCallbackArgument(parent, child) || isDecodedArgument(parent, child);
  }
  return false;
}

/** Globals that give back their argument's value, re-encoded or parsed: `decodeURIComponent(v)`, `JSON.parse(v)`. */
const VALUE_PRESERVING = new Set(['decodeURIComponent', 'encodeURIComponent', 'decodeURI', 'encodeURI', 'unescape', 'escape', 'atob', 'btoa', 'String', 'JSON.parse']);

function isDecodedArgument(call: ts.CallExpression, child: ts.Node): boolean {
  if (call.arguments[0] !== child) return false;
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return VALUE_PRESERVING.has(callee.text);
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && VALUE_PRESERVING.has(`${callee.expression.text}.${callee.name.text}`);
}

function isPromiseCallbackArgument(call: ts.CallExpression, child: ts.Node): boolean {
  return (
    call.arguments.includes(child as ts.Expression) &&
    ts.isPropertyAccessExpression(call.expression) &&
    call.expression.name.text === 'then'
  );
}

function declaredNames(name: ts.BindingName): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.BindingName) => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else for (const element of node.elements) if (ts.isBindingElement(element)) visit(element.name);
  };
  visit(name);
  return names;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
}
