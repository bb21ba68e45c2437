import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BaselineEntry } from './baseline/baseline.js';
import type { Finding, SuppressedFinding } from './check/finding.js';
import type { PrivlintConfig } from './config/types.js';
import { analyzeSource } from './detect/analyze-file.js';
import type { FileFacts } from './detect/facts.js';
import { evaluate } from './engine/evaluate.js';
import { loadSetup } from './engine/setup.js';
import type { Diagnostic, Inventory } from './link/inventory.js';
import type { Manifest } from './manifest/types.js';
import { discoverFiles } from './project/discover.js';
import { readSource } from './project/read-source.js';
import { ModuleResolver } from './project/resolve.js';
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
  /** Findings not silenced inline. */
  findings: Finding[];
  /** Findings silenced by privlint-disable comments (SARIF reports them with --include-suppressed). */
  suppressed: SuppressedFinding[];
  /** Set when findings were compared with a baseline (`findings` then holds only the new ones). */
  baseline?: { file: string; accepted: number; stale: BaselineEntry[] };
}

/** The whole job: discover, analyse each file, link across files, check against the manifest. */
export function scan(options: ScanOptions = {}): ScanResult {
  const cwd = options.cwd ?? process.cwd();
  const paths = (options.paths?.length ? options.paths : ['.']).map((given) => path.resolve(cwd, given));
  for (const given of paths) {
    if (!existsSync(given)) throw new UserError(`${displayPath(given, cwd)}: no such file or folder; check the path you passed to privlint scan`);
  }
  const root = scanRoot(paths);
  const setup = loadSetup({ root, cwd, ...(options.manifest ? { manifest: options.manifest } : {}), ...(options.config ? { config: options.config } : {}) });

  const { files } = discoverFiles({ paths, ignore: setup.config.ignore, root });
  if (files.length === 0) {
    throw new UserError(`no JavaScript or TypeScript files to scan in ${paths.map((given) => displayPath(given, cwd)).join(', ')} (node_modules, build output and .gitignored files are skipped)`);
  }

  const knownFiles = new Set(files);
  const modules = new ModuleResolver((file) => knownFiles.has(file), setup.aliases);
  const analyzeOptions = { ...setup.analyzeOptions, isProjectModule: (from: string, specifier: string) => modules.resolve(from, specifier) !== undefined };
  const facts = new Map<string, FileFacts>();
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
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

  const lines = new Map<string, string[]>();
  const lineText = (file: string, line: number) => {
    if (!lines.has(file)) lines.set(file, (texts.get(file) ?? '').split('\n'));
    return lines.get(file)![line - 1] ?? '';
  };
  const { inventory, findings, suppressed } = evaluate({ setup, facts, fileExists: (file) => knownFiles.has(file), lineText, diagnostics });
  return { root, ...(setup.manifest ? { manifest: setup.manifest } : {}), config: setup.config, files, inventory, findings, suppressed };
}

function scanRoot(paths: string[]): string {
  const folders = paths.map((given) => (statSync(given).isDirectory() ? given : path.dirname(given)));
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}
