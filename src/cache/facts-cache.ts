import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from '../detect/facts.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { BlobWriter, readCacheFile, removeCacheFile, writeCacheFile, type Span } from './cache-file.js';
import { analysisCodeHash } from './code-hash.js';
import { importsStillResolve, projectImportsOf, provablyUnchanged, type FileStat } from './validity.js';

export type { FileStat } from './validity.js';

export const DEFAULT_CACHE_FOLDER = '.privlint-cache';
const CACHE_FILE = 'facts-v5.bin';
const JOURNAL_FILE = 'facts-v5.journal.bin';
/** A journal of up to this many files (or an eighth of the cache, if more) is written instead of the whole cache. */
const JOURNAL_MIN_FILES = 64;

/**
 * The two large parts of a file's facts, stored apart from the rest and read only when linking
 * asks for them: a re-scan after a small edit follows flows through few files and reads the
 * functions of few, so most of the cache is never deserialised.
 */
const LAZY_FIELDS = ['flowEdges', 'functions'] as const;
type LazyField = (typeof LAZY_FIELDS)[number];

/** A file's facts without the lazy fields: what linking reads of every file. */
type CoreFacts = Omit<FileFacts, LazyField>;

interface CacheEntry {
  /** sha1 of the file's text: the entry is only used for exactly this content. */
  hash: string;
  /** The imports the facts treated as project modules; the entry is stale if that changes. */
  projectImports: string[];
  /** Never handed out itself (get() copies it), so what is written back is what was read or set. */
  core: CoreFacts;
  /** v8-serialised: unchanged entries are written back as bytes. */
  lazy: Record<LazyField, Uint8Array>;
  /** Modification time and size when the file had this content (see hashIfUnchanged). */
  stat?: FileStat;
  /** When the cache file holding the entry was written: its stat was recorded before then. */
  recordedAt: number;
  /** Read from the base file and unchanged since: a journal need not repeat it. */
  inBase: boolean;
}

/** A file's entry as stored: its lazy parts located in the file's blob. */
interface StoredEntry {
  hash: string;
  projectImports: string[];
  core: CoreFacts;
  lazy: Record<LazyField, Span>;
  stat?: FileStat;
}

interface CacheHeader {
  /** privlint version, analysis code, catalog and config fingerprints: any change invalidates every entry. */
  key: string;
  /** Names this base file, so that a journal is only ever applied to the base it was written for. */
  id?: string;
  /** Per file: hash, project imports, core facts, and where its lazy parts are in the blob that follows the header. */
  entries: Record<string, StoredEntry>;
  /** When the cache was written (ms since the epoch). */
  writtenAt: number;
}

/** What changed since the base file was written: entries that replace or add to its own, and files gone. */
interface JournalHeader {
  key: string;
  /** The id of the base file this journal continues. */
  base: string;
  entries: Record<string, StoredEntry>;
  removed: string[];
  writtenAt: number;
}

export const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * Where a scan finds the facts of files it analysed before: the cache on disk (FactsCache) or, for
 * `scan --watch`, the facts of the previous run in memory (MemoryFactsStore).
 */
export interface FactsStore {
  /** The content hash of the stored entry when `stat` proves the file unchanged since (then it is not read). */
  hashIfUnchanged(file: string, stat: FileStat): string | undefined;
  /** Remember the file's stat for its current entry. */
  recordStat(file: string, stat: FileStat): void;
  /** Facts for `file` with this content, when still valid for the current set of project files. */
  get(file: string, hash: string, isProjectImport: (specifier: string) => boolean): FileFacts | undefined;
  set(file: string, hash: string, facts: FileFacts, isProjectImport: (specifier: string) => boolean, stat?: FileStat): void;
  /** Drop entries of files that are gone, and keep what is left for the next scan. */
  save(presentFiles: ReadonlySet<string>): void;
}

