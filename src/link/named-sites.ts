import type { CollectionSite, DataFlow } from './inventory.js';

const isNamed = (api: string) => api.startsWith('name:');
/** A device getter known by name (`name:getBatteryLevel()`, detect/visitors/calls.ts recordDeviceGetter). */
const isGetter = (api: string) => isNamed(api) && api.endsWith('()');
const placeOf = (place: { file: string; line: number; column: number }) => `${place.file}:${place.line}:${place.column}`;
/** A site that counts only with a flow to a sink (SourceSite.needsFlow): its place and API, since a catalogued API and a name may share a place. */
export const needsFlowKey = (place: { file: string; line: number; column: number }, api: string) => `${placeOf(place)}\0${api}`;

/** A sink as reached by data of one category: what explains a named value of that category there. */
export const cataloguedSinkKey = (category: string, sink: { file: string; line: number; column: number }) => `${category}>${placeOf(sink)}`;
/** A line catalogued data passes on its way to a sink: what explains a named value met there. */
export const cataloguedLineKey = (sink: { file: string; line: number; column: number }, step: { file: string; line: number }) => `${placeOf(sink)}@${step.file}:${step.line}`;

/**
 * A value known only by its name (`deviceId` in a request body) whose every flow ends at a sink
 * that a catalogued source's data of the same category also reaches (`getUniqueId()` read in
 * another file and passed in), or that catalogued data reaches along the same way in the named
 * value's file (`Sentry.setUser({ id })` where `id` holds a device id; one `track(…)` call taking
 * both on): the catalogued site already says it, so the named site and its flows go. Another
 * category reaching the sink from elsewhere explains nothing: a push token one caller sends through
 * the project's `fetch` wrapper is not the device model another caller sends through it.
 * (Within a file, detect/containment.ts does the same before linking.)
 */
export function withoutExplainedNames(
  collections: CollectionSite[],
  flows: DataFlow[],
  /** More ways catalogued data reaches sinks (cataloguedSinkKey, cataloguedLineKey), where the flows are not all known. */
  alsoCatalogued: ReadonlySet<string> = new Set(),
  /** Sites that count only with a flow (needsFlowKey): a trait marked `sent` (the OS version) is not what a name beside it holds. */
  needFlow: ReadonlySet<string> = new Set(),
): { collections: CollectionSite[]; flows: DataFlow[] } {
  if (!collections.some((site) => isNamed(site.api))) return { collections, flows };
  const catalogued = flows.filter((flow) => !isNamed(flow.api) && !needFlow.has(needsFlowKey(flow.source, flow.api)));
  // Where catalogued data reaches each sink from (its category), and the lines it passes on its way:
  // where the named value's flow meets it in the named value's own file (the same line, or the same
  // call that takes both on), one finding says both.
  const explaining = new Set([
    ...catalogued.flatMap((flow) => [cataloguedSinkKey(flow.category, flow.sink), ...flow.steps.map((step) => cataloguedLineKey(flow.sink, step))]),
    ...alsoCatalogued,
    // A device getter known by name reads the device too: the name it is held in (`carrier` after
    // `carrier = retriever.getCarrier()`) reaching the sink it reaches, in its category, is that read.
    // Only for the device's own traits: the device has one carrier, but `getAccountId()` does not make
    // every account id sent through the same request helper (an invitee's, a member's) the user's.
    ...flows.filter((flow) => isGetter(flow.api) && flow.category.startsWith('device.')).map((flow) => cataloguedSinkKey(flow.category, flow.sink)),
  ]);
  // On the way, only at the named value's own line: a push token beside a device read in one
  // multi-line request body is not that read.
  // A device getter known by name reads a trait of its own: another read reaching the same sink is not it,
  // only catalogued data passing its own line (a getter of the project returning screen.width).
  const explains = (site: CollectionSite, flow: DataFlow) =>
    (!isGetter(site.api) && explaining.has(cataloguedSinkKey(flow.category, flow.sink))) || explaining.has(cataloguedLineKey(flow.sink, { file: site.file, line: site.line }));
  const flowsFrom = new Map<string, DataFlow[]>();
  for (const flow of flows) if (isNamed(flow.api)) flowsFrom.set(placeOf(flow.source), [...(flowsFrom.get(placeOf(flow.source)) ?? []), flow]);
  const dropped = new Set<string>();
  for (const site of collections) {
    if (!isNamed(site.api)) continue;
    const own = flowsFrom.get(placeOf(site)) ?? [];
    if (own.length > 0 && own.every((flow) => explains(site, flow))) dropped.add(placeOf(site));
  }
  if (dropped.size === 0) return { collections, flows };
  return {
    collections: collections.filter((site) => !(isNamed(site.api) && dropped.has(placeOf(site)))),
    flows: flows.filter((flow) => !(isNamed(flow.api) && dropped.has(placeOf(flow.source)))),
  };
}

