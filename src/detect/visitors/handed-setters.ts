import { ts } from '../ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { evaluateReference, pathString, skipOuterExpressions, staticName } from '../references.js';
import { isFunctionLike, patternNames, type Scope } from '../scope.js';

// A persisted store made by the app's own wrapper (`createStore({ actions: (set) => … })` around
// zustand's `persist`): the wrapper hands the store's setter to a callback it is given
// (`createActions(store.setState)`), so the `set` that callback receives is persist's, a storage sink,
// in every file that calls the wrapper. The wrapper's function records what it hands on, as a member
// `=>0.actions:0` of what it is called with (FunctionFact.members); a call of `set` in a caller is a
// project reference `createStore()=>0.actions:0`, which linking resolves to the catalogued sink.

const MAX_DEPTH = 8;

/** Wrapper side: `cb(store.setState)` where `cb` is (a member of) a parameter and `store` was made with a catalogued callback sink. */
export function recordHandedSetter(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(callee)) return;
  const owner = declaringFunction(callee);
  if (!owner) return;
  node.arguments.forEach((argument, index) => {
    const sink = persistedSetter(analysis, argument, scope);
    if (!sink) return;
    const functionIndex = analysis.functionIndexOf(owner.fn);
    const handed = analysis.handedSinks.get(functionIndex) ?? {};
    handed[`=>${owner.path}:${index}`] = { kind: 'reference', reference: sink };
    analysis.handedSinks.set(functionIndex, handed);
  });
}

/** Caller side: `set(…)` where `set` is parameter P of a callback given to a project function (directly or as a property of an argument). */
export function matchHandedSetter(analysis: FileAnalysis, node: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(callee)) return false;
  const binding = analysis.scopeOf(callee).lookup(callee.text);
  if (binding?.kind !== 'local') return false;
  for (let current: ts.Node | undefined = callee.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!isFunctionLike(current)) continue;
    const parameter = current.parameters.findIndex((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === callee.text);
    if (parameter < 0) continue;
    const given = givenAt(current);
    if (!given) return false;
    const owner = evaluateReference(given.call.expression, analysis.scopeOf(given.call));
    const project = owner?.root.kind === 'function' || (owner?.root.kind === 'import' && !owner.root.typeOnly && analysis.importsProjectCode(owner.root.specifier));
    if (!owner || !project) return false;
    analysis.recordProjectReference({ root: owner.root, segments: [...owner.segments, '()', `=>${given.path}:${parameter}`, '()'] }, node);
    return true;
  }
  return false;
}

/**
 * `createStore({ name: 'profile-address', actions: (set) => ({ setAddress: (address) => set({ address }) }) })`:
 * a handed setter of a store whose name says it holds a person's data (`profile`, `user`: person_owners),
 * by the `name` written beside the callback or the variable the store is kept in. Its bare keys
 * (`address`, `city`, `name`) are that person's, as `user.address` is.
 */
export function setsPersonStore(analysis: FileAnalysis, node: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(callee)) return false;
  for (let current: ts.Node | undefined = callee.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!isFunctionLike(current)) continue;
    if (!current.parameters.some((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === callee.text)) continue;
    const given = givenAt(current);
    if (!given) return false;
    const { names } = analysis.catalog;
    const options = skipOuterExpressions(given.call.arguments[Number(given.path.split('.')[0])]!);
    const named = ts.isObjectLiteralExpression(options)
      ? options.properties.find((property) => ts.isPropertyAssignment(property) && property.name && staticName(property.name) === 'name')
      : undefined;
    const storeName = named && ts.isPropertyAssignment(named) && ts.isStringLiteralLike(named.initializer) ? named.initializer.text : undefined;
    const holder = ts.isVariableDeclaration(given.call.parent) && ts.isIdentifier(given.call.parent.name) ? given.call.parent.name.text : undefined;
    return [storeName, holder].some((name) => name !== undefined && names.isPersonOwner(name));
  }
  return false;
}

/** Where a callback is given: argument A of a call (`A`), or property K of an object in argument A (`A.K`). */
function givenAt(fn: ts.Node): { call: ts.CallExpression; path: string } | undefined {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  let key: string | undefined;
  if (ts.isPropertyAssignment(node.parent) && node.parent.initializer === node) {
    key = staticName(node.parent.name);
    if (key === undefined || !ts.isObjectLiteralExpression(node.parent.parent)) return undefined;
    node = node.parent.parent;
  }
  const call = node.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(node as ts.Expression);
  return index < 0 ? undefined : { call, path: key === undefined ? `${index}` : `${index}.${key}` };
}

/** The function whose parameter `name` is (or is destructured from, one level: `{ actions: createActions }`), with its path `0` or `0.actions`. */
function declaringFunction(name: ts.Identifier): { fn: ts.SignatureDeclaration; path: string } | undefined {
  for (let current: ts.Node | undefined = name.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!isFunctionLike(current)) continue;
    for (const [index, parameter] of current.parameters.entries()) {
      const found = patternNames(parameter.name).find((entry) => entry.name === name.text);
      if (!found) continue;
      if (found.members.length === 0) return { fn: current, path: `${index}` };
      if (found.members.length === 1 && found.members[0] !== '?') return { fn: current, path: `${index}.${found.members[0]}` };
      return undefined;
    }
  }
  return undefined;
}

/** `store.setState` where `store` was made with a call the catalog lists as handing a storage sink to its callback (`persist()=>0:0`). */
function persistedSetter(analysis: FileAnalysis, argument: ts.Expression, scope: Scope): Reference | undefined {
  const value = skipOuterExpressions(argument);
  if (!ts.isPropertyAccessExpression(value) || value.name.text !== 'setState') return undefined;
  return madeWithSink(analysis, value.expression, scope, 0);
}

function madeWithSink(analysis: FileAnalysis, node: ts.Node, scope: Scope, depth: number): Reference | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isIdentifier(node)) {
    const binding = scope.lookup(node.text);
    return binding?.kind === 'alias' && binding.members.length === 0 ? madeWithSink(analysis, binding.expression, binding.scope, depth + 1) : undefined;
  }
  if (ts.isCallExpression(node)) {
    const owner = evaluateReference(node.expression, scope);
    if (owner?.root.kind === 'import' && !owner.root.typeOnly) {
      const handed = [...owner.segments, '()', '=>0:0'];
      if (analysis.catalog.moduleSink(owner.root.specifier, pathString(handed))?.sink.kind === 'storage') return { root: owner.root, segments: handed };
    }
  }
  let found: Reference | undefined;
  ts.forEachChild(node, (child) => {
    if (!found && !isFunctionLike(child)) found = madeWithSink(analysis, child, scope, depth + 1);
  });
  return found;
}
