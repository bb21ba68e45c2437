import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** privlint's own package folder, whether running from src/ (tests) or dist/src/ (installed). */
export const PACKAGE_ROOT: string = (() => {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json')) || !isPrivlintPackage(folder)) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('privlint: cannot find its own package.json');
    folder = parent;
  }
  return folder;
})();

function isPrivlintPackage(folder: string): boolean {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).name === 'privlint';
  } catch {
    return false;
  }
}

export const PACKAGE_VERSION: string = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

export const DOCS_BASE_URL = 'https://github.com/privlint/privlint/blob/main/docs';
export const HOMEPAGE_URL = 'https://github.com/privlint/privlint';
