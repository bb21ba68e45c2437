import path from 'node:path';
import type { FingerprintContext } from '../check/fingerprint.js';
import type { FileFacts, Range } from '../detect/facts.js';
import { fingerprintRoot } from '../git/repository.js';
import { toPosixRelative } from '../util/paths.js';
import type { ProjectSetup } from './setup.js';

/** Fingerprint paths from a root that does not move with the scanned folder; scopes from the file's functions. */
export function fingerprintContext(setup: ProjectSetup, facts: ReadonlyMap<string, FileFacts>, lineText: FingerprintContext['lineText']): FingerprintContext {
  const anchor = fingerprintRoot(setup.root, setup.configFile, setup.manifest?.file);
  return {
    lineText,
    stablePath: (file) => toPosixRelative(anchor, path.resolve(setup.root, file)),
    scopeOf: (file, line, column) => {
      const functions = facts.get(path.resolve(setup.root, file))?.functions ?? [];
      let innermost: number | null = null;
      functions.forEach((fn, index) => {
        const { range } = fn;
        const starts = range.line < line || (range.line === line && range.column <= column);
        const ends = range.endLine > line || (range.endLine === line && range.endColumn > column);
        if (starts && ends && (innermost === null || contains(functions[innermost]!.range, range))) innermost = index;
      });
      const names: string[] = [];
      for (let index: number | null = innermost; index !== null; index = functions[index]!.parentFunction) names.unshift(functions[index]!.name);
      return names.join('>');
    },
  };
}

function contains(outer: Range, inner: Range): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}
