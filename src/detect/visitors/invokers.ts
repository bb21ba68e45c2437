import { ts } from '../ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { invokerOf } from '../../catalog/invokers.js';
import { calleeText, evaluateReference, pathString, skipOuterExpressions } from '../references.js';
import type { Scope } from '../scope.js';

/**
 * `yield call(getId)`, `fork(track, event)`, `apply(context, track, [event])` (catalog invokers.yaml): the
 * invoker's call is a call of the project function it is given, with that function's arguments.
 */
export function recordInvokedCall(analysis: FileAnalysis, reference: Reference, node: ts.CallExpression, scope: Scope): boolean {
  if (reference.root.kind !== 'import') return false;
  const invoker = invokerOf(reference.root.specifier, pathString(reference.segments));
  let argument = invoker ? node.arguments[invoker.callee] : undefined;
  if (!invoker || !argument) return false;
  argument = skipOuterExpressions(argument);
  // redux-saga's `call([context, fn], …)`.
  if (ts.isArrayLiteralExpression(argument) && argument.elements.length === 2) argument = argument.elements[1]!;
  const invoked = evaluateReference(argument, scope);
  if (!invoked) return false;
  const project = invoked.root.kind === 'function' || (invoked.root.kind === 'import' && !invoked.root.typeOnly && analysis.importsProjectCode(invoked.root.specifier));
  if (!project) return false;
  analysis.recordProjectReference({ root: invoked.root, segments: [...invoked.segments, '()'] }, node, { callee: calleeText(argument, analysis.sourceFile), arguments: invoker.arguments ?? null });
  return true;
}
