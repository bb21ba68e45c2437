import { ts } from './ts.js';
import type { ExportTarget, Reference } from './facts.js';
import { valueTarget } from './exports.js';
import { evaluateReference, skipOuterExpressions } from './references.js';
import type { Binding, Scope } from './scope.js';

/**
 * What functions return when it is an imported value or made from one: `return Mixpanel.init(…)`,
 * or `return client` where `client = Mixpanel.init(…)` is assigned anywhere in the file (the lazy
 * singleton getter). Linking then follows `mixpanel().track(…)` to the SDK's `init().track` sink.
 */
export class ReturnedClients {
  private readonly direct = new Map<number, Reference[]>();
  private readonly viaVariable: { fn: number; binding: Binding }[] = [];
  private readonly assigned = new Map<Binding, Reference[]>();
  private readonly objects = new Map<number, Record<string, ExportTarget>>();

  constructor(private readonly functionIndexOf: (fn: ts.Node) => number) {}

  noteReturn(fn: number, expression: ts.Expression, scope: Scope): void {
    this.noteObject(fn, expression, scope);
    const reference = importedReference(expression, scope);
    if (reference) {
      push(this.direct, fn, reference);
      return;
    }
    const value = skipOuterExpressions(expression);
    const binding = ts.isIdentifier(value) ? scope.lookup(value.text) : undefined;
    if (binding && (binding.kind === 'alias' || binding.kind === 'local')) this.viaVariable.push({ fn, binding });
  }

  noteAssignment(node: ts.BinaryExpression, scope: Scope): void {
    const target = skipOuterExpressions(node.left);
    if (!ts.isIdentifier(target)) return;
    const binding = scope.lookup(target.text);
    const reference = binding ? importedReference(node.right, scope) : undefined;
    if (binding && reference) push(this.assigned, binding, reference);
  }

  /**
   * `return { getUser(id) { … }, track: (e) => … }` (or a variable bound to such an object, or an instance
   * of a class of this file): the functions it holds, for FunctionFact.members. A returned function
   * (`return (event) => logToSentry(event)`, a factory of loggers or error handlers) is its member `()`:
   * what a call of the result runs.
   */
  private noteObject(fn: number, expression: ts.Expression, scope: Scope): void {
    const value = skipOuterExpressions(expression);
    const isFunction = ts.isArrowFunction(value) || ts.isFunctionExpression(value);
    if (!ts.isObjectLiteralExpression(value) && !ts.isIdentifier(value) && !ts.isNewExpression(value) && !isFunction) return;
    const target = valueTarget(value, scope, this.functionIndexOf, undefined, 'returned');
    if (target.kind === 'function') {
      this.objects.set(fn, { ...this.objects.get(fn), '()': target });
      return;
    }
    const members = target.kind === 'object' ? functionMembers(target.members) : undefined;
    if (members) this.objects.set(fn, { ...this.objects.get(fn), ...members });
  }

  /** FunctionFact.members of each function that returns an object holding functions. */
  members(): Map<number, Record<string, ExportTarget>> {
    return this.objects;
  }

  result(): Map<number, Reference[]> {
    const out = new Map<number, Reference[]>();
    for (const [fn, references] of this.direct) out.set(fn, [...references]);
    for (const { fn, binding } of this.viaVariable) {
      const initial = binding.kind === 'alias' ? importedReference(binding.expression, binding.scope) : undefined;
      for (const reference of [...(initial ? [initial] : []), ...(this.assigned.get(binding) ?? [])]) push(out, fn, reference);
    }
    return out;
  }
}

/** The members that lead to functions (a function, or an object or class holding some), or undefined when none does. */
function functionMembers(members: Record<string, ExportTarget>): Record<string, ExportTarget> | undefined {
  let out: Record<string, ExportTarget> | undefined;
  for (const [name, target] of Object.entries(members)) {
    if (target.kind === 'function' || (target.kind === 'object' && functionMembers(target.members))) (out ??= {})[name] = target;
  }
  return out;
}

function importedReference(expression: ts.Expression, scope: Scope): Reference | undefined {
  const reference = evaluateReference(expression, scope);
  return reference?.root.kind === 'import' && !reference.root.typeOnly ? reference : undefined;
}

function push<K>(map: Map<K, Reference[]>, key: K, reference: Reference): void {
  const list = map.get(key) ?? [];
  if (!list.some((known) => JSON.stringify(known) === JSON.stringify(reference))) list.push(reference);
  map.set(key, list);
}
