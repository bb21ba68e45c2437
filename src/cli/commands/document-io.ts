import { scanParallel } from '../../scan-parallel.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { scanOptionsFrom } from '../scan-options.js';

// What the document commands (report, init, export) share: the scan they start from and how they write.

/** Scan as `privlint scan` does (workers, cache, progress, --quiet, --timing), for the commands built on a scan. */
export async function scanWith(args: ParsedArgs, io: CliIO, overrides: { manifest?: string } = {}) {
  const run = scanOptionsFrom(args, io);
  try {
    return await scanParallel({ ...run.options, ...overrides });
  } finally {
    run.finish();
    run.reportTimings();
  }
}

/** Today (UTC), or SOURCE_DATE_EPOCH's day for reproducible builds. */
export function reportDate(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
