import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../../check/rules.js';
import { applyBaseline, readBaseline } from '../../baseline/baseline.js';
import { formatJson } from '../../report/json.js';
import { formatSarif } from '../../report/sarif.js';
import { formatText } from '../../report/text.js';
import type { ScanResult } from '../../scan.js';
import { scanParallel } from '../../scan-parallel.js';
import { SCAN_INPUT_OPTIONS, scanOptionsFrom } from '../scan-options.js';
import { parseShard, shardResult } from '../../shard/shard.js';
import { stampReport } from '../../shard/stamp.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { Command, ParsedArgs } from '../command.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
const SEVERITY_RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

export const scanCommand: Command = {
  name: ['scan'],
  summary: 'Find collection sites and SDK uses, and check them against the manifest',
  usage: 'scan [PATH...] [options]',
  options: {
    ...SCAN_INPUT_OPTIONS,
    format: { type: 'string', short: 'f', value: 'FORMAT', description: `Output format: ${FORMATS.join(', ')} (default: text)` },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE instead of standard output' },
    'fail-on': { type: 'string', value: 'LEVEL', description: 'Exit 1 when a finding is at or above LEVEL: error, warning, note, never (default: error)' },
    category: { type: 'string', value: 'NAME', description: 'SARIF automationDetails.id, to keep several runs apart in code scanning (default: privlint)' },
    'include-suppressed': { type: 'boolean', description: 'SARIF: keep findings silenced by privlint-disable comments, marked as suppressed' },
    baseline: { type: 'string', value: 'FILE', description: 'Report (and fail on) only findings not recorded in FILE (see privlint baseline)' },
    shard: { type: 'string', value: 'K/N', description: 'Analyse everything, report only the findings of share K of N (combine with privlint merge)' },
  },
  details: [
    'PATH defaults to the current folder. node_modules, build output and .gitignored files are skipped.',
    'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, config or manifest error.',
    '',
    'Examples:',
    '  privlint scan                                  scan this folder against ./privacy-manifest.yaml',
    '  privlint scan src --manifest policy.yaml',
    '  privlint scan --format json --output privlint.json',
  ].join('\n'),
  async run(args, io) {
    const format = choice(args, 'format', FORMATS, 'text');
    const failOn = choice(args, 'fail-on', FAIL_ON, 'error');
    const baselineFile = typeof args.values.baseline === 'string' ? path.resolve(io.cwd, args.values.baseline) : undefined;
    const baseline = baselineFile ? readBaseline(baselineFile) : undefined;
    const shard = typeof args.values.shard === 'string' ? parseShard(args.values.shard) : undefined;
    const run = scanOptionsFrom(args, io);
    let result: ScanResult;
    try {
      result = await scanParallel(run.options);
    } finally {
      run.finish();
    }
    // The baseline sees every finding (so "no longer matches" is right), then the shard keeps its files.
    if (baseline && baselineFile) result = applyBaseline(result, baseline, baselineFile);
    if (shard) result = shardResult(result, shard);
    const output = typeof args.values.output === 'string' ? path.resolve(io.cwd, args.values.output) : undefined;
    const rendered = run.timings.measure('report', () => render(result, format, io, output !== undefined, args));
    // A shard's output says which share it is, so privlint merge can check it gets each exactly once.
    const report = shard ? stampReport(rendered, format, shard, typeof args.values.category === 'string' ? args.values.category : undefined, result.root) : rendered;
    if (output) {
      run.timings.measure('report', () => writeReport(output, report));
      if (args.values.quiet !== true) io.stderr(`privlint: wrote ${format} report to ${displayPath(output, io.cwd)} (${result.findings.length} findings)\n`);
    } else {
      run.timings.measure('report', () => io.stdout(report));
    }
    run.reportTimings();
    return exitCode(result, failOn);
  },
};

function render(result: ScanResult, format: (typeof FORMATS)[number], io: CliIO, toFile: boolean, args: ParsedArgs): string {
  if (format === 'json') return formatJson(result);
  if (format === 'sarif') {
    return formatSarif(result, {
      ...(typeof args.values.category === 'string' ? { category: args.values.category } : {}),
      includeSuppressed: args.values['include-suppressed'] === true,
    });
  }
  const colors = toFile ? { ...io.colors, ...plainColors(io) } : io.colors;
  return formatText(result, { colors, cwd: io.cwd, readLines: (file) => readLines(result.root, file) });
}

function plainColors(io: CliIO) {
  const identity = (text: string | number) => String(text);
  return Object.fromEntries(Object.keys(io.colors).map((key) => [key, identity])) as unknown as CliIO['colors'];
}

function readLines(root: string, file: string): string[] {
  try {
    return readFileSync(path.join(root, file), 'utf8').split('\n');
  } catch {
    return [];
  }
}

function writeReport(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UserError(`${displayPath(file)}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

export function exitCode(result: ScanResult, failOn: (typeof FAIL_ON)[number]): number {
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
