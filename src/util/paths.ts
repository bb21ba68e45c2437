import path from 'node:path';

/** A path relative to `root`, with `/` separators, as every output of privlint shows it. */
export function toPosixRelative(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.split(path.sep).join('/');
}

/** The path a user should see in a message: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative.split(path.sep).join('/')
    : file;
}
