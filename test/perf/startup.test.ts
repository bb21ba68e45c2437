import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

/** Modules a source file imports statically for their values (type-only imports cost nothing at run time). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const imports: string[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(?!type\s)[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gms)) {
    const target = path.resolve(path.dirname(file), match[2]!);
    const candidates = [target.replace(/\.js$/, '.ts'), target];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found) imports.push(found);
  }
  return imports;
}

/** One chain of static imports from `entry` to `target`, or undefined when there is none. */
function importChain(entry: string, target: string): string[] | undefined {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === target) {
      const chain: string[] = [];
      for (let current: string | null = file; current; current = parent.get(current)!) chain.unshift(path.relative(REPO_ROOT, current));
      return chain;
    }
    for (const imported of valueImports(file)) {
      if (!parent.has(imported)) {
        parent.set(imported, file);
        queue.push(imported);
      }
    }
  }
  return undefined;
}

const source = (relative: string) => path.join(REPO_ROOT, relative);

/** Every module `entry` loads through static imports, as repository-relative paths. */
function staticClosure(entry: string): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const imported of valueImports(queue.shift()!)) {
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return [...seen].map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/')).sort();
}

describe('start-up', () => {
  // Loading the TypeScript compiler is most of what a small or fully cached scan costs; the CLI
  // loads it only when a file must be parsed (src/engine/analyze-files.ts imports it on demand).
  it('the CLI and the scan engine do not load the TypeScript parser until a file is parsed', () => {
    const parser = source('src/detect/ts.ts');
    expect(importChain(source('src/detect/analyze-file.ts'), parser)).toBeDefined(); // the walk sees real imports
    for (const entry of ['src/cli/main.ts', 'src/scan-parallel.ts', 'src/engine/evaluate.ts', 'src/shard/merge.ts']) {
      expect(importChain(source(entry), parser), `${entry} reaches the parser`).toBeUndefined();
    }
  });

  // `privlint --version`, `--help` and `<command> --help` need only the command table: each command's
  // implementation (and the engine, reporters, YAML parser behind it) is imported when it runs.
  it('the CLI entry loads no command implementation, only the command table', () => {
    const loaded = staticClosure(source('src/cli/bin.ts'));
    expect(loaded).toContain('src/cli/commands/index.ts');
    const heavy = loaded.filter((file) => !/^src\/(cli|util)\//.test(file) || (file.startsWith('src/cli/commands/') && file !== 'src/cli/commands/index.ts'));
    expect(heavy).toEqual([]);
  });
});
