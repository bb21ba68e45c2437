import { statSync } from 'node:fs';
import type { FactsStore, FileStat } from '../cache/facts-cache.js';
import { hashText } from '../cache/facts-cache.js';
import type { AnalyzeOptions } from '../detect/analyze-options.js';
import type { FileFacts } from '../detect/facts.js';
import type { Diagnostic } from '../link/inventory.js';
import { readSource, sourceFromBytes } from '../project/read-source.js';
import { ModuleResolver } from '../project/resolve.js';
import { toPosixRelative } from '../util/paths.js';
import type { ProjectSetup } from './setup.js';
import type { SourceOverlay } from '../project/source-overlay.js';
import type { Phase, Timings } from '../util/timings.js';
import { type AnalyzeHere, MIN_FILES_FOR_WORKERS, WorkerPool, workersAvailable } from './worker-pool.js';
import type { WorkerSetup } from './worker-protocol.js';

/** Called as a scan moves through its phases; `done` and `total` count files when the phase has them. */
export type ProgressListener = (phase: Phase, done?: number, total?: number) => void;

export interface AnalyzeFilesInput {
  setup: ProjectSetup;
  /** Absolute paths of every file in the project. */
  files: string[];
  cache?: FactsStore;
  /** Where file contents come from instead of the disk (the index for --staged). */
  overlay?: SourceOverlay;
  timings: Timings;
  onProgress?: ProgressListener;
}

export interface AnalyzedProject {
  facts: Map<string, FileFacts>;
  /** Files that were skipped (too large, binary, minified) or unreadable. */
  diagnostics: Diagnostic[];
  /** The resolver analysis asked which imports reach project files: linking resolves the same imports. */
  modules: ModuleResolver;
}

interface Pending {
  file: string;
  relative: string;
  text: string;
  /** Content hash, computed only when there is a cache to key. */
  hash?: string;
  stat?: FileStat;
  readDiagnostics: FileFacts['diagnostics'];
}

type Analyze = (file: string, text: string, options: AnalyzeOptions, timing: { parse: number; detect: number }) => FileFacts;

/** Read every file, take what the cache still holds, and say what must be analysed. */
function prepare(input: AnalyzeFilesInput) {
  const { setup, files, cache, timings } = input;
  const known = new Set(files);
  const modules = new ModuleResolver((file) => known.has(file), setup.aliases);
  const { isProjectModule } = modules;
  const facts = new Map<string, FileFacts>();
  const diagnostics: Diagnostic[] = [];
  const pending: Pending[] = [];
  timings.measure('read', () => {
    for (const file of files) {
      const relative = toPosixRelative(setup.root, file);
      const staged = input.overlay?.bytes(file);
      // With a cache, a file not written since it was cached is not even read.
      const stat = cache && !staged ? statOf(file) : undefined;
      const unchanged = stat ? cache!.hashIfUnchanged(relative, stat) : undefined;
      const known = unchanged !== undefined ? cache!.get(relative, unchanged, (specifier) => isProjectModule(file, specifier)) : undefined;
      if (known) {
        facts.set(file, known);
        continue;
      }
      const source = staged ? sourceFromBytes(staged) : readSource(file);
      if ('skipped' in source) {
        diagnostics.push({ file: relative, ...source.skipped });
        continue;
      }
      const hash = cache ? hashText(source.text) : undefined;
      const cached = hash !== undefined ? cache?.get(relative, hash, (specifier) => isProjectModule(file, specifier)) : undefined;
      if (cached) {
        facts.set(file, cached);
        if (stat) cache!.recordStat(relative, stat);
      } else {
        pending.push({ file, relative, text: source.text, ...(hash !== undefined ? { hash } : {}), ...(stat ? { stat } : {}), readDiagnostics: source.diagnostics });
      }
    }
    input.onProgress?.('read', files.length, files.length);
  });
  const options: AnalyzeOptions = { ...setup.analyzeOptions, isProjectModule };
  const store = (item: Pending, fileFacts: FileFacts) => {
    fileFacts.diagnostics.unshift(...item.readDiagnostics);
    facts.set(item.file, fileFacts);
    // A failure inside privlint is not the file's: the next scan tries again.
    if (item.hash !== undefined && fileFacts.notAnalysed !== 'internal-error') cache?.set(item.relative, item.hash, fileFacts, (specifier) => isProjectModule(item.file, specifier), item.stat);
  };
  return { facts, diagnostics, modules, pending, options, store, present: new Set(files.map((file) => toPosixRelative(setup.root, file))) };
}

/** Analyse the files of a project on this thread (library use, tests, small projects). */
export function analyzeFilesSync(input: AnalyzeFilesInput, analyze: Analyze): AnalyzedProject {
  const { facts, diagnostics, modules, pending, options, store, present } = prepare(input);
  analyzeHere(input, pending, (item, timing) => store(item, analyze(item.file, item.text, options, timing)));
  saveCache(input, present);
  return { facts, diagnostics, modules };
}

