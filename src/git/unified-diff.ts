/** Lines of a file that a change added or modified: sorted, non-overlapping, inclusive ranges. */
export type LineRanges = readonly (readonly [start: number, end: number])[];

/** Every line of the file: for files git does not track yet. */
export const WHOLE_FILE: LineRanges = [[1, Number.POSITIVE_INFINITY]];

/**
 * The added and modified lines per file of `git diff -U0` output (new side, so a rename counts
 * under its new path, and a deletion has no lines). Paths are repository-relative, as git prints
 * them with `--src-prefix=a/ --dst-prefix=b/`; quoted paths are unquoted.
 */
export function parseUnifiedDiff(diff: string): Map<string, LineRanges> {
  const changed = new Map<string, [number, number][]>();
  let target: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      target = undefined;
    } else if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4));
      target = name === '/dev/null' ? undefined : name.replace(/^b\//, '');
    } else if (line.startsWith('@@ ') && target !== undefined) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count === 0) continue; // lines were only removed here
      const ranges = changed.get(target) ?? [];
      ranges.push([start, start + count - 1]);
      changed.set(target, ranges);
    }
  }
  return changed;
}

/** Does any line from `line` to `endLine` fall in `ranges`? */
export function touches(ranges: LineRanges, line: number, endLine = line): boolean {
  return ranges.some(([start, end]) => start <= endLine && line <= end);
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** git quotes a path with unusual characters as a C string: "b/t\303\244b.ts". */
export function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"') || name.length < 2) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
