import { ts } from './ts.js';
import type { Reference } from './facts.js';
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

  noteReturn(fn: number, expression: ts.Expression, scope: Scope): void {
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

function importedReference(expression: ts.Expression, scope: Scope): Reference | undefined {
  const reference = evaluateReference(expression, scope);
  return reference?.root.kind === 'import' && !reference.root.typeOnly ? reference : undefined;
}

function push<K>(map: Map<K, Reference[]>, key: K, reference: Reference): void {
  const list = map.get(key) ?? [];
  if (!list.some((known) => JSON.stringify(known) === JSON.stringify(reference))) list.push(reference);
  map.set(key, list);
}
