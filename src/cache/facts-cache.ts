import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from '../detect/facts.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { analysisCodeHash } from './code-hash.js';

export const DEFAULT_CACHE_FOLDER = '.privlint-cache';
const CACHE_FILE = 'facts-v3.bin';

interface CacheEntry {
  /** sha1 of the file's text: the entry is only used for exactly this content. */
  hash: string;
  /** The imports the facts treated as project modules; the entry is stale if that changes. */
  projectImports: string[];
  /** The facts, v8-serialised on their own: unchanged entries are written back without re-serialising. */
  facts: Uint8Array;
}

interface CacheHeader {
  /** privlint version, analysis code, catalog and config fingerprints: any change invalidates every entry. */
  key: string;
  /** Per file: hash, project imports, and where its facts are in the blob that follows the header. */
  entries: Record<string, { hash: string; projectImports: string[]; start: number; end: number }>;
}

export const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * Per-file facts from earlier scans, keyed by path and content hash, and valid only for the same
 * privlint version, analysis code (a hash of the code that produces facts, so a development build
 * never reads entries an older build wrote), catalog and analysis config. A hit also re-checks
 * which imports reach project files, since facts depend on that.
 *
 * One file, written atomically: a 4-byte header length, the v8-serialised header, then every
 * entry's serialised facts back to back — one blob, so neither reading nor writing handles thousands
 * of separate buffers, and unchanged entries are copied as bytes.
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
      const bytes = readFileSync(path.join(folder, CACHE_FILE));
      const headerLength = bytes.readUInt32LE(0);
      const header = deserialize(bytes.subarray(4, 4 + headerLength)) as CacheHeader;
      if (header?.key !== this.key || !header.entries) return;
      const blob = bytes.subarray(4 + headerLength);
      for (const [file, { hash, projectImports, start, end }] of Object.entries(header.entries)) {
        this.entries[file] = { hash, projectImports, facts: blob.subarray(start, end) };
      }
    } catch {
      // No cache yet, or an unreadable one: start empty (it is only a cache).
      this.entries = {};
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
    const header: CacheHeader = { key: this.key, entries: {} };
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (const [file, { hash, projectImports, facts }] of Object.entries(this.entries)) {
      header.entries[file] = { hash, projectImports, start: offset, end: offset + facts.length };
      parts.push(facts);
      offset += facts.length;
    }
    const headerBytes = serialize(header);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length, 0);
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(path.join(this.folder, '.gitignore'), '# Written by privlint: a cache, never commit it.\n*\n');
    const temporary = path.join(this.folder, `${CACHE_FILE}.${process.pid}.tmp`);
    writeFileSync(temporary, Buffer.concat([length, headerBytes, ...parts]));
    renameSync(temporary, path.join(this.folder, CACHE_FILE));
    this.dirty = false;
  }
}
