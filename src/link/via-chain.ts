import type { ViaStep } from './inventory.js';
import type { Renaming } from './resolve-references.js';

/**
 * How many steps of a wrapper chain a site shows: the outermost ones, where the reader starts,
 * then one step that counts the rest and shows the innermost (where the API is called). Chains of
 * generated or recursive wrappers can be thousands of steps deep; every site of them once held
 * them all (1,000 nested wrappers made 79 MB of JSON).
 */
export const MAX_VIA_STEPS = 10;

/** A wrapper chain, outermost first, kept short as it grows from the inside out. */
export interface ViaChain {
  /** The outermost steps, at most MAX_VIA_STEPS. */
  head: readonly ViaStep[];
  /** Steps left out between the head and the innermost. */
  omitted: number;
  /** The innermost step, once the chain is longer than its head. */
  innermost?: ViaStep;
}

export function viaChain(step: ViaStep): ViaChain {
  return { head: [step], omitted: 0 };
}

/** The chain with `step` in front (a caller wrapping what `chain` returns). */
export function withOuterStep(step: ViaStep, chain: ViaChain): ViaChain {
  const head = [step, ...chain.head];
  if (head.length <= MAX_VIA_STEPS) return { ...chain, head };
  const pushedOut = head.pop()!;
  return chain.innermost ? { head, omitted: chain.omitted + 1, innermost: chain.innermost } : { head, omitted: 0, innermost: pushedOut };
}

/** The chain with `steps` after its innermost (a chain just begun: where the API's value was first read). */
export function withInnerSteps(chain: ViaChain, steps: readonly ViaStep[]): ViaChain {
  return steps.length === 0 || chain.innermost || chain.head.length + steps.length > MAX_VIA_STEPS ? chain : { ...chain, head: [...chain.head, ...steps] };
}

/** The steps a site shows: the head, then the innermost step, saying how many were left out before it. */
export function viaSteps(chain: ViaChain): ViaStep[] {
  if (!chain.innermost) return [...chain.head];
  const { innermost, omitted } = chain;
  const last = omitted === 0 ? innermost : { ...innermost, note: `… ${omitted} more wrapper call${omitted === 1 ? '' : 's'}, down to: ${innermost.note}` };
  return [...chain.head, last];
}

/** The re-exports that renamed an external API on its way to a call (`export { getUniqueId as getDeviceId } from 'react-native-device-info'`), as via steps. */
export function renamingSteps(renamings: readonly Renaming[] | undefined, specifier: string, relative: (file: string) => string): ViaStep[] {
  return (renamings ?? []).map((renaming) => ({
    file: relative(renaming.file),
    line: renaming.line,
    column: renaming.column,
    note: `${renaming.to} is ${renaming.from} of ${specifier}, re-exported under another name`,
  }));
}
