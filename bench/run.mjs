// privlint's benchmark: what a scan costs next to what users already pay, as ratios in one run.
//
//   npm run bench                      sizes 200, 2,000 and 20,000 files, 5 runs each
//   npm run bench -- --sizes 200,2000 --runs 3 [--out FILE] [--keep]
//
// For each size it generates a project (bench/generate.mjs) in the temporary folder and measures,
// each as a separate process, in rounds: privlint's cold full scan, the same with the other thread count,
// `tsc --noEmit`, the parse-only floor (bench/parse-only.mjs), and a warm re-scan after a one-file
// edit (--cache). Each round runs them next to each other, and every ratio is the median of the
// per-round ratios, so load that shifts during the run affects both sides of a ratio alike. Then
// the re-scan of `privlint scan --watch` after a one-file edit (bench/watch-rescan.mjs: from the
// edit until the report is written again), and, up to 2,000 files, `privlint scan --staged` with one changed file (in a git repository, cache
// warm) and ESLint with and without the plugin (bench/eslint-overhead.mjs). Wall time, CPU time
// (user + system) and peak RSS come from /usr/bin/time. The targets of issue 7 are checked at the
// end; the exit code is 0 when every measured target passes, 1 when one fails, 2 when a command
// failed (a failed command is never timed as if it had worked).
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate.mjs';
import { canMeasureCpu, CommandFailed, measure, median, pairedRatio, summarise } from './lib/measure.mjs';
import { checkTargets, formatTargets } from './lib/targets.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
// At 20,000 files tsc needs more than Node's default heap (it stops at about 4 GB), as a user's
// build would: give it up to 8 GB, or three quarters of the machine's memory.
const TSC_HEAP_MB = Math.min(8192, Math.floor((totalmem() / 2 ** 20) * 0.75));
const tscArgs = [`--max-old-space-size=${TSC_HEAP_MB}`, TSC, '--noEmit', '-p', '.'];
const node = process.execPath;
// privlint's default for a project of that many files (src/engine/worker-pool.ts), and the other
// choice the benchmark compares it with.
const defaultWorkers = (/** @type {number} */ files) => Math.max(1, Math.min(files >= 5000 ? availableParallelism() : availableParallelism() - 1, 4));
const otherWorkers = (/** @type {number} */ files) => (defaultWorkers(files) === 1 ? 2 : 1);

const args = process.argv.slice(2);
const USAGE = `usage: npm run bench -- [--sizes 200,2000,20000] [--runs 5] [--out FILE] [--keep] [--eslint-max N] [--staged-max N]
(see bench/README.md)`;
const VALUE_OPTIONS = ['--sizes', '--runs', '--out', '--eslint-max', '--staged-max'];
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
for (let index = 0; index < args.length; index++) {
  if (VALUE_OPTIONS.includes(/** @type {string} */ (args[index]))) index++;
  else if (args[index] !== '--keep') {
    console.error(`bench: unknown argument ${args[index]}\n${USAGE}`);
    process.exit(2);
  }
}
/**
 * @param {string} name
 * @param {string} fallback
 */
const option = (name, fallback) => (args.includes(`--${name}`) ? /** @type {string} */ (args[args.indexOf(`--${name}`) + 1]) : fallback);
const sizes = option('sizes', '200,2000,20000').split(',').map(Number);
const runs = Number(option('runs', '5'));
const eslintMax = Number(option('eslint-max', '2000'));
const stagedMax = Number(option('staged-max', '2000'));
const out = path.resolve(option('out', path.join(HERE, 'results.json')));
const keep = args.includes('--keep');

if (!existsSync(BIN)) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does it for you)');
  process.exit(2);
}

const started = new Date();
const startLoad = /** @type {number} */ (loadavg()[0]);
console.log(`privlint benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${startLoad.toFixed(2)}`);
console.log(`sizes ${sizes.join(', ')}; ${runs} rounds each; ratios are medians of per-round ratios${canMeasureCpu ? '' : '; /usr/bin/time is missing, so CPU time and memory are not measured'}`);
if (startLoad > 1.5) console.log('note: the machine is busy (load average above 1.5); these figures are not fit for bench/README.md');

