import path from 'node:path';
import type { Severity } from '../../check/rules.js';
import { applyBaseline, readBaseline } from '../../baseline/baseline.js';
import { applyFixes } from '../../fix/apply-fixes.js';
import type { SourceOverlay } from '../../project/source-overlay.js';
import { scanPaths } from '../../engine/scan-paths.js';
import { changedOnly, changedPolicyFiles } from '../../git/changed-only.js';
import { changesSince, stagedChanges, type ChangeSet } from '../../git/changes.js';
import { stagedSnapshot } from '../../git/staged-snapshot.js';
import { readLines } from '../source-lines.js';
import { formatJson } from '../../report/json.js';
import { formatMarkdownSummary } from '../../report/markdown-summary.js';
import { formatSarif } from '../../report/sarif.js';
import { formatText } from '../../report/text.js';
import type { ScanResult } from '../../result/scan-result.js';
import { scanParallel } from '../../scan-parallel.js';
import { scanOptionsFrom } from '../scan-options.js';
import { FAIL_ON_LEVELS, SCAN_FORMATS } from '../shared-options.js';
import { parseShard, shardResult } from '../../shard/shard.js';
import { stampReport } from '../../shard/stamp.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { writeOutput } from '../write-output.js';
import { plural } from '../../util/plural.js';

const SEVERITY_RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

/** `privlint scan`; its options and help are in commands/index.ts. */
export async function runScan(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.values.watch === true && args.values.fix === true) throw new UserError('--fix and --watch do not go together: a fix would set off the next scan; run privlint scan --fix once');
  if (args.values.watch === true) return (await import('./scan-watch.js')).runScanWatch(args, io);
  const format = choice(args, 'format', SCAN_FORMATS, 'text');
  const failOn = choice(args, 'fail-on', FAIL_ON_LEVELS, 'error');
  const baselineFile = typeof args.values.baseline === 'string' ? path.resolve(io.cwd, args.values.baseline) : undefined;
  const baseline = baselineFile ? readBaseline(baselineFile, io.cwd) : undefined;
  const shard = typeof args.values.shard === 'string' ? parseShard(args.values.shard) : undefined;
  const diff = diffMode(args);
  const fix = args.values.fix === true;
  // The staged version is what --staged analyses; fixes belong in the working tree, which may differ.
  if (fix && diff?.staged) throw new UserError('--fix changes the working tree, and --staged analyses the staged version of the files; run privlint scan --fix, then stage the fixes');
  const run = scanOptionsFrom(args, io, diff !== undefined);
  let changes: ChangeSet | undefined;
  let overlay: SourceOverlay | undefined;
  let policyChanged: string[] = [];
  const scanAndSelect = async (): Promise<ScanResult> => {
    if (diff) {
      const { root } = scanPaths(run.options);
      run.timings.measure('git', () => {
        changes = diff.staged ? stagedChanges(root) : changesSince(root, diff.since);
        if (diff.staged) overlay = stagedSnapshot(changes.paths);
      });
    }
    let scanned = await scanParallel({ ...run.options, ...(overlay ? { overlay } : {}) });
    // The baseline sees every finding (so "no longer matches" is right), then the diff and the shard keep their part.
    if (baseline && baselineFile) scanned = applyBaseline(scanned, baseline, baselineFile);
    // A change to the manifest or config is a change to what every line is checked against: report it all.
    policyChanged = changes ? changedPolicyFiles(scanned, changes) : [];
    if (changes && policyChanged.length === 0) scanned = changedOnly(scanned, changes);
    if (shard) scanned = shardResult(scanned, shard);
    return scanned;
  };
  let result: ScanResult;
  const quiet = args.values.quiet === true;
  try {
    result = await scanAndSelect();
    if (fix) {
      // Fix what is reported and certain, then report what is left, as eslint --fix does.
      const outcome = applyFixes(result.root, result.findings);
      if (outcome.fixed > 0) result = await scanAndSelect();
      if (!quiet) io.stderr(`privlint: fixed ${plural(outcome.fixed, 'finding')}${outcome.files.length > 0 ? ` in ${outcome.files.map((file) => displayPath(path.join(result.root, file), io.cwd)).join(', ')}` : ''}\n`);
    }
  } finally {
    run.finish();
  }
  if (changes && !quiet) {
    io.stderr(
      policyChanged.length > 0
        ? `privlint: the ${changes.description} change ${policyChanged.map((file) => displayPath(file, io.cwd)).join(' and ')}: reporting every finding (${plural(changes.files.size, 'changed file')})\n`
        : `privlint: reporting findings on the lines of the ${changes.description} (${plural(changes.files.size, 'changed file')})\n`,
    );
  }
  const output = typeof args.values.output === 'string' ? path.resolve(io.cwd, args.values.output) : undefined;
  const rendered = run.timings.measure('report', () => render(result, format, io, output !== undefined, args, overlay));
  // A shard's output says which share it is, so privlint merge can check it gets each exactly once.
  const report = shard ? stampReport(rendered, format, shard, typeof args.values.category === 'string' ? args.values.category : undefined, result.root) : rendered;
  if (output) {
    run.timings.measure('report', () => writeOutput(output, report, `${format} report`));
    if (!quiet) io.stderr(`privlint: wrote ${format} report to ${displayPath(output, io.cwd)} (${plural(result.findings.length, 'finding')})\n`);
  } else {
    run.timings.measure('report', () => io.stdout(report));
  }
  run.reportTimings();
  return exitCode(result, failOn);
}

function diffMode(args: ParsedArgs): { staged: true } | { staged: false; since: string } | undefined {
  const since = args.values['changed-since'];
  if (args.values.staged === true && since !== undefined) throw new UserError('--staged and --changed-since contradict each other; pick one');
  if (args.values.staged === true) return { staged: true };
  return typeof since === 'string' ? { staged: false, since } : undefined;
}

export function render(result: ScanResult, format: (typeof SCAN_FORMATS)[number], io: CliIO, toFile: boolean, args: ParsedArgs, overlay?: SourceOverlay): string {
  if (format === 'json') return formatJson(result);
  if (format === 'sarif') {
    return formatSarif(result, {
      ...(typeof args.values.category === 'string' ? { category: args.values.category } : {}),
      includeSuppressed: args.values['include-suppressed'] === true,
    });
  }
  if (format === 'markdown') return formatMarkdownSummary(result, { env: io.env });
  const colors = toFile ? { ...io.colors, ...plainColors(io) } : io.colors;
  return formatText(result, { colors, cwd: io.cwd, readLines: (file) => readLines(result.root, file, overlay) });
}

function plainColors(io: CliIO) {
  const identity = (text: string | number) => String(text);
  return Object.fromEntries(Object.keys(io.colors).map((key) => [key, identity])) as unknown as CliIO['colors'];
}



export function exitCode(result: ScanResult, failOn: (typeof FAIL_ON_LEVELS)[number]): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = SEVERITY_RANK[failOn];
  return result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}

export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.values[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(', ')}; got "${String(value)}"${didYouMean(String(value), allowed)}`);
}
