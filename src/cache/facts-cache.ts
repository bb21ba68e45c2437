import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from '../detect/facts.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { analysisCodeHash } from './code-hash.js';

export const DEFAULT_CACHE_FOLDER = '.privlint-cache';
const CACHE_FILE = 'facts-v2.bin';

interface CacheEntry {
  /** sha1 of the file's text: the entry is only used for exactly this content. */
  hash: string;
  /** The facts, v8-serialised on their own: unchanged entries are written back without re-serialising. */
  facts: Uint8Array;
  /** The imports the facts treated as project modules; the entry is stale if that changes. */
  projectImports: string[];
}

interface CacheFile {
  /** privlint version, analysis code, catalog and config fingerprints: any change invalidates every entry. */
  key: string;
  entries: Record<string, CacheEntry>;
}

export const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * Per-file facts from earlier scans, keyed by path and content hash, and valid only for the same
 * privlint version, analysis code (a hash of the code that produces facts, so a development build
 * never reads entries an older build wrote), catalog and analysis config. A hit also re-checks
 * which imports reach project files, since facts depend on that. Stored as one v8-serialised file,
 * written atomically.
 */
export class FactsCache {
  private entries: Record<string, CacheEntry> = {};
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
      const stored = deserialize(readFileSync(path.join(folder, CACHE_FILE))) as CacheFile;
      if (stored?.key === this.key && stored.entries) this.entries = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty (it is only a cache).
    }
  }

  /** Facts for `file` with this content, when still valid for the current set of project files. */
  get(file: string, hash: string, isProjectImport: (specifier: string) => boolean): FileFacts | undefined {
    const entry = this.entries[file];
    if (entry === undefined || entry.hash !== hash) {
      this.misses++;
      return undefined;
    }
    const facts = deserialize(entry.facts) as FileFacts;
    const valid = facts.imports.every((specifier) => entry.projectImports.includes(specifier) === isProjectImport(specifier));
    if (valid) this.hits++;
    else this.misses++;
    return valid ? facts : undefined;
  }

  set(file: string, hash: string, facts: FileFacts, isProjectImport: (specifier: string) => boolean): void {
    this.entries[file] = { hash, facts: serialize(facts), projectImports: facts.imports.filter(isProjectImport) };
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
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(path.join(this.folder, '.gitignore'), '# Written by privlint: a cache, never commit it.\n*\n');
    const temporary = path.join(this.folder, `${CACHE_FILE}.${process.pid}.tmp`);
    writeFileSync(temporary, serialize({ key: this.key, entries: this.entries } satisfies CacheFile));
    renameSync(temporary, path.join(this.folder, CACHE_FILE));
    this.dirty = false;
  }
}
