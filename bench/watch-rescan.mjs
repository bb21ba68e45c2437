// How long `privlint scan --watch` takes to re-scan after a one-file edit: from the edit until the
// report is written again (what the user waits for, the watcher's settling delay included), and the
// re-scan alone as privlint reports it. Run by bench/run.mjs; on its own:
//   node bench/watch-rescan.mjs --folder <project> [--runs 5] [--file src/shared/pass-through.ts]
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { folder: { type: 'string' }, runs: { type: 'string', default: '5' }, file: { type: 'string', default: 'src/shared/pass-through.ts' } } });
if (!values.folder) {
  console.error('usage: node bench/watch-rescan.mjs --folder <project> [--runs 5] [--file PATH]');
  process.exit(2);
}
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/src/cli/bin.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'privlint-watch-'));
const child = spawn(process.execPath, [BIN, 'scan', '.', '--watch', '--format', 'json', '--output', path.join(scratch, 'report.json'), '--fail-on', 'never'], { cwd: values.folder, env: { ...process.env, NO_COLOR: '1' } });

let stderr = '';
/** @type {{ check(): void, fail(error: Error): void } | undefined} */
let waiting;
child.stderr.setEncoding('utf8').on('data', (chunk) => {
  stderr += chunk;
  waiting?.check();
});
child.on('exit', (code) => waiting?.fail(new Error(`privlint scan --watch exited with ${code}:\n${stderr}`)));
/**
 * Resolves with the match once stderr, after `from`, matches `pattern`.
 * @param {RegExp} pattern
 * @returns {Promise<RegExpExecArray>}
 */
const next = (pattern, from = stderr.length) =>
  new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no ${pattern} within 120 s:\n${stderr}`)), 120_000);
    waiting = {
      check() {
        const match = pattern.exec(stderr.slice(from));
        if (match) {
          clearTimeout(timeout);
          waiting = undefined;
          resolve(match);
        }
      },
      fail: reject,
    };
    waiting.check();
  });
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  await next(/watching .* for changes/, 0);
  const samples = [];
  for (let round = 0; round < Number(values.runs); round++) {
    await sleep(500); // let the previous run's writes settle
    const from = stderr.length;
    const started = performance.now();
    appendFileSync(path.join(values.folder, values.file), `\nexport const watched${round} = ${round};\n`);
    const match = await next(/re-scanned after a change to .* in (\d+) ms/, from);
    samples.push({ wall: (performance.now() - started) / 1000, rescan: Number(match[1]) / 1000 });
  }
  console.log(JSON.stringify({ samples }));
} finally {
  child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}
