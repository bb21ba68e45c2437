import { ts } from './ts.js';
import type { SdkFlagSite } from './facts.js';
import type { Binding, Scope } from './scope.js';
import { isFunctionLike } from './scope.js';
import { skipOuterExpressions } from './references.js';

/**
 * A module variable that decides whether an SDK call runs (`if (!optedOut) Bugsnag.notify(e)`) is the
 * SDK's switch: a function of the module that assigns it (`setOptOut(value) { optedOut = value }`) turns
 * the SDK's reporting on or off, so its callers are SDK call sites (linking lifts them as for a wrapper).
 */
export class SdkFlags {
  private readonly gating = new Map<Binding, { name: string; call: Omit<SdkFlagSite, 'functionIndex' | 'flag' | 'line' | 'column'> }>();
  private readonly writes: { binding: Binding; name: string; functionIndex: number; node: ts.Node }[] = [];

  constructor(
    private readonly fileScope: () => Scope,
    private readonly scopeOf: (node: ts.Node) => Scope,
    private readonly place: (node: ts.Node) => { line: number; column: number },
  ) {}

  /** An SDK call: the module variables the conditions it runs under test. */
  noteSdkCall(node: ts.Node, call: { sdkId: string; package: string; api: string; callee: string }): void {
    const { line, column } = this.place(node);
    for (let child = node, parent = node.parent; parent && !isFunctionLike(parent); child = parent, parent = parent.parent) {
      const test =
        ts.isIfStatement(parent) && child !== parent.expression
          ? parent.expression
          : ts.isConditionalExpression(parent) && child !== parent.condition
            ? parent.condition
            : ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right
              ? parent.left
              : undefined;
      if (test) this.noteTest(test, { ...call, gated: { line, column } });
    }
  }

  /** `flag = value` inside a function. */
  noteAssignment(node: ts.BinaryExpression, functionIndex: number | null): void {
    const target = skipOuterExpressions(node.left);
    if (functionIndex === null || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(target)) return;
    const binding = this.moduleBinding(target);
    if (binding) this.writes.push({ binding, name: target.text, functionIndex, node });
  }

  result(): SdkFlagSite[] {
    const out: SdkFlagSite[] = [];
    for (const write of this.writes) {
      const gated = this.gating.get(write.binding);
      if (gated) out.push({ functionIndex: write.functionIndex, flag: write.name, ...this.place(write.node), ...gated.call });
    }
    return out;
  }

  private noteTest(test: ts.Expression, call: Omit<SdkFlagSite, 'functionIndex' | 'flag' | 'line' | 'column'>): void {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const binding = this.moduleBinding(node);
        if (binding && !this.gating.has(binding)) this.gating.set(binding, { name: node.text, call });
        return;
      }
      if (isFunctionLike(node)) return;
      // `a.flag` names a property, not the variable.
      if (ts.isPropertyAccessExpression(node)) return visit(node.expression);
      ts.forEachChild(node, visit);
    };
    visit(test);
  }

  /** The binding of a variable declared at the top of the module, if the name is one. */
  private moduleBinding(identifier: ts.Identifier): Binding | undefined {
    const binding = this.scopeOf(identifier).lookup(identifier.text);
    return binding && this.fileScope().names.get(identifier.text) === binding && (binding.kind === 'alias' || binding.kind === 'local' || binding.kind === 'string') ? binding : undefined;
  }
}
