import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../util/paths.js';
import { UserError } from '../util/problem.js';

/**
 * The absolute paths a scan covers (checked to exist) and its root: their common folder. Kept apart
 * from the engine, so that a `privlint scan` that a running `privlint serve` answers can find the
 * server (keyed by the root) without loading the engine.
 */
export function scanPaths(options: { paths?: string[]; cwd?: string }): { paths: string[]; root: string } {
  const cwd = options.cwd ?? process.cwd();
  const paths = (options.paths?.length ? options.paths : ['.']).map((given) => path.resolve(cwd, given));
  for (const given of paths) {
    if (!existsSync(given)) throw new UserError(`${displayPath(given, cwd)}: no such file or folder; check the path you passed to privlint scan`);
  }
  return { paths, root: scanRoot(paths) };
}

function scanRoot(paths: string[]): string {
  const folders = paths.map((given) => (statSync(given).isDirectory() ? given : path.dirname(given)));
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}
