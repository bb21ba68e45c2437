import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writevSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from '../detect/facts.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { analysisCodeHash } from './code-hash.js';
import { importsStillResolve, projectImportsOf, provablyUnchanged, sameStat, type FileStat } from './validity.js';

export type { FileStat } from './validity.js';

export const DEFAULT_CACHE_FOLDER = '.privlint-cache';
const CACHE_FILE = 'facts-v5.bin';

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
}

type Span = [start: number, end: number];

interface CacheHeader {
  /** privlint version, analysis code, catalog and config fingerprints: any change invalidates every entry. */
  key: string;
  /** Per file: hash, project imports, core facts, and where its lazy parts are in the blob that follows the header. */
  entries: Record<string, { hash: string; projectImports: string[]; core: CoreFacts; lazy: Record<LazyField, Span>; stat?: FileStat }>;
  /** When the cache was written (ms since the epoch). */
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
 * One file, written atomically: a 4-byte header length, the header as JSON with every file's core
 * facts (one JSON.parse reads them all: deserialising thousands of small values one by one cost a
 * warm re-scan more than any other step), then the lazy parts, v8-serialised, back to back — one
 * blob, so neither reading nor writing handles thousands of separate buffers, and unchanged lazy
 * parts are copied as bytes.
 */
export class FactsCache implements FactsStore {
  private entries: Record<string, CacheEntry> = {};
  private writtenAt = 0;
  private readonly key: string;
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(
    private readonly folder: string,
    analysisFingerprint: string,
  ) {
    this.key = `${PACKAGE_VERSION}\0${analysisCodeHash()}\0${analysisFingerprint}`;
    try {
      const bytes = readFileSync(path.join(folder, CACHE_FILE));
      const headerLength = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as CacheHeader;
      if (header?.key !== this.key || !header.entries) return;
      this.writtenAt = header.writtenAt ?? 0;
      const blob = bytes.subarray(4 + headerLength);
      const part = ([start, end]: Span) => blob.subarray(start, end);
      for (const [file, { hash, projectImports, core, lazy, stat }] of Object.entries(header.entries)) {
        this.entries[file] = { hash, projectImports, core, lazy: { flowEdges: part(lazy.flowEdges), functions: part(lazy.functions) }, ...(stat ? { stat } : {}) };
      }
    } catch {
      // No cache yet, or an unreadable one: start empty (it is only a cache).
      this.entries = {};
    }
  }

  /**
   * The content hash of the cached entry when the file is provably unchanged since: same size, inode,
   * modification and change times as when it was cached, those well before the cache was written. Then
   * a scan need not read the file at all; otherwise it reads and hashes it as usual.
   */
  hashIfUnchanged(file: string, stat: FileStat): string | undefined {
    const entry = this.entries[file];
    return entry?.stat && provablyUnchanged(entry.stat, stat, this.writtenAt) ? entry.hash : undefined;
  }

  /** Remember the file's size and modification time for its current entry. */
  recordStat(file: string, stat: FileStat): void {
    const entry = this.entries[file];
    if (!entry || (entry.stat && sameStat(entry.stat, stat))) return;
    entry.stat = statRecord(stat);
    this.dirty = true;
  }

  /** Facts for `file` with this content, when still valid for the current set of project files. */
  get(file: string, hash: string, isProjectImport: (specifier: string) => boolean): FileFacts | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.hash !== hash) {
      this.misses++;
      return undefined;
    }
    const facts = { ...entry.core } as FileFacts;
    for (const field of LAZY_FIELDS) defineLazily(facts, field, entry.lazy[field]);
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
    };
    this.dirty = true;
  }

  /** Drop entries of files that no longer exist, then write (atomically) if anything changed. */
  save(presentFiles: ReadonlySet<string>): void {
    for (const file of Object.keys(this.entries)) {
      if (!presentFiles.has(file)) {
        delete this.entries[file];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    const header: CacheHeader = { key: this.key, entries: {}, writtenAt: Date.now() };
    const parts: Uint8Array[] = [];
    let offset = 0;
    const place = (bytes: Uint8Array): Span => {
      parts.push(bytes);
      offset += bytes.length;
      return [offset - bytes.length, offset];
    };
    for (const [file, { hash, projectImports, core, lazy, stat }] of Object.entries(this.entries)) {
      header.entries[file] = { hash, projectImports, core, lazy: { flowEdges: place(lazy.flowEdges), functions: place(lazy.functions) }, ...(stat ? { stat } : {}) };
    }
    const headerBytes = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length, 0);
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(path.join(this.folder, '.gitignore'), '# Written by privlint: a cache, never commit it.\n*\n');
    const temporary = path.join(this.folder, `${CACHE_FILE}.${process.pid}.tmp`);
    writeParts(temporary, [length, headerBytes, ...parts]);
    renameSync(temporary, path.join(this.folder, CACHE_FILE));
    this.dirty = false;
  }
}

const statRecord = ({ mtimeMs, ctimeMs, size, ino }: FileStat): FileStat => ({ mtimeMs, ctimeMs, size, ino });

/** A field deserialised on first read (and assignable, as plain facts are). */
function defineLazily(facts: FileFacts, field: LazyField, bytes: Uint8Array): void {
  let value: FileFacts[LazyField] | undefined;
  Object.defineProperty(facts, field, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= deserialize(bytes) as FileFacts[LazyField]),
    set: (assigned: FileFacts[LazyField]) => {
      value = assigned;
    },
  });
}

/** Write the parts back to back without first copying them into one buffer (the cache is megabytes). */
function writeParts(file: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    // Batches below the usual IOV_MAX (1024); writevSync may write less than asked, so go on from there.
    for (let index = 0; index < parts.length; ) {
      const batch = parts.slice(index, index + 512);
      let written = writevSync(fd, batch);
      let done = 0;
      while (done < batch.length && written >= batch[done]!.length) written -= batch[done++]!.length;
      if (done < batch.length) {
        // A short write: finish the part it stopped in, then carry on with the next batch.
        writeFileSync(fd, batch[done]!.subarray(written));
        done++;
      }
      index += done;
    }
  } finally {
    closeSync(fd);
  }
}
