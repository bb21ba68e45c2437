import type { FileFacts } from '../detect/facts.js';
import type { PathAliases } from '../project/tsconfig.js';

/** Sent once to each worker: as its workerData, or as its first message when it started early. */
export interface WorkerSetup {
  catalogExtensions: unknown[];
  requestParameterNames?: readonly string[];
  /** Stacks in internal-error diagnostics (--debug). */
  debug?: boolean;
  aliases?: PathAliases;
  /** Every project file (absolute), to tell project imports from packages. */
  files: string[];
}

export interface WorkerRequest {
  id: number;
  files: { file: string; text: string }[];
}

/** What a worker is sent: its setup (once, first, when it started without one), then batches. */
export type WorkerMessage = { setup: WorkerSetup } | WorkerRequest;

export interface WorkerResponse {
  id: number;
  results: { file: string; facts: FileFacts }[];
  /** Milliseconds spent parsing and detecting in this batch. */
  timing: { parse: number; detect: number };
}
