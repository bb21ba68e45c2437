import { didYouMean } from '../util/did-you-mean.js';
import type { Problem } from '../util/problem.js';
import type { ObjectNode, TreeNode } from './tree.js';

/**
 * The subset of JSON Schema (draft-07) that privlint's own schemas use. The same schema file
 * drives editor completion (through the YAML language server) and these positioned messages,
 * so the two cannot disagree; a test runs both over the fixture manifests to prove it.
 */
export interface JsonSchema {
  $ref?: string;
  /** Alternatives: the node must match one (the first whose type fits explains a mismatch). */
  anyOf?: JsonSchema[];
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: { pattern?: string };
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  pattern?: string;
  description?: string;
  definitions?: Record<string, JsonSchema>;
  /** privlint extension: what a value of this definition is called in messages ("data category"). */
  'x-noun'?: string;
}

export function validateAgainstSchema(root: TreeNode, schema: JsonSchema, file: string): Problem[] {
  const problems: Problem[] = [];
  const report = (node: { line: number; column: number }, path: string, message: string) =>
    problems.push({ file, line: node.line, column: node.column, ...(path ? { path } : {}), message });

  const resolve = (candidate: JsonSchema): { schema: JsonSchema; noun?: string } => {
    if (!candidate.$ref) return { schema: candidate, ...(candidate['x-noun'] ? { noun: candidate['x-noun'] } : {}) };
    const name = candidate.$ref.replace('#/definitions/', '');
    const target = schema.definitions?.[name];
    if (!target) throw new Error(`schema: unknown $ref ${candidate.$ref}`);
    const resolved = resolve(target);
    return { schema: resolved.schema, noun: target['x-noun'] ?? resolved.noun };
  };

  const visit = (node: TreeNode, candidate: JsonSchema, path: string): void => {
    const { schema: current, noun } = resolve(candidate);
    if (current.anyOf) {
      const attempts = current.anyOf.map((alternative) => {
        const before = problems.length;
        visit(node, alternative, path);
        return problems.splice(before);
      });
      if (attempts.some((attempt) => attempt.length === 0)) return;
      const fitting = current.anyOf.findIndex((alternative) => !resolve(alternative).schema.type || hasType(node, resolve(alternative).schema.type!));
      if (fitting >= 0) problems.push(...attempts[fitting]!);
      else report(node, path, `expected ${current.anyOf.map((alternative) => article(resolve(alternative).schema.type ?? 'value')).join(' or ')}${describeFound(node)}`);
      return;
    }
    if (current.const !== undefined) {
      if (node.kind !== 'scalar' || node.value !== current.const) {
        report(node, path, `must be ${JSON.stringify(current.const)}${describeFound(node)}`);
      }
      return;
    }
    // An enum of words or numbers takes neither a list nor a mapping, whatever its type says.
    if (current.enum && node.kind !== 'scalar') {
      const options = current.enum.map(String);
      const list = options.length <= 8 ? `expected one of: ${options.join(', ')}` : `expected a ${noun ?? 'value'}`;
      report(node, path, `${list}${describeFound(node)}`);
      return;
    }
    if (current.type && !hasType(node, current.type)) {
      report(node, path, `expected ${article(current.type)}${describeFound(node)}`);
      return;
    }
    if (node.kind === 'scalar') {
      visitScalar(node.value, node, current, path, noun);
    } else if (node.kind === 'array') {
      if (current.minItems !== undefined && node.items.length < current.minItems) {
        report(node, path, `needs at least ${current.minItems} item${current.minItems === 1 ? '' : 's'}`);
      }
      if (current.items) node.items.forEach((item, index) => visit(item, current.items!, `${path}[${index}]`));
    } else {
      visitObject(node, current, path);
    }
  };

  const visitScalar = (
    value: string | number | boolean | null,
    node: TreeNode,
    current: JsonSchema,
    path: string,
    noun: string | undefined,
  ) => {
    if (current.enum && !current.enum.includes(value)) {
      const options = current.enum.map(String);
      // A misspelt word gets a did-you-mean among the words; a wrong number only the list.
      const hint = typeof value === 'string' ? didYouMean(value, current.enum.filter((option): option is string => typeof option === 'string')) : '';
      const what = noun ?? 'value';
      const list = options.length <= 8 ? `; expected one of: ${options.join(', ')}` : '';
      report(node, path, `unknown ${what} ${JSON.stringify(value)}${hint || list}`);
      return;
    }
    if (typeof value === 'number' && current.minimum !== undefined && value < current.minimum) {
      report(node, path, `must be at least ${current.minimum}, found ${value}`);
      return;
    }
    if (typeof value === 'string') {
      if (current.minLength !== undefined && value.length < current.minLength) {
        report(node, path, 'must not be empty');
      } else if (current.pattern && !new RegExp(current.pattern, 'u').test(value)) {
        const expected = current.description ? ` (${current.description})` : '';
        // "Google" for an id: suggest the lower-case spelling when that is valid.
        const lowered = value.trim().toLowerCase().replace(/\s+/g, '-');
        const hint = lowered !== value && new RegExp(current.pattern, 'u').test(lowered) ? `; did you mean ${JSON.stringify(lowered)}?` : '';
        report(node, path, `${JSON.stringify(value)} is not valid here${expected}${hint}`);
      }
    }
  };

  const visitObject = (node: ObjectNode, current: JsonSchema, path: string) => {
    const keys = node.entries.map((entry) => entry.key);
    for (const required of current.required ?? []) {
      if (!keys.includes(required)) report(node, path, `missing required key "${required}"`);
    }
    const known = Object.keys(current.properties ?? {});
    for (const entry of node.entries) {
      const childPath = path ? `${path}.${entry.key}` : entry.key;
      const property = current.properties?.[entry.key];
      if (property) {
        visit(entry.value, property, childPath);
        continue;
      }
      const pattern = current.propertyNames?.pattern;
      if (pattern && !new RegExp(pattern, 'u').test(entry.key)) {
        report({ line: entry.keyLine, column: entry.keyColumn }, childPath, `"${entry.key}" is not a valid key here (lower-case letters, digits and _)`);
        continue;
      }
      if (current.additionalProperties === false) {
        const hint = didYouMean(entry.key, known);
        const list = hint ? '' : `; expected one of: ${known.join(', ')}`;
        report({ line: entry.keyLine, column: entry.keyColumn }, childPath, `unknown key "${entry.key}"${hint}${list}`);
      } else if (typeof current.additionalProperties === 'object') {
        visit(entry.value, current.additionalProperties, childPath);
      }
    }
  };

  visit(root, schema, '');
  return problems;
}

function hasType(node: TreeNode, type: NonNullable<JsonSchema['type']>): boolean {
  switch (type) {
    case 'object':
      return node.kind === 'object';
    case 'array':
      return node.kind === 'array';
    case 'string':
      return node.kind === 'scalar' && typeof node.value === 'string';
    case 'boolean':
      return node.kind === 'scalar' && typeof node.value === 'boolean';
    case 'number':
      return node.kind === 'scalar' && typeof node.value === 'number';
    case 'integer':
      return node.kind === 'scalar' && Number.isInteger(node.value);
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value)',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
    integer: 'an integer',
  };
  return names[type] ?? type;
}

function describeFound(node: TreeNode): string {
  if (node.kind === 'object') return ', found a mapping';
  if (node.kind === 'array') return ', found a list';
  if (node.value === null) return ', found nothing';
  return `, found ${typeof node.value} ${JSON.stringify(node.value)}`;
}
