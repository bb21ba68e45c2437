import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse as parseYaml } from 'yaml';
import { parseJsonc } from './jsonc.js';

/** Folders a package's build goes to: an entry point there is read back from the package's src/. */
const BUILD_FOLDERS = new Set(['dist', 'lib', 'build', 'out', 'es', 'esm', 'cjs', 'types']);
/** package.json fields naming the entry point, the source one first. */
const ENTRY_FIELDS = ['source', 'module', 'main', 'types', 'typings'];

/**
 * The packages of a monorepo (npm/yarn `workspaces`, pnpm-workspace.yaml, lerna.json, rush.json)
 * as path aliases: `@scope/core` → its entry file, `@scope/core/x` → its folder, so an import of a
 * sibling package by name is followed to its source like a relative import. An entry pointing at a
 * build folder (dist/index.js) is mapped back to src/, since builds are not in a repository.
 * `skip` leaves out names that mean something else (a catalogued SDK).
 */
export function workspacePaths(root: string, skip: (name: string) => boolean = () => false): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const folder of workspaceFolders(root)) {
    const manifest = readJson(path.join(folder, 'package.json'));
    const name = typeof manifest?.name === 'string' ? manifest.name : undefined;
    if (!name || skip(name) || paths[name]) continue;
    paths[name] = entryTargets(folder, manifest!);
    paths[`${name}/*`] = [path.join(folder, 'src', '*'), path.join(folder, '*')];
  }
  return paths;
}

function workspaceFolders(root: string): string[] {
  const patterns: string[] = [];
  const rootManifest = readJson(path.join(root, 'package.json'));
  const workspaces = rootManifest?.workspaces;
  patterns.push(...strings(Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages));
  patterns.push(...strings((readJson(path.join(root, 'lerna.json'))?.packages)));
  const pnpm = path.join(root, 'pnpm-workspace.yaml');
  if (existsSync(pnpm)) {
    try {
      patterns.push(...strings((parseYaml(readFileSync(pnpm, 'utf8')) as { packages?: unknown } | null)?.packages));
    } catch {
      // A broken workspace file only means sibling packages are not followed.
    }
  }
  const folders = new Set<string>();
  const rush = readJson(path.join(root, 'rush.json'))?.projects;
  if (Array.isArray(rush)) {
    for (const project of rush as unknown[]) {
      const folder = (project as { projectFolder?: unknown } | null)?.projectFolder;
      if (typeof folder === 'string') folders.add(path.resolve(root, folder));
    }
  }
  const globs = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => `${pattern.replace(/\/+$/, '')}/package.json`);
  if (globs.length > 0) {
    const ignore = ['**/node_modules/**', ...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))];
    for (const file of fg.sync(globs, { cwd: root, absolute: true, ignore, suppressErrors: true, followSymbolicLinks: false })) folders.add(path.dirname(file));
  }
  return [...folders].filter((folder) => existsSync(path.join(folder, 'package.json'))).sort();
}

function entryTargets(folder: string, manifest: Record<string, unknown>): string[] {
  const entries = ENTRY_FIELDS.map((field) => manifest[field]).concat(exportEntry(manifest.exports));
  const targets: string[] = [];
  for (const entry of strings(entries)) {
    const relative = path.normalize(entry).replace(/\.d\.[cm]?ts$/, '');
    targets.push(path.join(folder, relative));
    const [first, ...rest] = relative.split(path.sep);
    if (first && BUILD_FOLDERS.has(first) && rest.length > 0) targets.push(path.join(folder, 'src', ...rest));
  }
  targets.push(path.join(folder, 'src', 'index'), path.join(folder, 'index'));
  return [...new Set(targets)];
}

/** The "." entry of an `exports` map: a string, or its import/default/types condition. */
function exportEntry(exports: unknown): unknown[] {
  if (typeof exports === 'string') return [exports];
  if (!exports || typeof exports !== 'object') return [];
  const map = exports as Record<string, unknown>;
  const main = '.' in map ? map['.'] : map;
  if (typeof main === 'string') return [main];
  if (!main || typeof main !== 'object') return [];
  const conditions = main as Record<string, unknown>;
  return ['source', 'import', 'default', 'require', 'types'].map((condition) => conditions[condition]).filter((value) => typeof value === 'string');
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function readJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = parseJsonc(readFileSync(file, 'utf8'));
    return 'value' in parsed && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
