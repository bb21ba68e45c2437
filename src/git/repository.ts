import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../util/paths.js';
import { gitText } from './run-git.js';

/**
 * The repository root (the folder holding `.git`, a folder or, in worktrees and submodules, a
 * file) at or above `folder`; undefined outside a repository. Found on disk, without running git,
 * so SARIF URIs and fingerprints need no git installed.
 */
export function findRepositoryRoot(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** The top-level folder of the git repository `folder` is in, as git sees it; a clear error outside one. */
export function gitTopLevel(folder: string, flag: string): string {
  const output = gitText(['rev-parse', '--show-toplevel'], folder, (stderr) =>
    /not a git repository/i.test(stderr)
      ? `${flag} needs a git repository, and ${displayPath(folder)} is not inside one (run privlint scan without ${flag} to scan every file)`
      : `${flag}: git cannot tell where the repository is (${firstLine(stderr)})`,
  );
  return path.resolve(output.trim());
}

/**
 * Maps absolute paths, as the scan spells them, to repository-relative POSIX paths and back. The
 * scan's paths may go through symbolic links that git has resolved, so folders are compared by
 * their real paths.
 */
export class RepositoryPaths {
  private readonly realFolders = new Map<string, string>();

  constructor(readonly topLevel: string) {}

  /** `file` relative to the repository, or undefined when it is outside it. */
  relative(file: string): string | undefined {
    const real = path.join(this.realFolder(path.dirname(file)), path.basename(file));
    const relative = path.relative(this.topLevel, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }

  /** A repository-relative path as an absolute path under `root`'s spelling of the repository. */
  absolute(repositoryPath: string, root: string): string {
    const realRoot = this.realFolder(root);
    return path.resolve(root, path.relative(realRoot, path.join(this.topLevel, ...repositoryPath.split('/'))));
  }

  private realFolder(folder: string): string {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      try {
        real = realpathSync.native(folder);
      } catch {
        // A folder that no longer exists (a deleted file's): resolve its parent instead.
        const parent = path.dirname(folder);
        real = parent === folder ? folder : path.join(this.realFolder(parent), path.basename(folder));
      }
      this.realFolders.set(folder, real);
    }
    return real;
  }
}

export function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.replace(/^(fatal|error): /, '') ?? 'no message';
}

/**
 * The folder fingerprints are relative to: the repository root, else the folder of the config,
 * else of the manifest, else the scan root. With the config or manifest at the top of the
 * repository (the usual layout), a checkout without `.git` (a Docker build context) agrees too.
 */
export function fingerprintRoot(scanRoot: string, configFile?: string, manifestFile?: string): string {
  return findRepositoryRoot(scanRoot) ?? (configFile ? path.dirname(configFile) : manifestFile ? path.dirname(manifestFile) : scanRoot);
}
