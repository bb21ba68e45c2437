import { UserError } from '../util/problem.js';
import { firstLine, gitTopLevel, RepositoryPaths } from './repository.js';
import { gitText, runGit, splitNul } from './run-git.js';
import { parseUnifiedDiff, touches, WHOLE_FILE, type LineRanges } from './unified-diff.js';

/** What a diff-aware scan reports on: the changed lines of each changed file. */
export interface ChangeSet {
  /** For people: "staged changes", "changes since main (merge base 1a2b3c4d)". */
  description: string;
  paths: RepositoryPaths;
  /** Changed lines by repository-relative POSIX path. */
  files: ReadonlyMap<string, LineRanges>;
}

/** Does the change touch lines `line`…`endLine` of `file` (absolute)? */
export function changeTouches(changes: ChangeSet, file: string, line: number, endLine = line): boolean {
  const relative = changes.paths.relative(file);
  const ranges = relative === undefined ? undefined : changes.files.get(relative);
  return ranges !== undefined && touches(ranges, line, endLine);
}

/** `-U0`: only changed lines; `-M`: a renamed file counts only for the lines that changed in it. */
const DIFF_FLAGS = ['-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--ignore-submodules'];

/** The staged changes (the index against HEAD, or against nothing before the first commit). */
export function stagedChanges(folder: string): ChangeSet {
  const paths = new RepositoryPaths(gitTopLevel(folder, '--staged'));
  const top = paths.topLevel;
  const base = headCommit(top) ?? emptyTree(top);
  const diff = gitText(['diff', '--cached', ...DIFF_FLAGS, base, '--'], top, (stderr) => `--staged: git cannot diff the index (${firstLine(stderr)})`);
  return { description: 'staged changes', paths, files: parseUnifiedDiff(diff) };
}

/**
 * Changes since `ref`, as a pull request shows them: from the merge base of `ref` and HEAD to the
 * working tree (so uncommitted edits count), plus files git does not track yet.
 */
export function changesSince(folder: string, ref: string): ChangeSet {
  if (ref === '' || ref.startsWith('-')) throw new UserError(`--changed-since needs a git ref (a branch, tag or commit); got "${ref}"`);
  const paths = new RepositoryPaths(gitTopLevel(folder, '--changed-since'));
  const top = paths.topLevel;
  const commit = runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top);
  if (commit.status !== 0) {
    throw new UserError(
      `--changed-since: unknown git ref "${ref}" (not a branch, tag or commit in this repository). ` +
        'In CI, fetch it first: a shallow checkout has only the current commit (actions/checkout with fetch-depth: 0, or git fetch origin main).',
    );
  }
  const head = headCommit(top);
  if (!head) throw new UserError(`--changed-since: the repository has no commits yet; use --staged to check what you are about to commit`);
  const mergeBase = gitText(['merge-base', commit.stdout.toString('utf8').trim(), head], top, (stderr) =>
    `--changed-since: "${ref}" and HEAD have no common history${stderr ? ` (${firstLine(stderr)})` : ''}; in a shallow CI checkout fetch more history (fetch-depth: 0)`,
  ).trim();
  const diff = gitText(['diff', ...DIFF_FLAGS, mergeBase, '--'], top, (stderr) => `--changed-since: git cannot diff against "${ref}" (${firstLine(stderr)})`);
  const files = parseUnifiedDiff(diff);
  for (const untracked of untrackedFiles(top)) files.set(untracked, WHOLE_FILE);
  return { description: `changes since ${ref} (merge base ${mergeBase.slice(0, 8)})`, paths, files };
}

/** Files git does not track and does not ignore, repository-relative. */
export function untrackedFiles(top: string): string[] {
  return splitNul(gitText(['ls-files', '--others', '--exclude-standard', '-z'], top, (stderr) => `git cannot list untracked files (${firstLine(stderr)})`));
}

function headCommit(top: string): string | undefined {
  const head = runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], top);
  return head.status === 0 ? head.stdout.toString('utf8').trim() : undefined;
}

/** The empty tree of this repository's hash function (SHA-1 or SHA-256): the base before the first commit. */
function emptyTree(top: string): string {
  const result = runGit(['hash-object', '-t', 'tree', '--stdin'], top, '');
  if (result.status !== 0) throw new UserError(`--staged: git cannot compute the empty tree (${firstLine(result.stderr)})`);
  return result.stdout.toString('utf8').trim();
}
