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
    return (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown }).name === 'privlint';
  } catch {
    return false;
  }
}

const PACKAGE_JSON = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };

export const PACKAGE_VERSION: string = PACKAGE_JSON.version;

/** The repository's web address, from package.json's `repository` ("git+https://github.com/o/r.git" → "https://github.com/o/r"). */
export const HOMEPAGE_URL: string = PACKAGE_JSON.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/**
 * Where the docs are read on the web: the repository's docs/ folder, the same layout as the docs/
 * the package ships (docs/rules/<rule>.md is each rule's page). test/docs/doc-urls.test.ts checks
 * that every address privlint prints under it names a file of this repository.
 */
export const DOCS_BASE_URL = `${HOMEPAGE_URL}/blob/main/docs`;
