import type { DataFlow } from '../link/inventory.js';
import type { Draft, Place } from './rule-module.js';

/** A data-flow finding is at the sink, about the category and the API that collected it. */
export function flowPlace(flow: DataFlow): Place {
  const { sink } = flow;
  return { file: sink.file, line: sink.line, column: sink.column, endLine: sink.endLine, endColumn: sink.endColumn, category: flow.category, api: flow.api, package: sink.package, flow: flow.steps };
}

/** "device.id (react-native-device-info#getUniqueId, collected at src/a.ts:3)". */
export function flowData(flow: DataFlow) {
  return { category: flow.category, api: flow.api, source: `${flow.source.file}:${flow.source.line}`, hashed: flow.hashed };
}

/**
 * One finding per sink, rule, kind and category: more collection sites of the same data add
 * nothing to fix. Drafts whose data differ only in where the data was collected are one.
 */
export function onePerSink(drafts: readonly Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const withoutSource = JSON.stringify(draft.data, (key, value: unknown) => (key === 'source' ? undefined : value));
    const key = [draft.ruleId, draft.kind, draft.file, draft.line, draft.column, draft.category, withoutSource].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