/**
 * Per-file facts from earlier scans, keyed by path and content hash, and valid only for the same
 * privlint version, analysis code (a hash of the code that produces facts, so a development build
 * never reads entries an older build wrote), catalog and analysis config. A hit also re-checks
 * which imports reach project files, since facts depend on that.
 *
 * Two files in the cache-file layout (cache-file.ts), each written atomically: the base, with every
 * file's core facts in its JSON header (one JSON.parse reads them all: deserialising thousands of
 * small values one by one cost a warm re-scan more than any other step) and the lazy parts in its
 * blob; and a journal of what changed since the base was written. A re-scan after an edit writes
 * the journal (a few kilobytes) rather than the whole cache (megabytes); once the journal holds
 * more than an eighth of the files, the base is written again and the journal dropped.
 */
export class FactsCache implements FactsStore {
  private entries: Record<string, CacheEntry> = {};
  /** The base file read, when it is this privlint's: a journal may then continue it. */
  private base?: { id: string; files: string[] };
  private readonly key: string;
  private dirty = false;
  hits = 0;
  misses = 0;

  /** Whether `folder` holds a cache an earlier scan wrote (of this or another privlint). */
  static existsIn(folder: string): boolean {
    return existsSync(path.join(folder, CACHE_FILE));
  }

  constructor(
    private readonly folder: string,
    analysisFingerprint: string,
  ) {
    this.key = `${PACKAGE_VERSION}\0${analysisCodeHash()}\0${analysisFingerprint}`;
    const base = readCacheFile<CacheHeader>(path.join(folder, CACHE_FILE));
    if (base?.header.key !== this.key || !base.header.entries) return;
    this.load(base.header.entries, base.blob, base.header.writtenAt ?? 0, true);
    if (!base.header.id) return;
    this.base = { id: base.header.id, files: Object.keys(base.header.entries) };
    const journal = readCacheFile<JournalHeader>(path.join(folder, JOURNAL_FILE));
    if (journal?.header.key !== this.key || journal.header.base !== base.header.id || !journal.header.entries) return;
    for (const file of journal.header.removed ?? []) delete this.entries[file];
    this.load(journal.header.entries, journal.blob, journal.header.writtenAt ?? 0, false);
  }

  private load(entries: Record<string, StoredEntry>, blob: Buffer, recordedAt: number, inBase: boolean): void {
    const part = ([start, end]: Span) => blob.subarray(start, end);
    for (const [file, { hash, projectImports, core, lazy, stat }] of Object.entries(entries)) {
      this.entries[file] = { hash, projectImports, core, lazy: { flowEdges: part(lazy.flowEdges), functions: part(lazy.functions) }, ...(stat ? { stat } : {}), recordedAt, inBase };
    }
  }

  /**
   * The content hash of the cached entry when the file is provably unchanged since: same size, inode,
   * modification and change times as when it was cached, those well before the cache was written. Then
   * a scan need not read the file at all; otherwise it reads and hashes it as usual.
   */
  hashIfUnchanged(file: string, stat: FileStat): string | undefined {
    const entry = this.entries[file];
    return entry?.stat && provablyUnchanged(entry.stat, stat, entry.recordedAt) ? entry.hash : undefined;
  }

  /** Remember the file's stat for its current entry, whose content was just checked by its hash. */
  recordStat(file: string, stat: FileStat): void {
    const entry = this.entries[file];
    // Unless the stat already proves the file unchanged, write the entry again: the stat recorded now proves it next time.
    if (!entry || (entry.stat && provablyUnchanged(entry.stat, stat, entry.recordedAt))) return;
    entry.stat = statRecord(stat);
    entry.inBase = false;
    this.dirty = true;
  }

