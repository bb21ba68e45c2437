// Time privlint's per-file analysis alone, in-process, over a project's files: parse and detect
// separately, best of several rounds (the JIT warm). For work on detection's speed:
//   node bench/detect-only.mjs <folder> [rounds]
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { analyzeSource } from '../dist/src/detect/analyze-file.js';
import { loadCatalog } from '../dist/src/catalog/load.js';
import { CatalogIndex } from '../dist/src/catalog/match.js';

const folder = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const files = fg.sync('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] }).sort();
const texts = files.map((file) => readFileSync(file, 'utf8'));
const options = { catalog: new CatalogIndex(loadCatalog([])), isProjectModule: () => true };
for (let round = 0; round < rounds; round++) {
  const timing = { parse: 0, detect: 0 };
  files.forEach((file, index) => analyzeSource(file, /** @type {string} */ (texts[index]), options, timing));
  console.log(JSON.stringify({ round, files: files.length, parseMs: Math.round(timing.parse), detectMs: Math.round(timing.detect) }));
}
