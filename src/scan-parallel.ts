import { analyzeFiles, startEarlyWorker, startWorkers } from './engine/analyze-files.js';
import { expectsWarmCache, finishScan, prepareScan, type PreparedScan, type ScanOptions } from './engine/scan-core.js';
import type { ScanResult } from './result/scan-result.js';
import { defaultWorkerCount } from './engine/worker-pool.js';

export interface ParallelScanOptions extends ScanOptions {
  /** Threads that analyse, this one included; 1 analyses on this thread alone. Default: the cores but one, all of them from 5,000 files, up to 4. */
  workers?: number;
}

/**
 * The same scan as scan(), with analysis spread over worker threads and the TypeScript parser
 * loaded only when some file is not in the cache. The output is identical whatever the parallelism.
 */
export async function scanParallel(options: ParallelScanOptions = {}): Promise<ScanResult> {
  let threads = 1;
  let pool = startEarlyWorker(expectsWarmCache(options));
  let prepared: PreparedScan;
  try {
    prepared = prepareScan(options, (setup, files, { warmCache, inMemory }) => {
      threads = options.workers ?? defaultWorkerCount(files.length);
      // Warm facts in memory (privlint serve): the few changed files are analysed here, where the parser stays loaded.
      pool = inMemory && warmCache ? undefined : startWorkers(setup, files, threads, warmCache, pool);
    });
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const analyzed = await analyzeFiles({
    setup: prepared.setup,
    files: prepared.files,
    timings: prepared.timings,
    workers: threads,
    ...(pool ? { pool } : {}),
    ...(prepared.cache ? { cache: prepared.cache } : {}), ...(prepared.overlay ? { overlay: prepared.overlay } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return finishScan(prepared, analyzed);
}
