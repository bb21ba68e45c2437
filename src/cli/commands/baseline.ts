import { existsSync } from 'node:fs';
import { createBaseline, formatBaseline, readBaseline, resolveBaselinePath } from '../../baseline/baseline.js';
import { scanParallel } from '../../scan-parallel.js';
import { SCAN_INPUT_OPTIONS, scanOptionsFrom } from '../scan-options.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';
import { writeOutput } from '../write-output.js';

export const baselineCommand: Command = {
  name: ['baseline'],
  summary: "Record today's findings so that scans with --baseline fail only on new ones",
  usage: 'baseline [PATH...] [--output FILE] [--update] [--manifest FILE] [--config FILE]',
  options: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Baseline file (default: .privlint-baseline.json)' },
    update: { type: 'boolean', description: 'Rewrite an existing baseline: drop fixed entries, add new ones, keep reviewers\' notes' },
    ...SCAN_INPUT_OPTIONS,
  },
  details: [
    'Each entry has a "note" field for the reviewer who accepts it. Commit the file; then:',
    '  privlint scan --baseline .privlint-baseline.json',
    'reports only findings that are not in it, and lists entries that no longer match (so the baseline shrinks).',
  ].join('\n'),
  async run(args, io) {
    const file = resolveBaselinePath(io.cwd, typeof args.values.output === 'string' ? args.values.output : undefined);
    const exists = existsSync(file);
    if (exists && args.values.update !== true) {
      throw new UserError(`${displayPath(file, io.cwd)} already exists; pass --update to refresh it (reviewers' notes on entries that still match are kept)`);
    }
    const previous = exists ? readBaseline(file) : undefined;
    const run = scanOptionsFrom(args, io);
    let result;
    try {
      result = await scanParallel(run.options);
    } finally {
      run.finish();
    }
    const baseline = createBaseline(result.findings, previous);
    run.timings.measure('report', () => writeOutput(file, formatBaseline(baseline), 'baseline'));
    const dropped = previous ? previous.entries.filter((entry) => !baseline.entries.some((kept) => kept.fingerprint === entry.fingerprint)).length : 0;
    io.stdout(`Wrote ${baseline.entries.length} finding${baseline.entries.length === 1 ? '' : 's'} to ${displayPath(file, io.cwd)}${previous ? ` (${dropped} fixed entr${dropped === 1 ? 'y' : 'ies'} dropped)` : ''}.\n`);
    run.reportTimings();
    return EXIT_OK;
  },
};
