import type { FileFacts, ProjectReference, Reference } from '../detect/facts.js';
import { FINGERPRINT_GROUPS_THRESHOLD } from '../detect/fingerprint-signals.js';
import { compareText } from '../util/order.js';
import type { Target } from './resolve-references.js';

/** How many project calls deep a reader's signals are looked for (reader → helper → helper). */
const MAX_READER_DEPTH = 4;

export interface GatheringInput {
  files: ReadonlyMap<string, FileFacts>;
  /** What a reference written in `file` denotes. */
  resolve(file: string, reference: Reference): Target;
  /** What a project call of `file` calls (resolved once by the linker). */
  resolvedCall(file: string, reference: ProjectReference): Target | undefined;
  /** The fingerprinting signal group of a catalogued API id. */
  signalOf(apiId: string): string | undefined;
}

/**
 * What a fingerprinting gathering makes device.fingerprint: the readers' functions (with what they
 * contain and call), by file, as function indexes; and the gathering's own calls of readers, where
 * sites lifted from a reader that returns its trait are reported.
 */
export interface CombinedFunctions {
  functions: ReadonlyMap<string, ReadonlySet<number>>;
  calls: ReadonlySet<ProjectReference>;
}

/**
 * The combination rule across files (docs/fingerprinting.md): fingerprinting scripts often read one
 * trait per module (`sources/screen.ts`, `sources/canvas.ts` …) and collect them in another — a map of
 * the readers (`const sources = { screen: getScreen, canvas: getCanvas }`) or a function that calls
 * them and returns or sends the results together (`{ screen: getScreen(), canvas: await getCanvas() }`).
 * Each such gathering (detect/gatherings.ts) joins the signals its readers read — in their bodies,
 * their inner functions and the project functions whose answer they return, up to MAX_READER_DEPTH
 * calls deep (a helper that only picks a code path, `if (isChromium())`, is not part of it) — and
 * when those cover FINGERPRINT_GROUPS_THRESHOLD groups or more, every signal read there is
 * `device.fingerprint`, and the low-confidence reads held back by the escape rule (`heldSignals`:
 * a media query tested, a storage probe cast to a boolean) are reported too: their answer is the
 * component the reader returns. Only signals the readers return (SiteContext.returned) are counted —
 * a map of screens or handlers that happen to read traits for other ends is not a fingerprint — and
 * signals held back are not counted, as within a file. Files are
 * visited in path order, so the result never depends on the order facts arrived in.
 */
export function combinedFunctions(input: GatheringInput): CombinedFunctions {
  const combined = new Map<string, Set<number>>();
  const calls = new Set<ProjectReference>();
  const regions = new Map<string, Region>();
  const files = [...input.files.keys()].sort(compareText);
  for (const file of files) {
    const facts = input.files.get(file)!;
    for (const gathering of facts.gatherings ?? []) {
      const readers: Target[] = [
        ...gathering.calls.map((index) => facts.projectReferences[index]).flatMap((reference) => (reference ? [input.resolvedCall(file, reference)] : [])).filter((target) => target !== undefined),
        ...gathering.values.map((value) => input.resolve(file, value)),
      ];
      const groups = new Set<string>();
      const reached: Region[] = [];
      for (const reader of readers) {
        if (reader.kind !== 'function' || reader.rest.length > 0) continue;
        const region = regionOf(input, regions, reader.file, reader.functionIndex);
        reached.push(region);
        for (const group of region.groups) groups.add(group);
      }
      if (groups.size < FINGERPRINT_GROUPS_THRESHOLD) continue;
      for (const index of gathering.calls) calls.add(facts.projectReferences[index]!);
      for (const region of reached) {
        for (const [regionFile, functions] of region.functions) {
          const set = combined.get(regionFile) ?? new Set<number>();
          for (const index of functions) set.add(index);
          combined.set(regionFile, set);
        }
      }
    }
  }
  return { functions: combined, calls };
}

/** A reader's functions (by file) and the signal groups read in them. */
interface Region {
  functions: Map<string, Set<number>>;
  groups: Set<string>;
}

