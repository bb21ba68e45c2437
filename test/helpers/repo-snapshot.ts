import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { GIT_ENV } from '../ci/git-repo.js';
import { REPO_ROOT } from './run-cli.js';

/**
 * A copy of this repository as a fresh clone would have it, made from the working tree as it would
 * be committed: the tracked files as they are now (deleted ones left out) and the untracked files git
 * does not ignore — no node_modules/, no dist/. So the tests of installing privlint (the tarball,
 * pre-commit, the GitHub Action) test the code being changed, not the last commit. With `commit`,
 * the copy is a git repository holding it as one commit (pre-commit clones its hooks' repository).
 */
export function snapshotRepository(destination: string, options: { commit?: boolean } = {}): string {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(destination, { recursive: true });
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const source = path.join(REPO_ROOT, file);
    if (!existsSync(source) || lstatSync(source).isDirectory()) continue; // deleted, or a submodule
    const target = path.join(destination, file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(source, target, { verbatimSymlinks: true });
  }
  if (options.commit) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: destination, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '--all');
    git('commit', '--quiet', '--message', 'privlint under test');
  }
  return destination;
}

/**
 * The environment for npm, pre-commit and the like run from a test: this process's, without the
 * npm_* variables `npm test` sets for its scripts (npm_config_local_prefix names this repository,
 * and would follow an npm started in another folder).
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return { ...env, ...extra };
}
