import type { Destination, FileFacts, FlowEdge } from '../detect/facts.js';
import { toPosixRelative } from '../util/paths.js';
import type { ViaStep } from './inventory.js';
import type { ReferenceResolver, Target } from './resolve-references.js';

/** Limits that keep flow analysis bounded on any codebase; a cut is reported, never silent. */
export interface FlowBudget {
  /** Longest path followed, in steps. */
  maxSteps: number;
  /** Wall-clock budget for the whole flow search. */
  maxMilliseconds: number;
}

export const DEFAULT_FLOW_BUDGET: FlowBudget = { maxSteps: 40, maxMilliseconds: 10_000 };

/** A node of the project-wide value graph: a file and a slot in it (see FlowEdge). */
type NodeKey = string;
const key = (file: string, slot: string): NodeKey => `${file}\0${slot}`;

interface GraphEdge {
  to: NodeKey;
  step: ViaStep;
  hashed: boolean;
}

export interface RawFlow {
  sourceFile: string;
  sourceIndex: number;
  /** Set for a source reached through a re-export (a project call resolved to a catalogued API). */
  viaCall?: { file: string; referenceIndex: number };
  sinkFile: string;
  sinkIndex: number;
  steps: ViaStep[];
  hashed: boolean;
}

export interface FlowSearchResult {
  flows: RawFlow[];
  /** Set when a budget stopped the search early. */
  cut?: string;
}

/**
 * Follows values from every collection site to every sink, across files: within a file along
 * FlowEdges, and between files from a call's arguments to the callee's parameters and from the
 * callee's return value back to the call. Context-insensitive: a function's parameters merge
 * what all its callers pass. Breadth-first, so each flow found is a shortest path.
 */
export function findFlows(
  root: string,
  files: ReadonlyMap<string, FileFacts>,
  resolvedCalls: (file: string, referenceIndex: number) => Target | undefined,
  externalSource: (file: string, referenceIndex: number) => boolean,
  budget: FlowBudget = DEFAULT_FLOW_BUDGET,
): FlowSearchResult {
  const started = Date.now();
  const graph = new Map<NodeKey, GraphEdge[]>();
  const addEdge = (from: NodeKey, edge: GraphEdge) => {
    const list = graph.get(from);
    if (list) list.push(edge);
    else graph.set(from, [edge]);
  };

  for (const [file, facts] of files) {
    const relative = toPosixRelative(root, file);
    const step = (edge: FlowEdge): ViaStep => ({ file: relative, line: edge.line, column: edge.column, note: edge.note });
    for (const edge of facts.flowEdges) addEdge(key(file, edge.from), { to: key(file, edge.to), step: step(edge), hashed: edge.hashed === true });
    const argumentCounts = countArguments(facts);
    facts.projectReferences.forEach((reference, index) => {
      const target = resolvedCalls(file, index);
      if (target?.kind !== 'function' || target.rest.length > 0) return;
      const callee = files.get(target.file)?.functions[target.functionIndex];
      const name = callee?.name ?? 'a function';
      const at = { file: relative, line: reference.range.line, column: reference.range.column };
      const argumentCount = argumentCounts.get(index) ?? 0;
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

  const sinks = new Map<NodeKey, { file: string; index: number }>();
  for (const [file, facts] of files) facts.sinks.forEach((_, index) => sinks.set(key(file, `k${index}`), { file, index }));

  const flows: RawFlow[] = [];
  let cut: string | undefined;
  const starts: { node: NodeKey; file: string; sourceIndex: number; viaCall?: RawFlow['viaCall'] }[] = [];
  for (const [file, facts] of files) {
    facts.sources.forEach((_, index) => starts.push({ node: key(file, `s${index}`), file, sourceIndex: index }));
    facts.projectReferences.forEach((reference, index) => {
      if (externalSource(file, index)) starts.push({ node: key(file, `c${index}`), file, sourceIndex: -1, viaCall: { file, referenceIndex: index } });
    });
  }

  for (const start of starts) {
    if (!graph.has(start.node)) continue;
    if (Date.now() - started > budget.maxMilliseconds) {
      cut = `flow analysis stopped after ${budget.maxMilliseconds} ms (flows.maxMilliseconds); flows from some collection sites were not followed`;
      break;
    }
    const previous = new Map<NodeKey, { from: NodeKey; edge: GraphEdge } | null>([[start.node, null]]);
    let frontier = [start.node];
    for (let depth = 0; frontier.length > 0; depth++) {
      if (depth >= budget.maxSteps) {
        cut ??= `flow paths longer than ${budget.maxSteps} steps were not followed (flows.maxSteps)`;
        break;
      }
      const next: NodeKey[] = [];
      for (const node of frontier) {
        for (const edge of graph.get(node) ?? []) {
          if (previous.has(edge.to)) continue;
          previous.set(edge.to, { from: node, edge });
          next.push(edge.to);
          const sink = sinks.get(edge.to);
          if (sink) flows.push({ ...startInfo(start), sinkFile: sink.file, sinkIndex: sink.index, ...pathTo(edge.to, previous) });
        }
      }
      frontier = next;
    }
  }
  return { flows, ...(cut ? { cut } : {}) };
}

function startInfo(start: { file: string; sourceIndex: number; viaCall?: RawFlow['viaCall'] }) {
  return { sourceFile: start.file, sourceIndex: start.sourceIndex, ...(start.viaCall ? { viaCall: start.viaCall } : {}) };
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
