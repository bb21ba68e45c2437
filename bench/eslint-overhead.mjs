// What privlint's ESLint plugin adds to a plain ESLint run, as a ratio measured in one run.
//
//   npm run build && node bench/eslint-overhead.mjs [--files 2000] [--runs 5] [--folder DIR] [--keep] [--cpu-prof] [--json]
//
// Generates a synthetic React Native / TypeScript project (bench/generate.mjs) — or takes the one in
// --folder as it is — then lints it with
// the ESLint class, @typescript-eslint/parser without type information and a few core rules
// ("plain"), and the same plus privlint.configs.recommended ("privlint"). Every run is a fresh Node
// process, as `npx eslint .` is, so privlint's one-off costs (loading the catalog and manifest,
// indexing the project) are included. Runs alternate between the two modes; the table shows medians.
//
// Figures per mode:
//   process   wall time of the whole `eslint` process (start-up, config, lint): what a user waits for
//   lint      time inside lintFiles() only
//   re-lint   a second lintFiles() in the same process: privlint's project index is warm, as in an editor
//
// Ratios are computed pair by pair (each privlint run against the plain run of the same round) and
// the median is reported. --json prints one JSON line instead of the table (bench/run.mjs reads it).
// --cpu-prof writes a V8 CPU profile of each privlint run to bench/profiles/ (open in Chrome DevTools).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProject } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const PLUGIN = path.join(ROOT, 'dist/rules/index.js');

/**
 * Core rules a plain project typically enables; they give ESLint's own traversal realistic work.
 * @type {import('eslint').Linter.RulesRecord}
 */
const CORE_RULES = {
  eqeqeq: ['error', 'smart'],
  'prefer-const': 'error',
  'no-var': 'error',
  'no-debugger': 'error',
  'no-console': 'warn',
  curly: ['error', 'multi-line'],
  'no-unused-expressions': 'error',
  'no-unreachable': 'error',
};

/**
 * @param {string[]} args
 * @param {string} name
 * @param {string} [fallback]
 */
function option(args, name, fallback) {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
}

// ── child: one ESLint process ─────────────────────────────────────────────

/**
 * @param {string | undefined} mode
 * @param {string | undefined} folder
 */
async function child(mode, folder) {
  const started = performance.now();
  const { ESLint } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
    { rules: CORE_RULES },
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  if (mode === 'privlint') {
    const privlint = (await import(pathToFileURL(PLUGIN).href)).default;
    config.push(privlint.configs.recommended);
  }
  const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config, cache: false });
  const lintStart = performance.now();
  const results = await eslint.lintFiles(['src']);
  const lintMs = performance.now() - lintStart;
  const relintStart = performance.now();
  await eslint.lintFiles(['src']);
  const relintMs = performance.now() - relintStart;
  /** @type {Record<string, number>} */
  const byRule = {};
  for (const result of results) {
    for (const message of result.messages) {
      const rule = message.ruleId ?? '(none)';
      byRule[rule] = (byRule[rule] ?? 0) + 1;
    }
  }
  process.stdout.write(JSON.stringify({ files: results.length, lintMs, relintMs, setupMs: lintStart - started, byRule }));
}

// ── parent: generate, alternate runs, report ──────────────────────────────

/**
 * @param {number[]} values
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ index) => /** @type {number} */ (sorted[index]);
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** @typedef {{ processMs: number, files: number, lintMs: number, relintMs: number, setupMs: number, byRule: Record<string, number> }} ChildRun */
/** @typedef {'plain' | 'privlint'} Mode */

/**
 * @param {Mode} mode
 * @param {string} folder
 * @param {string} [profileDir]
 * @returns {ChildRun}
 */
