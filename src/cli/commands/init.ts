import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import type { GuardSpec } from '../../catalog/types.js';
import { CONFIG_FILE_NAMES, findConfig, loadConfig } from '../../config/load.js';
import { proposeGuards, type ProposedGuard } from '../../init/propose-guards.js';
import { DEFAULT_SCHEMA_PATH, draftManifest } from '../../init/draft-manifest.js';
import { unrecognisedPackageNames } from '../../link/dependencies.js';
import { MANIFEST_FILE_NAMES } from '../../manifest/load.js';
import { PACKAGE_ROOT } from '../../util/package-info.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import { scanWith } from './document-io.js';
import { writeOutput } from '../write-output.js';

/** `privlint init`; its options and help are in commands/index.ts. */
export async function runInit(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 1) throw new UserError('init takes one PATH: the folder of the app (its privacy-manifest.yaml goes there).');
  const target = path.resolve(io.cwd, args.positionals[0] ?? '.');
  if (!existsSync(target)) throw new UserError(`${displayPath(target, io.cwd)}: no such file or folder; check the path you passed to privlint init`);
  const folder = statSync(target).isDirectory() ? target : path.dirname(target);
  const config = typeof args.values.config === 'string' ? args.values.config : undefined;
  const destination = chooseDestination(folder, io.cwd, typeof args.values.output === 'string' ? args.values.output : undefined, config);
  const { output } = destination;

  if (output && existsSync(output) && statSync(output).isDirectory()) throw new UserError(`${displayPath(output, io.cwd)} is a folder; pass the manifest file to write, e.g. --output ${displayPath(path.join(output, MANIFEST_FILE_NAMES[0]!), io.cwd)}`);
  if (output && args.values.force !== true) {
    const existing = destination.given || destination.fromConfig ? (existsSync(output) ? output : undefined) : MANIFEST_FILE_NAMES.map((name) => path.join(folder, name)).find((file) => existsSync(file));
    if (existing) {
      const why = destination.fromConfig ? ` (${displayPath(destination.fromConfig, io.cwd)} names it as the manifest)` : '';
      throw new UserError(
        `${displayPath(existing, io.cwd)} already exists${why}; privlint init does not overwrite a manifest. Pass --force to replace it, or --output FILE to write the draft elsewhere.`,
      );
    }
  }

  // The guards the code uses go to the config first, so the draft's consent keys are the ones they prove.
  let result = await scanWithoutManifest(args, io, target);
  const guards = output ? proposeGuards(result.inventory.consentChecks ?? []) : [];
  const configWritten = guards.length > 0 ? writeGuardConfig(folder, config ? path.resolve(io.cwd, config) : findConfig(folder), guards, args.values.force === true) : undefined;
  if (configWritten?.written) result = await scanWithoutManifest(args, io, target);
  const draft = draftManifest(result, {
    catalog: loadCatalog(result.config.catalog ? [result.config.catalog] : []),
    appName: appName(folder),
    schemaPath: output ? schemaPathFrom(path.dirname(output)) : DEFAULT_SCHEMA_PATH,
  });
  if (!output) {
    io.stdout(draft.text);
    return EXIT_OK;
  }
  writeOutput(output, draft.text, 'manifest draft');
  const shown = displayPath(output, io.cwd);
  const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
  const lines = [
    `Wrote ${shown}${destination.fromConfig ? ` (the manifest ${displayPath(destination.fromConfig, io.cwd)} names)` : ''}: a draft with ${plural(draft.categories.length, 'data category', 'data categories')}, ${plural(draft.recipients.length, 'recipient')} and ${plural(draft.consentKeys.length, 'consent key')}.`,
  ];
  if (configWritten?.written) {
    lines.push(`Wrote ${displayPath(configWritten.file, io.cwd)}: ${plural(guards.length, 'consent guard')} found in the code (${guards.map((guard) => guard.label).join(', ')}).`);
  } else if (configWritten) {
    lines.push(`${displayPath(configWritten.file, io.cwd)} already exists and was left alone (pass --force to add to its guards). Consent checks found in the code: ${guards.map((guard) => guard.label).join(', ')}.`);
  } else if (!(config ? path.resolve(io.cwd, config) : findConfig(folder))) {
    lines.push('No consent check found in the code; when you add one, name it under "guards" in privlint.config.json (docs/config.md#guards).');
  }
  const unrecognised = result.dependencies ? unrecognisedPackageNames(result.dependencies) : [];
  if (unrecognised.length > 0) {
    const shown = unrecognised.length > 12 ? `${unrecognised.slice(0, 12).join(', ')} and ${unrecognised.length - 12} more (privlint scan --format json lists them)` : unrecognised.join(', ');
    lines.push(
      `${plural(unrecognised.length, 'third-party package')} in package.json ${unrecognised.length === 1 ? 'is' : 'are'} not in privlint's catalog, so the draft says nothing of what ${unrecognised.length === 1 ? 'it sends' : 'they send'}: ${shown}.`,
      'If one sends personal data, add its recipient to the manifest, or describe it under "catalog" in privlint.config.json (docs/config.md#catalog).',
    );
  }
  lines.push(
    `Its ${plural(draft.proposals, 'value')} marked "# privlint: proposed" (purposes, legal bases, consent keys and modes, recipient roles and shares) are privlint's guesses;`,
    'privlint scan checks the code against them now, and a person who knows the privacy policy must confirm or change each one.',
    `Next: privlint scan, and privlint manifest check ${shown} to list the proposals left.`,
    '',
  );
  io.stdout(lines.join('\n'));
  if (destination.ignoredBecause) io.stderr(`privlint: warning: ${destination.ignoredBecause}\n`);
  return EXIT_OK;
}

