import type { FactsCache } from '../cache/facts-cache.js';
import { hashText } from '../cache/facts-cache.js';
import type { AnalyzeOptions } from '../detect/analyze-options.js';
import type { FileFacts } from '../detect/facts.js';
import type { Diagnostic } from '../link/inventory.js';
import { readSource } from '../project/read-source.js';
import { ModuleResolver } from '../project/resolve.js';
import { toPosixRelative } from '../util/paths.js';
import type { ProjectSetup } from './setup.js';
import type { Timings } from './timings.js';
import { analyzeInWorkers, MIN_FILES_FOR_WORKERS, workersAvailable } from './worker-pool.js';

export type ProgressListener = (phase: string, done: number, total: number) => void;

export interface AnalyzeFilesInput {
  setup: ProjectSetup;
  /** Absolute paths of every file in the project. */
  files: string[];
  cache?: FactsCache;
  timings: Timings;
  onProgress?: ProgressListener;
}

export interface AnalyzedProject {
  facts: Map<string, FileFacts>;
  /** Files that were skipped (too large, binary, minified) or unreadable. */
  diagnostics: Diagnostic[];
}

interface Pending {
  file: string;
  relative: string;
  text: string;
  hash: string;
  readDiagnostics: FileFacts['diagnostics'];
}

type Analyze = (file: string, text: string, options: AnalyzeOptions, timing: { parse: number; detect: number }) => FileFacts;

/** Read every file, take what the cache still holds, and say what must be analysed. */
function prepare(input: AnalyzeFilesInput) {
  const { setup, files, cache, timings } = input;
  const known = new Set(files);
  const modules = new ModuleResolver((file) => known.has(file), setup.aliases);
  const isProjectModule = (from: string, specifier: string) => modules.resolve(from, specifier) !== undefined;
  const facts = new Map<string, FileFacts>();
  const diagnostics: Diagnostic[] = [];
  const pending: Pending[] = [];
  timings.measure('read', () => {
    for (const file of files) {
      const relative = toPosixRelative(setup.root, file);
      const source = readSource(file);
      if ('skipped' in source) {
        diagnostics.push({ file: relative, ...source.skipped });
        continue;
      }
      const hash = hashText(source.text);
      const cached = cache?.get(relative, hash, (specifier) => isProjectModule(file, specifier));
      if (cached) facts.set(file, cached);
      else pending.push({ file, relative, text: source.text, hash, readDiagnostics: source.diagnostics });
    }
  });
  const options: AnalyzeOptions = { ...setup.analyzeOptions, isProjectModule };
  const store = (item: Pending, fileFacts: FileFacts) => {
    fileFacts.diagnostics.unshift(...item.readDiagnostics);
    facts.set(item.file, fileFacts);
    cache?.set(item.relative, item.hash, fileFacts, (specifier) => isProjectModule(item.file, specifier));
  };
  return { facts, diagnostics, pending, options, store, present: new Set(files.map((file) => toPosixRelative(setup.root, file))) };
}

/** Analyse the files of a project on this thread (library use, tests, small projects). */
export function analyzeFilesSync(input: AnalyzeFilesInput, analyze: Analyze): AnalyzedProject {
  const { facts, diagnostics, pending, options, store, present } = prepare(input);
  const timing = { parse: 0, detect: 0 };
  pending.forEach((item, index) => {
    store(item, analyze(item.file, item.text, options, timing));
    input.onProgress?.('analysing', index + 1, pending.length);
  });
  input.timings.add('parse', timing.parse);
  input.timings.add('detect', timing.detect);
  input.cache?.save(present);
  return { facts, diagnostics };
}

/**
 * Analyse the files of a project, on worker threads when there are enough files to repay their
 * start-up. The result does not depend on the number of workers: facts are keyed by file.
 */
export async function analyzeFiles(input: AnalyzeFilesInput & { workers: number }): Promise<AnalyzedProject> {
  const prepared = prepare(input);
  const { facts, diagnostics, pending, store, present } = prepared;
  if (pending.length > 0) {
    const useWorkers = input.workers > 1 && pending.length >= MIN_FILES_FOR_WORKERS && workersAvailable();
    if (useWorkers) {
      const byFile = new Map(pending.map((item) => [item.file, item]));
      const { facts: analysed, timing } = await analyzeInWorkers(
        {
          catalogExtensions: input.setup.config.catalog ? [input.setup.config.catalog] : [],
          requestParameterNames: input.setup.analyzeOptions.requestParameterNames,
          ...(input.setup.aliases ? { aliases: input.setup.aliases } : {}),
          files: input.files,
        },
        pending.map(({ file, text }) => ({ file, text })),
        input.workers,
        (done) => input.onProgress?.('analysing', done, pending.length),
      );
      for (const [file, fileFacts] of analysed) store(byFile.get(file)!, fileFacts);
      input.timings.add('parse', timing.parse);
      input.timings.add('detect', timing.detect);
    } else {
      // Loaded only now: a scan whose files all come from the cache never loads the TypeScript parser.
      const { analyzeSource } = await import('../detect/analyze-file.js');
      const timing = { parse: 0, detect: 0 };
      pending.forEach((item, index) => {
        store(item, analyzeSource(item.file, item.text, prepared.options, timing));
        input.onProgress?.('analysing', index + 1, pending.length);
      });
      input.timings.add('parse', timing.parse);
      input.timings.add('detect', timing.detect);
    }
  }
  input.cache?.save(present);
  return { facts, diagnostics };
}