  /** Facts for `file` with this content, when still valid for the current set of project files. */
  get(file: string, hash: string, isProjectImport: (specifier: string) => boolean): FileFacts | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.hash !== hash) {
      this.misses++;
      return undefined;
    }
    const facts = new CachedFacts(entry.core, entry.lazy) as unknown as FileFacts;
    const valid = importsStillResolve(facts, entry.projectImports, isProjectImport);
    if (valid) this.hits++;
    else this.misses++;
    return valid ? facts : undefined;
  }

  set(file: string, hash: string, facts: FileFacts, isProjectImport: (specifier: string) => boolean, stat?: FileStat): void {
    const core: Partial<FileFacts> = { ...facts };
    for (const field of LAZY_FIELDS) delete core[field];
    this.entries[file] = {
      hash,
      core: core as CoreFacts,
      lazy: { flowEdges: serialize(facts.flowEdges), functions: serialize(facts.functions) },
      projectImports: projectImportsOf(facts, isProjectImport),
      ...(stat ? { stat: statRecord(stat) } : {}),
      recordedAt: 0,
      inBase: false,
    };
    this.dirty = true;
  }

  /** Drop entries of files that no longer exist, then write (atomically) what changed: a journal, or the whole cache. */
  save(presentFiles: ReadonlySet<string>): void {
    for (const file of Object.keys(this.entries)) {
      if (!presentFiles.has(file)) {
        delete this.entries[file];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    const writtenAt = Date.now();
    const changed = Object.keys(this.entries).filter((file) => !this.entries[file]!.inBase);
    const removed = this.base ? this.base.files.filter((file) => this.entries[file] === undefined) : [];
    const journalLimit = Math.max(JOURNAL_MIN_FILES, Object.keys(this.entries).length / 8);
    if (this.base && changed.length + removed.length <= journalLimit) {
      const blob = new BlobWriter();
      const header: JournalHeader = { key: this.key, base: this.base.id, entries: this.stored(changed, blob), removed, writtenAt };
      writeCacheFile(path.join(this.folder, JOURNAL_FILE), header, blob);
      for (const file of changed) this.entries[file]!.recordedAt = writtenAt;
    } else {
      const blob = new BlobWriter();
      const header: CacheHeader = { key: this.key, id: randomBytes(8).toString('hex'), entries: this.stored(Object.keys(this.entries), blob), writtenAt };
      writeCacheFile(path.join(this.folder, CACHE_FILE), header, blob);
      removeCacheFile(path.join(this.folder, JOURNAL_FILE));
      for (const entry of Object.values(this.entries)) Object.assign(entry, { recordedAt: writtenAt, inBase: true });
      this.base = { id: header.id!, files: Object.keys(this.entries) };
    }
    this.dirty = false;
  }

  private stored(files: readonly string[], blob: BlobWriter): Record<string, StoredEntry> {
    const stored: Record<string, StoredEntry> = {};
    for (const file of files) {
      const { hash, projectImports, core, lazy, stat } = this.entries[file]!;
      stored[file] = { hash, projectImports, core, lazy: { flowEdges: blob.place(lazy.flowEdges), functions: blob.place(lazy.functions) }, ...(stat ? { stat } : {}) };
    }
    return stored;
  }
}

const statRecord = ({ mtimeMs, ctimeMs, size, ino }: FileStat): FileStat => ({ mtimeMs, ctimeMs, size, ino });

/**
 * A file's facts as the cache hands them out: the core fields its own, copied from the entry; the
 * lazy ones deserialised on first read, by getters of the class (assignable, as plain facts' are).
 * Accessors defined on each object instead (Object.defineProperty) gave every one a shape of its
 * own in V8: handing out 2,000 of them, then linking's reads of them, cost a warm re-scan ~40 ms
 * more. Being the class's, the lazy fields are not own properties: a copy made by spreading leaves
 * them out (FactsCache.set reads them by name).
 */
class CachedFacts {
  readonly #lazy: Record<LazyField, Uint8Array>;
  #flowEdges?: FileFacts['flowEdges'];
  #functions?: FileFacts['functions'];

  constructor(core: CoreFacts, lazy: Record<LazyField, Uint8Array>) {
    Object.assign(this, core);
    this.#lazy = lazy;
  }

  get flowEdges(): FileFacts['flowEdges'] {
    return (this.#flowEdges ??= deserialize(this.#lazy.flowEdges) as FileFacts['flowEdges']);
  }

  set flowEdges(value: FileFacts['flowEdges']) {
    this.#flowEdges = value;
  }

  get functions(): FileFacts['functions'] {
    return (this.#functions ??= deserialize(this.#lazy.functions) as FileFacts['functions']);
  }

  set functions(value: FileFacts['functions']) {
    this.#functions = value;
  }
}
