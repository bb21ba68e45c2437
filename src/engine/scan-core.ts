import path from 'node:path';
import { DEFAULT_CACHE_FOLDER, FactsCache, type FactsStore } from '../cache/facts-cache.js';
import type { Diagnostic } from '../link/inventory.js';
import { listDependencies, packageFilesOf } from '../link/dependencies.js';
import { createScanFilter, discoverFiles } from '../project/discover.js';
import { readSourceText } from '../project/read-source.js';
import type { ScanResult } from '../result/scan-result.js';
import { displayPath, toPosixRelative } from '../util/paths.js';
import { UserError } from '../util/problem.js';
import type { AnalyzedProject, ProgressListener } from './analyze-files.js';
import { evaluate } from './evaluate.js';
import { ignoreOptions, loadSetup, type ProjectSetup } from './setup.js';
import type { SourceOverlay } from '../project/source-overlay.js';
import { scanPaths } from './scan-paths.js';
import { Timings } from '../util/timings.js';

export interface ScanOptions {
  /** Files or folders to scan; default: the working directory. */
  paths?: string[];
  cwd?: string;
  /** Manifest file; default: the config's `manifest`, else found by walking up from the root. */
  manifest?: string;
  /** Config file; default: found by walking up from the root. */
  config?: string;
  /** Reuse per-file results from earlier scans: true for `<root>/.privlint-cache`, or a folder. */
  cache?: boolean | string;
  /** Collects how long each phase took (for --timing). */
  timings?: Timings;
  /** Analyse another version of the files than the working tree (the git index for --staged). */
  overlay?: SourceOverlay;
  /** Told which phase the scan is in (for a progress line). */
  onProgress?: ProgressListener;
  /** Facts a long-lived process keeps between scans (`privlint serve`), used instead of the cache on disk. */
  keptFacts?: KeptFacts;
  /** Put the stack of an internal error in the diagnostic of the file it happened in. */
  debug?: boolean;
}

/** Where a long-lived process keeps the facts of its scans: one store per analysis fingerprint (catalog, analysis config). */
export interface KeptFacts {
  storeFor(analysisFingerprint: string): { store: FactsStore; warm: boolean };
}

export interface PreparedScan {
  root: string;
  setup: ProjectSetup;
  files: string[];
  /** Found while discovering files (symbolic links not followed). */
  diagnostics: Diagnostic[];
  /** The package.json files whose dependencies the result lists (absolute). */
  packageFiles: string[];
  cache?: FactsStore;
  overlay?: SourceOverlay;
  timings: Timings;
  onProgress?: ProgressListener;
}

/** What prepareScan tells onFilesFound: whether earlier facts exist, and whether they are in this process's memory. */
export interface FilesFound {
  warmCache: boolean;
  inMemory: boolean;
}

/**
 * Everything before reading sources: paths, config, manifest, catalog, the file list, the cache.
 * `onFilesFound` is called once the file list is known, before the cache is opened (the parallel
 * scan starts its workers there, so that they load the parser while this thread reads).
 */
