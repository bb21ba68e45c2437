import type { Destination, FileFacts, FlowEdge, SinkSite } from '../detect/facts.js';
import { contextExportSlot, parseContextImportSlot } from '../detect/flow-slots.js';
import { toPosixRelative } from '../util/paths.js';
import { CallStacks } from './call-stacks.js';
import type { ViaStep } from './inventory.js';
import type { Target } from './resolve-references.js';

/**
 * Limits that keep flow analysis bounded on any codebase; a cut is reported, never silent. Both
 * count work, never time, so the same input gives the same flows on a fast machine and a busy one.
 */
export interface FlowBudget {
  /** Longest path followed, in steps. */
  maxSteps: number;
  /** Search states expanded over the whole flow search of one scan. */
  maxVisits: number;
}

export const DEFAULT_FLOW_BUDGET: FlowBudget = { maxSteps: 40, maxVisits: 2_000_000 };

/** A node of the project-wide value graph (a file and a slot in it, see FlowEdge), as a number: FlowGraph.nodeId. */
type NodeId = number;

interface GraphEdge {
  to: NodeId;
  step: ViaStep;
  hashed: boolean;
  /** A call of a project function: from an argument into the callee's parameter at this call site. */
  call?: number;
  /** A return from a project function: from its return value to the result of this call site. */
  returnTo?: number;
  /** The position of the file that defined the edge, so a node's edges keep the order of the files whenever they are built. */
  order: number;
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
  reason: 'steps' | 'visits';
  /** For a visits cut: the collection sites after this one that were not followed at all. */
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
  /**
   * A call into a project file whose facts are not here: followed as any unknown call (its arguments
   * reach its result) when every readable file was analysed, as in a scan; not followed when the
   * facts are a part of the project (the editor), where it may hide a function that drops them.
   */
  unreadCalls?: 'pass-through' | 'stop';
  /** The file and export name a context import (`import { DeviceContext } from './device'`) denotes. */
  exportLocation(file: string, specifier: string, name: string): { file: string; name: string } | undefined;
  budget?: FlowBudget;
}

/**
 * Follows values from every collection site to every sink, across files: within a file along
 * FlowEdges, and between files from a call's arguments to the callee's parameters and from the
 * callee's return value back to the call. A return from a project function goes back to the call
 * the value came in through (stateKey); a function's parameters still merge what all its callers
 * pass. Breadth-first, so each flow found is a shortest path.
 */
export function findFlows(input: FlowGraphInput): FlowSearchResult {
  const budget = input.budget ?? DEFAULT_FLOW_BUDGET;
  const graph = new FlowGraph(input);

  const flows: RawFlow[] = [];
  const cuts: FlowCut[] = [];
  const starts = collectStarts(input);
  const stacks = new CallStacks(MATCHED_CALLS);
  let visits = 0;
  // Only nodes from which a sink can be reached are worth entering: in a vendored library whose
  // values go nowhere, that leaves nothing to search.
  const useful = (node: NodeId) => graph.reachesSink(node);

  for (let startIndex = 0; startIndex < starts.length; startIndex++) {
    const start = starts[startIndex]!;
    const node = graph.startNode(start);
    if (!useful(node)) continue;
    const first = stateKey(node, CallStacks.EMPTY);
    // How the search reached each state: the state before and the edge taken (none for the first).
    const previous = new Map<number, number>();
    const taken = new Map<number, GraphEdge>([[first, START_EDGE]]);
    const sinksReached = new Set<NodeId>();
    let frontier = [first];
    let outOfVisits = false;
    for (let depth = 0; frontier.length > 0; depth++) {
      if (depth >= budget.maxSteps) {
        // Only a cut if some path would have gone on towards a sink.
        const isNew = (state: number, edge: GraphEdge) => {
          const after = followEdge(stacks, state, edge);
          return after !== undefined && !taken.has(after);
        };
        const goesOn = frontier.some((state) => graph.usefulEdgesFrom(nodeOf(state)).some((edge) => isNew(state, edge)));
        if (goesOn) cuts.push({ start, reason: 'steps', skipped: [] });
        break;
      }
      const next: number[] = [];
      for (const current of frontier) {
        if (++visits > budget.maxVisits) {
          outOfVisits = true;
          break;
        }
        for (const edge of graph.usefulEdgesFrom(nodeOf(current))) {
          const after = followEdge(stacks, current, edge);
          if (after === undefined || taken.has(after)) continue;
          taken.set(after, edge);
          previous.set(after, current);
          next.push(after);
          const sink = graph.sinkAt(edge.to);
          if (sink && !sinksReached.has(edge.to)) {
            sinksReached.add(edge.to);
            flows.push({ start, sink, ...pathTo(after, previous, taken) });
          }
        }
      }
      if (outOfVisits) {
        cuts.push({ start, reason: 'visits', skipped: starts.slice(startIndex + 1).filter((later) => useful(graph.startNode(later))) });
        return { flows, cuts };
      }
      frontier = next;
    }
  }
  return { flows, cuts };
}

