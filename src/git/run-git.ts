import { spawnSync } from 'node:child_process';
import { UserError } from '../util/problem.js';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Run git in `cwd` without the user's diff settings getting in the way (colour, external diff
 * drivers, prefixes, relative paths are all overridden by the callers' flags). A missing git is
 * the user's to fix; a failing command is returned for the caller to explain.
 */
export function runGit(args: string[], cwd: string, input?: string): GitResult {
  const run = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('git was not found on PATH; --staged and --changed-since need git');
    throw new UserError(`cannot run git (${code ?? run.error.message})`);
  }
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr.toString('utf8').trim() };
}

/** Run git and return its standard output as text; a failure becomes `explain(stderr)`. */
export function gitText(args: string[], cwd: string, explain: (stderr: string) => string): string {
  const result = runGit(args, cwd);
  if (result.status !== 0) throw new UserError(explain(result.stderr));
  return result.stdout.toString('utf8');
}

/** NUL-separated output (`-z`) as a list, without the empty tail. */
export function splitNul(text: string): string[] {
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}
