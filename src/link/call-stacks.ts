/**
 * The open calls of a flow search state, interned: each distinct stack of call sites (numbers;
 * innermost last, at most `limit` of them, the oldest forgotten first) is a small number, and
 * entering or leaving a call is a table lookup, so the search compares and stores states as
 * numbers instead of splitting and joining strings at every step.
 */
export class CallStacks {
  /** Stack 0 is the empty one. */
  static readonly EMPTY = 0;
  private readonly stacks: { calls: readonly number[]; below: number | undefined }[] = [{ calls: [], below: undefined }];
  private readonly byCalls = new Map<string, number>([['', 0]]);
  private readonly pushed = new Map<number, number>();

  constructor(private readonly limit: number) {}

  /** The stack after entering `call` (a call site's number, below 2^26). */
  push(stack: number, call: number): number {
    const transition = stack * 2 ** 26 + call;
    let next = this.pushed.get(transition);
    if (next === undefined) {
      next = this.intern([...this.stacks[stack]!.calls, call].slice(-this.limit));
      this.pushed.set(transition, next);
    }
    return next;
  }

  /** The innermost open call, or undefined for the empty stack. */
  top(stack: number): number | undefined {
    return this.stacks[stack]!.calls.at(-1);
  }

  /** The stack after returning from the innermost call. */
  pop(stack: number): number {
    const entry = this.stacks[stack]!;
    entry.below ??= this.intern(entry.calls.slice(0, -1));
    return entry.below;
  }

  private intern(calls: readonly number[]): number {
    const name = calls.join(',');
    let id = this.byCalls.get(name);
    if (id === undefined) {
      id = this.stacks.length;
      this.stacks.push({ calls, below: undefined });
      this.byCalls.set(name, id);
    }
    return id;
  }
}
