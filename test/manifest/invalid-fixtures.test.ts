import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';
import { expectationOf, invalidFixtures } from './fixture-files.js';

const files = invalidFixtures();

describe('invalid manifest fixtures', () => {
  it('finds the invalid fixtures (a glob that matches nothing must not pass)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((file) => path.basename(file))).toContain('unknown-category.yaml');
  });

  it('every fixture states its expectation on the first line', () => {
    for (const file of files) expect(() => expectationOf(file), path.basename(file)).not.toThrow();
  });

  it.each(files.map((file) => [path.basename(file), file] as const))('%s: one problem at the expected line:column with the expected message', (_name, file) => {
    const expected = expectationOf(file);
    const result = parseManifest(readFileSync(file, 'utf8'), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect({ line: problem!.line, column: problem!.column }).toEqual({ line: expected.line, column: expected.column });
    const formatted = `${problem!.path ? `${problem!.path}: ` : ''}${problem!.message}`;
    expect(formatted).toContain(expected.phrase);
    // Every problem names the file it is in.
    expect(problem!.file.endsWith(path.basename(file))).toBe(true);
    // One line per problem: the CLI prints them one per line.
    expect(problem!.message).not.toContain('\n');
  });
});
