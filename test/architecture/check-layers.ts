/**
 * Holds an import graph to a layering: a file may import files of its own layer and of the layers
 * below it, never above; and within a layer the units (folders, or single files at the top of
 * src/) must not import each other both ways, even through a third — a folder-level cycle makes
 * two folders one thing that only pretends to be two.
 */
import type { ImportEdge } from './import-graph.js';

/** A layer: the units it holds, each a folder (`src/link`) or a file (`src/index.ts`), relative to the repository. */
export interface Layer {
  name: string;
  units: readonly string[];
  /** What the layer is for, for the table in docs/architecture.md. */
  holds: string;
}

/** Each problem as one line a person can act on, or none. `layers` is ordered bottom first. */
export function checkLayers(edges: readonly ImportEdge[], layers: readonly Layer[]): string[] {
  const place = placeUnits(layers);
  const problems: string[] = [];
  const unplaced = new Set<string>();
  const sameLayerEdges: { from: string; to: string; edge: ImportEdge }[] = [];
  for (const edge of edges) {
    const from = place(edge.from);
    const to = place(edge.to);
    for (const [file, found] of [[edge.from, from], [edge.to, to]] as const) {
      if (found === undefined && !unplaced.has(file)) {
        unplaced.add(file);
        problems.push(`${file} is in no layer: add its folder to a layer in test/architecture/layers.ts (and the table in docs/architecture.md)`);
      }
    }
    if (from === undefined || to === undefined || from.unit === to.unit) continue;
    if (to.layer > from.layer) {
      const [lower, upper] = [layers[from.layer]!, layers[to.layer]!];
      problems.push(`${edge.from}:${edge.line} imports ${edge.to}: layer "${lower.name}" (${from.unit}) may not import layer "${upper.name}" (${to.unit}), which is above it`);
    } else if (to.layer === from.layer) {
      sameLayerEdges.push({ from: from.unit, to: to.unit, edge });
    }
  }
  return [...problems, ...cycleProblems(sameLayerEdges, (unit) => layers[place(unit)!.layer]!.name)];
}

interface Placed {
  unit: string;
  layer: number;
}

/** file → its unit (the longest declared unit it is, or is inside) and that unit's layer. */
function placeUnits(layers: readonly Layer[]): (file: string) => Placed | undefined {
  const layerOf = new Map<string, number>();
  layers.forEach((layer, index) =>
    layer.units.forEach((unit) => {
      if (layerOf.has(unit)) throw new Error(`${unit} is declared in two layers`);
      layerOf.set(unit, index);
    }),
  );
  const units = [...layerOf.keys()].sort((a, b) => b.length - a.length);
  return (file) => {
    const unit = units.find((candidate) => file === candidate || file.startsWith(`${candidate}/`));
    return unit === undefined ? undefined : { unit, layer: layerOf.get(unit)! };
  };
}

/** One problem per strongly connected set of units, showing one cycle through it with an import for each step. */
function cycleProblems(edges: readonly { from: string; to: string; edge: ImportEdge }[], layerName: (unit: string) => string): string[] {
  const firstImport = new Map<string, ImportEdge>(); // "from\0to" → the first import that makes the step
  const next = new Map<string, Set<string>>();
  for (const { from, to, edge } of edges) {
    if (!firstImport.has(`${from}\0${to}`)) firstImport.set(`${from}\0${to}`, edge);
    next.set(from, (next.get(from) ?? new Set()).add(to));
  }
  const reported = new Set<string>();
  const problems: string[] = [];
  for (const start of [...next.keys()].sort()) {
    if (reported.has(start)) continue;
    const cycle = shortestCycle(start, next);
    if (cycle === undefined) continue;
    for (const unit of cycle) reported.add(unit);
    const steps = cycle.map((unit, index) => {
      const edge = firstImport.get(`${unit}\0${cycle[(index + 1) % cycle.length]}`)!;
      return `${edge.from}:${edge.line} imports ${edge.to}`;
    });
    problems.push(`folder cycle in layer "${layerName(start)}": ${[...cycle, start].join(' → ')} (${steps.join('; ')}): keep one direction, or move what both need into a lower layer`);
  }
  return problems;
}

/** The units of the shortest path from `start` back to itself, `start` first, or undefined. */
function shortestCycle(start: string, next: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const unit = queue[index]!;
    for (const target of [...(next.get(unit) ?? [])].sort()) {
      if (target === start) {
        const path = [unit];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return path;
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, unit);
        queue.push(target);
      }
    }
  }
  return undefined;
}
