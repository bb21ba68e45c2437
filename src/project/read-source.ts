import { readFileSync, statSync } from 'node:fs';
import type { FileDiagnostic } from '../detect/facts.js';
import { decodeUtf16WithBom } from '../util/text-encoding.js';

export const MAX_SOURCE_BYTES = 1024 * 1024;

export type SourceText = { text: string; diagnostics: FileDiagnostic[] } | { skipped: FileDiagnostic };

const note = (message: string, severity: FileDiagnostic['severity'] = 'note'): FileDiagnostic => ({ line: 1, column: 1, message, severity });

/** Read a source file for analysis; what cannot or should not be analysed is skipped with a note saying why. */
export function readSource(file: string): SourceText {
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_SOURCE_BYTES) return { skipped: tooLarge() };
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { skipped: note(`skipped: cannot read the file (${code})`, 'warning') };
  }
  return sourceFromBytes(bytes);
}

/** The same checks as readSource for content that does not come from disk (a staged version). */
export function sourceFromBytes(bytes: Buffer): SourceText {
  if (bytes.length > MAX_SOURCE_BYTES) return { skipped: tooLarge() };
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 !== undefined) {
    if (looksMinified(utf16)) return { skipped: note('skipped: looks minified (very long lines); scan the sources it was built from') };
    return { text: utf16, diagnostics: [note('UTF-16 file: analysed, but most tools expect UTF-8; consider saving it as UTF-8')] };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: note('skipped: binary content, not source code') };
  let text: string;
  const diagnostics: FileDiagnostic[] = [];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    diagnostics.push(note('not valid UTF-8: analysed with replacement characters; save the file as UTF-8', 'warning'));
  }
  if (looksMinified(text)) {
    return { skipped: note('skipped: looks minified (very long lines); scan the sources it was built from') };
  }
  return { text: text.replace(/^\uFEFF/, ''), diagnostics };
}

/**
 * A file's text decoded as the analysis decodes it (UTF-16 with a byte-order mark, else UTF-8 without
 * its BOM), for code frames and fingerprints: their lines are the lines the analysis saw. `bytes`
 * replaces the disk (a staged version); an unreadable file is empty.
 */
export function readSourceText(file: string, bytes?: Buffer): string {
  try {
    return decodeSourceText(bytes ?? readFileSync(file));
  } catch {
    return '';
  }
}

function decodeSourceText(bytes: Buffer): string {
  return decodeUtf16WithBom(bytes) ?? new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

const tooLarge = () => note('skipped: larger than 1 MB (generated or bundled code?); add it to ignore in privlint.config to silence this note');

/** Minified bundles: a few enormous lines. Hand-written code rarely has a line over 1,000 characters. */
function looksMinified(text: string): boolean {
  if (text.length < 5000) return false;
  const lines = text.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 5000 || text.length / lines.length > 500;
}
