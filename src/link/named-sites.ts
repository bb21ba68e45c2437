import type { CollectionSite, DataFlow } from './inventory.js';

const isNamed = (api: string) => api.startsWith('name:');
const placeOf = (place: { file: string; line: number; column: number }) => `${place.file}:${place.line}:${place.column}`;

/**
 * A value known only by its name (`deviceId` in a request body) whose every flow ends at a sink
 * that a catalogued source's data also reaches (`getUniqueId()` read in another file and passed
 * in): the catalogued site already says it, so the named site and its flows go.
 * (Within a file, detect/containment.ts does the same before linking.)
 *
 * A named value handed to project functions on its way (`fetch(url, { body })` where `fetch` is the
 * project's wrapper of the global one) is explained only by catalogued data handed over by one of the
 * same calls: every call of a shared wrapper ends at the wrapper's one sink, so the sink alone would let
 * the device model sent by one request hide the push token sent by another.
 */
export function withoutExplainedNames(
  collections: CollectionSite[],
  flows: DataFlow[],
  /** More ways catalogued data reaches sinks (explainingKeys of flows), where the flows are not all known. */
  alsoCatalogued: ReadonlySet<string> = new Set(),
): { collections: CollectionSite[]; flows: DataFlow[] } {
  if (!collections.some((site) => isNamed(site.api))) return { collections, flows };
  const catalogued = new Set([...flows.filter((flow) => !isNamed(flow.api)).flatMap((flow) => explainingKeys(flow.sink, flow.steps)), ...alsoCatalogued]);
  const flowsFrom = new Map<string, DataFlow[]>();
  for (const flow of flows) if (isNamed(flow.api)) flowsFrom.set(placeOf(flow.source), [...(flowsFrom.get(placeOf(flow.source)) ?? []), flow]);
  const dropped = new Set<string>();
  for (const site of collections) {
    if (!isNamed(site.api)) continue;
    const own = flowsFrom.get(placeOf(site)) ?? [];
    if (own.length > 0 && own.every((flow) => explainedBy(catalogued, flow.sink, flow.steps))) dropped.add(placeOf(site));
  }
  if (dropped.size === 0) return { collections, flows };
  return {
    collections: collections.filter((site) => !(isNamed(site.api) && dropped.has(placeOf(site)))),
    flows: flows.filter((flow) => !(isNamed(flow.api) && dropped.has(placeOf(flow.source)))),
  };
}

type Place = { file: string; line: number; column: number };
type Step = Place & { note: string };

const isHandOver = (step: Step) => step.note.startsWith('into parameter ');

/** The ways a catalogued flow explains a named one: its sink, and its sink as reached through each call that hands the data over. */
export function explainingKeys(sink: Place, steps: readonly Step[]): string[] {
  const at = placeOf(sink);
  return [`${at}|`, ...steps.filter(isHandOver).map((step) => `${at}|${placeOf(step)}`)];
}

/** Does catalogued data reach this named flow's sink through one of the calls that hand the value over (or at all, when none does)? */
function explainedBy(catalogued: ReadonlySet<string>, sink: Place, steps: readonly Step[]): boolean {
  const at = placeOf(sink);
  const handOvers = steps.filter(isHandOver);
  if (handOvers.length === 0) return catalogued.has(`${at}|`);
  return handOvers.some((step) => catalogued.has(`${at}|${placeOf(step)}`));
}

/**
 * Named values passed to project code (`fetch(url, { body: { token: pushToken.token } })` where
 * `fetch` is the project's own wrapper) are sites only where a flow takes them on to a sink; the
 * shortest such flow is kept on the site (`sentThrough`), so a finding can say where it leaves.
 */
export function withSinkReachingNames(collections: CollectionSite[], flows: DataFlow[], needFlow: ReadonlySet<string>): CollectionSite[] {
  if (needFlow.size === 0) return collections;
  const shortest = new Map<string, DataFlow>();
  for (const flow of flows) {
    const place = placeOf(flow.source);
    if (!needFlow.has(place)) continue;
    const known = shortest.get(place);
    if (!known || flow.steps.length < known.steps.length) shortest.set(place, flow);
  }
  const out: CollectionSite[] = [];
  for (const site of collections) {
    const place = placeOf(site);
    if (!isNamed(site.api) || !needFlow.has(place)) {
      out.push(site);
      continue;
    }
    const flow = shortest.get(place);
    if (flow) out.push({ ...site, sentThrough: flow.steps });
  }
  return out;
}
