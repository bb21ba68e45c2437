import type { Colors } from '../util/colors.js';

/** A few lines around `line`, with a caret under the reported columns, as compilers print them. */
export function codeFrame(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number, colors: Colors): string {
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = (lines[number - 1] ?? '').replace(/\t/g, '  ').replace(/\r$/, '');
    const gutter = `${String(number).padStart(width)} | `;
    if (number === line) {
      out.push(`${colors.red('>')} ${colors.dim(gutter)}${text}`);
      const caretEnd = endLine === line ? Math.max(endColumn, column + 1) : text.length + 1;
      const length = Math.max(1, Math.min(caretEnd, text.length + 1) - column);
      out.push(`  ${colors.dim(`${' '.repeat(width)} | `)}${' '.repeat(Math.max(0, column - 1))}${colors.red('^'.repeat(length))}`);
    } else {
      out.push(`  ${colors.dim(gutter)}${text}`);
    }
  }
  return out.join('\n');
}
