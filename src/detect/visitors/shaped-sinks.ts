import { ts } from '../ts.js';
import type { SinkKind } from '../../catalog/types.js';
import type { FileAnalysis } from '../file-analysis.js';
import { calleeText, skipOuterExpressions } from '../references.js';
import { nameOf } from './named-data.js';

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
