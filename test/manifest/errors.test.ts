import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import { displayPath } from '../../src/util/paths.js';
import { UserError } from '../../src/util/problem.js';

const VALID = 'version: 1\napp:\n  name: Temp\ncategories: []\n';
const FIVE_MB = 5 * 1024 * 1024;

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'privlint-manifest-errors-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** How messages name a file: displayPath's rule (relative near the working folder, else absolute), tested in test/util. */
const shown = (file: string) => displayPath(file);

let counter = 0;
/** Write `content` to a fresh file in the temp folder and return its absolute path. */
function write(content: string | Buffer, name = `manifest-${++counter}.yaml`): string {
  const file = path.join(root, name);
  writeFileSync(file, content);
  return file;
}

/** Run loadManifest and return the UserError it throws (failing the test if it throws anything else). */
function userErrorOf(file: string): UserError {
  let thrown: unknown;
  try {
    loadManifest(file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'loadManifest should throw').toBeInstanceOf(UserError);
  return thrown as UserError;
}

/** A file-level problem: one line, naming the file, with no per-position problems. */
function expectOneLine(error: UserError, file: string, pattern: RegExp): void {
  expect(error.message).toMatch(pattern);
  expect(error.message).not.toContain('\n');
  expect(error.message.startsWith(`${shown(file)}: `)).toBe(true);
  expect(error.problems).toEqual([]);
}

describe('loadManifest: problems with the file itself', () => {
  it('a missing file', () => {
    const file = path.join(root, 'no-such-manifest.yaml');
    expectOneLine(userErrorOf(file), file, /: no such manifest file; check the path\.$/);
  });

  it('a directory', () => {
    const folder = path.join(root, 'a-folder.yaml');
    mkdirSync(folder);
    expectOneLine(userErrorOf(folder), folder, /: is a directory, not a manifest file/);
  });

  it('an empty file', () => {
    const file = write('');
    expectOneLine(userErrorOf(file), file, /: the manifest file is empty/);
  });

  it('a whitespace-only file', () => {
    const file = write('  \n\t\n\r\n   ');
    expectOneLine(userErrorOf(file), file, /: the manifest file is empty/);
  });

  it('a binary file (contains NUL)', () => {
    const file = write(Buffer.concat([Buffer.from(VALID), Buffer.from([0, 1, 2, 0xff, 0])]));
    expectOneLine(userErrorOf(file), file, /: looks like a binary file, not a YAML or JSON manifest/);
  });

  it('a file over 5 MB is refused before it is parsed', () => {
    const file = write(VALID + '#'.repeat(FIVE_MB - VALID.length) + '\n');
    expectOneLine(userErrorOf(file), file, /: the manifest file is larger than 5 MB/);
  });

  it('a file of exactly 5 MB is still read', () => {
    const padding = FIVE_MB - VALID.length - 1;
    const file = write(VALID + '#'.repeat(padding) + '\n');
    expect(loadManifest(file).app.name).toBe('Temp');
  });

  it('invalid UTF-8 (a Latin-1 file)', () => {
    const file = write(Buffer.from('version: 1\napp:\n  name: Caf\xe9\ncategories: []\n', 'latin1'));
    expectOneLine(userErrorOf(file), file, /: is not valid UTF-8 text; save the manifest as UTF-8\.$/);
  });

  it('a UTF-8 byte-order mark is accepted and not part of the first key', () => {
    const file = write(`\uFEFF${VALID}`);
    expect(loadManifest(file).app.name).toBe('Temp');
  });
});

describe('loadManifest: problems in the content', () => {
  it('a YAML whose top level is a list', () => {
    const file = write('- version: 1\n- app: {name: x}\n');
    const error = userErrorOf(file);
    expect(error.message).toBe(`${shown(file)}: the manifest has 1 problem`);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: shown(file), line: 1, column: 1 });
    expect(error.problems[0]!.message).toMatch(/a manifest is a mapping with version, app and categories at the top/);
  });

  it('a file with only comments is empty', () => {
    const file = write('# a manifest will go here\n# soon\n');
    const error = userErrorOf(file);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 1, column: 1, message: 'the manifest is empty' });
  });

  it('reports every structural problem in one go, sorted by position', () => {
    const file = write(
      [
        'recipents: []', // 1:1 unknown key (written first, reported first)
        'version: 2', // 2:10
        'app:',
        '  nam: x', // 4:3 missing name + unknown key
        'categories:',
        '  - id: device.imie', // 6:9
        '    uses:',
        '      - purposes: [analytcs]', // 8:20
        '        basis: consnet', // 9:16
        '',
      ].join('\n'),
    );
    const error = userErrorOf(file);
    expect(error.message).toBe(`${shown(file)}: the manifest has 7 problems`);
    const where = error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}`);
    expect(where).toEqual([
      '1:1 recipents',
      '2:10 version',
      '4:3 app',
      '4:3 app.nam',
      '6:9 categories[0].id',
      '8:20 categories[0].uses[0].purposes[0]',
      '9:16 categories[0].uses[0].basis',
    ]);
    const messages = error.problems.map((problem) => problem.message);
    expect(messages).toEqual([
      'unknown key "recipents"; did you mean "recipients"?',
      'must be 1, found number 2',
      'missing required key "name"',
      'unknown key "nam"; did you mean "name"?',
      'unknown data category "device.imie"; did you mean "device.imei"?',
      'unknown purpose "analytcs"; did you mean "analytics"?',
      'unknown legal basis "consnet"; did you mean "consent"?',
    ]);
    for (const problem of error.problems) expect(problem.file).toBe(shown(file));
  });

  it('reports every semantic problem, sorted by position, once the structure is valid', () => {
    const file = write(
      [
        'version: 1',
        'app:',
        '  name: Semantic',
        'consents:',
        '  ads: {mode: opt-in}',
        'categories:',
        '  - id: usage.events',
        '    uses:',
        '      - purposes: [analytics]',
        '        basis: consent', // 10:9 use without key
        '  - id: usage.events', // 11:9 duplicate
        '    uses:',
        '      - purposes: [advertising]',
        '        basis: consent',
        '        consent: adds', // 15:18 unknown key
        '',
      ].join('\n'),
    );
    const error = userErrorOf(file);
    expect(error.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [9, 9],
      [11, 9],
      [15, 18],
    ]);
    expect(error.problems[0]!.message).toMatch(/must name the consent key/);
    expect(error.problems[1]!.message).toBe('duplicate id "usage.events" (first declared at line 7); merge the two entries');
    expect(error.problems[2]!.message).toBe('unknown consent key "adds"; did you mean "ads"?');
  });

  it('an unknown key suggests the key that was meant, or lists the keys when nothing is close', () => {
    const near = userErrorOf(write('version: 1\napp:\n  name: x\n  descripton: y\ncategories: []\n'));
    expect(near.problems).toHaveLength(1);
    expect(near.problems[0]).toMatchObject({ line: 4, column: 3, path: 'app.descripton', message: 'unknown key "descripton"; did you mean "description"?' });

    const far = userErrorOf(write('version: 1\napp:\n  name: x\n  zzzzzz: y\ncategories: []\n'));
    expect(far.problems[0]!.message).toBe('unknown key "zzzzzz"; expected one of: name, description, ref');
  });

  it('a JSON manifest with a syntax error gives line:column of the error', () => {
    const file = write('{\n  "version": 1,\n  "app": { "name": "x" }\n  "categories": []\n}\n', 'broken.json');
    const error = userErrorOf(file);
    expect(error.problems.length).toBeGreaterThanOrEqual(1);
    const [first] = error.problems;
    expect(first).toMatchObject({ file: shown(file), line: 4, column: 3 });
    expect(first!.message).toMatch(/^JSON syntax error: .*,/);
    expect(first!.message).not.toContain('\n');
  });

  it('a valid JSON manifest in a temp folder loads', () => {
    const file = write(JSON.stringify({ version: 1, app: { name: 'J' }, categories: [{ id: 'usage', uses: [{ purposes: ['analytics'], basis: 'contract' }] }] }, null, 2), 'ok.json');
    const manifest = loadManifest(file);
    expect(manifest.categories.map((category) => category.id)).toEqual(['usage']);
    expect(manifest.categories[0]!.at).toMatchObject({ line: 8, column: 13 });
  });
});
