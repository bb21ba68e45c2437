import type { CatalogIndex } from '../catalog/match.js';
import type { ExportTarget, FileFacts, Reference } from '../detect/facts.js';

/**
 * The names under which other files can reach what a file collects, sends or guards: the editor's
 * way of telling, from text alone, whether a file calls into privacy-relevant project code.
 */
export interface ProjectWords {
  /** Export names of functions that (transitively) contain a collection site, SDK call or sink. */
  names: Set<string>;
  /**
   * Module stems of files whose default export is such a function: an importer names the default
   * export as it likes, but its specifier ends with the stem ('./device', '@app/privacy').
   */
  stems: Set<string>;
}

/** The stem a specifier or a file path ends with: 'device' for './utils/device.ts', the folder for an index file. */
export function stemOf(pathOrSpecifier: string): string {
  const parts = pathOrSpecifier.replace(/\\/g, '/').split('/');
  const last = parts.pop()!.replace(/\.[cm]?[jt]sx?$/, '');
  return last === 'index' && parts.length > 0 ? parts.pop()! : last;
}

/**
 * Add to `words` the names this file exports that lead to privacy-relevant code, given the words
 * known so far; returns whether anything was added. A function is relevant when it contains a
 * collection site or an SDK call (directly, or in a nested function), or calls a relevant function
 * — of this file, or of another file through one of the words: such a function's callers decide
 * where its sites are reported and whether they are guarded. A function that only contains a sink
 * is not: a flow reaches it through a caller that is relevant anyway.
 */
export function addExportedWords(file: string, facts: FileFacts, words: ProjectWords, catalog: CatalogIndex): boolean {
  const relevant = relevantFunctions(facts, words);
  const before = words.names.size + words.stems.size;
  const leadsSomewhere = (target: ExportTarget): boolean => {
    switch (target.kind) {
      case 'function':
        return relevant.has(target.functionIndex);
      case 'reference':
        return referenceIsRelevant(target.reference, words, relevant) || (target.reference.root.kind === 'import' && catalog.moduleRole(target.reference.root.specifier) === 'collects');
      case 'object':
        return Object.values(target.members).some(leadsSomewhere);
      default:
        // Strings lead nowhere; neither do classes and other values linking does not follow.
        return false;
    }
  };
  for (const entry of facts.exports) {
    // `export * from 'sdk'` names nothing: any import of this module may reach the SDK.
    if (entry.target.kind === 'star' && catalog.moduleRole(entry.target.specifier) === 'collects') words.stems.add(stemOf(file));
    if (entry.target.kind === 'star' || !leadsSomewhere(entry.target)) continue;
    if (entry.name === 'default' || entry.name === '*') words.stems.add(stemOf(file));
    else words.names.add(entry.name);
    if (entry.target.kind === 'object') for (const [member, target] of Object.entries(entry.target.members)) if (leadsSomewhere(target)) words.names.add(member);
  }
  return words.names.size + words.stems.size > before;
}

function relevantFunctions(facts: FileFacts, words: ProjectWords): Set<number> {
  const relevant = new Set<number>();
  const mark = (index: number | null) => {
    for (let current = index; current !== null && !relevant.has(current); current = facts.functions[current]?.parentFunction ?? null) relevant.add(current);
  };
  // A name passed to project code (needsFlow) is a site only through a flow across files, which the editor leaves to the scan.
  for (const site of [...facts.sources.filter((source) => !source.needsFlow), ...facts.sdkCalls, ...facts.pendingKeyedReads, ...(facts.projectReads ?? [])]) mark(site.functionIndex);
  for (let changed = true; changed; ) {
    changed = false;
    for (const call of facts.projectReferences) {
      if (call.functionIndex === null || relevant.has(call.functionIndex)) continue;
      if (referenceIsRelevant(call.reference, words, relevant)) {
        mark(call.functionIndex);
        changed = true;
      }
    }
  }
  return relevant;
}

function referenceIsRelevant(reference: Reference, words: ProjectWords, relevant: ReadonlySet<number>): boolean {
  const { root, segments } = reference;
  if (root.kind === 'function') return relevant.has(root.functionIndex);
  if (root.kind !== 'import') return false;
  // `import x from './w'` and `require('./w')()` reach the module's default or whole export.
  if ((segments[0] === 'default' || segments[0] === '()') && words.stems.has(stemOf(root.specifier))) return true;
  return segments.some((segment) => words.names.has(segment));
}
