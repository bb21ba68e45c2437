import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../util/paths.js';
import { UserError } from '../util/problem.js';

/** Write a file a command produces, creating its folder; a failure is the user's to fix (exit code 2). */
export function writeOutput(file: string, text: string, what: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UserError(`${displayPath(file)}: cannot write the ${what} (${writeFailure(error as NodeJS.ErrnoException)})`);
  }
}

function writeFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST': // mkdir found a file where a parent folder should be
      return 'a parent of it is a file';
    default:
      return error.code ?? String(error);
  }
}