/** @type {import('./lib/targets.mjs').Row[]} */
const rows = [];
let commandFailed = false;
for (const size of sizes) {
  const row = benchSize(size);
  rows.push(row);
  printRow(row);
}
const checked = checkTargets(rows);
console.log(`\n${formatTargets(checked)}`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: started.toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, load: { start: startLoad, end: loadavg()[0] }, runs, rows, targets: checked }, null, 2)}\n`);
const failures = rows.flatMap((row) => row.errors.map((error) => `  ${row.size.toLocaleString('en')} files: ${error.message.split('\n')[0]}`));
if (failures.length > 0) console.log(`\ncommands that failed (their figures are missing, not wrong):\n${failures.join('\n')}`);
const shown = path.relative(process.cwd(), out);
console.log(`\nresults: ${shown.startsWith('..') ? out : shown}`);
process.exitCode = commandFailed ? 2 : checked.some((target) => target.verdict === 'FAIL') ? 1 : 0;

/**
 * @param {number} size
 * @returns {import('./lib/targets.mjs').Row}
 */
function benchSize(size) {
  const folder = mkdtempSync(path.join(tmpdir(), `privlint-bench-${size}-`));
  const generated = generateProject(folder, size);
  /** @type {import('./lib/targets.mjs').Row} */
  const row = { size, files: generated.files, lines: generated.lines, errors: [] };
  const report = path.join(tmpdir(), `privlint-bench-report-${process.pid}.json`);
  const scanArgs = (/** @type {string[]} */ extra) => [BIN, 'scan', '.', '--format', 'json', '--output', report, '--quiet', ...extra];
  const scan = (/** @type {string} */ label, /** @type {string[]} */ extra) => measure(label, node, scanArgs(extra), { cwd: folder, ok: [0, 1] });
  /**
   * @param {string} target
   * @param {() => void} work
   */
  const attempt = (target, work) => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof CommandFailed)) throw error;
      commandFailed = true;
      row.errors.push({ target, message: error.message });
      console.error(`\nERROR (${size} files): ${error.message}\n`);
      return undefined;
    }
  };

  attempt('scan-vs-tsc', () => {
    // Warm the file-system cache and check the project type-checks (tsc exits 2 on errors).
    scan('privlint scan (warm-up)', ['--no-cache']);
    measure('tsc --noEmit (warm-up)', node, tscArgs, { cwd: folder });
    const edited = path.join(folder, 'src/shared/pass-through.ts');
    scan('privlint scan --cache (filling the cache)', ['--cache']);
    /** @typedef {'scan' | 'other' | 'tsc' | 'parse' | 'warm'} Step */
    /** @type {Record<Step, import('./lib/measure.mjs').Sample[]>} */
    const samples = { scan: [], other: [], tsc: [], parse: [], warm: [] };
    /** @type {[Step, () => import('./lib/measure.mjs').Sample][]} */
    const steps = [
      ['scan', () => scan('privlint scan', ['--no-cache'])],
      ['other', () => scan(`privlint scan --workers ${otherWorkers(row.files)}`, ['--no-cache', '--workers', String(otherWorkers(row.files))])],
      ['tsc', () => measure('tsc --noEmit', node, tscArgs, { cwd: folder })],
      ['parse', () => measure('parse-only', node, [path.join(HERE, 'parse-only.mjs'), folder], { cwd: folder })],
      [
        'warm',
        () => {
          appendFileSync(edited, `\nexport const edit${samples.warm.length} = ${samples.warm.length};\n`);
          return scan('privlint scan --cache after an edit', ['--cache']);
        },
      ],
    ];
    for (let round = 0; round < runs; round++) {
      // Rotate the order so no command always runs first (or right after another's cleanup).
      for (let index = 0; index < steps.length; index++) {
        const [key, work] = /** @type {(typeof steps)[number]} */ (steps[(index + round) % steps.length]);
        samples[key].push(work());
      }
    }
    for (const key of /** @type {Step[]} */ (Object.keys(samples))) row[key] = summarise(samples[key]);
    row.ratios = {
      scanVsTsc: pairedRatio(samples.scan, samples.tsc).ratio,
      scanVsParse: pairedRatio(samples.scan, samples.parse).ratio,
      warmVsCold: pairedRatio(samples.warm, samples.scan).ratio,
      defaultVsOtherWorkers: pairedRatio(samples.scan, samples.other).ratio,
    };
  });

  attempt('watch-vs-cold', () => {
    const run = spawnSync(node, [path.join(HERE, 'watch-rescan.mjs'), '--folder', folder, '--runs', String(runs)], { encoding: 'utf8' });
    if (run.status !== 0) throw new CommandFailed(`bench/watch-rescan.mjs exited with ${run.status}:\n${run.stderr || run.stdout}`);
    /** @type {{ samples: { wall: number, rescan: number }[] }} */
    const { samples } = JSON.parse(/** @type {string} */ (run.stdout.trim().split('\n').at(-1)));
    row.watch = { runs: samples.length, wall: median(samples.map((sample) => sample.wall)), rescan: median(samples.map((sample) => sample.rescan)) };
    // Not paired by round: the watching process must not see the other steps' edits.
    if (row.ratios && row.scan) row.ratios.watchVsCold = row.watch.wall / row.scan.wall;
  });

  attempt('workers-identical', () => {
    const output = (/** @type {number} */ workers) => {
      scan(`privlint scan --workers ${workers}`, ['--no-cache', '--workers', String(workers)]);
      return readFileSync(report, 'utf8');
    };
    row.workers = { identical: output(1) === output(4) };
  });

  if (size <= stagedMax) {
    attempt('staged', () => {
      const git = (/** @type {string[]} */ ...gitArgs) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...gitArgs], { cwd: folder, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'initial');
      scan('privlint scan --cache (filling the cache)', ['--cache']);
      const edited = path.join(folder, 'src/privacy/consent.ts');
      /** @type {import('./lib/measure.mjs').Sample[]} */
      const samples = [];
      for (let round = 0; round < runs; round++) {
        appendFileSync(edited, `\nexport const staged${round} = ${round};\n`);
        git('add', edited);
        samples.push(measure('privlint scan --staged', node, [BIN, 'scan', '--staged', '--format', 'json', '--output', report, '--quiet'], { cwd: folder, ok: [0, 1] }));
      }
      row.staged = summarise(samples);
    });
  }

  if (size <= eslintMax) {
    attempt('eslint', () => {
      const run = spawnSync(node, [path.join(HERE, 'eslint-overhead.mjs'), '--folder', folder, '--runs', String(runs), '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (run.status !== 0) throw new CommandFailed(`bench/eslint-overhead.mjs exited with ${run.status}:\n${run.stderr || run.stdout}`);
      row.eslint = JSON.parse(/** @type {string} */ (run.stdout.trim().split('\n').at(-1)));
    });
  }

  rmSync(report, { force: true });
  if (keep) console.log(`kept the ${size}-file project in ${folder}`);
  else rmSync(folder, { recursive: true, force: true });
  return row;
}

/** @param {import('./lib/targets.mjs').Row} row */
function printRow(row) {
  const f = (/** @type {number} */ value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
  const ratio = (/** @type {number | undefined} */ value) => (Number.isFinite(value) ? `${/** @type {number} */ (value).toFixed(2)}×` : '—');
  console.log(`\n${row.files.toLocaleString('en')} files, ${row.lines.toLocaleString('en')} lines`);
  console.log(`  ${'what'.padEnd(38)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)} ${'peak MB'.padStart(8)}`);
  for (const [label, key] of /** @type {[string, 'scan' | 'other' | 'tsc' | 'parse' | 'warm' | 'staged'][]} */ ([
    [`privlint scan (cold, default: ${defaultWorkers(row.files)})`, 'scan'],
    [`privlint scan (cold, ${otherWorkers(row.files)} worker${otherWorkers(row.files) === 1 ? '' : 's'})`, 'other'],
    ['tsc --noEmit', 'tsc'],
    ['parse-only floor', 'parse'],
    ['re-scan after a 1-file edit (--cache)', 'warm'],
    ['scan --staged, 1 changed file', 'staged'],
  ])) {
    const value = row[key];
    if (value) console.log(`  ${label.padEnd(38)} ${f(value.wall).padStart(7)} ${f(value.cpu).padStart(7)} ${f(value.rss, 0).padStart(8)}`);
  }
  if (row.watch) console.log(`  ${'re-scan after a 1-file edit (--watch)'.padEnd(38)} ${f(row.watch.wall).padStart(7)}   (the re-scan itself: ${f(row.watch.rescan)} s)`);
  if (row.eslint) {
    console.log(`  ${'eslint (plain)'.padEnd(38)} ${f(row.eslint.plain.process).padStart(7)}`);
    console.log(`  ${'eslint + privlint plugin'.padEnd(38)} ${f(row.eslint.privlint.process).padStart(7)}`);
  }
  if (row.ratios) {
    console.log(`  ratios: scan/tsc ${ratio(row.ratios.scanVsTsc)}, scan/parse-only ${ratio(row.ratios.scanVsParse)}, warm/cold ${ratio(row.ratios.warmVsCold)}, --watch/cold ${ratio(row.ratios.watchVsCold)}, default/${otherWorkers(row.files)} workers ${ratio(row.ratios.defaultVsOtherWorkers)}${row.eslint ? `, eslint with/without plugin ${ratio(row.eslint.ratio)}` : ''}`);
  }
  if (row.workers) console.log(`  output with 1 and 4 workers: ${row.workers.identical ? 'identical' : 'DIFFERENT'}`);
}
