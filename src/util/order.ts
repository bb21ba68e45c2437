/** Something with a place in a file, as every list privlint outputs has. */
export interface Placed {
  file: string;
  line: number;
  column: number;
}

/**
 * The one order of privlint's output lists: by file, line and column, then by what the entry is
 * about — so a scan and a merge of sharded scans produce the same bytes.
 */
export function compareByPlace<T extends Placed>(a: T, b: T): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(tieBreaker(a), tieBreaker(b))
  );
}

function tieBreaker(entry: object): string {
  const record = entry as Record<string, unknown>;
  return ['ruleId', 'category', 'api', 'package', 'sdk', 'severity', 'message']
    .map((key) => (typeof record[key] === 'string' ? record[key] : ''))
    .join('\0');
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
