import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../detect/facts.js';
import { PACKAGE_ROOT } from '../util/package-info.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './worker-protocol.js';

/** The compiled worker; when privlint runs from its TypeScript sources (tests), analysis stays in-process. */
const WORKER_FILE = path.join(PACKAGE_ROOT, 'dist', 'src', 'engine', 'analyze-worker.js');

/** Below this many files to analyse, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 150;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

export function workersAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

/**
 * Analyse files on `count` worker threads. Files are dealt out in batches, so a slow file does not
 * stall a whole share; results come back keyed by file, so output order never depends on timing.
 */
export async function analyzeInWorkers(
  setup: WorkerSetup,
  files: { file: string; text: string }[],
  count: number,
  onProgress: (done: number) => void,
): Promise<{ facts: Map<string, FileFacts>; timing: { parse: number; detect: number } }> {
  const facts = new Map<string, FileFacts>();
  const timing = { parse: 0, detect: 0 };
  const batchSize = Math.max(10, Math.min(100, Math.ceil(files.length / (count * 8))));
  const batches: WorkerRequest[] = [];
  for (let start = 0, id = 0; start < files.length; start += batchSize, id++) batches.push({ id, files: files.slice(start, start + batchSize) });

  const workers = Array.from({ length: Math.min(count, batches.length) }, () => new Worker(WORKER_FILE, { workerData: setup }));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const batch = batches[next++];
              if (batch) worker.postMessage(batch);
              else resolve();
            };
            worker.on('message', (response: WorkerResponse) => {
              for (const { file, facts: fileFacts } of response.results) facts.set(file, fileFacts);
              timing.parse += response.timing.parse;
              timing.detect += response.timing.detect;
              done += response.results.length;
              onProgress(done);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`analysis worker stopped with exit code ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { facts, timing };
}