function runChild(mode, folder, profileDir) {
  const args = [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), fileURLToPath(import.meta.url), '--child', mode, '--folder', folder];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const processMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${mode} run failed (exit ${result.status}):\n${result.stderr}`);
  return { processMs, ...JSON.parse(result.stdout) };
}

/**
 * How many files privlint's cheap pre-check lets through to the full analysis (the editor's own test).
 * @param {string} folder
 * @returns {Promise<{ passed: number, total: number, top: [string, number][] }>}
 */
async function preCheckShare(folder) {
  const { preCheckReport } = await import(pathToFileURL(path.join(ROOT, 'dist/src/editor/session.js')).href);
  return preCheckReport(folder);
}

/** @param {string[]} args */
async function parent(args) {
  if (!existsSync(PLUGIN)) throw new Error(`${path.relative(process.cwd(), PLUGIN)} is missing: run npm run build first`);
  const json = args.includes('--json');
  const log = json ? () => {} : (/** @type {string} */ line) => console.log(line);
  const runs = Number(option(args, 'runs', '5'));
  const given = option(args, 'folder');
  const folder = path.resolve(given ?? mkdtempSync(path.join(tmpdir(), 'privlint-bench-')));
  const profileDir = args.includes('--cpu-prof') ? path.join(HERE, 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });

  // A --folder that already holds a project (bench/run.mjs passes its own) is linted as it is.
  const reuse = given !== undefined && existsSync(path.join(folder, 'src'));
  const generated = reuse ? undefined : generateProject(folder, Number(option(args, 'files', '2000')));
  log(generated ? `project: ${generated.files} files, ${generated.lines.toLocaleString('en')} lines in ${folder}` : `project: ${folder}`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${runs} rounds, alternating, after one warm-up each`);
  const share = await preCheckShare(folder);
  log(`privlint pre-check: ${share.passed} of ${share.total} files analysed in full (${share.top.map(([word, count]) => `"${word}" ${count}`).join(', ') || '-'})\n`);

  runChild('plain', folder);
  runChild('privlint', folder);
  /** @type {Record<Mode, ChildRun[]>} */
  const samples = { plain: [], privlint: [] };
  for (let run = 0; run < runs; run++) {
    for (const mode of /** @type {Mode[]} */ (run % 2 === 0 ? ['plain', 'privlint'] : ['privlint', 'plain'])) {
      samples[mode].push(runChild(mode, folder, mode === 'privlint' ? profileDir : undefined));
    }
  }

  // Each round's privlint run is divided by the plain run next to it; the figure is the median.
  /** @typedef {'processMs' | 'lintMs' | 'relintMs'} Key */
  const pairedRatio = (/** @type {Key} */ key) => median(samples.privlint.map((sample, index) => sample[key] / /** @type {ChildRun} */ (samples.plain[index])[key]));
  const figure = (/** @type {Mode} */ mode, /** @type {Key} */ key) => median(samples[mode].map((sample) => sample[key]));
  /** @type {[string, Key][]} */
  const rows = [
    ['process (npx eslint)', 'processMs'],
    ['lint (lintFiles)', 'lintMs'],
    ['re-lint, warm index', 'relintMs'],
  ];
  const pad = (/** @type {string} */ text, /** @type {number} */ width) => String(text).padEnd(width);
  const padLeft = (/** @type {string} */ text, /** @type {number} */ width) => String(text).padStart(width);
  log(`${pad('median of ' + runs, 24)}${padLeft('plain', 10)}${padLeft('+privlint', 12)}${padLeft('ratio', 10)}`);
  for (const [label, key] of rows) {
    log(`${pad(label, 24)}${padLeft(`${(figure('plain', key) / 1000).toFixed(2)} s`, 10)}${padLeft(`${(figure('privlint', key) / 1000).toFixed(2)} s`, 12)}${padLeft(`${pairedRatio(key).toFixed(3)}×`, 10)}`);
  }
  log(`\nratio (whole process, privlint / plain, median of paired runs): ${pairedRatio('processMs').toFixed(3)}  (target ≤ 1.15)`);
  const findings = Object.entries(/** @type {ChildRun} */ (samples.privlint[0]).byRule).filter(([rule]) => rule.startsWith('privlint/'));
  log(`privlint findings: ${findings.map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none'}`);
  if (profileDir) log(`CPU profiles of the privlint runs: ${profileDir}`);
  if (json) {
    const seconds = (/** @type {Mode} */ mode) => ({ process: figure(mode, 'processMs') / 1000, lint: figure(mode, 'lintMs') / 1000, relint: figure(mode, 'relintMs') / 1000 });
    console.log(
      JSON.stringify({
        files: /** @type {ChildRun} */ (samples.plain[0]).files,
        runs,
        plain: seconds('plain'),
        privlint: seconds('privlint'),
        ratio: pairedRatio('processMs'),
        lintRatio: pairedRatio('lintMs'),
        relintRatio: pairedRatio('relintMs'),
        preCheck: { passed: share.passed, total: share.total },
        findings: Object.fromEntries(findings),
      }),
    );
  }
  if (!args.includes('--keep') && given === undefined) rmSync(folder, { recursive: true, force: true });
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1], option(args, 'folder'));
else await parent(args);
