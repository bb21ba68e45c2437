// The practical floor for any AST-based scanner: read every source file, parse it with the same
// TypeScript parser privlint uses (createSourceFile) and walk every node. Prints milliseconds.
//   node bench/parse-only.mjs <folder>
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { ts } from 'ts-morph';

const folder = process.argv[2];
const started = performance.now();
const files = fg.sync('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] });
let nodes = 0;
const walk = (node) => {
  nodes++;
  ts.forEachChild(node, walk);
};
for (const file of files) {
  const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  walk(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind));
}
console.log(JSON.stringify({ files: files.length, nodes, ms: Math.round(performance.now() - started) }));
