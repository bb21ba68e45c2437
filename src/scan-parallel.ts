import { analyzeFiles } from './engine/analyze-files.js';
import { finishScan, prepareScan, type ScanOptions, type ScanResult } from './engine/scan-core.js';
import { defaultWorkerCount } from './engine/worker-pool.js';

export interface ParallelScanOptions extends ScanOptions {
  /** Worker threads for analysis; 1 analyses on this thread. Default: the cores but one, all of them from 5,000 files, up to 4. */
  workers?: number;
}

/**
 * The same scan as scan(), with analysis spread over worker threads and the TypeScript parser
 * loaded only when some file is not in the cache. The output is identical whatever the parallelism.
 */
export async function scanParallel(options: ParallelScanOptions = {}): Promise<ScanResult> {
  const prepared = prepareScan(options);
  const analyzed = await analyzeFiles({
    setup: prepared.setup,
    files: prepared.files,
    timings: prepared.timings,
    workers: options.workers ?? defaultWorkerCount(prepared.files.length),
    ...(prepared.cache ? { cache: prepared.cache } : {}), ...(prepared.overlay ? { overlay: prepared.overlay } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return finishScan(prepared, analyzed);
}
