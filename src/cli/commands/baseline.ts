import { existsSync } from 'node:fs';
import { createBaseline, formatBaseline, readBaseline, resolveBaselinePath, updateSummary } from '../../baseline/baseline.js';
import { plural } from '../../util/plural.js';
import { scanParallel } from '../../scan-parallel.js';
import { scanOptionsFrom } from '../scan-options.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import { writeOutput } from '../write-output.js';

/** `privlint baseline`; its options and help are in commands/index.ts. */
export async function runBaseline(args: ParsedArgs, io: CliIO): Promise<number> {
  const file = resolveBaselinePath(io.cwd, typeof args.values.output === 'string' ? args.values.output : undefined);
  const exists = existsSync(file);
  if (exists && args.values.update !== true) {
    throw new UserError(`${displayPath(file, io.cwd)} already exists; pass --update to refresh it (reviewers' notes on entries that still match are kept)`);
  }
  const previous = exists ? readBaseline(file, io.cwd) : undefined;
  const run = scanOptionsFrom(args, io);
  let result;
  try {
    result = await scanParallel(run.options);
  } finally {
    run.finish();
  }
  const baseline = createBaseline(result.findings, previous);
  run.timings.measure('report', () => writeOutput(file, formatBaseline(baseline), 'baseline'));
  const changes = previous ? updateSummary(previous, baseline) : undefined;
  const mapped = changes && changes.mapped > 0 ? `, ${plural(changes.mapped, 'entry', 'entries')} mapped to findings merged at one place` : '';
  io.stdout(`Wrote ${baseline.entries.length} finding${baseline.entries.length === 1 ? '' : 's'} to ${displayPath(file, io.cwd)}${changes ? ` (${changes.dropped} fixed entr${changes.dropped === 1 ? 'y' : 'ies'} dropped${mapped})` : ''}.\n`);
  run.reportTimings();
  return EXIT_OK;
}