/**
 * Named values passed to project code (`fetch(url, { body: { token: pushToken.token } })` where
 * `fetch` is the project's own wrapper), and catalogued APIs marked `sent` (a trait read everywhere for
 * layout, `Dimensions.get`), are sites only where a flow takes them on to a sink; the
 * shortest such flow is kept on the site (`sentThrough`), so a finding can say where it leaves.
 */
export function withSinkReachingNames(
  collections: CollectionSite[],
  flows: DataFlow[],
  needFlow: ReadonlySet<string>,
  storedOnly: (api: string) => boolean = () => false,
  keptAs: (sinkPackage: string) => string | undefined = () => undefined,
  deriveOnly: ReadonlySet<string> = new Set(),
): CollectionSite[] {
  if (needFlow.size === 0) return collections;
  const shortest = new Map<string, DataFlow>();
  const leaving = new Set<string>();
  for (const flow of flows) {
    const place = needsFlowKey(flow.source, flow.api);
    if (!needFlow.has(place)) continue;
    // A bare `ip` handed to project code counts only hashed into an identifier there.
    if (deriveOnly.has(place) && flow.sink.kind !== 'derive') continue;
    if (storedOnly(flow.api) && (flow.sink.kind !== 'storage' || isCookieJar(flow))) leaving.add(place);
    if (storedOnly(flow.api) && flow.sink.kind !== 'storage') continue;
    const known = shortest.get(place);
    if (!known || flow.steps.length < known.steps.length) shortest.set(place, flow);
  }
  const out: CollectionSite[] = [];
  for (const site of collections) {
    const place = needsFlowKey(site, site.api);
    if (!needFlow.has(place)) {
      out.push(site);
      continue;
    }
    const flow = shortest.get(place);
    // A generated id kept only on the device (a support code in AsyncStorage) is collected by nobody:
    // it is a site once it also leaves — sent on, or kept in a cookie, which goes with every request.
    if (flow && storedOnly(site.api) && !leaving.has(place)) continue;
    // A generated id kept in web storage or a cookie is a visitor id (web.cookies), not a device's.
    const kept = flow && storedOnly(site.api) ? keptAs(flow.sink.package) : undefined;
    if (flow) out.push({ ...site, ...(kept ? { category: kept } : {}), sentThrough: flow.steps });
  }
  return out;
}

/** A write into a cookie (`document.cookie`, js-cookie, a cookie helper): the browser sends it with every request. */
function isCookieJar(flow: DataFlow): boolean {
  return /cookie/i.test(flow.sink.package) || /cookie/i.test(flow.sink.callee);
}

/**
 * A generated id (`sent: stored`: uuid v4, crypto.randomUUID()) identifies an install or a visitor
 * only once it is kept on the device and also leaves it; one that is never stored is a request or event
 * id, one only kept is a local code, so their flows are no sharing of a device id either.
 */
export function withoutUnstoredIds(flows: DataFlow[], storedOnly: (api: string) => boolean): DataFlow[] {
  const stored = new Set<string>();
  const leaving = new Set<string>();
  for (const flow of flows) {
    if (!storedOnly(flow.api)) continue;
    const place = needsFlowKey(flow.source, flow.api);
    if (flow.sink.kind === 'storage') stored.add(place);
    if (flow.sink.kind !== 'storage' || isCookieJar(flow)) leaving.add(place);
  }
  // Kept and sent on (or kept in a cookie): an install or visitor id. Kept only, or sent only: no one's id.
  return flows.filter((flow) => !storedOnly(flow.api) || (stored.has(needsFlowKey(flow.source, flow.api)) && leaving.has(needsFlowKey(flow.source, flow.api))));
}
