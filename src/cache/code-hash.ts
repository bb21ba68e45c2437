import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** privlint's code folder: src/ when running from sources, dist/src/ when built. */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders whose code decides what facts a file yields: detection, catalog matching, reading and resolving files. */
export const ANALYSIS_CODE_FOLDERS = ['detect', 'catalog', 'project'];

let memo: string | undefined;

/**
 * A hash of the code that turns a file into facts, and of the parser's version. The facts cache is
 * keyed on it, so any change to that code — a development build, a patched install — invalidates
 * entries that an older build wrote, without anyone having to remember to bump a version. Reading
 * the few dozen files costs about a millisecond.
 */
export function analysisCodeHash(root = CODE_ROOT): string {
  if (root === CODE_ROOT && memo) return memo;
  const hash = createHash('sha256');
  for (const folder of ANALYSIS_CODE_FOLDERS) {
    const absolute = path.join(root, folder);
    let names: string[];
    try {
      names = readdirSync(absolute).filter((name) => /\.(?:c?js|ts)$/.test(name) && !name.endsWith('.d.ts')).sort();
    } catch {
      continue;
    }
    for (const name of names) hash.update(`${folder}/${name}\0`).update(readFileSync(path.join(absolute, name))).update('\0');
  }
  hash.update(parserVersion());
  const digest = hash.digest('hex').slice(0, 16);
  if (root === CODE_ROOT) memo = digest;
  return digest;
}

/** The version of the TypeScript copy privlint parses with (bundled with ts-morph), without loading it. */
function parserVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const fromTsMorph = createRequire(require.resolve('ts-morph/package.json'));
    const common = JSON.parse(readFileSync(fromTsMorph.resolve('@ts-morph/common/package.json'), 'utf8')) as { version: string };
    return `@ts-morph/common@${common.version}`;
  } catch {
    return 'unknown';
  }
}
