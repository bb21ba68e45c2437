// The floor of a re-scan in a new process: how long after the process starts a worker thread, started
// at once, has loaded what privlint analyses a file with (the TypeScript parser, the analyser, the
// catalog). A re-scan after an edit cannot have the edited file's facts sooner. See bench/README.md.
//
//   node bench/parser-ready.mjs [--runs N]      (after npm run build)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const DIST = new URL('../dist/src/', import.meta.url);

if (process.argv.includes('--child')) {
  // performance.now() counts from the process's start: Node's own start-up is in both figures.
  const entered = performance.now();
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     Promise.all([import(${JSON.stringify(new URL('detect/analyze-file.js', DIST).href)}), import(${JSON.stringify(new URL('catalog/load.js', DIST).href)})])
       .then(([, { loadCatalog }]) => { loadCatalog([]); parentPort.postMessage('ready'); })
       .catch((error) => parentPort.postMessage(String(error)));`,
    { eval: true },
  );
  worker.once('message', (message) => {
    if (message !== 'ready') throw new Error(message);
    console.log(JSON.stringify({ entered, ready: performance.now() }));
    void worker.terminate();
  });
} else {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
  /** @type {{ entered: number, ready: number }[]} */
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
    samples.push(JSON.parse(out));
  }
  const ready = samples.map((sample) => sample.ready).sort((a, b) => a - b);
  const entered = samples.map((sample) => sample.entered).sort((a, b) => a - b);
  const ms = (/** @type {number | undefined} */ value) => `${Math.round(value ?? NaN)} ms`;
  console.log(`Node's start-up (until the entry script runs): ${ms(entered[0])}–${ms(entered.at(-1))}`);
  console.log(`parser ready in a worker, from the process's start: median ${ms(ready[ready.length >> 1])}, ${ms(ready[0])}–${ms(ready.at(-1))} over ${runs} runs`);
}
