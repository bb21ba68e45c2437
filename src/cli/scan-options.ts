import type { ParsedArgs } from './command.js';
import { UserError } from '../util/problem.js';
import type { ParallelScanOptions } from '../scan-parallel.js';
import type { CliIO } from './io.js';
import { createProgress } from './progress.js';
import { Timings } from '../util/timings.js';

export interface ScanRun {
  options: ParallelScanOptions;
  timings: Timings;
  /** The analysis is over: erase the progress line. */
  finish(): void;
  /** The command is done (report written): print the --timing table. */
  reportTimings(): void;
}

/** Turn parsed flags into scan options, with a progress line and timings. */
export function scanOptionsFrom(args: ParsedArgs, io: CliIO, cacheByDefault = false): ScanRun {
  const workers = args.values.workers === undefined ? undefined : Number(args.values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) {
    throw new UserError(`--workers must be a whole number from 1 to 64; got "${String(args.values.workers)}"`);
  }
  if (args.values.cache === true && args.values['no-cache'] === true) throw new UserError('--cache and --no-cache contradict each other; pick one');
  const location = typeof args.values['cache-location'] === 'string' ? args.values['cache-location'] : undefined;
  const useCache = args.values['no-cache'] !== true && (args.values.cache === true || location !== undefined || cacheByDefault);
  const timings = new Timings(io.served?.startedAt);
  const progress = createProgress(io, args.values.quiet !== true);
  return {
    options: {
      paths: args.positionals,
      cwd: io.cwd,
      ...(typeof args.values.manifest === 'string' ? { manifest: args.values.manifest } : {}),
      ...(typeof args.values.config === 'string' ? { config: args.values.config } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(useCache ? { cache: location ?? true } : {}),
      ...(io.served ? { keptFacts: io.served.keptFacts } : {}),
      ...(args.values.debug === true || io.env.PRIVLINT_DEBUG ? { debug: true } : {}),
      timings,
      onProgress: progress.update,
    },
    timings,
    finish() {
      progress.done();
    },
    reportTimings() {
      if (args.values.timing === true) io.stderr(`${timings.format()}\n`);
    },
  };
}
