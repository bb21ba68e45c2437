import path from 'node:path';

/** A path relative to `root`, with `/` separators, as every output of privlint shows it. */
export function toPosixRelative(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.split(path.sep).join('/');
}

/**
 * The path a user should see in a message: relative to the working directory when inside it or
 * close by (`../../policies/xiaomi.yaml`, at most two levels up), else absolute — normalised
 * either way, never `/app/x/../../policies/…`.
 */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  if (path.isAbsolute(relative)) return path.resolve(file);
  const segments = relative.split(path.sep);
  const up = segments.findIndex((segment) => segment !== '..');
  return up <= 2 && up < segments.length ? segments.join('/') : path.resolve(file);
}
