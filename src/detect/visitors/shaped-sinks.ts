import { ts } from '../ts.js';
import type { SinkKind } from '../../catalog/types.js';
import type { FileAnalysis } from '../file-analysis.js';
import { calleeText, skipOuterExpressions } from '../references.js';
import { nameOf } from './named-data.js';
import { enclosingFunctionLike, givenName } from '../scope.js';

/**
 * Sinks known by their shape, for a call whose receiver resolves to nothing catalogued (an app's
 * interface-typed parameter, `this.storage`): `asyncStorage.setItem(key, value)` keeps the value on
 * the device (catalog storage_receivers), `payloadBuilder.addContextEntity({ … })` sends it with a
 * tracker's events (payload_adders). The package is `shape:storage` / `shape:payload` (docs/json-output.md).
 */
export function matchShapedSink(analysis: FileAnalysis, node: ts.CallExpression): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || analysis.sinkIndexes.has(node)) return;
  const { names } = analysis.catalog;
  const method = callee.name.text;
  const receiver = nameOf(callee.expression);
  const kind: SinkKind | undefined =
    method === 'setItem' && node.arguments.length >= 2 && receiver !== undefined && names.isStorageReceiver(receiver)
      ? 'storage'
      : names.isPayloadAdder(method) && node.arguments.length > 0
        ? 'network'
        : undefined;
  if (!kind) return;
  analysis.sinkIndexes.set(node, analysis.facts.sinks.length);
  analysis.facts.sinks.push({
    kind,
    package: kind === 'storage' ? 'shape:storage' : 'shape:payload',
    callee: calleeText(node.expression, analysis.sourceFile),
    range: analysis.range(node),
    ...analysis.context(node),
  });
}

/**
 * `contexts: () => [{ schema, data: { resolution } }]`: what a function named as a payload_returners
 * one returns goes with every event (a tracker plugin's contexts), a network sink at the return
 * (`shape:payload`). The sink is keyed by the return statement, or by the arrow of an expression body.
 */
export function matchReturnedPayload(analysis: FileAnalysis, node: ts.ReturnStatement | ts.ArrowFunction): void {
  const fn = ts.isArrowFunction(node) ? node : enclosingFunctionLike(node);
  const name = fn && givenName(fn);
  if (name === undefined || !analysis.catalog.names.isPayloadReturner(name) || analysis.sinkIndexes.has(node)) return;
  analysis.sinkIndexes.set(node, analysis.facts.sinks.length);
  analysis.facts.sinks.push({ kind: 'network', package: 'shape:payload', callee: `${name}()`, range: analysis.range(node), ...analysis.context(node) });
}
