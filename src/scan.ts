import { analyzeSource } from './detect/analyze-file.js';
import { analyzeFilesSync } from './engine/analyze-files.js';
import { finishScan, prepareScan, type ScanOptions } from './engine/scan-core.js';
import type { ScanResult } from './result/scan-result.js';

export type { ScanOptions } from './engine/scan-core.js';
export type { ScanResult } from './result/scan-result.js';

/** The whole job, on this thread: discover, analyse each file, link across files, check against the manifest. */
export function scan(options: ScanOptions = {}): ScanResult {
  const prepared = prepareScan(options);
  const analyzed = analyzeFilesSync({ setup: prepared.setup, files: prepared.files, timings: prepared.timings, ...(prepared.cache ? { cache: prepared.cache } : {}), ...(prepared.overlay ? { overlay: prepared.overlay } : {}) }, analyzeSource);
  return finishScan(prepared, analyzed);
}
