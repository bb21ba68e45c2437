import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Fix, TextEdit } from '../check/finding.js';
import { compareText } from '../util/order.js';

export interface FixOutcome {
  /** Findings whose fix was applied. */
  fixed: number;
  /** Scan-root-relative files that changed, sorted. */
  files: string[];
}

/**
 * Apply the certain fixes of these findings (Finding.fix) to the files under `root`. A fix is
 * applied whole or not at all: one whose edits overlap an edit already taken waits for the next
 * run, as ESLint's --fix does. Only files with a fix are read and written; a file in UTF-16 is
 * left alone (privlint reads it, but does not write it back).
 */
export function applyFixes(root: string, findings: readonly Finding[]): FixOutcome {
  const fixes = findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
  const byFile = new Map<string, Fix[]>();
  for (const fix of fixes) {
    for (const file of new Set(fix.edits.map((edit) => edit.file))) byFile.set(file, [...(byFile.get(file) ?? []), fix]);
  }
  const texts = new Map<string, { bom: string; text: string; starts: number[] }>();
  for (const file of byFile.keys()) {
    const bytes = readFileSync(path.join(root, file));
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) continue;
    const raw = bytes.toString('utf8');
    const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
    const text = raw.slice(bom.length);
    texts.set(file, { bom, text, starts: lineStarts(text) });
  }

  // Take fixes in order, each whole or not at all.
  const taken: { file: string; start: number; end: number; text: string }[] = [];
  let fixed = 0;
  for (const fix of fixes) {
    const ranges = fix.edits.map((edit) => {
      const file = texts.get(edit.file);
      return file ? { file: edit.file, ...offsets(file.starts, file.text.length, edit), text: edit.text } : undefined;
    });
    if (ranges.some((range) => range === undefined)) continue;
    const clashes = ranges.some((range) => taken.some((other) => other.file === range!.file && range!.start < other.end && other.start < range!.end));
    if (clashes) continue;
    taken.push(...(ranges as typeof taken));
    fixed++;
  }

  const changed: string[] = [];
  for (const [file, { bom, text }] of texts) {
    const edits = taken.filter((edit) => edit.file === file).sort((a, b) => b.start - a.start);
    if (edits.length === 0) continue;
    let next = text;
    for (const edit of edits) next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
    if (next === text) continue;
    writeFileSync(path.join(root, file), bom + next);
    changed.push(file);
  }
  return { fixed, files: changed.sort(compareText) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** A 1-based line and column as an offset; past the last line is the end of the text. */
function offsets(starts: readonly number[], length: number, edit: TextEdit): { start: number; end: number } {
  const at = (line: number, column: number) => (line > starts.length ? length : Math.min(length, starts[line - 1]! + column - 1));
  return { start: at(edit.line, edit.column), end: at(edit.endLine, edit.endColumn) };
}
