import { existsSync } from 'node:fs';
import path from 'node:path';
import { ts } from '../engine/ts.js';
import type { Problem } from '../util/problem.js';
import { displayPath } from '../util/paths.js';

/** What privlint takes from a tsconfig: path aliases and baseUrl, for module resolution. */
export interface PathAliases {
  /** Absolute folder that `paths` entries are relative to. */
  basePath: string;
  paths: Record<string, string[]>;
  /** Non-relative specifiers also resolve against baseUrl when it is set. */
  baseUrl?: string;
}

export interface TsconfigResult {
  file?: string;
  aliases?: PathAliases;
  problems: Problem[];
}

/** Read the tsconfig.json (or jsconfig.json) in `folder`, following `extends`. Problems never stop a scan. */
export function readTsconfig(folder: string): TsconfigResult {
  const file = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(folder, name)).find((candidate) => existsSync(candidate));
  if (!file) return { problems: [] };
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const toProblem = (diagnostic: ts.Diagnostic): Problem => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file && diagnostic.start !== undefined) {
      const position = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return { file: displayPath(diagnostic.file.fileName), line: position.line + 1, column: position.character + 1, message };
    }
    return { file: shown, line: 1, column: 1, message };
  };
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) {
    problems.push({ ...toProblem(read.error), message: `${toProblem(read.error).message}; path aliases from it are ignored` });
    return { file, problems };
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  // Missing-input errors (TS18003) only mean the include globs match nothing privlint cares about.
  for (const error of parsed.errors) if (error.code !== 18003) problems.push(toProblem(error));
  const options = parsed.options;
  const basePath = (options.pathsBasePath as string | undefined) ?? options.baseUrl ?? path.dirname(file);
  const aliases: PathAliases = { basePath, paths: options.paths ?? {}, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) };
  return { file, aliases, problems };
}
