// A re-scan after a one-file edit in a new process while `privlint serve` runs, paired round by round
// with a scan from scratch (--no-cache) of the same project: the figure for bench/README.md.
//
//   node bench/serve-rescan.mjs [--files 2000] [--runs 5] [--folder DIR]     (after npm run build)
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'dist', 'src', 'cli', 'bin.js');
/**
 * @param {string} name
 * @param {string} [fallback]
 */
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '5'));
let folder = option('--folder');
if (!folder) {
  folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'privlint-bench-serve-')), 'app');
  execFileSync(process.execPath, [path.join(here, 'generate.mjs'), /** @type {string} */ (option('--files', '2000')), folder], { stdio: 'ignore' });
}
const edited = path.join(folder, 'src/shared/pass-through.ts');
if (!existsSync(edited)) throw new Error(`${edited} is missing: --folder takes a project made by bench/generate.mjs`);

const scan = (/** @type {string[]} */ args, /** @type {Record<string, string>} */ env = {}) => {
  const started = performance.now();
  execFileSync(process.execPath, [bin, 'scan', '.', '--format', 'json', '--output', path.join(os.tmpdir(), 'privlint-serve-bench.json'), '--fail-on', 'never', '--quiet', ...args], {
    cwd: folder,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  return (performance.now() - started) / 1000;
};

const server = spawn(process.execPath, [bin, 'serve'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
server.stderr.on('data', (chunk) => (log += chunk));
while (!log.includes('ready')) {
  if (server.exitCode !== null) throw new Error(`privlint serve stopped:\n${log}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
scan([]); // the first answer warms the server's code up
const rows = [];
for (let round = 0; round < runs; round++) {
  const cold = scan(['--no-cache']);
  appendFileSync(edited, `\nexport const served${round} = ${round};\n`);
  const served = scan([]);
  rows.push({ cold, served, ratio: served / cold });
}
server.kill('SIGINT');
const median = (/** @type {number[]} */ values) => /** @type {number} */ ([...values].sort((a, b) => a - b)[values.length >> 1]);
console.log(`${folder}: ${runs} rounds`);
console.log(`  scan from scratch (--no-cache)               ${median(rows.map((row) => row.cold)).toFixed(2)} s`);
console.log(`  re-scan after a 1-file edit, privlint serve  ${median(rows.map((row) => row.served)).toFixed(2)} s`);
console.log(`  served / cold: ${median(rows.map((row) => row.ratio)).toFixed(3)}× (median of per-round ratios; target ≤ 0.15×)`);
