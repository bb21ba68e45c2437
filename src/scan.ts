import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from './catalog/load.js';
import { CatalogIndex } from './catalog/match.js';
import { check } from './check/check.js';
import type { Finding } from './check/finding.js';
import { addFingerprints } from './check/fingerprint.js';
import { findConfig, loadConfig } from './config/load.js';
import { EMPTY_CONFIG, type PrivlintConfig } from './config/types.js';
import { analyzeSource, DEFAULT_REQUEST_PARAMETER_NAMES } from './detect/analyze-file.js';
import type { FileFacts } from './detect/facts.js';
import { configureGuards } from './link/guards.js';
import type { Diagnostic, Inventory } from './link/inventory.js';
import { link } from './link/link.js';
import { findManifest, loadManifest } from './manifest/load.js';
import type { Manifest } from './manifest/types.js';
import { discoverFiles } from './project/discover.js';
import { readSource } from './project/read-source.js';
import { ModuleResolver } from './project/resolve.js';
import { readTsconfig } from './project/tsconfig.js';
import { displayPath, toPosixRelative } from './util/paths.js';
import { UserError } from './util/problem.js';

export interface ScanOptions {
  /** Files or folders to scan; default: the working directory. */
  paths?: string[];
  cwd?: string;
  /** Manifest file; default: the config's `manifest`, else found by walking up from the root. */
  manifest?: string;
  /** Config file; default: found by walking up from the root. */
  config?: string;
}

export interface ScanResult {
  /** Absolute scan root: the folder scanned, or the common folder of the paths. */
  root: string;
  manifest?: Manifest;
  config: PrivlintConfig;
  /** Absolute paths of the files analysed. */
  files: string[];
  inventory: Inventory;
  findings: Finding[];
}

/** The whole job: discover, analyse each file, link across files, check against the manifest. */
export function scan(options: ScanOptions = {}): ScanResult {
  const cwd = options.cwd ?? process.cwd();
  const paths = (options.paths?.length ? options.paths : ['.']).map((given) => path.resolve(cwd, given));
  for (const given of paths) {
    if (!existsSync(given)) throw new UserError(`${displayPath(given, cwd)}: no such file or folder; check the path you passed to privlint scan`);
  }
  const root = scanRoot(paths);

  const configFile = options.config ? path.resolve(cwd, options.config) : findConfig(root);
  const config = configFile ? loadConfig(configFile) : EMPTY_CONFIG;
  const manifestFile = options.manifest ? path.resolve(cwd, options.manifest) : (config.manifest ?? findManifest(root));
  if (options.manifest === undefined && config.manifest && !existsSync(config.manifest)) {
    throw new UserError(`${displayPath(configFile!, cwd)}: "manifest" points to ${displayPath(config.manifest, cwd)}, which does not exist`);
  }
  const manifest = manifestFile ? loadManifest(manifestFile) : undefined;

  const catalog = new CatalogIndex(loadCatalog(config.catalog ? [config.catalog] : []));
  const tsconfig = readTsconfig(root);
  const diagnostics: Diagnostic[] = tsconfig.problems.map((problem) => ({
    file: toPosixRelative(root, path.resolve(cwd, problem.file)),
    line: problem.line,
    column: problem.column,
    severity: 'warning',
    message: problem.message,
  }));

  const { files } = discoverFiles({ paths, ignore: config.ignore, root });
  if (files.length === 0) {
    throw new UserError(`no JavaScript or TypeScript files to scan in ${paths.map((given) => displayPath(given, cwd)).join(', ')} (node_modules, build output and .gitignored files are skipped)`);
  }

  const analyzeOptions = { catalog, requestParameterNames: config.requestParameterNames ?? DEFAULT_REQUEST_PARAMETER_NAMES };
  const facts = new Map<string, FileFacts>();
  const texts = new Map<string, string>();
  for (const file of files) {
    const source = readSource(file);
    const relative = toPosixRelative(root, file);
    if ('skipped' in source) {
      diagnostics.push({ file: relative, ...source.skipped });
      continue;
    }
    texts.set(relative, source.text);
    const fileFacts = analyzeSource(file, source.text, analyzeOptions);
    fileFacts.diagnostics.unshift(...source.diagnostics);
    facts.set(file, fileFacts);
  }

  const knownFiles = new Set(files);
  const modules = new ModuleResolver((file) => knownFiles.has(file), tsconfig.aliases);
  const guards = configureGuards(config.guards, configFile ? path.dirname(configFile) : root, modules);
  const inventory = link({ root, files: facts, modules, catalog, guards, diagnostics });

  const raw = check(inventory, manifest, {
    catalog,
    ...(manifest ? { manifestPath: displayPath(manifest.file, root), manifestFile: toPosixRelative(root, manifest.file) } : {}),
    rules: config.rules,
    ...(guardExample(config) ? { guardExample: guardExample(config) } : {}),
  });
  const lines = new Map<string, string[]>();
  const lineText = (file: string, line: number) => {
    if (!lines.has(file)) lines.set(file, (texts.get(file) ?? '').split('\n'));
    return lines.get(file)![line - 1] ?? '';
  };
  const findings = addFingerprints(raw, lineText);
  return { root, ...(manifest ? { manifest } : {}), config, files, inventory, findings };
}

function scanRoot(paths: string[]): string {
  const folders = paths.map((given) => (statSync(given).isDirectory() ? given : path.dirname(given)));
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}

/** The first `call` guard of the config, to show in fix suggestions. */
function guardExample(config: PrivlintConfig): string | undefined {
  for (const guard of config.guards) {
    if ('call' in guard) return guard.call;
    if ('member' in guard) return guard.member;
    if ('export' in guard) return guard.export;
  }
  return undefined;
}