/**
 * Put the proposed guards in the folder's privlint.config.json: a new file when there is no
 * config; an existing JSON config only with --force, adding the guards it lacks and keeping the
 * rest. `written` is false when a config exists and was left alone.
 */
function writeGuardConfig(folder: string, existing: string | undefined, guards: readonly ProposedGuard[], force: boolean): { file: string; written: boolean } {
  if (!existing) {
    const file = path.join(folder, CONFIG_FILE_NAMES[0]!);
    writeOutput(file, `${JSON.stringify({ guards: guards.map((guard) => guard.spec) }, null, 2)}\n`, 'config');
    return { file, written: true };
  }
  if (!force || !existing.endsWith('.json')) return { file: existing, written: false };
  loadConfig(existing); // a broken config is the user's to fix: its problems, not a rewrite
  const config = JSON.parse(readFileSync(existing, 'utf8')) as { guards?: GuardSpec[] };
  const known = new Set((config.guards ?? []).map((spec) => JSON.stringify(spec)));
  config.guards = [...(config.guards ?? []), ...guards.map((guard) => guard.spec).filter((spec) => !known.has(JSON.stringify(spec)))];
  writeOutput(existing, `${JSON.stringify(config, null, 2)}\n`, 'config');
  return { file: existing, written: true };
}

interface Destination {
  /** Undefined: standard output. */
  output?: string;
  /** --output was given. */
  given: boolean;
  /** The config file whose "manifest" chose the output. */
  fromConfig?: string;
  /** Why privlint scan will not read the draft where it is written. */
  ignoredBecause?: string;
}

/**
 * Where the draft goes: --output, else where privlint scan will look: the manifest the config names
 * (even when that file does not exist yet), else PATH/privacy-manifest.yaml.
 */
function chooseDestination(folder: string, cwd: string, given: string | undefined, config: string | undefined): Destination {
  if (given === '-') return { given: true };
  const configFile = config ? path.resolve(cwd, config) : findConfig(folder);
  const configManifest = configFile ? loadConfig(configFile).manifest : undefined;
  if (given) {
    const output = path.resolve(cwd, given);
    const ignoredBecause =
      configManifest && path.resolve(configManifest) !== output
        ? `${displayPath(configFile!, cwd)} names ${displayPath(configManifest, cwd)} as the manifest, so privlint scan keeps reading that file, not ${displayPath(output, cwd)}; change "manifest" in the config to use the draft`
        : undefined;
    return { output, given: true, ...(ignoredBecause ? { ignoredBecause } : {}) };
  }
  const usual = path.join(folder, MANIFEST_FILE_NAMES[0]!);
  if (configManifest && path.resolve(configManifest) !== usual) return { output: configManifest, given: false, fromConfig: configFile! };
  return { output: usual, given: false };
}

/**
 * Scan for the inventory only. The scan must not stop at an existing manifest (it may be the broken
 * one being replaced with --force, or one the config names that does not exist yet), so it is
 * pointed at an empty one: findings are not used here.
 */
async function scanWithoutManifest(args: ParsedArgs, io: CliIO, target: string) {
  const folder = mkdtempSync(path.join(tmpdir(), 'privlint-init-'));
  try {
    const placeholder = path.join(folder, 'privacy-manifest.yaml');
    writeFileSync(placeholder, 'version: 1\napp:\n  name: privlint init\ncategories: []\n');
    return await scanWith({ ...args, positionals: [target] }, io, { manifest: placeholder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The app's name: package.json's name, else the folder's. */
function appName(folder: string): string {
  try {
    const name = (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) return name.trim();
  } catch {
    // no package.json, or not JSON: use the folder's name
  }
  return path.basename(folder);
}

/**
 * The schema for the YAML language server, relative to the manifest: the privlint that runs, when
 * it is installed in the project (or this is privlint's own checkout); else the usual install path.
 */
function schemaPathFrom(folder: string): string {
  const schema = path.join(PACKAGE_ROOT, 'schema', 'privacy-manifest.schema.json');
  const relative = path.relative(folder, schema).split(path.sep).join('/');
  const inProject = PACKAGE_ROOT.split(path.sep).includes('node_modules') ? !relative.includes('/_npx/') && !relative.startsWith('../../../../') : !relative.startsWith('../../../../');
  if (!inProject || path.isAbsolute(relative)) return DEFAULT_SCHEMA_PATH;
  return relative.startsWith('.') ? relative : `./${relative}`;
}
