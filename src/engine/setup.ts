import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load.js';
import { CatalogIndex } from '../catalog/match.js';
import { findConfig, loadConfig } from '../config/load.js';
import { EMPTY_CONFIG, type PrivlintConfig } from '../config/types.js';
import type { AnalyzeOptions } from '../detect/analyze-options.js';
import type { Diagnostic } from '../link/inventory.js';
import { findManifest, loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/types.js';
import { readTsconfig, type PathAliases } from '../project/tsconfig.js';
import { workspacePaths } from '../project/workspaces.js';
import { displayPath, toPosixRelative } from '../util/paths.js';
import { UserError } from '../util/problem.js';

/** Everything a scan needs before it reads source files: config, manifest, catalog, tsconfig aliases. */
export interface ProjectSetup {
  /** Absolute root: file paths in output are relative to it. */
  root: string;
  config: PrivlintConfig;
  configFile?: string;
  manifest?: Manifest;
  catalog: CatalogIndex;
  aliases?: PathAliases;
  analyzeOptions: AnalyzeOptions;
  /** Problems found while setting up that do not stop the scan (a broken tsconfig). */
  diagnostics: Diagnostic[];
}

export interface SetupOptions {
  root: string;
  cwd: string;
  /** Explicit manifest / config files (relative to cwd); otherwise found by walking up from root. */
  manifest?: string;
  config?: string;
  /** Stacks in internal-error diagnostics (--debug). */
  debug?: boolean;
}

/**
 * The config and manifest files a setup depends on, found as loadSetup finds them, even when one
 * of them is broken (the editor watches them to reload once they are fixed).
 */
export function setupFiles(options: SetupOptions): { configFile?: string; manifestFile?: string } {
  const configFile = options.config ? path.resolve(options.cwd, options.config) : findConfig(options.root);
  let configManifest: string | undefined;
  try {
    configManifest = configFile ? loadConfig(configFile, options.cwd).manifest : undefined;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return configFile ? { configFile } : {};
  }
  const manifestFile = options.manifest ? path.resolve(options.cwd, options.manifest) : (configManifest ?? findManifest(options.root));
  return { ...(configFile ? { configFile } : {}), ...(manifestFile ? { manifestFile } : {}) };
}

/** Load config, manifest and catalog; any user mistake becomes a UserError (exit code 2). */
export function loadSetup(options: SetupOptions): ProjectSetup {
  const { root, cwd } = options;
  const configFile = options.config ? path.resolve(cwd, options.config) : findConfig(root);
  const config = configFile ? loadConfig(configFile, cwd) : EMPTY_CONFIG;
  if (options.manifest === undefined && config.manifest && !existsSync(config.manifest)) {
    const problem = config.manifestAt && { ...config.manifestAt, path: 'manifest', message: `no such file ${displayPath(config.manifest, cwd)}; the path is relative to the config's folder` };
    throw new UserError(`${displayPath(configFile!, cwd)}: "manifest" points to ${displayPath(config.manifest, cwd)}, which does not exist`, problem ? [problem] : []);
  }
  const manifestFile = options.manifest ? path.resolve(cwd, options.manifest) : (config.manifest ?? findManifest(root));
  const manifest = manifestFile ? loadManifest(manifestFile, cwd) : undefined;
  const catalog = new CatalogIndex(loadCatalog(config.catalog ? [config.catalog] : []));
  const tsconfig = readTsconfig(root);
  const diagnostics: Diagnostic[] = tsconfig.problems.map((problem) => ({
    file: toPosixRelative(root, problem.file),
    line: problem.line,
    column: problem.column,
    severity: 'note',
    message: `${problem.message} (privlint reads path aliases from the tsconfig; imports through missing aliases are not followed)`,
  }));
  const aliases = withWorkspaces(root, tsconfig.aliases, (name) => catalog.sdkForSpecifier(name) !== undefined);
  for (const setting of config.obsolete ?? []) diagnostics.push({ file: toPosixRelative(root, configFile!), severity: 'note', ...setting });
  return {
    root,
    config,
    ...(configFile ? { configFile } : {}),
    ...(manifest ? { manifest } : {}),
    catalog,
    ...(aliases ? { aliases } : {}),
    analyzeOptions: {
      catalog,
      ...(config.requestParameterNames ? { requestParameterNames: config.requestParameterNames } : {}),
      ...(options.debug ? { debug: true } : {}),
    },
    diagnostics,
  };
}

/** The tsconfig's aliases, then a monorepo's packages by name (the tsconfig's own mapping of a name wins). */
function withWorkspaces(root: string, aliases: PathAliases | undefined, isSdk: (name: string) => boolean): PathAliases | undefined {
  const packages = workspacePaths(root, isSdk);
  if (Object.keys(packages).length === 0) return aliases;
  // The tsconfig's patterns are tried first; its own mapping of a package name replaces ours.
  const paths: Record<string, string[]> = { ...aliases?.paths };
  for (const [name, targets] of Object.entries(packages)) paths[name] ??= targets;
  return { ...(aliases ?? { basePath: root }), paths };
}

/** The config's ignore patterns and the folder they are relative to (the config's; the root without one). */
export function ignoreOptions(setup: Pick<ProjectSetup, 'config' | 'configFile' | 'root'>): { ignore: string[]; ignoreBase: string; tests: boolean } {
  return { ignore: setup.config.ignore, ignoreBase: setup.configFile ? path.dirname(setup.configFile) : setup.root, tests: setup.config.tests ?? false };
}

/**
 * The consent check that fix suggestions show for a key: a guard of the config that proves it —
 * `canTrack()` for a guard whose key is fixed to it, `hasConsent('ads')` for one that takes the key
 * as an argument — or undefined when the config has none for it (the fix then says how to add one).
 */
export function guardSuggestion(config: PrivlintConfig): (key: string) => string | undefined {
  const guards = config.guards.flatMap((guard) => {
    if ('catalog' in guard) return []; // a mapping of a catalog guard's keys, not a function to call
    const name = 'call' in guard ? guard.call : 'member' in guard ? guard.member : guard.export;
    return [{ name, key: guard.key, keyArgument: guard.keyArgument ?? 0 }];
  });
  return (key) => {
    const fixed = guards.find((guard) => guard.key === key);
    if (fixed) return `${fixed.name}()`;
    const taking = guards.find((guard) => guard.key === undefined);
    if (!taking) return undefined;
    return `${taking.name}(${'…, '.repeat(taking.keyArgument)}'${key}')`;
  };
}
