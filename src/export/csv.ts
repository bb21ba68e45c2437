/** RFC 4180 CSV: what the store exports write and what `--template` reads. */

/** A cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell for a file people open in a spreadsheet: a leading =, +, - or @ is kept from formula evaluation. */
export function spreadsheetCell(value: string): string {
  return csvCell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

export function formatCsv(rows: readonly (readonly string[])[], lineEnd: '\n' | '\r\n', cell: (value: string) => string = csvCell): string {
  return rows.map((row) => row.map(cell).join(',')).join(lineEnd) + lineEnd;
}

export interface ParsedCsv {
  rows: string[][];
  /** The line end the file uses (its first one), so a filled template keeps it. */
  lineEnd: '\n' | '\r\n';
}

/** Parse CSV text (quoted cells may hold commas, quotes and line breaks); a UTF-8 BOM is dropped. */
export function parseCsv(text: string): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let lineEnd: ParsedCsv['lineEnd'] | undefined;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      const crlf = char === '\r' && source[index + 1] === '\n';
      lineEnd ??= crlf ? '\r\n' : '\n';
      if (crlf) index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { rows, lineEnd: lineEnd ?? '\n' };
}
