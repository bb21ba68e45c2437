import type { Destination, FileFacts, FlowEdge, SinkSite } from '../detect/facts.js';
import { contextExportSlot, parseContextImportSlot } from '../detect/flow-slots.js';
import { toPosixRelative } from '../util/paths.js';
import type { ViaStep } from './inventory.js';
import type { Target } from './resolve-references.js';

/** Limits that keep flow analysis bounded on any codebase; a cut is reported, never silent. */
export interface FlowBudget {
  /** Longest path followed, in steps. */
  maxSteps: number;
  /** Wall-clock budget for the whole flow search. */
  maxMilliseconds: number;
}

export const DEFAULT_FLOW_BUDGET: FlowBudget = { maxSteps: 40, maxMilliseconds: 10_000 };

/** How many graph nodes are expanded between two looks at the clock. */
export const CLOCK_INTERVAL = 256;

/** A node of the project-wide value graph: a file and a slot in it (see FlowEdge). */
type NodeKey = string;
const key = (file: string, slot: string): NodeKey => `${file}\0${slot}`;

interface GraphEdge {
  to: NodeKey;
  step: ViaStep;
  hashed: boolean;
}

/** Where data leaves the app: a sink found in its file, or a call that linking found to be one. */
export interface FlowSink {
  file: string;
  site: SinkSite;
  /** Unique per sink, for de-duplication. */
  id: string;
}

/** A collection site flows are followed from. */
export interface FlowStart {
  file: string;
  /** Index into the file's sources, or -1 for a source reached through a re-export (viaCall). */
  sourceIndex: number;
  /** Set for a source reached through a re-export (a project call resolved to a catalogued API). */
  viaCall?: { file: string; referenceIndex: number };
  line: number;
  column: number;
}

export interface RawFlow {
  start: FlowStart;
  sink: FlowSink;
  steps: ViaStep[];
  hashed: boolean;
}

/** A collection site whose flows were not all followed, and which budget stopped them. */
export interface FlowCut {
  start: FlowStart;
  reason: 'steps' | 'time';
  /** For a time cut: the collection sites after this one that were not followed at all. */
  skipped: FlowStart[];
}

export interface FlowSearchResult {
  flows: RawFlow[];
  cuts: FlowCut[];
}

export interface FlowGraphInput {
  root: string;
  files: ReadonlyMap<string, FileFacts>;
  /** What a project reference resolves to. */
  resolvedCall(file: string, referenceIndex: number): Target | undefined;
  /** The reference is a call of a catalogued source API through a re-export. */
  externalSource(file: string, referenceIndex: number): boolean;
  /** The reference is a sink once resolved (`api.post()` on an axios instance exported by another file). */
  linkedSink(file: string, referenceIndex: number): SinkSite | undefined;
  /** The file and export name a context import (`import { DeviceContext } from './device'`) denotes. */
  exportLocation(file: string, specifier: string, name: string): { file: string; name: string } | undefined;
  budget?: FlowBudget;
  /** The clock (tests pass their own). */
  now?: () => number;
}

/**
 * Follows values from every collection site to every sink, across files: within a file along
 * FlowEdges, and between files from a call's arguments to the callee's parameters and from the
 * callee's return value back to the call. Context-insensitive: a function's parameters merge
 * what all its callers pass. Breadth-first, so each flow found is a shortest path.
 */
export function findFlows(input: FlowGraphInput): FlowSearchResult {
  const budget = input.budget ?? DEFAULT_FLOW_BUDGET;
  const now = input.now ?? Date.now;
  const started = now();
  const { graph, sinks } = buildGraph(input);

  const flows: RawFlow[] = [];
  const cuts: FlowCut[] = [];
  const starts = collectStarts(input);
  let expanded = 0;
  let outOfTime = false;
  const timeIsUp = () => {
    if (++expanded % CLOCK_INTERVAL === 0 && now() - started > budget.maxMilliseconds) outOfTime = true;
    return outOfTime;
  };

  for (let startIndex = 0; startIndex < starts.length; startIndex++) {
    const start = starts[startIndex]!;
    const node = key(start.file, start.sourceIndex >= 0 ? `s${start.sourceIndex}` : `c${start.viaCall!.referenceIndex}`);
    if (!graph.has(node)) continue;
    if (outOfTime || now() - started > budget.maxMilliseconds) {
      cuts.push({ start, reason: 'time', skipped: starts.slice(startIndex + 1).filter((later) => graph.has(startNode(later))) });
      break;
    }
    const previous = new Map<NodeKey, { from: NodeKey; edge: GraphEdge } | null>([[node, null]]);
    let frontier = [node];
    for (let depth = 0; frontier.length > 0; depth++) {
      if (depth >= budget.maxSteps) {
        // Only a cut if some path would have gone on.
        if (frontier.some((candidate) => (graph.get(candidate) ?? []).some((edge) => !previous.has(edge.to)))) cuts.push({ start, reason: 'steps', skipped: [] });
        break;
      }
      const next: NodeKey[] = [];
      for (const current of frontier) {
        if (timeIsUp()) break;
        for (const edge of graph.get(current) ?? []) {
          if (previous.has(edge.to)) continue;
          previous.set(edge.to, { from: current, edge });
          next.push(edge.to);
          const sink = sinks.get(edge.to);
          if (sink) flows.push({ start, sink, ...pathTo(edge.to, previous) });
        }
      }
      if (outOfTime) {
        cuts.push({ start, reason: 'time', skipped: starts.slice(startIndex + 1).filter((later) => graph.has(startNode(later))) });
        break;
      }
      frontier = next;
    }
    if (outOfTime) break;
  }
  return { flows, cuts };
}

