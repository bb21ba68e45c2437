#!/usr/bin/env node
/**
 * Extract the corpus repositories' trees from their git snapshots, file by file.
 *
 *   node bench/realworld/extract.mjs [--mirror DIR] [--out DIR] [--repo owner/name]
 *
 * A snapshot lacks the blobs of files of 4 MiB and more, and `git archive` stops at the first
 * absent blob, so the tree is listed with `git ls-tree -r` and each blob read with one
 * `git cat-file --batch`, skipping the absent ones. Only the pinned commit of corpus.json is read.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** @type {{ repo: string, commit: string }[]} */
export const corpus = JSON.parse(readFileSync(path.join(here, 'corpus.json'), 'utf8')).repos;

/** Where fetch puts a snapshot: /work/.mirror/<owner>+<name>/repo, or beside the checkout. */
export function defaultMirror() {
  const candidates = /** @type {string[]} */ ([process.env.PRIVLINT_MIRROR, path.resolve(here, '../../../.mirror'), '/work/.mirror'].filter(Boolean));
  return /** @type {string} */ (candidates.find((candidate) => existsSync(candidate)) ?? candidates.at(-1));
}

/**
 * @param {string} mirror
 * @param {string} repo
 */
export function snapshotDir(mirror, repo) {
  return path.join(mirror, repo.replace('/', '+'), 'repo');
}

/**
 * @param {string} gitDir
 * @param {string} commit
 */
export function hasCommit(gitDir, commit) {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Write the tree of `commit` into `out`; returns { files, skipped } (skipped: blobs absent from the snapshot).
 * @param {string} gitDir
 * @param {string} commit
 * @param {string} out
 */
export async function extractTree(gitDir, commit, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28 }).toString('utf8');
  /** @type {{ mode: string | undefined, sha: string | undefined, file: string }[]} */
  const entries = [];
  for (const record of listing.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    if (type !== 'blob') continue; // submodules
    entries.push({ mode, sha, file });
  }
  const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = Buffer.alloc(0);
  let written = 0;
  /** @type {string[]} */
  let skipped = [];
  let index = 0;
  const done = /** @type {Promise<void>} */ (new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const newline = buffer.indexOf(10);
        if (newline < 0) return;
        const header = buffer.subarray(0, newline).toString('utf8');
        const entry = /** @type {(typeof entries)[number]} */ (entries[index]);
        if (header.endsWith(' missing')) {
          skipped.push(entry.file);
          buffer = buffer.subarray(newline + 1);
          index++;
          continue;
        }
        const size = Number(header.split(' ')[2]);
        if (buffer.length < newline + 1 + size + 1) return;
        const content = buffer.subarray(newline + 1, newline + 1 + size);
        buffer = buffer.subarray(newline + 1 + size + 1);
        index++;
        const target = path.join(out, entry.file);
        mkdirSync(path.dirname(target), { recursive: true });
        if (entry.mode === '120000') {
          try { symlinkSync(content.toString('utf8'), target); } catch { /* a link that cannot be made is skipped */ }
        } else {
          writeFileSync(target, content);
        }
        written++;
      }
    });
    child.on('close', () => resolve());
  }));
  child.stdin.end(entries.map((entry) => entry.sha).join('\n') + '\n');
  await done;
  return { files: written, skipped };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  /**
   * @param {string} name
   * @param {string} [fallback]
   */
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const mirror = /** @type {string} */ (option('--mirror', defaultMirror()));
  const out = /** @type {string} */ (option('--out', path.join(process.env.TMPDIR ?? '/tmp', 'privlint-corpus')));
  const only = option('--repo');
  for (const { repo, commit } of corpus) {
    if (only && only !== repo) continue;
    const gitDir = snapshotDir(mirror, repo);
    if (!existsSync(gitDir) || !hasCommit(gitDir, commit)) {
      console.error(`${repo}: no snapshot at ${gitDir} with commit ${commit}; skipped`);
      continue;
    }
    const target = path.join(out, repo.replace('/', '+'));
    const { files, skipped } = await extractTree(gitDir, commit, target);
    console.log(`${repo}: ${files} files → ${target}${skipped.length ? ` (${skipped.length} absent from the snapshot: ${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ' …' : ''})` : ''}`);
  }
}
