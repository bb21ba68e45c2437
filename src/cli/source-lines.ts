import path from 'node:path';
import { readSourceText } from '../project/read-source.js';
import type { SourceOverlay } from '../project/source-overlay.js';

/** A file's lines for code frames and snippets: the version that was analysed (the staged one with --staged). */
export function readLines(root: string, file: string, overlay?: SourceOverlay): string[] {
  const absolute = path.join(root, file);
  const text = readSourceText(absolute, overlay?.bytes(absolute));
  return text === '' ? [] : text.split('\n');
}
