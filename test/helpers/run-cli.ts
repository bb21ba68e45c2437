import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(REPO_ROOT, 'dist/src/cli/bin.js');

/** Run the built privlint binary as a user would (npm test builds it first). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A Node stack trace line: what users must never see. */
export const STACK_TRACE = /\n\s+at .+[(\s].*:\d+:\d+\)?/;
