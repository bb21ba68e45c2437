import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Problem } from '../util/problem.js';
import { notRegularFile } from '../util/regular-file.js';
import { parseJsonc } from './jsonc.js';

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

interface CompilerOptionsSubset {
  baseUrl?: string;
  paths?: Record<string, string[]>;
}

/**
 * Read the tsconfig.json (or jsconfig.json) in `folder`, following `extends`, for `paths` and
 * `baseUrl` only. Read as JSON with comments, so a scan need not load the TypeScript compiler.
 * Problems never stop a scan; their `file` is absolute, for the caller to show relative to its root
 * (never to the process's working folder, which a library or an editor does not choose).
 */
export function readTsconfig(folder: string): TsconfigResult {
  const file = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(folder, name)).find((candidate) => existsSync(candidate));
  if (!file) return { problems: [] };
  const problems: Problem[] = [];
  const options = readChain(file, problems, new Set());
  if (!options) return { file, problems };
  const aliases: PathAliases = {
    basePath: options.pathsBase ?? options.baseUrl ?? path.dirname(file),
    paths: options.paths ?? {},
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  };
  return { file, aliases, problems };
}

interface ResolvedOptions {
  paths?: Record<string, string[]>;
  /** The folder `paths` are relative to: baseUrl if set, else the folder of the tsconfig that declared `paths`. */
  pathsBase?: string;
  baseUrl?: string;
}

/** Options of `file` merged over those of what it extends (later wins, as TypeScript does). */
function readChain(file: string, problems: Problem[], seen: Set<string>): ResolvedOptions | undefined {
  if (seen.has(file)) {
    problems.push({ file, line: 1, column: 1, message: 'circular "extends" chain' });
    return undefined;
  }
  seen.add(file);
  let text: string;
  try {
    const kind = notRegularFile(statSync(file));
    if (kind) {
      problems.push({ file, line: 1, column: 1, message: `is ${kind}, not a regular file; not read` });
      return undefined;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file, line: 1, column: 1, message: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
  const parsed = parseJsonc(text);
  if ('error' in parsed) {
    problems.push({ file, line: parsed.line, column: parsed.column, message: `not valid JSON: ${parsed.error}` });
    return undefined;
  }
  const config = (parsed.value ?? {}) as { extends?: string | string[]; compilerOptions?: CompilerOptionsSubset };
  const folder = path.dirname(file);
  let result: ResolvedOptions = {};
  for (const parent of typeof config.extends === 'string' ? [config.extends] : (config.extends ?? [])) {
    const parentFile = resolveExtends(parent, folder);
    if (!parentFile) {
      problems.push({ file, line: 1, column: 1, message: `extends "${parent}", which cannot be found` });
      continue;
    }
    result = { ...result, ...readChain(parentFile, problems, seen) };
  }
  const own = config.compilerOptions ?? {};
  if (own.baseUrl !== undefined) result.baseUrl = path.resolve(folder, own.baseUrl);
  if (own.paths !== undefined) {
    result.paths = own.paths;
    result.pathsBase = result.baseUrl ?? folder;
  }
  return result;
}

function resolveExtends(specifier: string, folder: string): string | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const candidate = path.resolve(folder, specifier);
    return [candidate, `${candidate}.json`].find((file) => existsSync(file) && !file.endsWith('/'));
  }
  try {
    const require = createRequire(path.join(folder, 'tsconfig.json'));
    for (const candidate of [specifier, `${specifier}.json`, `${specifier}/tsconfig.json`]) {
      try {
        return require.resolve(candidate);
      } catch {
        // try the next form
      }
    }
  } catch {
    // no node_modules to look in
  }
  return undefined;
}
