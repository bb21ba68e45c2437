import { ts } from '../ts.js';
import { destinationOf } from '../destinations.js';
import type { FileAnalysis } from '../file-analysis.js';
import { calleeText, evaluateReference, pathString, skipOuterExpressions } from '../references.js';
import type { Scope } from '../scope.js';
import { recordNamedSent } from './named-data.js';

// A member written that sends what it is given (catalog sinks with `assigned: true`): the window's
// location (`location.href = url`, `window.location = url`) navigates there at once, a link's href
// (`a.href = url`, any element: `*.href`) when it is followed. What the URL carries leaves with it.

export function matchAssignedSink(analysis: FileAnalysis, node: ts.BinaryExpression, scope: Scope): void {
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = skipOuterExpressions(node.left);
  if (!ts.isPropertyAccessExpression(target) && !ts.isIdentifier(target)) return;
  const { catalog } = analysis;
  const reference = evaluateReference(target, scope);
  const global = reference?.root.kind === 'global' ? catalog.globalSink(pathString([reference.root.name, ...reference.segments])) : undefined;
  const match = global?.call.assigned ? global : ts.isPropertyAccessExpression(target) ? catalog.globalSink(`*.${target.name.text}`) : undefined;
  if (!match?.call.assigned) return;
  const index = analysis.facts.sinks.length;
  analysis.sinkIndexes.set(node, index);
  analysis.facts.sinks.push({
    kind: match.sink.kind,
    package: `global:${match.sink.global ?? '*'}`,
    callee: `${calleeText(target, analysis.sourceFile)} =`,
    range: analysis.range(node),
    destination: destinationOf(node.right, scope),
    ...analysis.context(node),
  });
  recordNamedSent(analysis, node.right);
}
