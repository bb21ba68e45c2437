import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff, touches, unquote, WHOLE_FILE } from '../../src/git/unified-diff.js';

const DIFF = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1111111..2222222 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -3 +3 @@ export const a = 1;',
  '-old',
  '+new',
  '@@ -10,2 +10,0 @@',
  '-gone',
  '-gone too',
  '@@ -20,0 +19,3 @@',
  '+one',
  '+two',
  '+three',
  'diff --git a/src/old.ts b/src/new.ts',
  'similarity index 90%',
  'rename from src/old.ts',
  'rename to src/new.ts',
  '--- a/src/old.ts',
  '+++ b/src/new.ts',
  '@@ -5 +5,2 @@',
  '+x',
  '+y',
  'diff --git a/src/deleted.ts b/src/deleted.ts',
  'deleted file mode 100644',
  '--- a/src/deleted.ts',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-a',
  '-b',
  'diff --git "a/src/t\\303\\244b \\"q\\".ts" "b/src/t\\303\\244b \\"q\\".ts"',
  'new file mode 100644',
  '--- /dev/null',
  '+++ "b/src/t\\303\\244b \\"q\\".ts"',
  '@@ -0,0 +1 @@',
  '+hello',
  '',
].join('\n');

describe('git diff -U0 parsing', () => {
  const changed = parseUnifiedDiff(DIFF);

  it('keeps the new side of each hunk; pure deletions add no lines; renames count under the new path', () => {
    expect([...changed.keys()]).toEqual(['src/a.ts', 'src/new.ts', 'src/täb "q".ts']);
    expect(changed.get('src/a.ts')).toEqual([[3, 3], [19, 21]]);
    expect(changed.get('src/new.ts')).toEqual([[5, 6]]);
    expect(changed.get('src/täb "q".ts')).toEqual([[1, 1]]);
  });

  it('says whether a finding\'s lines overlap a change', () => {
    const ranges = changed.get('src/a.ts')!;
    expect(touches(ranges, 3)).toBe(true);
    expect(touches(ranges, 4)).toBe(false);
    expect(touches(ranges, 17, 19)).toBe(true);
    expect(touches(ranges, 10, 18)).toBe(false);
    expect(touches(WHOLE_FILE, 12_345)).toBe(true);
  });

  it('unquotes git\'s C-style paths and leaves plain ones alone', () => {
    expect(unquote('"b/a\\tb\\\\c.ts"')).toBe('b/a\tb\\c.ts');
    expect(unquote('b/plain name.ts')).toBe('b/plain name.ts');
  });
});
