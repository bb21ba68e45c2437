import type { CollectionSite, DataFlow } from './inventory.js';

const placeOf = (place: { file: string; line: number; column: number }) => `${place.file}:${place.line}:${place.column}`;

/**
 * A storage helper of another file that keeps what its callers give it in the browser
 * (`attemptWriteLocalStorage(key, value)` around `localStorage.setItem`, a storage sink marked
 * `keeps: web.cookies`), and that a visitor id reaches — a cookie read, a named visitor id, a generated
 * id reported as one: the write is where the browser is made to recognise the visitor, a cookie-like
 * store, so it is a web.cookies site of its own, as a cookie write is. One per write, whatever reaches it.
 * A write in the file the id comes from is that site's own business (the site already says it); a write
 * of what the writing file makes itself is not a helper's.
 */
export function visitorIdWrites(
  collections: readonly CollectionSite[],
  flows: readonly DataFlow[],
  keptAs: (sinkPackage: string) => string | undefined,
  siteAt: (flow: DataFlow) => CollectionSite | undefined,
): CollectionSite[] {
  const reportedAs = new Map<string, Set<string>>();
  for (const site of collections) reportedAs.set(`${placeOf(site)}\0${site.api}`, (reportedAs.get(`${placeOf(site)}\0${site.api}`) ?? new Set()).add(site.category));
  const taken = new Set(collections.map(placeOf));
  const out: CollectionSite[] = [];
  for (const flow of flows) {
    const { sink } = flow;
    if (sink.kind !== 'storage' || keptAs(sink.package) !== 'web.cookies' || sink.file === flow.source.file || taken.has(placeOf(sink))) continue;
    // What the helper writes is what a caller of another file handed it, as it is: not a value the
    // helper makes (an expiry beside it) nor one the writing file builds (a queue of events, a user record).
    if (flow.steps.length < 2 || flow.steps[flow.steps.length - 2]!.file === sink.file) continue;
    const visitorId = flow.category === 'web.cookies' || reportedAs.get(`${placeOf(flow.source)}\0${flow.api}`)?.has('web.cookies') === true;
    if (!visitorId) continue;
    const site = siteAt(flow);
    if (!site) continue;
    taken.add(placeOf(sink));
    out.push(site);
  }
  return out;
}
