// The practical floor for any AST-based scanner: read every source file a scan reads (privlint's own
// discovery and skip rules, so the two measure the same files), parse it with the same TypeScript
// parser privlint uses (createSourceFile) and walk every node. Prints milliseconds.
//   node bench/parse-only.mjs <folder>      (needs the build: npm run build)
import path from 'node:path';
import { ts } from 'ts-morph';
import { discoverFiles } from '../dist/src/project/discover.js';
import { readSource } from '../dist/src/project/read-source.js';

const folder = path.resolve(/** @type {string} */ (process.argv[2]));
const started = performance.now();
const { files } = discoverFiles({ paths: [folder], ignore: [], ignoreBase: folder, root: folder });
let nodes = 0;
let parsed = 0;
const walk = (/** @type {import('ts-morph').ts.Node} */ node) => {
  nodes++;
  ts.forEachChild(node, walk);
};
for (const file of files) {
  const source = readSource(file);
  if (!('text' in source)) continue;
  const kind = /\.[jt]sx$/.test(file) || /\.[cm]?js$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  walk(ts.createSourceFile(file, source.text, ts.ScriptTarget.Latest, true, kind));
  parsed++;
}
console.log(JSON.stringify({ files: parsed, nodes, ms: Math.round(performance.now() - started) }));
