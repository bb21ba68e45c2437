import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { validateAgainstSchema, type JsonSchema } from '../structured/schema-validator.js';
import { parseStructured } from '../structured/tree.js';
import { PACKAGE_ROOT } from '../util/package-info.js';
import { displayPath } from '../util/paths.js';
import { UserError, type Problem } from '../util/problem.js';
import { readUserTextFile } from '../util/read-text-file.js';
import { buildManifest } from './build-model.js';
import { findProposals } from './proposals.js';
import { checkManifestSemantics } from './semantic-checks.js';
import type { Manifest } from './types.js';

export const MANIFEST_FILE_NAMES = ['privacy-manifest.yaml', 'privacy-manifest.yml', 'privacy-manifest.json'];
const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

let cachedSchema: JsonSchema | undefined;
export function manifestSchema(): JsonSchema {
  cachedSchema ??= JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schema', 'privacy-manifest.schema.json'), 'utf8'));
  return cachedSchema!;
}

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; problems: Problem[] };

/**
 * Validate manifest text; every problem has file:line:column, a key path and a fix. Paths in
 * problems are shown from `cwd` (the folder the user works in; the process's by default).
 */
export function parseManifest(text: string, file: string, cwd = process.cwd()): ManifestResult {
  const shown = displayPath(file, cwd);
  const parsed = parseStructured(text, shown);
  if (!parsed.root) {
    const problems = parsed.problems.length > 0 ? parsed.problems : [{ file: shown, line: 1, column: 1, message: 'the manifest is empty' }];
    return { ok: false, problems };
  }
  if (parsed.root.kind !== 'object') {
    return { ok: false, problems: [{ file: shown, line: parsed.root.line, column: parsed.root.column, message: 'a manifest is a mapping with version, app and categories at the top; see docs/manifest.md' }] };
  }
  const structural = [...parsed.problems, ...validateAgainstSchema(parsed.root, manifestSchema(), shown)];
  if (structural.length > 0) return { ok: false, problems: sortProblems(structural) };
  const proposals = findProposals(parsed.root, parsed.comments ?? [], file);
  const manifest = { ...buildManifest(parsed.root, file), ...(proposals.length > 0 ? { proposals } : {}) };
  const semantic = checkManifestSemantics(manifest).map((problem) => ({ ...problem, file: shown }));
  if (semantic.length > 0) return { ok: false, problems: sortProblems(semantic) };
  return { ok: true, manifest };
}

/** Read and validate a manifest file; a UserError (exit code 2) carries every problem. */
export function loadManifest(file: string, cwd = process.cwd()): Manifest {
  const absolute = path.resolve(cwd, file);
  const text = readUserTextFile(absolute, { maxBytes: MAX_MANIFEST_BYTES, what: 'manifest', cwd });
  const result = parseManifest(text, absolute, cwd);
  if (!result.ok) {
    const count = result.problems.length;
    throw new UserError(`${displayPath(absolute, cwd)}: the manifest has ${count} problem${count === 1 ? '' : 's'}`, result.problems);
  }
  return result.manifest;
}

/** Walk up from `start` to the first folder holding a privacy-manifest.yaml (or .yml / .json). */
export function findManifest(start: string): string | undefined {
  let folder = path.resolve(start);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = path.dirname(folder);
  for (;;) {
    for (const name of MANIFEST_FILE_NAMES) {
      const candidate = path.join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
