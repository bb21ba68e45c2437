import { existsSync, readFileSync, statSync } from 'node:fs';
import { isConfigDataFile } from '../detect/config-files.js';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { displayPath } from '../util/paths.js';
import { UserError } from '../util/problem.js';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** Is this file scanned: JavaScript or TypeScript source, or an app configuration naming SDK plugins? */
export function isScannedFileName(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase()) || isConfigDataFile(file);
}

/**
 * Never source code of the project: dependencies, build output, caches, declaration files.
 * `build/` covers android/app/build; the dot folders are listed although dot folders are
 * skipped anyway, so the list says what it means when a user scans one of them directly.
 */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/web-build/**', // Expo web export
  '**/ios/Pods/**', // CocoaPods
  '**/.next/**',
  '**/.expo/**',
  '**/.output/**', // Nuxt / Nitro
  '**/.nuxt/**',
  '**/.svelte-kit/**',
  '**/.vercel/**',
  '**/.git/**',
  '**/coverage/**',
  '**/.privlint-cache/**',
  '**/*.d.ts',
  '**/flow-typed/**', // Flow's library definitions (the @types of Flow): declarations, never code
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];

/**
 * Test code: test files and folders, mocks, fixtures and stories. It never runs in the app, and its
 * fake IPs, seeded cookies and mocked SDKs are not collection; a scan leaves it out unless the
 * config says `"tests": true`.
 */
export const TEST_IGNORES = [
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/__fixtures__/**',
  '**/__snapshots__/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e.*',
  '**/*.stories.*',
  '**/*.story.*',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/cypress/**',
  '**/jest.setup.*',
  '**/setupTests.*',
];

export interface DiscoverOptions {
  /** Files or folders the user named (absolute). */
  paths: string[];
  /** Extra patterns to skip, in .gitignore syntax (from the config). */
  ignore: string[];
  /** The folder `ignore` is relative to: the config file's folder, as ESLint and .gitignore do. */
  ignoreBase: string;
  root: string;
  /** Scan test code too (TEST_IGNORES); the config's `tests`. */
  tests?: boolean;
  /** The folder messages show paths from (the process's by default). */
  cwd?: string;
}

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Symbolic links that were not followed (absolute paths, sorted), with why: a scan never follows links. */
  notFollowed: { file: string; message: string }[];
  /** The package.json files under the scanned folders, not ignored (absolute paths, sorted): their dependencies are listed. */
  packageFiles: string[];
}

/**
 * Would a scan of `root` analyse `file`? The same answer discoverFiles gives for a file inside
 * `root`, for one file at a time: the editor asks it so it never reports what scan skips.
 */
export function createScanFilter(options: Omit<DiscoverOptions, 'paths'>): (file: string) => boolean {
  const gitignore = gitignoreMatcher([...gitignoresAbove(options.root), ...gitignoresUnder(options.root)]);
  const userIgnores = userIgnoreMatcher(options);
  const defaults = ignore().add(options.tests ? DEFAULT_IGNORES : [...DEFAULT_IGNORES, ...TEST_IGNORES]);
  return (file) => {
    const relative = path.relative(options.root, file).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    if (relative.split('/').some((segment) => segment.startsWith('.'))) return false; // as fast-glob's dot: false
    if (!isScannedFileName(file)) return false;
    return !defaults.ignores(relative) && !userIgnores(file) && !gitignore.ignores(file);
  };
}

/** The source files to scan: every JS/TS file under the given paths, minus default, config and .gitignore ignores. */
export function discoverFiles(options: DiscoverOptions): DiscoveredFiles {
  const found = new Set<string>();
  const packageFiles: string[] = [];
  const links = new Map<string, string>();
  const gitignoreFiles = gitignoresAbove(options.root);
  const walked: fg.Entry[] = [];

  for (const given of options.paths) {
    const stats = statOrExplain(given, options.cwd);
    if (stats.isFile()) {
      // A file named explicitly is scanned even if ignored, as ESLint does; but it must be source code.
      if (!isScannedFileName(given)) {
        throw new UserError(`${displayPath(given, options.cwd)}: not a JavaScript or TypeScript file (expected .${SOURCE_EXTENSIONS.join(', .')})`);
      }
      found.add(given);
      continue;
    }
    // One walk: source files, the .gitignore files that rule on them (dot folders and ignored
    // folders hold none that matter: nothing in them is scanned), and the symbolic links it does
    // not follow (loops, and the same file counted twice, are why), so the output can say what was left out.
    const entries = fg.sync(['**', '**/.gitignore'], {
      cwd: given,
      absolute: true,
      onlyFiles: false,
      objectMode: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: options.tests ? DEFAULT_IGNORES : [...DEFAULT_IGNORES, ...TEST_IGNORES],
      suppressErrors: true,
    });
    gitignoreFiles.push(...gitignoresBetween(options.root, given));
    for (const entry of entries) {
      if (entry.name === '.gitignore' && entry.dirent.isFile()) gitignoreFiles.push(path.normalize(entry.path));
      else walked.push(entry);
    }
  }
  const gitignore = gitignoreMatcher([...new Set(gitignoreFiles)]);
  const userIgnores = userIgnoreMatcher(options);
  const isIgnored = (file: string) => userIgnores(file) || gitignore.ignores(file);
  for (const entry of walked) {
    const file = path.normalize(entry.path);
    if (entry.dirent.isSymbolicLink()) {
      const message = symlinkNote(file);
      if (message && !isIgnored(file)) links.set(file, message);
      continue;
    }
    if (entry.name === 'package.json' && entry.dirent.isFile() && !isIgnored(file)) packageFiles.push(file);
    if (!entry.dirent.isFile() || !isScannedFileName(file)) continue;
    if (isIgnored(file)) continue;
    found.add(file);
  }
  const notFollowed = [...links].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, message]) => ({ file, message }));
  return { files: [...found].sort(), notFollowed, packageFiles: [...new Set(packageFiles)].sort() };
}

