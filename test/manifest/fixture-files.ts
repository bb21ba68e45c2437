import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const INVALID_DIR = path.join(REPO_ROOT, 'fixtures/manifests/invalid');
export const VALID_DIR = path.join(REPO_ROOT, 'fixtures/manifests/valid');
export const XIAOMI = path.join(REPO_ROOT, 'fixtures/policies/xiaomi.yaml');
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema/privacy-manifest.schema.json');

const manifestFilesIn = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));

/** Every invalid fixture manifest (absolute paths, sorted by name). */
export const invalidFixtures = (): string[] => manifestFilesIn(INVALID_DIR);

/** Every valid fixture manifest (absolute paths, sorted by name). */
export const validFixtures = (): string[] => manifestFilesIn(VALID_DIR);

export interface Expectation {
  line: number;
  column: number;
  phrase: string;
}

/** The `# expect: LINE:COLUMN phrase` header of an invalid fixture. */
export function expectationOf(file: string): Expectation {
  const firstLine = readFileSync(file, 'utf8').split('\n')[0]!;
  const match = /^# expect: (\d+):(\d+) (.+)$/.exec(firstLine);
  if (!match) throw new Error(`${file}: the first line is not "# expect: LINE:COLUMN phrase": ${firstLine}`);
  return { line: Number(match[1]), column: Number(match[2]), phrase: match[3]!.trim() };
}
