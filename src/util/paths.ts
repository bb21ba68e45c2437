import path from 'node:path';

/** A path relative to `root`, with `/` separators, as every output of privlint shows it. */
export function toPosixRelative(root: string, file: string): string {
  // The common case, a file under the root, without path.relative's normalising (scans ask thousands of times).
  const under =
    file.length > root.length + 1 && file.startsWith(root) && file[root.length] === path.sep && !root.endsWith(path.sep) && !file.includes(`${path.sep}.`, root.length);
  const relative = under ? file.slice(root.length + 1) : path.relative(root, file);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/**
 * The path a user should see in a message: relative to the working directory when inside it or
 * close by (`../../policies/xiaomi.yaml`, at most two levels up and below the same top folder),
 * else absolute (`/tmp/x.yaml`, not `../../tmp/x.yaml`) — normalised either way, never
 * `/app/x/../../policies/…`.
 */
export function displayPath(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  if (path.isAbsolute(relative)) return absolute;
  const segments = relative.split(path.sep);
  const up = segments.findIndex((segment) => segment !== '..');
  const sameTop = topFolder(absolute) === topFolder(path.resolve(cwd));
  return up === 0 || (up <= 2 && up < segments.length && sameTop) ? segments.join('/') : absolute;
}

/** `/work` of `/work/main/src`: paths under different top folders are unrelated places. */
function topFolder(absolute: string): string {
  const { root } = path.parse(absolute);
  return root + (absolute.slice(root.length).split(path.sep)[0] ?? '');
}