/** The config's ignore patterns, matched against paths relative to their base folder; files outside it never match. */
function userIgnoreMatcher(options: Pick<DiscoverOptions, 'ignore' | 'ignoreBase'>): (file: string) => boolean {
  if (options.ignore.length === 0) return () => false;
  const rules = ignore().add(options.ignore);
  return (file) => {
    const relative = path.relative(options.ignoreBase, file).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && rules.ignores(relative);
  };
}

/** Why a symbolic link was left out, or undefined when it cannot matter (a link to a non-source file). */
function symlinkNote(link: string): string | undefined {
  let target: ReturnType<typeof statSync>;
  try {
    target = statSync(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? 'not followed: a symbolic link loop' : undefined; // a dangling link holds nothing to scan
  }
  if (target.isDirectory()) return 'not followed: a symbolic link to a folder (privlint does not follow links, to avoid loops and double counting); scan the folder it points to directly if it belongs to the project';
  if (SOURCE_EXTENSIONS.includes(path.extname(link).slice(1).toLowerCase())) return 'not followed: a symbolic link to a source file; scan the file it points to';
  return undefined;
}

function statOrExplain(file: string, cwd?: string) {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${displayPath(file, cwd)}: no such file or folder; check the path you passed to privlint scan`);
    if (code === 'ELOOP') throw new UserError(`${displayPath(file, cwd)}: a symbolic link loop; pass the real folder instead`);
    if (code === 'EACCES') throw new UserError(`${displayPath(file, cwd)}: permission denied`);
    throw new UserError(`${displayPath(file, cwd)}: cannot read (${code ?? String(error)})`);
  }
}

/** .gitignore rules that apply under `root`: those of its parents up to the repository, and its own tree. */
interface GitignoreMatcher {
  ignores(file: string): boolean;
}

/** The .gitignore files of the folders above `root`, up to the repository's top (or the file system's). */
function gitignoresAbove(root: string): string[] {
  const files: string[] = [];
  for (let folder = path.dirname(root); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.gitignore'))) files.push(path.join(folder, '.gitignore'));
    if (existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) break;
  }
  return files;
}

/** The .gitignore files of `root` and the folders below it down to `folder` (not `folder`'s own: its walk finds that one). */
function gitignoresBetween(root: string, folder: string): string[] {
  const files: string[] = [];
  for (let current = path.dirname(folder); current === root || current.startsWith(root + path.sep); current = path.dirname(current)) {
    if (existsSync(path.join(current, '.gitignore'))) files.push(path.join(current, '.gitignore'));
    if (current === root) break;
  }
  return files;
}

/** Every .gitignore in `root`'s tree. */
function gitignoresUnder(root: string): string[] {
  return fg
    .sync('**/.gitignore', { cwd: root, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'], suppressErrors: true, followSymbolicLinks: false })
    .map((file) => path.normalize(file));
}

function gitignoreMatcher(files: readonly string[]): GitignoreMatcher {
  const layers: { folder: string; rules: Ignore }[] = [];
  for (const file of files) {
    try {
      if (!statSync(file).isFile()) continue; // a FIFO would block the scan
      layers.push({ folder: path.dirname(file), rules: ignore().add(readFileSync(file, 'utf8')) });
    } catch {
      // An unreadable .gitignore is not ours to report; nothing is ignored through it.
    }
  }
  return {
    ignores(file: string) {
      return layers.some(({ folder, rules }) => {
        const relative = path.relative(folder, file).split(path.sep).join('/');
        return relative !== '' && !relative.startsWith('..') && rules.ignores(relative);
      });
    },
  };
}
