import { ts } from './ts.js';
import type { FileFacts, Gathering, Reference } from './facts.js';
import { evaluateReference, skipOuterExpressions } from './references.js';
import type { Scope } from './scope.js';

/** What the gathering pass needs from the file analysis. */
export interface GatheringContext {
  facts: FileFacts;
  scopeOf(node: ts.Node): Scope;
  projectCallIndex(node: ts.Node): number | undefined;
  importsProjectCode(specifier: string): boolean;
}

/**
 * Places where the file collects several project functions' values together: one object or array
 * literal whose members are project functions (`const sources = { fonts: getFonts, canvas: getCanvas }`),
 * their calls (`Promise.all([getFonts(), getCanvas()])`, `return { fonts: await getFonts() }`) or
 * variables holding such a call (`const fonts = await getFonts(); send({ fonts, … })`). Linking joins
 * the fingerprinting signals the functions read (the combination rule across files,
 * docs/fingerprinting.md). Only literals with two members or more are kept; members resolved in order.
 */
export function gatherings(literals: readonly (ts.ObjectLiteralExpression | ts.ArrayLiteralExpression)[], context: GatheringContext): Gathering[] {
  const out: Gathering[] = [];
  let incoming: Map<string, number[]> | undefined;
  const callsInto = (slot: string): number[] => {
    if (!incoming) {
      incoming = new Map();
      for (const edge of context.facts.flowEdges) {
        if (edge.from[0] !== 'c') continue;
        const list = incoming.get(edge.to) ?? [];
        list.push(Number(edge.from.slice(1)));
        incoming.set(edge.to, list);
      }
    }
    return incoming.get(slot) ?? [];
  };
  for (const literal of literals) {
    const calls = new Set<number>();
    const values: Reference[] = [];
    const seenValues = new Set<string>();
    for (const value of memberValues(literal)) {
      const member = memberOf(value, context, callsInto);
      if (!member) continue;
      if ('calls' in member) for (const call of member.calls) calls.add(call);
      else {
        const key = JSON.stringify(member.value);
        if (!seenValues.has(key)) {
          seenValues.add(key);
          values.push(member.value);
        }
      }
    }
    if (calls.size + values.length >= 2) out.push({ calls: [...calls].sort((a, b) => a - b), values });
  }
  return out;
}

function memberValues(literal: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression): ts.Expression[] {
  if (ts.isArrayLiteralExpression(literal)) return literal.elements.filter((element) => !ts.isSpreadElement(element) && !ts.isOmittedExpression(element));
  const values: ts.Expression[] = [];
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property)) values.push(property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) values.push(property.name);
  }
  return values;
}

/** A member that is a project function, a call of one, or a variable a call of one was assigned to. */
function memberOf(expression: ts.Expression, context: GatheringContext, callsInto: (slot: string) => number[]): { calls: number[] } | { value: Reference } | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isCallExpression(node)) {
    const call = context.projectCallIndex(node);
    return call === undefined ? undefined : { calls: [call] };
  }
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  if (ts.isIdentifier(node)) {
    const binding = context.scopeOf(node).lookup(node.text);
    if (binding?.kind === 'function') return { value: { root: { kind: 'function', functionIndex: binding.functionIndex }, segments: [] } };
    if (binding && 'slot' in binding && binding.slot && binding.kind !== 'model') {
      const calls = callsInto(binding.slot);
      if (calls.length > 0) return { calls };
    }
  }
  const reference = evaluateReference(node, context.scopeOf(node));
  if (reference?.root.kind === 'import' && !reference.root.typeOnly && context.importsProjectCode(reference.root.specifier) && !reference.segments.includes('()')) return { value: reference };
  if (reference?.root.kind === 'function' && reference.segments.length === 0) return { value: reference };
  return undefined;
}
