import type { CatalogGuard, CollectionSwitch } from './types.js';

/** A collection switch of the catalog found at a call: its guard, and the switch's index there. */
export interface SwitchMatch {
  guard: CatalogGuard;
  index: number;
  switch: CollectionSwitch;
}

interface CompiledSwitch extends SwitchMatch {
  module?: RegExp;
}

/** The catalog's collection switches (guards.yaml `switches:`), looked up by the called path. */
export class SwitchMatcher {
  private readonly byPath = new Map<string, CompiledSwitch[]>();

  constructor(guards: readonly CatalogGuard[]) {
    for (const guard of guards) {
      guard.switches.forEach((collectionSwitch, index) => {
        const compiled: CompiledSwitch = { guard, index, switch: collectionSwitch, ...(collectionSwitch.module ? { module: modulePattern(collectionSwitch.module) } : {}) };
        this.byPath.set(collectionSwitch.path, [...(this.byPath.get(collectionSwitch.path) ?? []), compiled]);
      });
    }
  }

  /** Whether some switch is called on `module` (so loading it matters to the editor's pre-check). */
  coversModule(module: string): boolean {
    for (const list of this.byPath.values()) if (list.some((candidate) => candidate.module?.test(module))) return true;
    return false;
  }

  /** The switches a call of `path` on `module` (a global path without it) is, given its string arguments. */
  match(module: string | undefined, path: string, args: () => readonly (string | undefined)[]): SwitchMatch[] {
    const candidates = this.byPath.get(path);
    if (!candidates) return [];
    return candidates
      .filter((candidate) => (candidate.module === undefined ? module === undefined : module !== undefined && candidate.module.test(module)))
      .filter((candidate) => argumentsFit(candidate.switch, args))
      .map(({ guard, index, switch: collectionSwitch }) => ({ guard, index, switch: collectionSwitch }));
  }
}

function argumentsFit(collectionSwitch: CollectionSwitch, args: () => readonly (string | undefined)[]): boolean {
  const constraints = Object.entries(collectionSwitch.args ?? {});
  if (constraints.length === 0) return true;
  const actual = args();
  return constraints.every(([position, allowed]) => {
    const value = actual[Number(position)];
    return value !== undefined && allowed.includes(value);
  });
}

/** `@sentry/*` → one path segment for `*`; anything else exactly. */
function modulePattern(module: string): RegExp {
  const parts = module.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}$`);
}
