// privlint's benchmark: what a scan costs next to what users already pay, as ratios in one run.
//
//   npm run build && node bench/run.mjs [--sizes 200,2000,20000] [--runs 3] [--eslint-max 2000]
//
// For each size it generates a project (bench/generate.mjs) and measures, as separate processes,
// medians of --runs runs: privlint's cold full scan, `tsc --noEmit`, the parse-only floor
// (bench/parse-only.mjs), a warm re-scan after a one-file edit (--cache), `scan --staged` with one
// changed file (in a git repository, cache warm), and ESLint with and without the plugin (sizes up
// to --eslint-max). Wall time, CPU time (user+sys) and peak RSS come from /usr/bin/time when present.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const sizes = option('sizes', '200,2000,20000').split(',').map(Number);
const runs = Number(option('runs', '3'));
const eslintMax = Number(option('eslint-max', '2000'));

/** Run a command once: wall seconds, CPU seconds, peak RSS in MB. */
function measure(command, commandArgs, cwd) {
  const started = performance.now();
  const run = TIME
    ? spawnSync(TIME, ['-f', '%U %S %M', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1 && run.status !== 2) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${run.stderr}`);
  const last = TIME ? run.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  return { wall, cpu: last[0] + last[1], rss: last[2] / 1024, stdout: run.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function medianOf(times, work) {
  const samples = Array.from({ length: times }, () => work());
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rss: Math.max(...samples.map((s) => s.rss)) };
}

const node = process.execPath;
const results = [];
for (const size of sizes) {
  const folder = mkdtempSync(path.join(tmpdir(), `privlint-bench-${size}-`));
  const { files, lines } = generateProject(folder, size);
  const scan = (extra = []) => measure(node, [BIN, 'scan', '.', '--format', 'json', '--output', path.join(folder, '.report.json'), '--quiet', ...extra], folder);
  const repeat = size >= 20000 ? 1 : runs;
  const row = { size, files, lines };
  row.scan = medianOf(repeat, () => scan(['--no-cache']));
  row.scan1 = medianOf(repeat, () => scan(['--no-cache', '--workers', '1']));
  row.tsc = medianOf(repeat, () => measure(node, [TSC, '--noEmit', '-p', '.'], folder));
  row.parse = medianOf(repeat, () => measure(node, [path.join(HERE, 'parse-only.mjs'), folder], folder));
  // Warm re-scan after a one-file edit: fill the cache, then edit a file before each measured run.
  scan(['--cache']);
  const edited = path.join(folder, 'src/privacy/consent.ts');
  let counter = 0;
  row.warm = medianOf(repeat, () => {
    appendFileSync(edited, `\nexport const edit${counter++} = ${counter};\n`);
    return scan(['--cache']);
  });
  // `scan --staged` with one changed file, as a pre-commit hook runs it.
  if (size <= 2000) {
    const git = (...gitArgs) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...gitArgs], { cwd: folder, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'initial');
    scan(['--cache']);
    row.staged = medianOf(repeat, () => {
      appendFileSync(edited, `\nexport const staged${counter++} = ${counter};\n`);
      git('add', edited);
      return measure(node, [BIN, 'scan', '--staged', '--quiet', '--format', 'json'], folder);
    });
  }
  if (size <= eslintMax) {
    const eslint = spawnSync(node, [path.join(HERE, 'eslint-overhead.mjs'), '--folder', folder, '--runs', String(runs), '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    try {
      row.eslint = JSON.parse(eslint.stdout.trim().split('\n').at(-1));
    } catch {
      row.eslint = { error: (eslint.stderr || eslint.stdout).slice(0, 300) };
    }
  }
  rmSync(folder, { recursive: true, force: true });
  results.push(row);
  printRow(row);
}
writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);

function printRow(row) {
  const f = (value) => (Number.isFinite(value) ? value.toFixed(2) : '—');
  const ratio = (a, b) => (a && b ? (a.wall / b.wall).toFixed(2) : '—');
  console.log(`\n${row.files} files, ${row.lines.toLocaleString('en')} lines`);
  console.log('  what                        wall s   cpu s   peak MB');
  for (const [label, key] of [
    ['privlint scan (cold)', 'scan'],
    ['privlint scan, 1 worker', 'scan1'],
    ['tsc --noEmit', 'tsc'],
    ['parse-only floor', 'parse'],
    ['re-scan after 1 edit (warm)', 'warm'],
    ['scan --staged, 1 file', 'staged'],
  ]) {
    const value = row[key];
    if (value) console.log(`  ${label.padEnd(27)} ${f(value.wall).padStart(6)}  ${f(value.cpu).padStart(6)}  ${f(value.rss).padStart(8)}`);
  }
  console.log(`  ratios: scan/tsc ${ratio(row.scan, row.tsc)}  scan/parse-only ${ratio(row.scan, row.parse)}  warm/cold ${ratio(row.warm, row.scan)}`);
  if (row.eslint) console.log(`  eslint: ${JSON.stringify(row.eslint)}`);
}