/**
 * Where the search is, as one number (stateKey): a node, and the calls of project functions it entered
 * and has not returned from yet (CallStacks: the innermost last, at most MATCHED_CALLS of them). A
 * return goes back only to the call it came from — data a helper got from one caller is not handed
 * to its other callers — or, when no call is open (the value was collected inside the function, or
 * the calls were forgotten), to every caller. Numbers, not objects: the search makes millions of them.
 */
const STATE_NODES = 2 ** 26;

/** How many open calls a search state remembers: enough for helpers that call helpers, bounded so states stay few. */
const MATCHED_CALLS = 3;

/** A state as one number: node ids and call stacks each stay far below 2^26, so the product is exact. */
const stateKey = (node: NodeId, calls: number): number => calls * STATE_NODES + node;
const nodeOf = (state: number): NodeId => state % STATE_NODES;
const callsOf = (state: number): number => Math.floor(state / STATE_NODES);

/** What `taken` holds for the first state of a search: no edge led there. */
const START_EDGE = {} as GraphEdge;

/** The state after following `edge`, or undefined when it is a return to another call than the open one. */
function followEdge(stacks: CallStacks, state: number, edge: GraphEdge): number | undefined {
  const calls = callsOf(state);
  if (edge.call !== undefined) return stateKey(edge.to, stacks.push(calls, edge.call));
  if (edge.returnTo !== undefined && calls !== CallStacks.EMPTY) {
    if (stacks.top(calls) !== edge.returnTo) return undefined;
    return stateKey(edge.to, stacks.pop(calls));
  }
  return stateKey(edge.to, calls);
}

/**
 * The project-wide value graph, built one file at a time as the search reaches it: a file's edges
 * are read (and, from the cache, deserialised) only when a flow gets there, so a scan pays for the
 * files its flows pass through, not for every file of the project. Before the search needs the
 * edges leaving a node, the graph builds the node's file and every file that can add edges leaving
 * it: the callers of its functions (return values go back to them) and the files that import its
 * React contexts.
 */
class FlowGraph {
  /** Per node: the edges leaving it, the file it is in (a file number: fileNumber), the sink it is. */
  private readonly edges: (GraphEdge[] | undefined)[] = [];
  private readonly nodeFile: number[] = [];
  private readonly sinks: (FlowSink | undefined)[] = [];
  /** Per file number: its path, its node numbers by slot, and whether it is built and complete. */
  private readonly fileNames: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  private readonly slots: Map<string, NodeId>[] = [];
  private readonly built: boolean[] = [];
  private readonly complete: boolean[] = [];
  /** Per file number: the files whose edges leave nodes of this file (callers of its functions, importers of its contexts). */
  private readonly contributors = new Map<number, Set<string>>();
  /** Per file number: its nodes with edges leaving them. */
  private readonly nodesOfFile = new Map<number, NodeId[]>();
  /** Call site numbers by file number × 2^24 + reference index. */
  private readonly callSites = new Map<number, number>();
  private readonly usefulEdges: (readonly GraphEdge[] | undefined)[] = [];
  /** reachesSink's answers by node. */
  private readonly reaches: (boolean | undefined)[] = [];

  constructor(private readonly input: FlowGraphInput) {
    // Files are numbered in the order of the input first: that number is an edge's `order`.
    for (const file of input.files.keys()) this.fileNumber(file);
    for (const [file, facts] of input.files) {
      facts.projectReferences.forEach((_, index) => {
        const target = input.resolvedCall(file, index);
        if (target?.kind === 'function' && target.rest.length === 0 && target.file !== file) this.contribute(target.file, file);
      });
      for (const { specifier, name } of facts.contextImports ?? []) {
        const location = input.exportLocation(file, specifier, name);
        if (location && location.file !== file) this.contribute(location.file, file);
      }
    }
  }

  /** The node a flow starts from. */
  startNode(start: FlowStart): NodeId {
    return this.nodeId(start.file, start.sourceIndex >= 0 ? `s${start.sourceIndex}` : `c${start.viaCall!.referenceIndex}`);
  }

  /** The edges that leave `node`. */
  edgesFrom(node: NodeId): readonly GraphEdge[] {
    this.completeFile(this.nodeFile[node]!);
    return this.edges[node] ?? [];
  }

