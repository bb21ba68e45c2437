#!/usr/bin/env node
/**
 * Check a labels file: every line a valid label (LABELLING.md), its file present in the extracted
 * tree, and its `api` text found on its line or within two lines of it.
 *
 *   node bench/realworld/check-labels.mjs LABELS.jsonl [--trees DIR]
 *
 * Exit 0 when every label is well-formed and found, 1 otherwise (each problem printed as file:line).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABEL_CATEGORIES, SDK_KINDS } from './categories.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** @type {{ repo: string, commit: string }[]} */
const corpus = JSON.parse(readFileSync(path.join(here, 'corpus.json'), 'utf8')).repos;
const KEYS = ['repo', 'commit', 'file', 'line', 'kind', 'category', 'api', 'sdk', 'note'];

/**
 * Problems of one parsed label (without looking at the tree).
 * @param {Record<string, any>} label
 */
export function labelProblems(label) {
  /** @type {string[]} */
  const problems = [];
  const keys = Object.keys(label);
  if (keys.join() !== KEYS.join()) problems.push(`keys must be, in order: ${KEYS.join(', ')} (got ${keys.join(', ')})`);
  const pinned = corpus.find((entry) => entry.repo === label.repo);
  if (!pinned) problems.push(`repo ${label.repo} is not in corpus.json`);
  else if (label.commit !== pinned.commit) problems.push(`commit must be ${pinned.commit}`);
  if (typeof label.file !== 'string' || label.file.startsWith('/') || label.file.includes('\\')) problems.push('file must be a POSIX path from the repository root');
  if (!Number.isInteger(label.line) || label.line < 1) problems.push('line must be a positive integer');
  if (!['collection', 'sdk', 'negative'].includes(label.kind)) problems.push('kind must be collection, sdk or negative');
  if (label.kind === 'sdk') {
    if (!SDK_KINDS.has(label.category)) problems.push(`an sdk label's category is an SDK kind: ${[...SDK_KINDS].join(', ')}`);
    if (typeof label.sdk !== 'string' || !/^(@[a-z0-9._~-]+\/)?[a-z0-9._~-]+$/i.test(label.sdk)) problems.push('sdk must be an npm package name without a subpath');
  } else {
    if (!LABEL_CATEGORIES.has(label.category)) problems.push(`unknown category ${label.category}`);
    if (label.sdk !== null) problems.push('sdk must be null for collection and negative labels');
  }
  if (typeof label.api !== 'string' || label.api.trim() === '') problems.push('api must name the API');
  if (typeof label.note !== 'string' || label.note.length > 240) problems.push('note must be a short string (≤ 240 characters)');
  return problems;
}

/**
 * The words of an api text that must appear near the line: `DeviceInfo.getUniqueId` → getUniqueId; `import` → the package.
 * @param {import('./score.mjs').Label} label
 * @returns {string[]}
 */
function expectedText(label) {
  if (label.kind === 'sdk' && label.api === 'import') return [/** @type {string} */ (/** @type {string} */ (label.sdk).split('/').pop())];
  const last = label.api.split(/[.#()[\]'"\s]+/).filter(Boolean).at(-1);
  return last ? [last] : [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  const treesAt = args.indexOf('--trees');
  const trees = treesAt >= 0 ? /** @type {string} */ (args[treesAt + 1]) : path.join(process.env.TMPDIR ?? '/tmp', 'privlint-corpus');
  if (!file) {
    console.error('usage: check-labels.mjs LABELS.jsonl [--trees DIR]');
    process.exit(2);
  }
  let bad = 0;
  const seen = new Set();
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let label;
    try {
      label = JSON.parse(text);
    } catch (/** @type {any} */ error) {
      console.log(`${where}: not JSON (${error.message})`);
      bad++;
      return;
    }
    const problems = labelProblems(label);
    const identity = `${label.repo}\0${label.file}\0${label.line}\0${label.kind}\0${label.category}\0${label.sdk}`;
    if (seen.has(identity)) problems.push('duplicate of an earlier label');
    seen.add(identity);
    const source = path.join(trees, String(label.repo).replace('/', '+'), String(label.file));
    if (!existsSync(source)) problems.push(`no file ${label.file} in ${path.join(trees, String(label.repo).replace('/', '+'))}`);
    else if (problems.length === 0) {
      const fileLines = readFileSync(source, 'utf8').split('\n');
      if (label.line > fileLines.length) problems.push(`line ${label.line} is past the end (${fileLines.length} lines)`);
      const near = fileLines.slice(Math.max(0, label.line - 3), label.line + 2).join('\n').toLowerCase();
      for (const word of expectedText(label)) if (!near.includes(word.toLowerCase())) problems.push(`"${word}" is not within two lines of line ${label.line}`);
    }
    if (problems.length > 0) {
      bad++;
      for (const problem of problems) console.log(`${where}: ${problem}`);
    }
  });
  console.log(bad === 0 ? `${file}: every label is well-formed and found` : `${file}: ${bad} label(s) with problems`);
  process.exit(bad === 0 ? 0 : 1);
}