function startNode(start: FlowStart): NodeKey {
  return key(start.file, start.sourceIndex >= 0 ? `s${start.sourceIndex}` : `c${start.viaCall!.referenceIndex}`);
}

function buildGraph(input: FlowGraphInput): { graph: Map<NodeKey, GraphEdge[]>; sinks: Map<NodeKey, FlowSink> } {
  const { files } = input;
  const graph = new Map<NodeKey, GraphEdge[]>();
  const addEdge = (from: NodeKey, edge: GraphEdge) => {
    const list = graph.get(from);
    if (list) list.push(edge);
    else graph.set(from, [edge]);
  };
  const sinks = new Map<NodeKey, FlowSink>();

  for (const [file, facts] of files) {
    const relative = toPosixRelative(input.root, file);
    const nodeOf = (slot: string): NodeKey => {
      const context = parseContextImportSlot(slot);
      if (!context) return key(file, slot);
      const location = input.exportLocation(file, context.specifier, context.name);
      return location ? key(location.file, contextExportSlot(location.name)) : key(file, slot);
    };
    const step = (edge: FlowEdge): ViaStep => ({ file: relative, line: edge.line, column: edge.column, note: edge.note });
    for (const edge of facts.flowEdges) addEdge(nodeOf(edge.from), { to: nodeOf(edge.to), step: step(edge), hashed: edge.hashed === true });
    facts.sinks.forEach((site, index) => sinks.set(key(file, `k${index}`), { file, site, id: `${file}\0k${index}` }));

    const argumentCounts = countArguments(facts);
    facts.projectReferences.forEach((reference, index) => {
      const argumentCount = argumentCounts.get(index) ?? 0;
      const linked = input.linkedSink(file, index);
      if (linked) {
        const sink: FlowSink = { file, site: linked, id: `${file}\0a${index}` };
        for (let argument = 0; argument < argumentCount; argument++) sinks.set(key(file, `a${index}.${argument}`), sink);
        return;
      }
      const target = input.resolvedCall(file, index);
      if (target?.kind !== 'function' || target.rest.length > 0) {
        // Not a project function we can follow (a method of a returned object, a package's API):
        // like any unknown call, it passes on what its receiver and arguments carry.
        if (input.externalSource(file, index)) return;
        const at = { file: relative, line: reference.range.line, column: reference.range.column };
        for (const argument of [...Array.from({ length: argumentCount }, (_, k) => String(k)), 'this']) {
          addEdge(key(file, `a${index}.${argument}`), { to: key(file, `c${index}`), step: { ...at, note: `returned by ${reference.callee ?? 'the call'}()` }, hashed: false });
        }
        return;
      }
      const callee = files.get(target.file)?.functions[target.functionIndex];
      const name = callee?.name ?? 'a function';
      const at = { file: relative, line: reference.range.line, column: reference.range.column };
      for (let argument = 0; argument < argumentCount; argument++) {
        addEdge(key(file, `a${index}.${argument}`), {
          to: key(target.file, `p${target.functionIndex}.${argument}`),
          step: { ...at, note: `into parameter ${argument + 1} of ${name}()` },
          hashed: false,
        });
      }
      addEdge(key(target.file, `r${target.functionIndex}`), { to: key(file, `c${index}`), step: { ...at, note: `returned by ${name}()` }, hashed: false });
    });
  }
  return { graph, sinks };
}

function collectStarts(input: FlowGraphInput): FlowStart[] {
  const starts: FlowStart[] = [];
  for (const [file, facts] of input.files) {
    facts.sources.forEach((source, index) => starts.push({ file, sourceIndex: index, line: source.range.line, column: source.range.column }));
    facts.projectReferences.forEach((reference, index) => {
      if (input.externalSource(file, index)) {
        starts.push({ file, sourceIndex: -1, viaCall: { file, referenceIndex: index }, line: reference.range.line, column: reference.range.column });
      }
    });
  }
  return starts;
}

function pathTo(node: NodeKey, previous: Map<NodeKey, { from: NodeKey; edge: GraphEdge } | null>): { steps: ViaStep[]; hashed: boolean } {
  const steps: ViaStep[] = [];
  let hashed = false;
  for (let current = previous.get(node); current; current = previous.get(current.from)) {
    steps.unshift(current.edge.step);
    hashed ||= current.edge.hashed;
  }
  return { steps, hashed };
}

/** How many argument slots each project call has edges into (the highest `a<i>.<k>` + 1), by call index. */
function countArguments(facts: FileFacts): Map<number, number> {
  const counts = new Map<number, number>();
  for (const edge of facts.flowEdges) {
    const match = /^a(\d+)\.(\d+)$/.exec(edge.to);
    if (match) counts.set(Number(match[1]), Math.max(counts.get(Number(match[1])) ?? 0, Number(match[2]) + 1));
  }
  return counts;
}

export type { Destination };
