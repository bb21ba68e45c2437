import type { CatalogIndex } from '../catalog/match.js';
import type { Destination, FileFacts, ProjectReference, SinkSite } from '../detect/facts.js';
import { pathString } from '../detect/access-path.js';
import type { ModuleResolver } from '../project/resolve.js';
import type { FlowBudget, FlowCut, FlowStart } from './flows.js';
import type { Diagnostic } from './inventory.js';
import type { Target } from './resolve-references.js';

const MAX_REEXPORT_DEPTH = 12;
/** Collection sites named in one visits-budget note; the rest are counted. */
const MAX_LISTED_SITES = 10;

/**
 * The file and export name an import of `name` from `specifier` finally denotes, through
 * re-exports (`export { X } from './x'`) and barrels (`export * from`); undefined when the module
 * is not a project file or does not export the name.
 */
export function exportLocation(
  files: ReadonlyMap<string, FileFacts>,
  modules: ModuleResolver,
  file: string,
  specifier: string,
  name: string,
  depth = 0,
): { file: string; name: string } | undefined {
  const target = modules.resolve(file, specifier);
  const facts = target ? files.get(target) : undefined;
  if (!target || !facts || depth > MAX_REEXPORT_DEPTH) return undefined;
  const named = facts.exports.find((entry) => entry.name === name);
  if (named) {
    const { target: exported } = named;
    if (exported.kind === 'reference' && exported.reference.root.kind === 'import' && exported.reference.segments.length === 1) {
      const further = exportLocation(files, modules, target, exported.reference.root.specifier, exported.reference.segments[0]!, depth + 1);
      if (further) return further;
    }
    return { file: target, name };
  }
  for (const entry of facts.exports) {
    if (entry.target.kind !== 'star') continue;
    const found = exportLocation(files, modules, target, entry.target.specifier, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * A project call that linking resolved to a catalogued sink: `api.post(url, body)` where `api` is
 * `axios.create({ baseURL })` exported by another file. The URL is the call's own first argument
 * when absolute, else the client's base URL (resolved in the file that made the client).
 */
export function linkedSinkSite(
  catalog: CatalogIndex,
  reference: ProjectReference,
  target: Target | undefined,
  resolveDestination: (file: string, destination: Destination) => Destination,
  callFile: string,
): SinkSite | undefined {
  if (target?.kind !== 'external') return undefined;
  const match = catalog.moduleSink(target.specifier, pathString(target.segments));
  if (!match) return undefined;
  const sdk = match.sink.kind === 'sdk' ? catalog.sdkForSpecifier(target.specifier) : undefined;
  let destination: Destination | undefined;
  if (match.sink.kind === 'network') {
    const own = match.call.url === 0 && reference.urlArgument ? resolveDestination(callFile, reference.urlArgument) : undefined;
    const base = match.call.chainUrl === 0 && target.base ? resolveDestination(target.base.file, target.base.destination) : undefined;
    destination = own && own.kind !== 'relative' && own.kind !== 'unknown' ? own : base && base.kind !== 'unknown' ? base : own ?? { kind: 'unknown' };
  }
  return {
    kind: match.sink.kind,
    ...(sdk ? { sdkId: sdk.id } : {}),
    package: target.specifier,
    callee: reference.callee ?? pathString(target.segments),
    range: reference.range,
    ...(destination ? { destination } : {}),
    functionIndex: reference.functionIndex,
    ...(reference.annotation ? { annotation: reference.annotation } : {}),
    guards: reference.guards,
    returned: reference.returned,
    annotationLine: reference.annotationLine,
  };
}

/**
 * Notes for the collection sites whose flows a budget cut short, each at the site itself, so a
 * reader (and SARIF) can see what was not followed and which setting to raise.
 */
export function cutDiagnostics(
  cuts: readonly FlowCut[],
  budget: FlowBudget,
  describe: (start: FlowStart) => { file: string; what: string },
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const cut of cuts) {
    const { file, what } = describe(cut.start);
    const place = `${file}:${cut.start.line}:${cut.start.column}`;
    if (seen.has(`${cut.reason}\0${place}`)) continue;
    seen.add(`${cut.reason}\0${place}`);
    const at = { file, line: cut.start.line, column: cut.start.column, severity: 'warning' as const };
    if (cut.reason === 'steps') {
      out.push({ ...at, message: `flows of ${what} collected here were followed for ${budget.maxSteps} steps only (flows.maxSteps); longer paths from this site were not followed, so some of its flows may be missing` });
      continue;
    }
    const skipped = cut.skipped.map((start) => {
      const described = describe(start);
      return `${described.file}:${start.line}:${start.column}`;
    });
    const listed = skipped.slice(0, MAX_LISTED_SITES).join(', ');
    const more = skipped.length > MAX_LISTED_SITES ? `, and ${skipped.length - MAX_LISTED_SITES} more` : '';
    const others = skipped.length > 0 ? `; flows from ${skipped.length} later collection site${skipped.length === 1 ? '' : 's'} were not followed at all (${listed}${more})` : '';
    out.push({ ...at, message: `flow analysis reached its budget of ${budget.maxVisits} search steps (flows.maxVisits) while following ${what} from here${others}; raise flows.maxVisits to see every flow` });
  }
  return out;
}
