import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageKnowledge } from '../catalog/known-packages.js';
import type { Catalog } from '../catalog/types.js';
import type { Diagnostic } from './inventory.js';
import { compareText } from '../util/order.js';
import { toPosixRelative } from '../util/paths.js';

/** A runtime dependency privlint cannot judge: third party, and neither in its catalog nor known to send no data. */
export interface UnrecognisedDependency {
  /** The npm package name (an `npm:` alias's target). */
  package: string;
  /** The version range as package.json writes it. */
  version: string;
  /** The package.json that declares it, relative to the scan root. */
  packageJson: string;
}

/** What the scan learned from the package.json files of the scanned code. */
export interface DependencyListing {
  /** The package.json files read, relative to the scan root (`../package.json` for the one above a scanned `src/`). */
  packageFiles: string[];
  /** Sorted by package, then package.json. */
  unrecognised: UnrecognisedDependency[];
}

interface PackageFile {
  file: string;
  name?: string;
  dependencies: Record<string, string>;
}

/** Version ranges that point into the repository (workspaces, local folders), not to a third party. */
const LOCAL_VERSION = /^(workspace:|file:|link:|portal:|\.{1,2}\/|\/)/;

/**
 * The package.json files that describe the scanned code: those the file discovery found under the
 * scanned folders (a monorepo's packages), and for each scanned path outside every one of those,
 * the nearest above it (`privlint scan src` reads the app's package.json), up to the repository's top.
 */
export function packageFilesOf(paths: readonly string[], found: readonly string[]): string[] {
  const files = new Set(found);
  for (const given of paths) {
    const start = existsSync(given) && statSync(given).isDirectory() ? given : path.dirname(given);
    if (found.some((file) => start === path.dirname(file) || start.startsWith(path.dirname(file) + path.sep))) continue;
    const above = nearestPackageFile(start);
    if (above) files.add(above);
  }
  return [...files].sort(compareText);
}

function nearestPackageFile(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) return undefined;
  }
}

/**
 * The runtime `dependencies` of the given package.json files that privlint cannot judge: third-party
 * packages (not one of these package.json files' own packages, not a local path or workspace range)
 * that no catalog entry names and that are not listed as sending no data. A package.json privlint
 * cannot read is a diagnostic. `privlint init` and the scan call it.
 */
export function listDependencies(root: string, packageFiles: readonly string[], catalog: Catalog): { listing: DependencyListing; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read: PackageFile[] = [];
  for (const file of packageFiles) {
    const relative = toPosixRelative(root, file);
    try {
      read.push({ file: relative, ...packageFields(JSON.parse(readFileSync(file, 'utf8')) as unknown) });
    } catch (error) {
      const why = error instanceof SyntaxError ? 'not valid JSON' : `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      diagnostics.push({ file: relative, line: 1, column: 1, severity: 'warning', message: `${why}: its dependencies were not checked for SDKs privlint does not recognise` });
    }
  }
  const own = new Set(read.map((entry) => entry.name).filter((name): name is string => name !== undefined));
  const knows = packageKnowledge(catalog);
  const unrecognised: UnrecognisedDependency[] = [];
  for (const { file, dependencies } of read) {
    for (const [name, version] of Object.entries(dependencies)) {
      if (LOCAL_VERSION.test(version)) continue;
      const target = aliasTarget(version) ?? name;
      if (own.has(target) || knows(target)) continue;
      unrecognised.push({ package: target, version, packageJson: file });
    }
  }
  unrecognised.sort((a, b) => compareText(a.package, b.package) || compareText(a.packageJson, b.packageJson));
  return { listing: { packageFiles: read.map((entry) => entry.file), unrecognised }, diagnostics };
}

/** The names of the unrecognised packages, each once, in order. */
export function unrecognisedPackageNames(listing: DependencyListing): string[] {
  return [...new Set(listing.unrecognised.map((dependency) => dependency.package))];
}

function packageFields(json: unknown): Omit<PackageFile, 'file'> {
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const dependencies: Record<string, string> = {};
  if (typeof record.dependencies === 'object' && record.dependencies !== null) {
    for (const [name, version] of Object.entries(record.dependencies)) dependencies[name] = typeof version === 'string' ? version : '';
  }
  return { ...(typeof record.name === 'string' ? { name: record.name } : {}), dependencies };
}

/** `npm:@scope/pkg@^1.2` → `@scope/pkg`: the package an alias installs. */
function aliasTarget(version: string): string | undefined {
  if (!version.startsWith('npm:')) return undefined;
  const spec = version.slice('npm:'.length);
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at === -1 ? spec : spec.slice(0, at);
}
