import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GuardSpec } from '../catalog/types.js';
import { bundledGuardIds, catalogSemanticProblems } from '../catalog/load.js';
import { RULE_IDS } from '../check/rules.js';
import { validateAgainstSchema } from '../structured/schema-validator.js';
import { entryOf, parseStructured, toPlain, type ObjectNode } from '../structured/tree.js';
import { didYouMean } from '../util/did-you-mean.js';
import { displayPath } from '../util/paths.js';
import { UserError, type Problem } from '../util/problem.js';
import { readUserTextFile } from '../util/read-text-file.js';
import { CONFIG_SCHEMA } from './schema.js';
import { normalizeSeverity } from './severity-words.js';
import type { PrivlintConfig, SeverityOverride } from './types.js';

export const CONFIG_FILE_NAMES = ['privlint.config.json', 'privlint.config.yaml', 'privlint.config.yml'];

/** Walk up from `start` to the first folder with a privlint.config.{json,yaml,yml}. */
export function findConfig(start: string): string | undefined {
  let folder = path.resolve(start);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = path.dirname(folder);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Read and validate a config file; problems carry file:line:column (shown from `cwd`); UserError (exit 2) when invalid. */
export function loadConfig(file: string, cwd = process.cwd()): PrivlintConfig {
  const absolute = path.resolve(cwd, file);
  return parseConfig(readUserTextFile(absolute, { maxBytes: 5 * 1024 * 1024, what: 'config', example: 'docs/config.md', cwd }), absolute, cwd);
}

/** Validate the text of the config file `file` (absolute); a UserError whose problems have file:line:column when invalid. */
export function parseConfig(text: string, file: string, cwd = process.cwd()): PrivlintConfig {
  const absolute = file;
  const shown = displayPath(absolute, cwd);
  const parsed = parseStructured(text, shown);
  const fail = (problems: Problem[]): never => {
    throw new UserError(`${shown}: the config has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  };
  if (!parsed.root && parsed.problems.length === 0) {
    throw new UserError(`${shown}: the config file has only comments; write its settings (docs/config.md), or delete it to use the defaults.`, [
      { file: shown, line: 1, column: 1, message: 'no settings here, only comments or blank lines' },
    ]);
  }
  if (!parsed.root) fail(parsed.problems);
  const root = parsed.root!;
  if (root.kind !== 'object') fail([{ file: shown, line: root.line, column: root.column, message: 'a config is a mapping of settings; see docs/config.md' }]);
  const problems = [...parsed.problems, ...validateAgainstSchema(root, CONFIG_SCHEMA, shown)];
  problems.push(...semanticProblems(root as ObjectNode, shown));
  if (problems.length > 0) fail(problems.sort((a, b) => a.line - b.line || a.column - b.column));

  const plain = toPlain(root) as Record<string, unknown>;
  const folder = path.dirname(absolute);
  const manifestValue = entryOf(root, 'manifest')?.value;
  return {
    file: absolute,
    ...(typeof plain.manifest === 'string' ? { manifest: path.resolve(folder, plain.manifest) } : {}),
    ...(manifestValue ? { manifestAt: { file: shown, line: manifestValue.line, column: manifestValue.column } } : {}),
    ignore: (plain.ignore as string[] | undefined) ?? [],
    ...(typeof plain.tests === 'boolean' ? { tests: plain.tests } : {}),
    guards: (plain.guards as GuardSpec[] | undefined) ?? [],
    ...(plain.requestParameterNames ? { requestParameterNames: plain.requestParameterNames as string[] } : {}),
    rules: ruleSeverities(plain.rules as Record<string, string | number> | undefined),
    ...flowBudgets(root as ObjectNode),
    ...(plain.catalog ? { catalog: plain.catalog } : {}),
  };
}

/**
 * The flow budgets, and a note for `maxMilliseconds`: the time budget is gone (a count of steps
 * replaced it, so that output never depends on the machine's speed), and an old config keeps working.
 */
function flowBudgets(root: ObjectNode): Pick<PrivlintConfig, 'flows' | 'obsolete'> {
  const flows = entryOf(root, 'flows')?.value;
  if (flows?.kind !== 'object') return {};
  const { maxMilliseconds, ...budgets } = toPlain(flows) as { maxSteps?: number; maxVisits?: number; maxMilliseconds?: number };
  const timed = entryOf(flows, 'maxMilliseconds');
  const obsolete = timed
    ? [{ line: timed.keyLine, column: timed.keyColumn, message: `flows.maxMilliseconds (${maxMilliseconds}) is no longer read: the flow search counts its steps instead of timing them, so its results never depend on the machine's speed; remove the setting (flows.maxVisits bounds the search)` }]
    : [];
  return { flows: budgets, ...(obsolete.length > 0 ? { obsolete } : {}) };
}

/** ESLint spells the rules `privlint/<id>`; the config takes both spellings for the same rule. */
const RULE_PREFIX = 'privlint/';
const unprefixed = (key: string) => (key.startsWith(RULE_PREFIX) ? key.slice(RULE_PREFIX.length) : key);

function ruleSeverities(rules: Record<string, string | number> | undefined): Record<string, SeverityOverride> {
  return Object.fromEntries(Object.entries(rules ?? {}).map(([key, severity]) => [unprefixed(key), normalizeSeverity(severity)]));
}

/** Ids of the bundled catalog guards and of those the config's own catalog section adds. */
function guardIds(root: ObjectNode): string[] {
  const own = entryOf(entryOf(root, 'catalog')?.value, 'guards')?.value;
  const extra = own?.kind === 'array' ? own.items.map((item) => entryOf(item, 'id')?.value).flatMap((node) => (node?.kind === 'scalar' ? [String(node.value)] : [])) : [];
  return [...bundledGuardIds(), ...extra];
}

/** What the schema cannot say: a guard needs exactly one of call/member/module(+export); rule ids must exist. */
function semanticProblems(root: ObjectNode, file: string): Problem[] {
  const problems: Problem[] = [];
  const guards = entryOf(root, 'guards')?.value;
  if (guards?.kind === 'array') {
    guards.items.forEach((item, index) => {
      if (item.kind !== 'object') return;
      const keys = item.entries.map((entry) => entry.key);
      const kinds = ['call', 'member', 'module', 'catalog'].filter((key) => keys.includes(key));
      const at = { file, line: item.line, column: item.column, path: `guards[${index}]` };
      if (kinds.length !== 1) {
        problems.push({ ...at, message: 'a guard names exactly one of "call", "member", "module" (with "export") or "catalog" (a catalog guard\'s id)' });
      } else if (kinds[0] === 'module' && !keys.includes('export')) {
        problems.push({ ...at, message: 'a module guard also needs "export": the name of the guard function' });
      } else if (kinds[0] === 'catalog') {
        const misplaced = keys.filter((key) => key === 'export' || key === 'keyArgument');
        if (misplaced.length > 0) problems.push({ ...at, message: `"${misplaced[0]}" does not apply to a catalog guard, whose keys come from the catalog; map them with "key" or "keys"` });
        const idEntry = entryOf(item, 'catalog')!;
        const id = idEntry.value.kind === 'scalar' ? String(idEntry.value.value) : '';
        const known = guardIds(root);
        if (!known.includes(id)) {
          problems.push({ file, line: idEntry.value.line, column: idEntry.value.column, path: `guards[${index}].catalog`, message: `unknown catalog guard "${id}"${didYouMean(id, known) || `; known guards: ${known.join(', ')}`}` });
        }
      } else if (keys.includes('keys')) {
        problems.push({ ...at, message: '"keys" maps the keys of a catalog guard; a guard function of your own names its key with "key" or "keyArgument"' });
      }
    });
  }
  const catalog = entryOf(root, 'catalog')?.value;
  if (catalog) {
    for (const problem of catalogSemanticProblems(catalog, file)) problems.push({ ...problem, path: `catalog.${problem.path}` });
  }
  const rules = entryOf(root, 'rules')?.value;
  if (rules?.kind === 'object') {
    const seen = new Map<string, { key: string; line: number }>();
    for (const entry of rules.entries) {
      const id = unprefixed(entry.key);
      const at = { file, line: entry.keyLine, column: entry.keyColumn, path: `rules.${entry.key}` };
      if (!RULE_IDS.includes(id)) {
        problems.push({ ...at, message: `unknown rule "${entry.key}"${didYouMean(id, RULE_IDS)}` });
        continue;
      }
      const earlier = seen.get(id);
      if (earlier) problems.push({ ...at, message: `"${entry.key}" is the same rule as "${earlier.key}" (line ${earlier.line}); keep one of them` });
      else seen.set(id, { key: entry.key, line: entry.keyLine });
    }
  }
  return problems;
}
