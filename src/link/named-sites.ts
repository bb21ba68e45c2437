import type { CollectionSite, DataFlow } from './inventory.js';

const isNamed = (api: string) => api.startsWith('name:');
const placeOf = (place: { file: string; line: number; column: number }) => `${place.file}:${place.line}:${place.column}`;

/**
 * A value known only by its name (`deviceId` in a request body) whose every flow ends at a sink
 * that a catalogued source's data also reaches (`getUniqueId()` read in another file and passed
 * in): the catalogued site already says it, so the named site and its flows go.
 * (Within a file, detect/containment.ts does the same before linking.)
 */
export function withoutExplainedNames(
  collections: CollectionSite[],
  flows: DataFlow[],
  /** More sinks that catalogued data reaches (`file:line:column`), where the flows are not all known. */
  alsoCataloguedSinks: ReadonlySet<string> = new Set(),
): { collections: CollectionSite[]; flows: DataFlow[] } {
  if (!collections.some((site) => isNamed(site.api))) return { collections, flows };
  const cataloguedSinks = new Set([...flows.filter((flow) => !isNamed(flow.api)).map((flow) => placeOf(flow.sink)), ...alsoCataloguedSinks]);
  const flowsFrom = new Map<string, DataFlow[]>();
  for (const flow of flows) if (isNamed(flow.api)) flowsFrom.set(placeOf(flow.source), [...(flowsFrom.get(placeOf(flow.source)) ?? []), flow]);
  const dropped = new Set<string>();
  for (const site of collections) {
    if (!isNamed(site.api)) continue;
    const own = flowsFrom.get(placeOf(site)) ?? [];
    if (own.length > 0 && own.every((flow) => cataloguedSinks.has(placeOf(flow.sink)))) dropped.add(placeOf(site));
  }
  if (dropped.size === 0) return { collections, flows };
  return {
    collections: collections.filter((site) => !(isNamed(site.api) && dropped.has(placeOf(site)))),
    flows: flows.filter((flow) => !(isNamed(flow.api) && dropped.has(placeOf(flow.source)))),
  };
}
