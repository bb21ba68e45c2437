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

/**
 * The same skip rules for text already decoded (what ESLint hands a rule): over 1 MB, binary,
 * minified. The note `privlint scan` gives the file, or undefined when it is analysed.
 */
export function skippedText(text: string): FileDiagnostic | undefined {
  // Counting bytes only when they can be too many: a UTF-16 unit is at most three UTF-8 bytes.
  if (text.length > MAX_SOURCE_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_SOURCE_BYTES) return tooLarge();
  if (text.slice(0, 8000).includes('\0')) return binary();
  const minified = minification(text);
  return minified ? note(minified) : undefined;
}

/** The same checks as readSource for content that does not come from disk (a staged version). */
export function sourceFromBytes(bytes: Buffer): SourceText {
  if (bytes.length > MAX_SOURCE_BYTES) return { skipped: tooLarge() };
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 !== undefined) {
    const minified = minification(utf16);
    if (minified) return { skipped: note(minified) };
    return { text: utf16, diagnostics: [note('UTF-16 file: analysed, but most tools expect UTF-8; consider saving it as UTF-8')] };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: binary() };
  let text: string;
  const diagnostics: FileDiagnostic[] = [];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    diagnostics.push(note('not valid UTF-8: analysed with replacement characters; save the file as UTF-8', 'warning'));
  }
  const minified = minification(text);
  if (minified) return { skipped: note(minified) };
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

const binary = () => note('skipped: binary content, not source code');
const tooLarge = () => note('skipped: larger than 1 MB (generated or bundled code?); add it to ignore in privlint.config to silence this note');

/**
 * Why a file looks minified, judged on the whole file, or undefined: long lines on average and
 * almost no whitespace. One long line in a hand-written file (a list of font names, an SVG path)
 * does not make it minified; a bundle squeezed onto a few lines does. Long string literals (an SVG
 * path's `d="M12.3,4.5L…"`, an inlined image) are data, not code: they are judged without them, so a
 * component drawing an icon is analysed while a bundle, mostly code, is still skipped.
 */
export function minification(whole: string): string | undefined {
  if (whole.length < MINIFIED_MIN_LENGTH) return undefined;
  const text = whole.replace(LONG_STRING, '""');
  let lines = 1;
  let whitespace = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) lines++;
    if (code === 32 || code === 9 || code === 10 || code === 13) whitespace++;
  }
  const average = text.length / lines;
  const ratio = whitespace / text.length;
  if (average <= MINIFIED_AVERAGE_LINE || ratio >= MINIFIED_WHITESPACE) return undefined;
  return `skipped: looks minified (${Math.round(average)} characters a line on average, ${(ratio * 100).toFixed(1)}% whitespace); scan the sources it was built from, or add it to ignore in privlint.config to silence this note`;
}

const MINIFIED_MIN_LENGTH = 5000;
/** A quoted string of 200 characters or more on one line, without escapes (a path, base64 data). */
const LONG_STRING = /"[^"\\\n]{200,}"|'[^'\\\n]{200,}'/g;
/** Hand-written code averages well under 100 characters a line; minified bundles thousands. */
const MINIFIED_AVERAGE_LINE = 300;
/** Hand-written code is 15–30% whitespace (indentation, spaces, line breaks); minified code a few percent. */
const MINIFIED_WHITESPACE = 0.1;
