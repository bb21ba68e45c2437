import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { applyBaseline, readBaseline } from '../../baseline/baseline.js';
import { Timings } from '../../util/timings.js';
import { DEFAULT_IGNORES } from '../../project/discover.js';
import { WatchSession } from '../../engine/watch-session.js';
import type { ScanResult } from '../../result/scan-result.js';
import { displayPath, toPosixRelative } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { scanOptionsFrom } from '../scan-options.js';
import { SCAN_FORMATS } from '../shared-options.js';
import { watchTree } from '../watch-tree.js';
import { writeOutput } from '../write-output.js';
import { choice, render } from './scan.js';
import { plural } from '../../util/plural.js';

/** Editors write a file in several steps (temporary file, rename, chmod): one run after they settle. */
const SETTLE_MS = 80;
/** Folders a scan never takes files from (dependencies, build output, dot folders such as .git and .privlint-cache). */
const SKIPPED_FOLDERS = DEFAULT_IGNORES.filter((pattern) => pattern.startsWith('**/') && pattern.endsWith('/**')).map((pattern) => pattern.slice(3, -3));
/** `relative`: a folder's path from the root, `/`-separated; '' or '.' for the root itself. */
function isSkippedFolder(relative: string): boolean {
  if (relative === '' || relative === '.') return false;
  const padded = `/${relative}/`;
  return relative.split('/').some((segment) => segment.startsWith('.')) || SKIPPED_FOLDERS.some((folder) => padded.includes(`/${folder}/`));
}
const NOT_WITH_WATCH = ['staged', 'changed-since', 'shard'];

/**
 * `privlint scan --watch`: scan, then scan again whenever a file the scan depends on changes,
 * keeping the parser and every file's facts in memory (engine/watch-session.ts). The report is
 * written again each time (to --output, or to standard output); a line on standard error says what
 * changed and how long the re-scan took. A mistake in an edited manifest or config (or a failure of
 * privlint itself) is reported and the watch goes on. Ctrl-C ends it (exit code 0).
 */
export async function runScanWatch(args: ParsedArgs, io: CliIO): Promise<number> {
  const combined = NOT_WITH_WATCH.find((name) => args.values[name] !== undefined);
  if (combined) throw new UserError(`--watch cannot be combined with --${combined}: it re-scans the working tree whenever a file changes`);
  const format = choice(args, 'format', SCAN_FORMATS, 'text');
  const baselineFile = typeof args.values.baseline === 'string' ? path.resolve(io.cwd, args.values.baseline) : undefined;
  const output = typeof args.values.output === 'string' ? path.resolve(io.cwd, args.values.output) : undefined;
  const quiet = args.values.quiet === true;
  const run = scanOptionsFrom(args, io);
  run.finish();
  const session = new WatchSession(run.options);

  const scanOnce = (changed: string[]): ScanResult => {
    const started = performance.now();
    let result = session.run(changed, new Timings());
    if (baselineFile) result = applyBaseline(result, readBaseline(baselineFile, io.cwd), baselineFile);
    const report = render(result, format, io, output !== undefined, args);
    if (output) writeOutput(output, report, `${format} report`);
    else io.stdout(io.stdoutIsTTY && format === 'text' && changed.length > 0 ? `\x1b[2J\x1b[H${report}` : report);
    const milliseconds = Math.round(performance.now() - started);
    if (!quiet) io.stderr(`privlint: ${describeRun(changed, result, io.cwd)} in ${milliseconds} ms: ${plural(result.findings.length, 'finding')}${output ? ` (${displayPath(output, io.cwd)})` : ''}\n`);
    return result;
  };

  const { root } = scanOnce([]); // a mistake here ends the command, as for a plain scan (exit code 2)

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const rescan = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    try {
      scanOnce(changed);
    } catch (error) {
      // The user is mid-edit (a manifest that does not parse yet), or privlint failed on this version of
      // the code: say so, and wait for the next change rather than end the watch.
      reportError(error, io);
      io.stderr('privlint: still watching; the next change scans again\n');
    }
  };
  const noticed = (file: string) => {
    const relative = toPosixRelative(root, file);
    if (file === output || isSkippedFolder(path.posix.dirname(relative)) || !affects(session, file, relative)) return;
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(rescan, SETTLE_MS);
  };

  const tree = watchTree(root, noticed, (folder) => isSkippedFolder(toPosixRelative(root, folder)));
  const outside: FSWatcher[] = session.outsideFiles.map((file) => watch(file, () => noticed(file)));
  // Said once the watchers are in place: a change from then on is seen.
  if (!quiet) io.stderr(`privlint: watching ${displayPath(root, io.cwd)} for changes (Ctrl-C to stop)\n`);
  return new Promise((resolve) => {
    const stop = () => {
      tree.close();
      for (const watcher of outside) watcher.close();
      if (timer) clearTimeout(timer);
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(EXIT_OK);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}

/** A change to a file the scan depends on, or to a folder (one moved in, or removed, with files inside). */
function affects(session: WatchSession, file: string, relative: string): boolean {
  if (session.affects(file)) return true;
  try {
    return statSync(file).isDirectory() && !isSkippedFolder(relative);
  } catch {
    return session.hadFilesIn(file);
  }
}

function describeRun(changed: string[], result: ScanResult, cwd: string): string {
  if (changed.length === 0) return `scanned ${plural(result.files.length, 'file')}`;
  const first = displayPath(changed[0]!, cwd);
  return `re-scanned after a change to ${first}${changed.length > 1 ? ` and ${plural(changed.length - 1, 'other')}` : ''}`;
}