  /** The edges that leave `node` towards a node from which a sink can be reached, in order (kept: answers never change). */
  usefulEdgesFrom(node: NodeId): readonly GraphEdge[] {
    let useful = this.usefulEdges[node];
    if (useful === undefined) {
      useful = this.edgesFrom(node).filter((edge) => this.reachesSink(edge.to));
      this.usefulEdges[node] = useful;
    }
    return useful;
  }

  /**
   * Whether a sink can be reached from `node`, following edges whatever call a return goes back to
   * (so never false where a flow exists). Answered for every node met on the way at once, by one
   * iterative pass (Tarjan's strongly connected components: a cycle of nodes shares one answer), so
   * the whole scan pays for each node once, however many collection sites reach it.
   */
  reachesSink(node: NodeId): boolean {
    const known = this.reaches[node];
    if (known !== undefined) return known;
    const order = new Map<NodeId, number>();
    const low = new Map<NodeId, number>();
    const reaches = new Map<NodeId, boolean>();
    const component: NodeId[] = [];
    const inComponent = new Set<NodeId>();
    const frames: { node: NodeId; edges: readonly GraphEdge[]; next: number }[] = [];
    const open = (opened: NodeId) => {
      const edges = this.edgesFrom(opened); // builds the node's file, and with it the sinks it holds
      order.set(opened, order.size);
      low.set(opened, order.size - 1);
      reaches.set(opened, this.sinks[opened] !== undefined);
      component.push(opened);
      inComponent.add(opened);
      frames.push({ node: opened, edges, next: 0 });
    };
    open(node);
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      if (frame.next < frame.edges.length) {
        const to = frame.edges[frame.next++]!.to;
        const answered = this.reaches[to];
        if (answered !== undefined) {
          if (answered) reaches.set(frame.node, true);
        } else if (!order.has(to)) {
          open(to);
        } else if (inComponent.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, order.get(to)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (low.get(frame.node) === order.get(frame.node)) {
        // The root of a strongly connected component: its nodes reach a sink if any of them does.
        const members: NodeId[] = [];
        let any = false;
        for (let member: NodeId | undefined; member !== frame.node; ) {
          member = component.pop()!;
          inComponent.delete(member);
          members.push(member);
          any ||= reaches.get(member)!;
        }
        for (const member of members) this.reaches[member] = any;
        if (parent && any) reaches.set(parent.node, true);
      } else if (parent) {
        low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
        if (reaches.get(frame.node)) reaches.set(parent.node, true);
      }
    }
    return this.reaches[node]!;
  }

  sinkAt(node: NodeId): FlowSink | undefined {
    // A sink's node is in the file whose edges lead into it, which is built by the time it is reached.
    return this.sinks[node];
  }

  private contribute(file: string, contributor: string): void {
    addToSetOf(this.contributors, this.fileNumber(file), contributor);
  }

  private completeFile(file: number): void {
    if (this.complete[file]) return;
    this.complete[file] = true;
    this.build(this.fileNames[file]!);
    for (const contributor of this.contributors.get(file) ?? []) this.build(contributor);
    // Every edge leaving this file's nodes is in now: put them in file order (stable within a file),
    // as if the whole project had been built in order, so paths never depend on what was built first.
    for (const node of this.nodesOfFile.get(file) ?? []) this.edges[node]!.sort((a, b) => a.order - b.order);
  }

  /** A call site's number (for CallStacks), given the first time it is asked for. */
  private callSiteId(site: number): number {
    let id = this.callSites.get(site);
    if (id === undefined) {
      id = this.callSites.size;
      this.callSites.set(site, id);
    }
    return id;
  }

  /** A file's number, given the first time it is asked for (the input's files first, in their order). */
  private fileNumber(file: string): number {
    let number = this.fileNumbers.get(file);
    if (number === undefined) {
      number = this.fileNames.length;
      this.fileNumbers.set(file, number);
      this.fileNames.push(file);
      this.slots.push(new Map());
    }
    return number;
  }

  /** The node of `slot` in `file`, numbered the first time it is asked for. */
  private nodeId(file: string, slot: string): NodeId {
    const fileNumber = this.fileNumber(file);
    const slots = this.slots[fileNumber]!;
    let id = slots.get(slot);
    if (id === undefined) {
      id = this.nodeFile.length;
      this.nodeFile.push(fileNumber);
      slots.set(slot, id);
    }
    return id;
  }

  /** `edge.order` is the number of the file that defines it: the input's files are numbered first, in their order. */
  private addEdge(from: NodeId, edge: GraphEdge): void {
    const list = this.edges[from];
    if (list) {
      list.push(edge);
      return;
    }
    this.edges[from] = [edge];
    const file = this.nodeFile[from]!;
    const nodes = this.nodesOfFile.get(file);
    if (nodes) nodes.push(from);
    else this.nodesOfFile.set(file, [from]);
  }

  /** The edges a file's facts define: within the file, and from its calls into the functions they call. */
  private build(file: string): void {
    const fileNumber = this.fileNumber(file);
    if (this.built[fileNumber]) return;
    this.built[fileNumber] = true;
    const order = fileNumber;
    const { input } = this;
    const facts = input.files.get(file);
    if (!facts) return;
    const relative = toPosixRelative(input.root, file);
    const nodeOf = (slot: string): NodeId => {
      const context = parseContextImportSlot(slot);
      if (!context) return this.nodeId(file, slot);
      const location = input.exportLocation(file, context.specifier, context.name);
      return location ? this.nodeId(location.file, contextExportSlot(location.name)) : this.nodeId(file, slot);
    };
    const step = (edge: FlowEdge): ViaStep => ({ file: relative, line: edge.line, column: edge.column, note: edge.note });
    for (const edge of facts.flowEdges) {
      // `!!id` says whether there is an id, not which: such edges serve the containment rule (detect/containment.ts), never a flow to a sink.
      if (edge.presence) continue;
      this.addEdge(nodeOf(edge.from), { to: nodeOf(edge.to), step: step(edge), hashed: edge.hashed === true, order });
    }
    facts.sinks.forEach((site, index) => (this.sinks[this.nodeId(file, `k${index}`)] = { file, site, id: `${file}\0k${index}` }));

    const argumentCounts = countArguments(facts);
    facts.projectReferences.forEach((reference, index) => {
      const argumentCount = argumentCounts.get(index) ?? 0;
      const linked = input.linkedSink(file, index);
      if (linked) {
        const sink: FlowSink = { file, site: linked, id: `${file}\0a${index}` };
        for (let argument = 0; argument < argumentCount; argument++) this.sinks[this.nodeId(file, `a${index}.${argument}`)] = sink;
        return;
      }
      const target = input.resolvedCall(file, index);
      if (target?.kind !== 'function' || target.rest.length > 0) {
        // Not a project function we can follow (a method of a returned object, a package's API):
        // like any unknown call, it passes on what its receiver and arguments carry.
        if (input.externalSource(file, index)) return;
        if (target?.kind === 'unread' && input.unreadCalls === 'stop') return;
        // One step for all of the call's arguments: steps are never changed once made.
        const returned = { file: relative, line: reference.range.line, column: reference.range.column, note: `returned by ${reference.callee ?? 'the call'}()` };
        const result = this.nodeId(file, `c${index}`);
        for (let argument = 0; argument <= argumentCount; argument++) {
          const slot = argument < argumentCount ? `a${index}.${argument}` : `a${index}.this`;
          this.addEdge(this.nodeId(file, slot), { to: result, step: returned, hashed: false, order });
        }
        return;
      }
      const callee = input.files.get(target.file)?.functions[target.functionIndex];
      const name = callee?.name ?? 'a function';
      const at = { file: relative, line: reference.range.line, column: reference.range.column };
      const callSite = this.callSiteId(fileNumber * 2 ** 24 + index);
      for (let argument = 0; argument < argumentCount; argument++) {
        this.addEdge(
          this.nodeId(file, `a${index}.${argument}`),
          { to: this.nodeId(target.file, `p${target.functionIndex}.${argument}`), step: { ...at, note: `into parameter ${argument + 1} of ${name}()` }, hashed: false, call: callSite, order },
        );
      }
      this.addEdge(this.nodeId(target.file, `r${target.functionIndex}`), { to: this.nodeId(file, `c${index}`), step: { ...at, note: `returned by ${name}()` }, hashed: false, returnTo: callSite, order });
      // A method of an instance or of a returned object may answer with what its object holds
      // (`this.items`, which the method's own facts cannot name): its result carries its receiver's data.
      if (target.viaMember) this.addEdge(this.nodeId(file, `a${index}.this`), { to: this.nodeId(file, `c${index}`), step: { ...at, note: `returned by ${name}()` }, hashed: false, order });
    });
  }
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

function pathTo(state: number, previous: ReadonlyMap<number, number>, taken: ReadonlyMap<number, GraphEdge>): { steps: ViaStep[]; hashed: boolean } {
  const steps: ViaStep[] = [];
  let hashed = false;
  for (let current: number | undefined = state; current !== undefined; current = previous.get(current)) {
    const edge = taken.get(current)!;
    if (edge === START_EDGE) break;
    steps.push(edge.step);
    hashed ||= edge.hashed;
  }
  return { steps: steps.reverse(), hashed };
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

function addToSetOf<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
