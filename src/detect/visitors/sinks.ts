import type { SinkCall } from '../../catalog/types.js';
import { ts } from '../ts.js';
import { destinationOf, firstCallInChain } from '../destinations.js';
import type { Destination, Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { callbackParameter } from '../context.js';
import { calleeText, evaluateReference, pathString, skipOuterExpressions } from '../references.js';
import type { Scope } from '../scope.js';

// Calls through which data leaves the app (catalog sinks), and where network calls send it.

export function matchSink(analysis: FileAnalysis, reference: Reference, node: ts.CallExpression, scope: Scope): void {
  const { root } = reference;
  const { catalog } = analysis;
  const match =
    root.kind === 'import' && !root.typeOnly
      ? catalog.moduleSink(root.specifier, pathString(reference.segments))
      : root.kind === 'global'
        ? catalog.globalSink(pathString([root.name, ...reference.segments]))
        : undefined;
  if (!match) return;
  const pkg = root.kind === 'import' ? root.specifier : `global:${(root as { name: string }).name}`;
  const sdk = root.kind === 'import' ? catalog.sdkForSpecifier(root.specifier) : catalog.sdkForGlobal((root as { name: string }).name);
  const destination = match.sink.kind === 'network' ? destinationFor(analysis, match.call, node, scope) : undefined;
  const index = analysis.facts.sinks.length;
  analysis.sinkIndexes.set(node, index);
  if (match.call.data) analysis.sinkDataArguments.set(index, match.call.data);
  analysis.facts.sinks.push({
    kind: match.sink.kind,
    ...(sdk && match.sink.kind === 'sdk' ? { sdkId: sdk.id } : {}),
    package: pkg,
    callee: calleeText(node.expression, analysis.sourceFile),
    range: analysis.range(node),
    ...(destination ? { destination } : {}),
    ...analysis.context(node),
  });
}

/**
 * A sink handed to a callback: `set` in zustand's `persist((set) => …)` is `persist()=>0:0`, the
 * parameter 0 of the callback in argument 0, so `set({ email })` keeps what it is given. A package's
 * middleware between them hands the parameter on (`persist(immer((set) => …))`): the call the
 * middleware's result is given to is tried too, up to two levels out.
 */
export function matchCallbackSink(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(callee)) return;
  const parameter = callbackParameter(callee, analysis.scopeOf);
  if (!parameter) return;
  let call: ts.CallExpression = parameter.call;
  let argument = parameter.argument;
  for (let level = 0; level < 3; level++) {
    const owner = evaluateReference(call.expression, analysis.scopeOf(call));
    if (owner?.root.kind !== 'import') return;
    const before = analysis.facts.sinks.length;
    matchSink(analysis, { root: owner.root, segments: [...owner.segments, '()', `=>${argument}:${parameter.parameter}`] }, node, scope);
    if (analysis.facts.sinks.length > before) return;
    let outer: ts.Node = call;
    while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    if (!ts.isCallExpression(outer.parent)) return;
    argument = outer.parent.arguments.indexOf(outer as ts.Expression);
    if (argument < 0) return;
    call = outer.parent;
  }
}

/** Where a network sink sends data: its URL argument, the base URL of the client it is called on, or xhr.open(). */
function destinationFor(analysis: FileAnalysis, call: SinkCall, node: ts.CallExpression, scope: Scope): Destination {
  const direct = call.url !== undefined && node.arguments[call.url] ? destinationOf(node.arguments[call.url]!, scope) : undefined;
  if (direct && direct.kind !== 'relative' && direct.kind !== 'unknown') return direct;
  if (call.chainUrl !== undefined) {
    const first = firstCallInChain(node.expression, scope);
    const argument = first?.call.arguments?.[call.chainUrl];
    if (first && argument) {
      const base = destinationOf(argument, first.scope);
      if (base.kind !== 'unknown') return base;
    }
  }
  if (call.siblingUrl) {
    const sibling = siblingCallArgument(node, call.siblingUrl.call, call.siblingUrl.arg, analysis.scopeOf);
    if (sibling) return destinationOf(sibling.argument, sibling.scope);
  }
  return direct ?? { kind: 'unknown' };
}

/** For `xhr.send(body)`: the argument of `xhr.open(method, url)` on the same variable, in the same file. */
function siblingCallArgument(node: ts.CallExpression, method: string, index: number, scopeOf: (node: ts.Node) => Scope): { argument: ts.Expression; scope: Scope } | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const receiver = callee.expression;
  const binding = scopeOf(receiver).lookup(receiver.text);
  let found: { argument: ts.Expression; scope: Scope } | undefined;
  const visit = (candidate: ts.Node) => {
    if (found) return;
    if (
      ts.isCallExpression(candidate) &&
      ts.isPropertyAccessExpression(candidate.expression) &&
      candidate.expression.name.text === method &&
      ts.isIdentifier(candidate.expression.expression) &&
      scopeOf(candidate.expression.expression).lookup(candidate.expression.expression.text) === binding &&
      candidate.arguments[index]
    ) {
      found = { argument: candidate.arguments[index], scope: scopeOf(candidate) };
      return;
    }
    ts.forEachChild(candidate, visit);
  };
  visit(node.getSourceFile());
  return found;
}
