#!/usr/bin/env node
/**
 * npm run bench:realworld — score privlint, and a naive grep baseline, on the labelled real-world
 * corpus (README.md in this folder).
 *
 *   node bench/realworld/run.mjs [--trees DIR] [--mirror DIR] [--repo owner/name] [--runs N]
 *                                [--json FILE] [--misses N] [--no-timing]
 *
 * For each repository of corpus.json: extract its pinned tree from the snapshot (or reuse
 * --trees DIR/<owner+name>), run `privlint scan --format json --no-cache` on it (wall time and peak
 * memory), time the parse-only floor over the same files, and score both privlint's inventory and
 * the naive baseline against labels.jsonl.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from '../lib/measure.mjs';
import { corpus, defaultMirror, extractTree, hasCommit, snapshotDir } from './extract.mjs';
import { naiveOutput } from './naive.mjs';
import { fromPrivlintJson, score } from './score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');
const bin = path.join(projectRoot, 'dist/src/cli/bin.js');

const args = process.argv.slice(2);
/**
 * @param {string} name
 * @param {string} [fallback]
 */
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const flag = (/** @type {string} */ name) => args.includes(name);

const mirror = /** @type {string} */ (option('--mirror', defaultMirror()));
const givenTrees = option('--trees');
const onlyRepo = option('--repo');
const runs = Number(option('--runs', '1'));
const missLimit = Number(option('--misses', '400'));
const jsonOut = /** @type {string} */ (option('--json', path.join(here, 'results.json')));
const timing = !flag('--no-timing');

if (!existsSync(bin)) {
  console.error('privlint is not built: run `npm run build` (npm run bench:realworld does it for you)');
  process.exit(2);
}
const { discoverFiles } = await import(path.join(projectRoot, 'dist/src/project/discover.js'));

