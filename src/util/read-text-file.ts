import { readFileSync, statSync, type Stats } from 'node:fs';
import { displayPath } from './paths.js';
import { UserError } from './problem.js';
import { notRegularFile } from './regular-file.js';
import { decodeUtf16WithBom } from './text-encoding.js';

export interface ReadLimits {
  /** Larger files are refused. */
  maxBytes: number;
  /** What the file is, for messages: "manifest", "config". */
  what: string;
  /** Where to find an example, for the message about an empty file. */
  example?: string;
  /** The folder messages show the path from (the process's by default). */
  cwd?: string;
}

/**
 * Read a small text file the user pointed us to, turning every way it can be wrong
 * (missing, a directory, a FIFO or device, empty, binary, too large, not UTF-8) into a one-line UserError.
 */
export function readUserTextFile(file: string, limits: ReadLimits): string {
  const shown = displayPath(file, limits.cwd);
  checkUserFile(file, shown, limits);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${shown}: cannot read the ${limits.what} file (${code ?? String(error)}).`);
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    throw new UserError(`${shown}: the ${limits.what} file is empty; see ${limits.example ?? 'docs/manifest.md'} for an example.`);
  }
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 !== undefined) {
    if (utf16.trim() === '') throw new UserError(`${shown}: the ${limits.what} file is empty; see ${limits.example ?? 'docs/manifest.md'} for an example.`);
    return utf16;
  }
  if (bytes.includes(0)) {
    throw new UserError(`${shown}: looks like a binary file, not a YAML or JSON ${limits.what}.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`${shown}: is not valid UTF-8 text; save the ${limits.what} as UTF-8.`);
  }
}

/**
 * That a file the user pointed us to can be read whole: it exists, is a regular file (a FIFO would
 * block, /dev/zero never ends) and is not larger than the limit. A one-line UserError otherwise.
 */
export function checkUserFile(file: string, shown: string, limits: Pick<ReadLimits, 'maxBytes' | 'what'>): void {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${shown}: no such ${limits.what} file; check the path.`);
    if (code === 'EACCES') throw new UserError(`${shown}: permission denied reading the ${limits.what} file.`);
    throw new UserError(`${shown}: cannot read the ${limits.what} file (${code ?? String(error)}).`);
  }
  const kind = notRegularFile(stats);
  if (kind === 'a directory') throw new UserError(`${shown}: is a directory, not a ${limits.what} file; pass the path of the file itself.`);
  if (kind) throw new UserError(`${shown}: is ${kind}, not a regular file; privlint reads the ${limits.what} only from a regular file.`);
  if (stats.size > limits.maxBytes) {
    const megabytes = (limits.maxBytes / 1024 / 1024).toFixed(0);
    throw new UserError(`${shown}: the ${limits.what} file is larger than ${megabytes} MB; is this the right file?`);
  }
}
