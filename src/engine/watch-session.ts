import { existsSync } from 'node:fs';
import path from 'node:path';
import { MemoryFactsStore } from '../cache/memory-store.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { analyzeSource } from '../detect/analyze-file.js';
import { MANIFEST_FILE_NAMES } from '../manifest/load.js';
import { createScanFilter, isScannedFileName } from '../project/discover.js';
import { analyzeFilesSync } from './analyze-files.js';
import { finishScan, prepareScan, type PreparedScan, type ScanOptions } from './scan-core.js';
import type { ScanResult } from '../result/scan-result.js';
import { ignoreOptions } from './setup.js';
import { Timings } from '../util/timings.js';

/** Files besides sources whose change can change a scan: they make the next run load the setup and list the files again. */
const SETUP_FILE_NAMES = new Set([...CONFIG_FILE_NAMES, ...MANIFEST_FILE_NAMES, 'tsconfig.json', 'jsconfig.json', '.gitignore']);

/**
 * One scan kept alive between runs, for `privlint scan --watch`. The parser stays loaded and the
 * facts of every file stay in memory (MemoryFactsStore): a run after an edit stats the files,
 * analyses the ones whose content changed and links the program again, with nothing to load or
 * deserialise. When a setup file changes (config, manifest, tsconfig, .gitignore) or a source file
 * appears or goes, the run loads the setup and lists the files again first, and keeps the facts if
 * the analysis itself (catalog, config) is the same. Each run gives what a fresh `scan` would.
 */
export class WatchSession {
  private prepared?: PreparedScan;
  private store?: MemoryFactsStore;
  private analysisKey?: string;
  private accepts?: (file: string) => boolean;
  private known = new Set<string>();

  constructor(private readonly options: ScanOptions) {}

  /** The setup files outside the scanned folder, which a watcher of the folder would not see. */
  get outsideFiles(): string[] {
    const setup = this.prepared?.setup;
    const root = this.prepared?.root;
    if (!setup || !root) return [];
    return [setup.configFile, setup.manifest?.file].filter((file): file is string => file !== undefined && !file.startsWith(root + path.sep));
  }

  /** Could a change to `file` (absolute) change the result? Sources the scan takes, and setup files. */
  affects(file: string): boolean {
    if (SETUP_FILE_NAMES.has(path.basename(file)) || this.outsideFiles.includes(file)) return true;
    return isScannedFileName(file) && (this.known.has(file) || (this.accepts?.(file) ?? true));
  }

  /** Did the last run analyse files under `folder` (a folder since removed or moved away)? */
  hadFilesIn(folder: string): boolean {
    const prefix = folder + path.sep;
    for (const file of this.known) if (file.startsWith(prefix)) return true;
    return false;
  }

  /** Scan; `changed` lists the files changed since the previous run (absolute paths), if any. */
  run(changed: readonly string[] = [], timings = new Timings()): ScanResult {
    const editsOnly = this.prepared !== undefined && changed.every((file) => this.isEditOfKnownSource(file));
    const prepared = editsOnly ? { ...this.prepared!, timings } : this.prepare(timings);
    const analyzed = analyzeFilesSync({ setup: prepared.setup, files: prepared.files, timings, cache: this.store! }, analyzeSource);
    return finishScan(prepared, analyzed);
  }

  /** A source file the last run analysed, still there: the file list and setup stay as they are. */
  private isEditOfKnownSource(file: string): boolean {
    return isScannedFileName(file) && !SETUP_FILE_NAMES.has(path.basename(file)) && this.known.has(file) && existsSync(file);
  }

  private prepare(timings: Timings): PreparedScan {
    // The cache on disk is opened once, for the first run; after that the facts in memory are newer.
    const first = this.store === undefined;
    const prepared = prepareScan({ ...this.options, timings, cache: first ? this.options.cache ?? false : false });
    const analysisKey = `${prepared.setup.catalog.catalog.fingerprint}\0${(prepared.setup.analyzeOptions.requestParameterNames ?? []).join(',')}`;
    if (first || analysisKey !== this.analysisKey) {
      this.store = new MemoryFactsStore(first ? prepared.cache : undefined);
      this.analysisKey = analysisKey;
    }
    this.prepared = prepared;
    this.known = new Set(prepared.files);
    this.accepts = createScanFilter({ root: prepared.root, ...ignoreOptions(prepared.setup) });
    return prepared;
  }
}
