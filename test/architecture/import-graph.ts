/**
 * The file-level import graph of privlint's own code, read with `ts.preProcessFile` (a scan of the
 * tokens: no program, no type checking). It sees every static import and re-export, `import type`
 * included — a type imported from the wrong layer is the first sign of a module living in the wrong
 * place — and every `import()` and `require()`, which load code just as surely. Only relative
 * specifiers are followed: packages are not part of the layering.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ts from 'typescript';

/** One import: `from` imports `to` (POSIX paths relative to the repository) at `line` (1-based). */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

/** The code the layering covers: the engine and its front ends under src/, and the ESLint plugin. */
export const LAYERED_CODE = ['src/**/*.ts', 'rules/**/*.ts'];

export function readImportGraph(root: string, patterns: readonly string[] = LAYERED_CODE): ImportEdge[] {
  const files = fg.sync([...patterns], { cwd: root, ignore: ['**/*.d.ts'] }).sort();
  return files.flatMap((from) =>
    relativeImports(readFileSync(path.join(root, from), 'utf8')).map(({ specifier, line }) => {
      const to = resolveRelative(root, from, specifier);
      if (to === undefined) throw new Error(`${from}:${line}: cannot resolve '${specifier}'`);
      return { from, to, line };
    }),
  );
}

/** The relative module specifiers a file's text names, each with its line. */
export function relativeImports(text: string): { specifier: string; line: number }[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.filter((imported) => imported.fileName.startsWith('.')).map((imported) => ({ specifier: imported.fileName, line: lineOf(text, imported.pos) }));
}

/** `./x.js` names the source `./x.ts` under NodeNext; anything else (`.cjs`, `.json`) names itself. */
function resolveRelative(root: string, from: string, specifier: string): string | undefined {
  const target = path.posix.join(path.posix.dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, `${target}/index.ts`];
  return candidates.find((candidate) => existsSync(path.join(root, candidate)));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) line++;
  return line;
}
