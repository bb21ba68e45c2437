// The layering in docs/architecture.md, enforced: every import in src/ and rules/ (`import type`,
// re-exports, import() and require() included) points to the importer's own layer or one below,
// and no two folders of a layer import each other. The checker is proved on small made-up graphs
// first, so a clean result on the real tree means something.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, type Layer } from './check-layers.js';
import { readImportGraph, relativeImports, type ImportEdge } from './import-graph.js';
import { layerTable } from './layer-table.js';
import { LAYERS } from './layers.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const TOY: Layer[] = [
  { name: 'bottom', units: ['src/util'], holds: '' },
  { name: 'middle', units: ['src/detect', 'src/link'], holds: '' },
  { name: 'top', units: ['src/cli', 'src/index.ts'], holds: '' },
];
const edge = (from: string, to: string, line = 1): ImportEdge => ({ from, to, line });

describe('the layering check, on made-up graphs', () => {
  it('accepts imports within a unit, down the layers and one way across a layer', () => {
    const edges = [edge('src/cli/main.ts', 'src/cli/io.ts'), edge('src/index.ts', 'src/link/link.ts'), edge('src/link/link.ts', 'src/detect/facts.ts'), edge('src/detect/facts.ts', 'src/util/paths.ts')];
    expect(checkLayers(edges, TOY)).toEqual([]);
  });

  it('names the file, the line and both layers of an upward import', () => {
    expect(checkLayers([edge('src/link/link.ts', 'src/cli/io.ts', 13)], TOY)).toEqual([
      'src/link/link.ts:13 imports src/cli/io.ts: layer "middle" (src/link) may not import layer "top" (src/cli), which is above it',
    ]);
  });

  it('reports a folder cycle within a layer with an import for each step, once', () => {
    const edges = [edge('src/link/link.ts', 'src/detect/facts.ts', 3), edge('src/detect/scope.ts', 'src/link/inventory.ts', 7), edge('src/detect/flows.ts', 'src/link/link.ts', 9)];
    expect(checkLayers(edges, TOY)).toEqual([
      'folder cycle in layer "middle": src/detect → src/link → src/detect (src/detect/scope.ts:7 imports src/link/inventory.ts; src/link/link.ts:3 imports src/detect/facts.ts): keep one direction, or move what both need into a lower layer',
    ]);
  });

  it('finds a cycle through a third unit', () => {
    const layers: Layer[] = [{ name: 'one', units: ['src/a', 'src/b', 'src/c'], holds: '' }];
    const problems = checkLayers([edge('src/a/x.ts', 'src/b/x.ts'), edge('src/b/x.ts', 'src/c/x.ts'), edge('src/c/x.ts', 'src/a/x.ts')], layers);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('src/a → src/b → src/c → src/a');
  });

  it('reports a file in no layer, once', () => {
    expect(checkLayers([edge('src/extra/x.ts', 'src/util/a.ts'), edge('src/extra/x.ts', 'src/util/b.ts')], TOY)).toEqual([
      'src/extra/x.ts is in no layer: add its folder to a layer in test/architecture/layers.ts (and the table in docs/architecture.md)',
    ]);
  });

  it('places a file by the longest unit it is in', () => {
    const layers: Layer[] = [
      { name: 'low', units: ['src/cli/shared'], holds: '' },
      { name: 'high', units: ['src/cli'], holds: '' },
    ];
    expect(checkLayers([edge('src/cli/shared/x.ts', 'src/cli/main.ts', 2)], layers)).toEqual([
      'src/cli/shared/x.ts:2 imports src/cli/main.ts: layer "low" (src/cli/shared) may not import layer "high" (src/cli), which is above it',
    ]);
  });
});

describe('reading imports', () => {
  it('counts type-only imports, re-exports, import() and require(), with their lines, and skips packages', () => {
    const text = [
      "import type { A } from './a.js';",
      "import pc from 'picocolors';",
      "export { b } from '../b.js';",
      "export * from './c.js';",
      "type D = typeof import('./d.js');",
      "const e = require('./e.cjs');",
      'const load = () => import("./f.js");',
    ].join('\n');
    expect(relativeImports(text)).toEqual([
      { specifier: './a.js', line: 1 },
      { specifier: '../b.js', line: 3 },
      { specifier: './c.js', line: 4 },
      { specifier: './d.js', line: 5 },
      { specifier: './e.cjs', line: 6 },
      { specifier: './f.js', line: 7 },
    ]);
  });
});

describe("privlint's own code", () => {
  const edges = readImportGraph(REPO_ROOT);

  it('is read whole: the walk sees the engine, the plugin and a type-only import', () => {
    expect(edges).toContainEqual(expect.objectContaining({ from: 'rules/utils/file-findings.ts', to: 'src/editor/session.ts' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'src/report/text.ts', to: 'src/result/scan-result.ts' })); // `import type`
    expect(edges.length).toBeGreaterThan(500);
  });

  it('imports only within its layer or downwards, with no folder cycles inside a layer', () => {
    expect(checkLayers(edges, LAYERS)).toEqual([]);
  });

  it('has its layers shown in docs/architecture.md as they are declared', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'docs/architecture.md'), 'utf8')).toContain(layerTable(LAYERS));
  });
});
