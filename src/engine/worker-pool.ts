import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../detect/facts.js';
import { PACKAGE_ROOT } from '../util/package-info.js';
import type { WorkerMessage, WorkerRequest, WorkerResponse, WorkerSetup } from './worker-protocol.js';

/** The compiled worker; when privlint runs from its TypeScript sources (tests), analysis stays in-process. */
const WORKER_FILE = path.join(PACKAGE_ROOT, 'dist', 'src', 'engine', 'analyze-worker.js');

/** Below this many files to analyse, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 150;

/** From this many files, every core gets an analysis thread; below it, one core is left free. */
export const MANY_FILES = 5000;

/**
 * Analysis threads by default, this thread included (`n` threads are `n - 1` workers), at most
 * four. Each worker pays for its own copy of the parser, and on the two-core machine of
 * bench/README.md two threads parsing at once each ran at barely more than half speed: a
 * 2,000-file scan was slower on two threads than on one, a 20,000-file scan faster. So one core
 * is left free unless the project is large.
 */
export function defaultWorkerCount(fileCount: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(fileCount >= MANY_FILES ? cores : cores - 1, MAX_DEFAULT_THREADS));
}

const MAX_DEFAULT_THREADS = 4;

export function workersAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

/** Analysis on the calling thread: the facts of a batch, adding the milliseconds spent to `timing`. */
export type AnalyzeHere = (files: { file: string; text: string }[], timing: { parse: number; detect: number }) => WorkerResponse['results'];

/** The most files in one batch: small enough that threads finish close together. */
const BATCH_FILES = 25;

export interface PoolResult {
  facts: Map<string, FileFacts>;
  timing: { parse: number; detect: number };
  /** Milliseconds this thread spent analysing (the rest of the call was waiting for workers). */
  hereMs: number;
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

  /** Without a setup yet, the workers start loading the parser at once and get it from configure(). */
  constructor(
    private setup: WorkerSetup | undefined,
    count: number,
  ) {
    this.grow(count);
  }

  get size(): number {
    return this.workers.length;
  }

  /** The setup for workers started without one: sent to those running, given to those started later. */
  configure(setup: WorkerSetup): void {
    this.setup = setup;
    for (const worker of this.workers) worker.postMessage({ setup } satisfies WorkerMessage);
  }

  /** Have at least `count` workers. */
  grow(count: number): void {
    while (this.workers.length < count) this.workers.push(new Worker(WORKER_FILE, this.setup ? { workerData: this.setup } : {}));
  }

  /**
   * Analyse `files` on the workers and, when `here` is given, on this thread too: it takes a batch
   * whenever it is free, and between batches lets the workers' answers in. Each worker has two
   * batches in hand, so it never waits for this thread to hand it the next.
   */
  async analyze(files: { file: string; text: string }[], onProgress: (done: number) => void, here?: AnalyzeHere): Promise<PoolResult> {
    const facts = new Map<string, FileFacts>();
    const timing = { parse: 0, detect: 0 };
    const threads = this.workers.length + (here ? 1 : 0);
    const batchSize = Math.max(1, Math.min(BATCH_FILES, Math.ceil(files.length / (threads * 8))));
    const batches: WorkerRequest[] = [];
    for (let start = 0, id = 0; start < files.length; start += batchSize, id++) batches.push({ id, files: files.slice(start, start + batchSize) });
    let next = 0;
    let done = 0;
    const take = (results: WorkerResponse['results'], spent: WorkerResponse['timing']) => {
      for (const { file, facts: fileFacts } of results) facts.set(file, fileFacts);
      timing.parse += spent.parse;
      timing.detect += spent.detect;
      done += results.length;
      onProgress(done);
    };
    const onWorkers = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let inHand = 0;
          const send = () => {
            while (inHand < 2 && next < batches.length) {
              worker.postMessage(batches[next++]);
              inHand++;
            }
            if (inHand === 0) finish();
          };
          const onMessage = (response: WorkerResponse) => {
            inHand--;
            take(response.results, response.timing);
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
    );
    const workersDone = Promise.all(onWorkers);
    // A worker that fails while this thread analyses is reported below, once this thread is done.
    workersDone.catch(() => undefined);
    let hereMs = 0;
    if (here) {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const spent = { parse: 0, detect: 0 };
        const started = performance.now();
        take(here(batch.files, spent), spent);
        hereMs += performance.now() - started;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await workersDone;
    return { facts, timing, hereMs };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }
}
