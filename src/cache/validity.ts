import type { FileFacts } from '../detect/facts.js';

/**
 * What the file system says of a file, enough to tell it has not been written since: as git's
 * index, the change time too, which no tool can set back (a `touch -d` or a copy that keeps the
 * modification time still moves it).
 */
export interface FileStat {
  mtimeMs: number;
  ctimeMs: number;
  size: number;
  ino: number;
}

/**
 * A modification time this close to when a stat was recorded does not prove the content is the one
 * stored: the file may have been written again within the clock's resolution ("racy git").
 */
const RACY_MS = 2000;

/** Is a file with `stat` provably the one that had `known` when it was recorded at `recordedAt` (ms since the epoch)? */
export function provablyUnchanged(known: FileStat, stat: FileStat, recordedAt: number): boolean {
  return sameStat(known, stat) && Math.max(known.mtimeMs, known.ctimeMs) < recordedAt - RACY_MS;
}

export const sameStat = (a: FileStat, b: FileStat): boolean => a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size && a.ino === b.ino;

/** The imports of `facts` that reach project files: facts depend on that, so they are stored with it. */
export function projectImportsOf(facts: Pick<FileFacts, 'imports'>, isProjectImport: (specifier: string) => boolean): string[] {
  return facts.imports.filter(isProjectImport);
}

/** Do the imports that reached project files when the facts were made still reach them (and only them)? */
export function importsStillResolve(facts: Pick<FileFacts, 'imports'>, projectImports: readonly string[], isProjectImport: (specifier: string) => boolean): boolean {
  return facts.imports.every((specifier) => projectImports.includes(specifier) === isProjectImport(specifier));
}
