/**
 * privlint's layers, bottom first: the one declaration of them. test/architecture/layers.test.ts
 * holds the code to it and docs/architecture.md shows it as a table (the test checks the table is
 * this). A file may import its own layer and the layers below; within a layer, no two units may
 * import each other, directly or through others.
 */
import type { Layer } from './check-layers.js';

export const LAYERS: readonly Layer[] = [
  { name: 'foundation', units: ['src/util', 'src/structured'], holds: 'paths, ordering, problems, timings, colours; YAML/JSON trees with positions and the schema validator' },
  { name: 'knowledge', units: ['src/taxonomy', 'src/catalog'], holds: 'categories, purposes, sources, SDKs, sinks, guards: data and its loaders' },
  { name: 'policy', units: ['src/manifest'], holds: 'the privacy manifest: schema, loader, semantic checks, the typed `Manifest`' },
  { name: 'detection', units: ['src/detect'], holds: 'one file → `FileFacts`, and the TypeScript compiler it parses with' },
  { name: 'project', units: ['src/project'], holds: 'the files to scan, tsconfig aliases, import resolution, reading a source (its problems are `FileFacts` diagnostics)' },
  { name: 'linking', units: ['src/link'], holds: 'all files’ facts → the `Inventory`' },
  { name: 'checking', units: ['src/check'], holds: 'inventory + manifest → findings: the rules, suppressions, fingerprints' },
  { name: 'settings', units: ['src/config', 'src/baseline'], holds: 'what the user says about the rules and their findings: privlint.config (rule severities), the baseline of accepted findings' },
  { name: 'result', units: ['src/result'], holds: '`ScanResult`, what every consumer of a scan reads' },
  { name: 'output', units: ['src/report', 'src/export', 'src/init', 'src/shard', 'src/fix', 'src/git'], holds: 'what is made of a result: reporters, store exports, a draft manifest, shards, fixes, git’s view of changes' },
  { name: 'engine', units: ['src/cache', 'src/engine', 'src/scan.ts', 'src/scan-parallel.ts'], holds: 'running a scan: set-up, the facts cache, workers, evaluate; `scan()` and `scanParallel()`' },
  { name: 'editor', units: ['src/editor'], holds: 'one file’s text against the indexed project, for the ESLint rules' },
  { name: 'front ends', units: ['src/cli', 'rules', 'src/index.ts'], holds: 'the command line (with `privlint serve`), the ESLint plugin, the public API' },
];