/** @type {import('./score.mjs').Label[]} */
const labels = readFileSync(path.join(here, 'labels.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
  .filter((label) => !onlyRepo || label.repo === onlyRepo);

const workDir = givenTrees ?? mkdtempSync(path.join(os.tmpdir(), 'privlint-corpus-'));
/** @type {Map<string, import('./score.mjs').Output>} */
const privlint = new Map();
/** @type {Map<string, import('./score.mjs').Output>} */
const naive = new Map();
const perRepo = [];
/** @type {string[]} */
const skippedRepos = [];

for (const { repo, commit } of corpus) {
  if (onlyRepo && onlyRepo !== repo) continue;
  const tree = path.join(workDir, repo.replace('/', '+'));
  if (!givenTrees || !existsSync(tree)) {
    const gitDir = snapshotDir(mirror, repo);
    if (!existsSync(gitDir) || !hasCommit(gitDir, commit)) {
      skippedRepos.push(`${repo} (no snapshot with ${commit.slice(0, 12)} under ${mirror}: bring it in with the search tool's fetch)`);
      continue;
    }
    await extractTree(gitDir, commit, tree);
  }
  const output = path.join(workDir, `${repo.replace('/', '+')}.privlint.json`);
  const scans = [];
  /** @type {(import('../lib/measure.mjs').Sample & { inProcess: number })[]} */
  const floors = [];
  for (let round = 0; round < runs; round++) {
    scans.push(measure(`privlint scan ${repo}`, process.execPath, [bin, 'scan', tree, '--format', 'json', '--output', output, '--no-cache', '--fail-on', 'never', '--quiet'], { cwd: projectRoot }));
    if (timing) {
      const floor = measure(`parse-only ${repo}`, process.execPath, [path.join(projectRoot, 'bench/parse-only.mjs'), tree], { cwd: projectRoot });
      floors.push({ ...floor, inProcess: JSON.parse(floor.stdout).ms / 1000 });
    }
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  privlint.set(repo, fromPrivlintJson(report));
  const { files } = discoverFiles({ paths: [tree], ignore: [], ignoreBase: tree, root: tree });
  naive.set(repo, naiveOutput(tree, files));
  const scanWall = median(scans.map((run) => run.wall));
  const floorWall = timing ? median(floors.map((run) => run.wall)) : NaN;
  perRepo.push({
    repo,
    files: files.length,
    labels: labels.filter((label) => label.repo === repo).length,
    scanSeconds: scanWall,
    parseOnlySeconds: floorWall,
    ratio: timing ? median(scans.map((run, index) => run.wall / (floors[index]?.wall ?? NaN))) : NaN,
    peakMB: Math.max(...scans.map((run) => run.rss)),
    notAnalysed: report.diagnostics.filter((/** @type {{ message: string }} */ diagnostic) => /cannot parse|skipped:|could not analyse/.test(diagnostic.message)).length,
  });
}

const ours = score(labels, privlint);
const theirs = score(labels, naive);
if (!givenTrees) rmSync(workDir, { recursive: true, force: true });

// ── report ────────────────────────────────────────────────────────────────

const pct = (/** @type {number} */ value) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a');
const fixed = (/** @type {number} */ value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
/**
 * @param {string[]} header
 * @param {unknown[][]} rows
 */
const table = (header, rows) => {
  const widths = header.map((cell, column) => Math.max(String(cell).length, ...rows.map((row) => String(row[column]).length)));
  const line = (/** @type {unknown[]} */ row) => `| ${row.map((cell, column) => String(cell).padEnd(/** @type {number} */ (widths[column]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
};

console.log(`\nReal-world corpus: ${labels.length} labels (${ours.collections} collections, ${ours.sdkLabels} SDK sites, ${ours.negatives} negatives) in ${perRepo.length} repositories\n`);
const categoryRows = Object.entries(ours.perCategory).map(([category, entry]) => {
  const naiveEntry = /** @type {{ labels: number, found: number }} */ (theirs.perCategory[category]);
  return [category, entry.labels, pct(entry.found / entry.labels), pct(naiveEntry.found / naiveEntry.labels)];
});
console.log(table(['category', 'labels', 'privlint', 'naive'], categoryRows));
console.log('');
const summaryRows = [
  ['collection recall, micro', pct(ours.micro), pct(theirs.micro), '≥ 92%'],
  ['collection recall, macro', pct(ours.macro), pct(theirs.macro), '≥ 92%'],
  ['SDK recall (file + package)', pct(ours.sdkRecall), pct(theirs.sdkRecall), '≥ 97%'],
  ['SDK recall at the line (±2)', pct(ours.sdkLineRecall), pct(theirs.sdkLineRecall), ''],
  ['false positives (of negatives)', pct(ours.falsePositiveRate), pct(theirs.falsePositiveRate), '≤ 3%'],
  ['lines flagged', ours.flagged, theirs.flagged, '≥ 10× fewer than naive'],
];
console.log(table(['figure', 'privlint', 'naive', 'target'], summaryRows));
if (timing) {
  console.log('');
  const repoRows = perRepo.map((entry) => [entry.repo, entry.files, entry.labels, fixed(entry.scanSeconds), fixed(entry.parseOnlySeconds), `${fixed(entry.ratio)}×`, Math.round(entry.peakMB), entry.notAnalysed]);
  console.log(table(['repository', 'files', 'labels', 'scan s', 'parse-only s', 'scan / parse', 'peak MB', 'not analysed'], repoRows));
}
if (skippedRepos.length) console.log(`\nSkipped: ${skippedRepos.join('; ')}`);

const describe = (/** @type {import('./score.mjs').Label} */ label) => `${label.repo} ${label.file}:${label.line}  ${label.kind === 'sdk' ? `sdk ${label.sdk}` : label.category}  ${label.api}${label.note ? ` — ${label.note}` : ''}`;
if (missLimit > 0 && ours.misses.length) {
  console.log(`\nMissed by privlint (${ours.misses.length}):`);
  for (const label of ours.misses.slice(0, missLimit)) console.log(`  ${describe(label)}`);
}
if (ours.falsePositives.length) {
  console.log(`\nFalse positives (${ours.falsePositives.length}):`);
  for (const label of ours.falsePositives) console.log(`  ${describe(label)}`);
}

const strip = (/** @type {ReturnType<typeof score>} */ { misses, falsePositives, ...figures }) => ({ ...figures, misses: misses.length, falsePositives: falsePositives.length });
writeFileSync(jsonOut, `${JSON.stringify({ labels: labels.length, privlint: strip(ours), naive: strip(theirs), repos: perRepo, skipped: skippedRepos }, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), jsonOut)}`);