function regionOf(input: GatheringInput, memo: Map<string, Region>, file: string, functionIndex: number): Region {
  const key = `${file}\0${functionIndex}`;
  const known = memo.get(key);
  if (known) return known;
  const region: Region = { functions: new Map(), groups: new Set() };
  memo.set(key, region);
  // Breadth first over (file, function, depth): the function, its inner functions, the functions it calls.
  const queue: { file: string; functionIndex: number; depth: number }[] = [{ file, functionIndex, depth: 0 }];
  while (queue.length > 0) {
    const next = queue.shift()!;
    const facts = input.files.get(next.file);
    if (!facts) continue;
    const functions = region.functions.get(next.file) ?? new Set<number>();
    region.functions.set(next.file, functions);
    if (functions.has(next.functionIndex)) continue;
    // The function and every function nested in it.
    const added = new Set<number>([next.functionIndex, ...nestedFunctions(facts, next.functionIndex)]);
    for (const index of added) functions.add(index);
    const byFunction = sitesByFunction(facts);
    for (const functionIndex of added) {
      for (const source of byFunction.sources.get(functionIndex) ?? []) {
        // Counted when it is the reader's answer (returned, as such or made into it): a screen that reads
        // a locale to send it and is listed in a navigator's map of screens does not return it.
        if (!source.returned) continue;
        const group = input.signalOf(source.apiId);
        if (group !== undefined) region.groups.add(group);
      }
    }
    if (next.depth >= MAX_READER_DEPTH) continue;
    // The calls made in these functions, in the file's order (the order the search queues them in).
    const calls = [...added].flatMap((functionIndex) => byFunction.references.get(functionIndex) ?? []).sort((a, b) => a - b);
    for (const index of calls) {
      const reference = facts.projectReferences[index]!;
      // A helper whose answer is part of what the reader returns (`winding = doesSupportWinding(context)`);
      // not one that only picks a code path (`if (isChromium()) …`).
      if (!reference.returned && !reachesReturn(facts, `c${index}`, `r${reference.functionIndex}`)) continue;
      const target = input.resolvedCall(next.file, reference);
      if (target?.kind === 'function' && target.rest.length === 0) queue.push({ file: target.file, functionIndex: target.functionIndex, depth: next.depth + 1 });
    }
  }
  return region;
}

/** A file's sources and project calls (as indexes) by the function they are in, made when a reader there is first asked about. */
function sitesByFunction(facts: FileFacts): SitesByFunction {
  let sites = SITES.get(facts);
  if (!sites) {
    const made: SitesByFunction = { sources: new Map(), references: new Map() };
    for (const source of facts.sources) if (source.functionIndex !== null) pushTo(made.sources, source.functionIndex, source);
    facts.projectReferences.forEach((reference, index) => {
      if (reference.functionIndex !== null) pushTo(made.references, reference.functionIndex, index);
    });
    sites = made;
    SITES.set(facts, sites);
  }
  return sites;
}

interface SitesByFunction {
  sources: Map<number, FileFacts['sources']>;
  references: Map<number, number[]>;
}

const SITES = new WeakMap<FileFacts, SitesByFunction>();

function pushTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The functions nested in function `index` of a file, at any depth, in index order. */
function nestedFunctions(facts: FileFacts, index: number): number[] {
  let children = CHILDREN.get(facts);
  if (!children) {
    const made = new Map<number, number[]>();
    facts.functions.forEach((fn, child) => {
      if (fn.parentFunction === null) return;
      const list = made.get(fn.parentFunction);
      if (list) list.push(child);
      else made.set(fn.parentFunction, [child]);
    });
    children = made;
    CHILDREN.set(facts, children);
  }
  const nested: number[] = [];
  const pending = [...(children.get(index) ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    nested.push(next);
    pending.push(...(children.get(next) ?? []));
  }
  return nested.sort((a, b) => a - b);
}

/** Each file's functions by the function they are nested in, made when a reader there is first asked about. */
const CHILDREN = new WeakMap<FileFacts, Map<number, number[]>>();

/** How many slots the search for a helper's answer in its caller's return visits at most. */
const MAX_ANSWER_SLOTS = 256;

/** Does the value in `from` reach `to` in the file's value graph (within MAX_ANSWER_SLOTS slots)? */
function reachesReturn(facts: FileFacts, from: string, to: string): boolean {
  let edges = ADJACENCY.get(facts);
  if (!edges) {
    edges = new Map();
    for (const edge of facts.flowEdges) {
      const list = edges.get(edge.from);
      if (list) list.push(edge.to);
      else edges.set(edge.from, [edge.to]);
    }
    ADJACENCY.set(facts, edges);
  }
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0 && seen.size < MAX_ANSWER_SLOTS) {
    for (const next of edges.get(queue.shift()!) ?? []) {
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

/** The value graph of a file by slot, built when a reader there is first asked about (facts are immutable once linked). */
const ADJACENCY = new WeakMap<FileFacts, Map<string, string[]>>();
