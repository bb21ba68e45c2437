import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { displayPath } from '../util/paths.js';
import { UserError } from '../util/problem.js';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

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
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];

export interface DiscoverOptions {
  /** Files or folders the user named (absolute). */
  paths: string[];
  /** Extra glob patterns to skip, relative to `root` (from the config). */
  ignore: string[];
  root: string;
}

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
}

/**
 * Would a scan of `root` analyse `file`? The same answer discoverFiles gives for a file inside
 * `root`, for one file at a time: the editor asks it so it never reports what scan skips.
 */
export function createScanFilter(options: Omit<DiscoverOptions, 'paths'>): (file: string) => boolean {
  const gitignore = loadGitignores(options.root);
  const userIgnore = ignore().add(options.ignore);
  const defaults = ignore().add(DEFAULT_IGNORES);
  return (file) => {
    const relative = path.relative(options.root, file).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    if (relative.split('/').some((segment) => segment.startsWith('.'))) return false; // as fast-glob's dot: false
    if (!SOURCE_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase())) return false;
    return !defaults.ignores(relative) && !userIgnore.ignores(relative) && !gitignore.ignores(file);
  };
}

/** The source files to scan: every JS/TS file under the given paths, minus default, config and .gitignore ignores. */
export function discoverFiles(options: DiscoverOptions): DiscoveredFiles {
  const found = new Set<string>();
  const gitignore = loadGitignores(options.root);
  const userIgnore = ignore().add(options.ignore);
  const pattern = `**/*.{${SOURCE_EXTENSIONS.join(',')}}`;

  for (const given of options.paths) {
    const stats = statOrExplain(given);
    if (stats.isFile()) {
      // A file named explicitly is scanned even if ignored, as ESLint does; but it must be source code.
      if (!SOURCE_EXTENSIONS.includes(path.extname(given).slice(1).toLowerCase())) {
        throw new UserError(`${displayPath(given)}: not a JavaScript or TypeScript file (expected .${SOURCE_EXTENSIONS.join(', .')})`);
      }
      found.add(given);
      continue;
    }
    const entries = fg.sync(pattern, {
      cwd: given,
      absolute: true,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: DEFAULT_IGNORES,
      suppressErrors: true,
    });
    for (const entry of entries) {
      const file = path.normalize(entry);
      const relative = path.relative(options.root, file).split(path.sep).join('/');
      const insideRoot = relative !== '' && !relative.startsWith('..');
      if (insideRoot && (userIgnore.ignores(relative) || gitignore.ignores(file))) continue;
      found.add(file);
    }
  }
  return { files: [...found].sort() };
}

function statOrExplain(file: string) {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${displayPath(file)}: no such file or folder; check the path you passed to privlint scan`);
    if (code === 'ELOOP') throw new UserError(`${displayPath(file)}: a symbolic link loop; pass the real folder instead`);
    if (code === 'EACCES') throw new UserError(`${displayPath(file)}: permission denied`);
    throw new UserError(`${displayPath(file)}: cannot read (${code ?? String(error)})`);
  }
}

/** .gitignore rules that apply under `root`: those of its parents up to the repository, and its own tree. */
interface GitignoreMatcher {
  ignores(file: string): boolean;
}

function loadGitignores(root: string): GitignoreMatcher {
  const layers: { folder: string; rules: Ignore }[] = [];
  const addLayer = (file: string) => {
    try {
      layers.push({ folder: path.dirname(file), rules: ignore().add(readFileSync(file, 'utf8')) });
    } catch {
      // An unreadable .gitignore is not ours to report; nothing is ignored through it.
    }
  };
  for (let folder = path.dirname(root); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.gitignore'))) addLayer(path.join(folder, '.gitignore'));
    if (existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) break;
  }
  const nested = fg.sync('**/.gitignore', { cwd: root, absolute: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'], suppressErrors: true, followSymbolicLinks: false });
  nested.forEach((file) => addLayer(path.normalize(file)));
  return {
    ignores(file: string) {
      return layers.some(({ folder, rules }) => {
        const relative = path.relative(folder, file).split(path.sep).join('/');
        return relative !== '' && !relative.startsWith('..') && rules.ignores(relative);
      });
    },
  };
}
