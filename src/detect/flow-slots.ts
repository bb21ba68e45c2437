// Slot names only: linking reads them without loading the TypeScript parser.

/*
 * Flow slots that name a React context. A context created in a file is `x:<name>`, linked both ways
 * to `x:export:<exported name>` for each name it is exported under; a file that imports it uses
 * `x@<imported name>@<specifier>`, which linking maps to the exporting file's `x:export:` slot
 * (through re-exports and barrels).
 */
export const contextLocalSlot = (name: string): string => `x:${name}`;
export const contextExportSlot = (name: string): string => `x:export:${name}`;
export const contextImportSlot = (specifier: string, name: string): string => `x@${name}@${specifier}`;

/** The imported name and specifier of an import slot, or undefined for any other slot. */
export function parseContextImportSlot(slot: string): { name: string; specifier: string } | undefined {
  if (!slot.startsWith('x@')) return undefined;
  const at = slot.indexOf('@', 2);
  return at < 0 ? undefined : { name: slot.slice(2, at), specifier: slot.slice(at + 1) };
}