function analyzeHere(input: AnalyzeFilesInput, pending: Pending[], work: (item: Pending, timing: { parse: number; detect: number }) => void): void {
  const timing = { parse: 0, detect: 0 };
  pending.forEach((item, index) => {
    work(item, timing);
    input.onProgress?.('parse', index + 1, pending.length);
  });
  input.timings.add('parse', timing.parse);
  input.timings.add('detect', timing.detect);
}

/**
 * Worker threads for a scan of `files` on `threads` analysis threads (this one included), started
 * before the sources are read so that loading the parser overlaps with reading: all but this
 * thread when nothing can come from the cache. With a warm cache, when only a few files may have
 * changed, one worker, even for a single analysis thread: it is then that thread, loading the
 * parser while this one reads the cache and stats the files, and this thread never loads it
 * (`early`, from startEarlyWorker, is that worker started sooner still). None for one thread
 * without a cache, or too few files to repay a worker's start-up.
 */
export function startWorkers(setup: ProjectSetup, files: string[], threads: number, warmCache: boolean, early?: WorkerPool): WorkerPool | undefined {
  if (early) {
    early.configure(workerSetup(setup, files));
    return early;
  }
  if (files.length < MIN_FILES_FOR_WORKERS || !workersAvailable()) return undefined;
  if (warmCache) return new WorkerPool(workerSetup(setup, files), 1);
  return threads < 2 ? undefined : new WorkerPool(workerSetup(setup, files), threads - 1);
}

/**
 * With a warm cache, the one worker of startWorkers started before anything else: loading Node's
 * modules and the parser in a worker takes longer than this thread's set-up, discovery and cache
 * reading together, and a warm re-scan otherwise waits for it.
 */
export function startEarlyWorker(warmCache: boolean): WorkerPool | undefined {
  return warmCache && workersAvailable() ? new WorkerPool(undefined, 1) : undefined;
}

/**
 * Analyse the files of a project on `workers` threads, this one included. With a `pool` from
 * startWorkers, it grows to its full size once it is clear that many files must be analysed, and
 * this thread analyses beside the workers. The result does not depend on the number of threads:
 * facts are keyed by file.
 */
export async function analyzeFiles(input: AnalyzeFilesInput & { workers: number; pool?: WorkerPool }): Promise<AnalyzedProject> {
  let pool = input.pool;
  try {
    const prepared = prepare(input);
    const { facts, diagnostics, modules, pending, store, present } = prepared;
    const onProgress = (done: number) => input.onProgress?.('parse', done, pending.length);
    if (pending.length === 0) {
      await pool?.close();
      pool = undefined;
    } else if (pool) {
      // Many files after all (a cache from another version, a changed catalog): every thread works,
      // this one too unless the pool's one worker is the single analysis thread asked for.
      const many = pending.length >= MIN_FILES_FOR_WORKERS;
      if (many) pool.grow(input.workers - 1);
      // Loaded only now: a scan whose files all come from the cache never loads the TypeScript parser.
      const here = many && input.workers > 1 ? await analyzerHere(prepared.options, input.timings) : undefined;
      const waitStarted = performance.now();
      const { facts: analysed, timing, hereMs } = await pool.analyze(
        pending.map(({ file, text }) => ({ file, text })),
        onProgress,
        here,
      );
      input.timings.add('workers', performance.now() - waitStarted - hereMs);
      const byFile = new Map(pending.map((item) => [item.file, item]));
      for (const [file, fileFacts] of analysed) store(byFile.get(file)!, fileFacts);
      input.timings.add('parse', timing.parse);
      input.timings.add('detect', timing.detect);
    } else {
      const { analyzeSource } = await loadAnalyzer(input.timings);
      analyzeHere(input, pending, (item, timing) => store(item, analyzeSource(item.file, item.text, prepared.options, timing)));
    }
    saveCache(input, present);
    return { facts, diagnostics, modules };
  } finally {
    await pool?.close();
  }
}

/** The analyser, and with it the TypeScript parser: loading it counts as parsing. */
function loadAnalyzer(timings: Timings): Promise<typeof import('../detect/analyze-file.js')> {
  return timings.measureAsync('parse', () => import('../detect/analyze-file.js'));
}

async function analyzerHere(options: AnalyzeOptions, timings: Timings): Promise<AnalyzeHere> {
  const { analyzeSource } = await loadAnalyzer(timings);
  return (files, timing) => files.map(({ file, text }) => ({ file, facts: analyzeSource(file, text, options, timing) }));
}

function saveCache(input: AnalyzeFilesInput, present: Set<string>): void {
  if (input.cache) input.timings.measure('cache', () => input.cache!.save(present));
}

function workerSetup(setup: ProjectSetup, files: string[]): WorkerSetup {
  return {
    catalogExtensions: setup.config.catalog ? [setup.config.catalog] : [],
    requestParameterNames: setup.analyzeOptions.requestParameterNames,
    ...(setup.analyzeOptions.debug ? { debug: true } : {}),
    ...(setup.aliases ? { aliases: setup.aliases } : {}),
    files,
  };
}

function statOf(file: string): FileStat | undefined {
  try {
    const { mtimeMs, ctimeMs, size, ino } = statSync(file);
    return { mtimeMs, ctimeMs, size, ino };
  } catch {
    return undefined; // read as usual, which reports the problem
  }
}
