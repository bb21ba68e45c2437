import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { DEFAULT_SCHEMA_PATH, draftManifest } from '../../init/draft-manifest.js';
import { MANIFEST_FILE_NAMES } from '../../manifest/load.js';
import { scanParallel } from '../../scan-parallel.js';
import { PACKAGE_ROOT } from '../../util/package-info.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';
import { writeOutput } from './report.js';

export const initCommand: Command = {
  name: ['init'],
  summary: 'Draft a privacy-manifest.yaml from what the code collects, with TODOs for a person to fill',
  usage: 'init [PATH] [--output FILE] [--force] [--config FILE]',
  options: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Where to write the draft (default: PATH/privacy-manifest.yaml; - for standard output)' },
    force: { type: 'boolean', description: 'Overwrite an existing manifest' },
    config: { type: 'string', value: 'FILE', description: 'privlint config (default: privlint.config.json/.yaml found upwards)' },
  },
  details: [
    'Lists every data category the code collects and every SDK vendor it imports, with comments that point to',
    'the places in the code. Purposes, legal bases, consent modes and recipient roles are TODO: only a person',
    'who knows the privacy policy can fill them, and privlint manifest check fails until they are filled.',
    'An existing manifest is never overwritten without --force.',
    'Exit codes: 0 written, 2 usage error, a manifest already exists, or a bad path.',
  ].join('\n'),
  async run(args, io) {
    if (args.positionals.length > 1) throw new UserError('init takes one PATH: the folder of the app (its privacy-manifest.yaml goes there).');
    const target = path.resolve(io.cwd, args.positionals[0] ?? '.');
    if (!existsSync(target)) throw new UserError(`${displayPath(target, io.cwd)}: no such file or folder; check the path you passed to privlint init`);
    const folder = statSync(target).isDirectory() ? target : path.dirname(target);
    const given = typeof args.values.output === 'string' ? args.values.output : undefined;
    const toStdout = given === '-';
    const output = toStdout ? undefined : given ? path.resolve(io.cwd, given) : path.join(folder, MANIFEST_FILE_NAMES[0]!);

    if (output && args.values.force !== true) {
      const existing = given ? (existsSync(output) ? output : undefined) : MANIFEST_FILE_NAMES.map((name) => path.join(folder, name)).find((file) => existsSync(file));
      if (existing) {
        throw new UserError(
          `${displayPath(existing, io.cwd)} already exists; privlint init does not overwrite a manifest. Pass --force to replace it, or --output FILE to write the draft elsewhere.`,
        );
      }
    }
    if (output && existsSync(output) && statSync(output).isDirectory()) throw new UserError(`${displayPath(output, io.cwd)} is a folder; pass the manifest file to write, e.g. --output ${displayPath(path.join(output, MANIFEST_FILE_NAMES[0]!), io.cwd)}`);

    const result = await scanWithoutManifest(target, io.cwd, typeof args.values.config === 'string' ? args.values.config : undefined);
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
    io.stdout(
      [
        `Wrote ${shown}: a draft with ${plural(draft.categories.length, 'data category', 'data categories')}, ${plural(draft.recipients.length, 'recipient')} and ${plural(draft.consentKeys.length, 'consent key')}.`,
        `Next: replace its ${plural(draft.todos, 'TODO')} (purposes, legal bases, consent modes, recipient roles) with what your privacy policy says,`,
        `then run: privlint manifest check ${shown}`,
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  },
};

/**
 * Scan for the inventory only. The scan must not stop at an existing manifest (it may be the broken
 * one being replaced with --force), so it is pointed at an empty one: findings are not used here.
 */
async function scanWithoutManifest(target: string, cwd: string, config: string | undefined) {
  const folder = mkdtempSync(path.join(tmpdir(), 'privlint-init-'));
  try {
    const placeholder = path.join(folder, 'privacy-manifest.yaml');
    writeFileSync(placeholder, 'version: 1\napp:\n  name: privlint init\ncategories: []\n');
    return await scanParallel({ paths: [target], cwd, manifest: placeholder, ...(config ? { config } : {}) });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The app's name: package.json's name, else the folder's. */
function appName(folder: string): string {
  try {
    const name = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).name;
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