export function prepareScan(options: ScanOptions, onFilesFound?: (setup: ProjectSetup, files: string[], found: FilesFound) => void): PreparedScan {
  const timings = options.timings ?? new Timings();
  const cwd = options.cwd ?? process.cwd();
  const { paths, root } = scanPaths(options);
  const setup = timings.measure('setup', () =>
    loadSetup({
      root,
      cwd,
      ...(options.manifest ? { manifest: options.manifest } : {}),
      ...(options.config ? { config: options.config } : {}),
      ...(options.debug ? { debug: true } : {}),
    }),
  );
  const ignores = ignoreOptions(setup);
  const { files: discovered, notFollowed, packageFiles } = timings.measure('discover', () => discoverFiles({ paths, ...ignores, root, cwd }));
  const files = options.overlay ? options.overlay.files(discovered, root, overlayFilter(paths, root, ignores)) : discovered;
  if (files.length === 0) {
    throw new UserError(`no JavaScript or TypeScript files to scan in ${paths.map((given) => displayPath(given, cwd)).join(', ')} (node_modules, build output and .gitignored files are skipped)`);
  }
  const analysisFingerprint = `${setup.catalog.catalog.fingerprint}\0${(setup.analyzeOptions.requestParameterNames ?? []).join(',')}`;
  const kept = options.keptFacts?.storeFor(analysisFingerprint);
  const cacheFolder = kept ? undefined : cacheFolderOf(options, root);
  onFilesFound?.(setup, files, { warmCache: kept ? kept.warm : cacheFolder !== undefined && FactsCache.existsIn(cacheFolder), inMemory: kept !== undefined });
  const cache = kept?.store ?? (cacheFolder ? timings.measure('cache', () => new FactsCache(cacheFolder, analysisFingerprint)) : undefined);
  const diagnostics: Diagnostic[] = notFollowed.map(({ file, message }) => ({ file: toPosixRelative(root, file), line: 1, column: 1, severity: 'note', message }));
  return {
    root,
    setup,
    files,
    diagnostics,
    packageFiles: packageFilesOf(paths, packageFiles),
    ...(cache ? { cache } : {}),
    ...(options.overlay ? { overlay: options.overlay } : {}),
    timings,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/** Would the scan take a file that only the overlay has? Under one of the paths, and not ignored. */
function overlayFilter(paths: string[], root: string, ignores: { ignore: string[]; ignoreBase: string }): (file: string) => boolean {
  let accepts: ((file: string) => boolean) | undefined;
  return (file) => {
    accepts ??= createScanFilter({ root, ...ignores });
    return paths.some((given) => file === given || file.startsWith(given + path.sep)) && accepts(file);
  };
}

/** Link, check and package the result: shared by the synchronous and the parallel scan. */
export function finishScan(prepared: PreparedScan, analyzed: AnalyzedProject): ScanResult {
  const { root, setup, files, timings, overlay } = prepared;
  const lines = new Map<string, string[]>();
  const lineText = (file: string, line: number) => {
    if (!lines.has(file)) {
      // A file deleted mid-scan reads as empty: fingerprints fall back to the rest of the identity.
      const absolute = path.join(root, file);
      lines.set(file, readSourceText(absolute, overlay?.bytes(absolute)).split('\n'));
    }
    return lines.get(file)![line - 1] ?? '';
  };
  const known = new Set(files);
  const dependencies = listDependencies(root, prepared.packageFiles, setup.catalog.catalog);
  const { inventory, findings, suppressed } = evaluate({
    setup,
    facts: analyzed.facts,
    fileExists: (file) => known.has(file),
    modules: analyzed.modules,
    lineText,
    diagnostics: [...prepared.diagnostics, ...dependencies.diagnostics, ...analyzed.diagnostics],
    timings,
    ...(prepared.onProgress ? { onProgress: prepared.onProgress } : {}),
  });
  return { root, ...(setup.manifest ? { manifest: setup.manifest } : {}), config: setup.config, files, inventory, dependencies: dependencies.listing, findings, suppressed };
}

/** Where the scan's facts cache is, if it uses one. */
function cacheFolderOf(options: ScanOptions, root: string): string | undefined {
  if (!options.cache) return undefined;
  return typeof options.cache === 'string' ? path.resolve(options.cwd ?? process.cwd(), options.cache) : path.join(root, DEFAULT_CACHE_FOLDER);
}

/** Whether the scan will find a cache an earlier scan wrote (to be checked before its set-up is loaded). */
export function expectsWarmCache(options: ScanOptions): boolean {
  if (options.keptFacts) return false; // facts in memory: the parser is loaded here already
  try {
    const folder = cacheFolderOf(options, scanPaths(options).root);
    return folder !== undefined && FactsCache.existsIn(folder);
  } catch {
    return false; // a bad path: prepareScan reports it
  }
}
