import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, toPosixRelative } from '../../src/util/paths.js';

describe('displayPath: how a message names a file', () => {
  it('is relative inside the working folder', () => {
    expect(displayPath('/work/app/src/a.ts', '/work/app')).toBe('src/a.ts');
    expect(displayPath('/work/app', '/work/app')).toBe('.');
  });

  it('is relative close by (up to two levels up, under the same top folder), normalised', () => {
    expect(displayPath('/work/repo/fixtures/apps/demo/../../policies/x.yaml', '/work/repo/fixtures/apps/demo')).toBe('../../policies/x.yaml');
    expect(displayPath('/work/repo/policy.yaml', '/work/repo/app')).toBe('../policy.yaml');
  });

  it('is absolute far away or under another top folder', () => {
    expect(displayPath('/work/a/b/c/x.yaml', '/work/d/e/f')).toBe(path.resolve('/work/a/b/c/x.yaml'));
    expect(displayPath('/tmp/t/x.yaml', '/work/main')).toBe(path.resolve('/tmp/t/x.yaml'));
  });
});

describe('toPosixRelative', () => {
  it('uses / whatever the platform', () => {
    expect(toPosixRelative('/r', '/r/a/b.ts')).toBe('a/b.ts');
  });

  it('answers as path.relative does outside the common case of a file under the root', () => {
    expect(toPosixRelative('/r', '/rx/a.ts')).toBe('../rx/a.ts'); // a sibling whose name starts like the root
    expect(toPosixRelative('/r', '/r')).toBe('');
    expect(toPosixRelative('/r', '/r/a/../b.ts')).toBe('b.ts');
    expect(toPosixRelative('/r', '/r/./a.ts')).toBe('a.ts');
    expect(toPosixRelative('/r', '/r/.github/a.ts')).toBe('.github/a.ts');
    expect(toPosixRelative('/', '/a/b.ts')).toBe('a/b.ts');
    expect(toPosixRelative('/r/', '/r/a.ts')).toBe('a.ts');
  });
});
