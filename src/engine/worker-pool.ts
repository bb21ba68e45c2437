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

/** From this many files, every core gets a worker; below it, one core is left to the main thread. */
export const MANY_FILES = 5000;

/**
 * The main thread reads the sources and receives the workers' facts, and each worker pays for its
 * own copy of the parser. On two cores, two workers made a 2,000-file scan slower than analysing on
 * the main thread, and a 20,000-file scan faster (bench/README.md): so one core is left to the main
 * thread unless the project is large.
 */
export function defaultWorkerCount(fileCount: number): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(fileCount >= MANY_FILES ? cores : cores - 1, 4));
}

export function workersAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

export interface PoolResult {
  facts: Map<string, FileFacts>;
  timing: { parse: number; detect: number };
}

/**
 * Worker threads that analyse files. Workers can be started before the files to analyse are known
 * (each spends its first few hundred milliseconds loading the parser, which then overlaps with the
 * main thread reading sources), and more can be added once the amount of work is known. Files are
 * dealt out in batches, so a slow file does not stall a whole share; results are keyed by file, so
 * the output never depends on which worker analysed what.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly setup: WorkerSetup,
    count: number,
  ) {
    this.grow(count);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Have at least `count` workers. */
  grow(count: number): void {
    while (this.workers.length < count) this.workers.push(new Worker(WORKER_FILE, { workerData: this.setup }));
  }

  async analyze(files: { file: string; text: string }[], onProgress: (done: number) => void): Promise<PoolResult> {
    const facts = new Map<string, FileFacts>();
    const timing = { parse: 0, detect: 0 };
    const count = this.workers.length;
    const batchSize = Math.max(1, Math.min(100, Math.ceil(files.length / (count * 8))));
    const batches: WorkerRequest[] = [];
    for (let start = 0, id = 0; start < files.length; start += batchSize, id++) batches.push({ id, files: files.slice(start, start + batchSize) });
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const batch = batches[next++];
              if (batch) worker.postMessage(batch);
              else finish();
            };
            const onMessage = (response: WorkerResponse) => {
              for (const { file, facts: fileFacts } of response.results) facts.set(file, fileFacts);
              timing.parse += response.timing.parse;
              timing.detect += response.timing.detect;
              done += response.results.length;
              onProgress(done);
              send();
            };
            const onExit = (code: number) => finish(new Error(`analysis worker stopped with exit code ${code}`));
            const finish = (error?: Error) => {
              worker.off('message', onMessage).off('error', finish).off('exit', onExit);
              if (error) reject(error);
              else resolve();
            };
            worker.on('message', onMessage).on('error', finish).on('exit', onExit);
            send();
          }),
      ),
    );
    return { facts, timing };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }
}
