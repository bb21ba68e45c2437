import type { FileFacts } from '../detect/facts.js';
import type { FactsStore } from './facts-cache.js';
import { importsStillResolve, projectImportsOf, provablyUnchanged, type FileStat } from './validity.js';

interface Entry {
  hash: string;
  facts: FileFacts;
  /** The imports the facts treated as project modules: stale once that changes (a file added or removed). */
  projectImports: string[];
  stat?: FileStat;
  /** When the stat was taken: a file written just before it may have changed unseen (see provablyUnchanged). */
  statAt?: number;
}

/**
 * The facts of the previous run of `scan --watch`, kept in memory: a re-scan stats every file,
 * reads only those whose stat moved, and analyses only those whose content changed. Backed by the
 * cache on disk when the scan has one, for the first run only: it starts warm and brings the cache
 * up to date; later runs do not pay for writing it (the next scan re-analyses what changed since).
 */
export class MemoryFactsStore implements FactsStore {
  private readonly entries = new Map<string, Entry>();
  /** Stats the backing cache proved unchanged, until get() takes their entries. */
  private readonly vouched = new Map<string, FileStat>();

  constructor(
    private backing?: FactsStore,
    private readonly now: () => number = Date.now,
  ) {}

  hashIfUnchanged(file: string, stat: FileStat): string | undefined {
    const entry = this.entries.get(file);
    if (!entry?.stat || entry.statAt === undefined) {
      const hash = this.backing?.hashIfUnchanged(file, stat);
      // The disk cache vouches for this stat: keep it with the entry get() is about to take from there.
      if (hash !== undefined) this.vouched.set(file, stat);
      return hash;
    }
    return provablyUnchanged(entry.stat, stat, entry.statAt) ? entry.hash : undefined;
  }

  recordStat(file: string, stat: FileStat): void {
    const entry = this.entries.get(file);
    if (entry) Object.assign(entry, { stat, statAt: this.now() });
    this.backing?.recordStat(file, stat);
  }

  get(file: string, hash: string, isProjectImport: (specifier: string) => boolean): FileFacts | undefined {
    const entry = this.entries.get(file);
    if (entry?.hash === hash) {
      return importsStillResolve(entry.facts, entry.projectImports, isProjectImport) ? entry.facts : undefined;
    }
    const stored = this.backing?.get(file, hash, isProjectImport);
    const stat = this.vouched.get(file);
    this.vouched.delete(file);
    if (stored) this.entries.set(file, { hash, facts: stored, projectImports: projectImportsOf(stored, isProjectImport), ...(stat ? { stat, statAt: this.now() } : {}) });
    return stored;
  }

  set(file: string, hash: string, facts: FileFacts, isProjectImport: (specifier: string) => boolean, stat?: FileStat): void {
    this.entries.set(file, { hash, facts, projectImports: projectImportsOf(facts, isProjectImport), ...(stat ? { stat, statAt: this.now() } : {}) });
    this.backing?.set(file, hash, facts, isProjectImport, stat);
  }

  save(presentFiles: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!presentFiles.has(file)) this.entries.delete(file);
    this.backing?.save(presentFiles);
    this.backing = undefined;
  }
}
