import type { Stats } from 'node:fs';

/**
 * What a path is when it is not a regular file, for a message ("a named pipe (FIFO)"); undefined
 * for a regular file. Reading a FIFO blocks until a writer comes, and a device such as /dev/zero
 * never ends: privlint reads the files a user points it to only when they are regular files.
 */
export function notRegularFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}
