import type { CST, Node as YamlNode } from 'yaml';
import { yamlParser } from '../util/data-file.js';
import type { Problem } from '../util/problem.js';
import { isStackOverflow } from '../util/internal-error.js';
import { MAX_DOCUMENT_DEPTH, offsetDeeperThan } from './nesting.js';

/**
 * A parsed YAML or JSON document as a small tree that remembers where each node came from,
 * so validators can say file:line:column for every problem.
 */
export type TreeNode = ObjectNode | ArrayNode | ScalarNode;

interface NodeBase {
  /** 1-based line and column of the node's first character. */
  line: number;
  column: number;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  entries: ObjectEntry[];
}

export interface ObjectEntry {
  key: string;
  keyLine: number;
  keyColumn: number;
  value: TreeNode;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: TreeNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
}

/** A `# …` comment of the document: where it starts and its text after the `#`, trimmed. */
export interface DocumentComment {
  line: number;
  column: number;
  text: string;
}

export interface ParsedDocument {
  root: TreeNode | undefined;
  problems: Problem[];
  /** Every comment, in document order (the manifest reads `# privlint: proposed` markers from them). */
  comments?: DocumentComment[];
}

/** Parse YAML (JSON is YAML too) into a TreeNode; syntax errors become problems with positions. */
export function parseStructured(text: string, file: string): ParsedDocument {
  // JSON is parsed as YAML (a superset), but a JSON file's syntax errors are called JSON errors.
  const language = /\.json$/i.test(file) || /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'JSON' : 'YAML';
  const { Alias, Composer, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError } = yamlParser();
  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // Parsed and composed in two steps (as parseDocument does), to refuse absurd nesting in between.
  const tooDeep = (offset: number): ParsedDocument => ({
    root: undefined,
    problems: [{ file, ...position(offset), message: `${language} nested deeper than ${MAX_DOCUMENT_DEPTH} levels here; a manifest or config nests a few levels: is this the right file?` }],
  });
  const parser = new Parser(lineCounter.addNewLine);
  let tokens: CST.Token[];
  try {
    tokens = [...parser.parse(text)];
  } catch (error) {
    // The parser keeps its own stack for most nesting, but recurses for some: it stopped where it was.
    if (isStackOverflow(error)) return tooDeep(parser.offset);
    throw error;
  }
  const deepAt = offsetDeeperThan(tokens, MAX_DOCUMENT_DEPTH);
  if (deepAt !== undefined) return tooDeep(deepAt);
  const documents = new Composer({ uniqueKeys: false, merge: true }).compose(tokens, true, text.length);
  const document = documents.next().value!;
  const second = documents.next().value;
  if (second) document.errors.push(new YAMLParseError(second.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  const problems: Problem[] = [...document.errors, ...document.warnings].map((error) => ({
    file,
    ...position(error.pos[0]),
    message: describeYamlError(error.message, language),
  }));
  if (document.errors.length > 0) return { root: undefined, problems };

  // Aliases are expanded into copies; a few nested ones can stand for billions of nodes
  // ("billion laughs"), so the copies have a budget and exceeding it is a problem, not a hang.
  let aliasBudget = MAX_ALIAS_NODES;
  let aliasProblem: Problem | undefined;
  const seen = new Set<YamlNode>();
  // Duplicate keys are found here rather than by the parser, to name the key, its path and where it first appears.
  const duplicates = new Map<string, Problem>();
  const convert = (node: unknown, viaAlias: boolean, path = ''): TreeNode => {
    if (node instanceof Alias) {
      const target = node.resolve(document);
      if (aliasProblem) return { kind: 'scalar', value: null, ...position(node.range?.[0] ?? 0) };
      return convert(target, true, path);
    }
    const yamlNode = node as YamlNode;
    const start = position(yamlNode?.range?.[0] ?? 0);
    if (viaAlias && --aliasBudget < 0) {
      aliasProblem ??= { file, ...start, message: `YAML aliases here expand to more than ${MAX_ALIAS_NODES} values; write the values out instead of nesting aliases` };
      return { kind: 'scalar', value: null, ...start };
    }
    if (isMap(yamlNode)) {
      if (seen.has(yamlNode)) return { kind: 'scalar', value: null, ...start };
      seen.add(yamlNode);
      const entries: ObjectEntry[] = [];
      const merged: ObjectEntry[] = [];
      for (const pair of yamlNode.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyStart = position(keyNode?.range?.[0] ?? 0);
        if (isMergeKey(keyNode)) {
          merged.push(...mergeSources(pair.value, keyStart, path).flatMap((source) => source.entries));
          continue;
        }
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const childPath = path ? `${path}.${key}` : key;
        const first = entries.find((existing) => existing.key === key);
        if (first) {
          duplicates.set(`${keyStart.line}:${keyStart.column}`, {
            file,
            ...keyStart,
            path: childPath,
            message: `duplicate key "${key}" (first at line ${first.keyLine}); keep one of them`,
          });
          continue;
        }
        const value = pair.value === null ? { kind: 'scalar' as const, value: null, ...keyStart } : convert(pair.value, viaAlias, childPath);
        entries.push({ key, keyLine: keyStart.line, keyColumn: keyStart.column, value });
      }
      // `<<: *base` (YAML merge key): the mapping's own keys win, then the sources in order.
      for (const entry of merged) {
        if (!entries.some((existing) => existing.key === entry.key)) entries.push(entry);
      }
      seen.delete(yamlNode);
      return { kind: 'object', entries, ...start };
    }
    if (isSeq(yamlNode)) {
      return { kind: 'array', items: yamlNode.items.map((item, index) => convert(item, viaAlias, `${path}[${index}]`)), ...start };
    }
    if (isScalar(yamlNode)) {
      const value = yamlNode.value;
      const scalar =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
          ? value
          : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar of another type (a bigint, a date) is read as its text, on purpose
            String(value);
      return { kind: 'scalar', value: scalar, ...start };
    }
    return { kind: 'scalar', value: null, ...start };
  };
  /** The mappings a merge key names: one alias or mapping, or a list of them. */
  const mergeSources = (value: unknown, at: { line: number; column: number }, path: string): ObjectNode[] => {
    const items = isSeq(value as YamlNode) ? (value as { items: unknown[] }).items : [value];
    const sources: ObjectNode[] = [];
    for (const item of items) {
      const converted = item === null ? undefined : convert(item, item instanceof Alias, path);
      if (converted?.kind === 'object') sources.push(converted);
      else mergeProblems.push({ file, ...(converted ?? at), message: 'a merge key (<<) takes a mapping or an alias of one (<<: *defaults), or a list of them' });
    }
    return sources;
  };
  const mergeProblems: Problem[] = [];
  const root = document.contents === null ? undefined : convert(document.contents, false);
  if (aliasProblem) return { root: undefined, problems: [...problems, aliasProblem] };
  if (duplicates.size > 0) return { root: undefined, problems: [...problems, ...duplicates.values()] };
  const comments = commentsOf(tokens).map(({ offset, source }) => ({ ...position(offset), text: source.replace(/^#/, '').trim() }));
  return { root, problems: [...problems, ...mergeProblems], comments };
}

/**
 * The comment tokens of a parsed document, in document order. The parser keeps them in several
 * places (before a document, between a key and its value, after a collection), so the token tree
 * is walked whole — without recursion, its depth was checked above.
 */
function commentsOf(tokens: readonly CST.Token[]): { offset: number; source: string }[] {
  const found: { offset: number; source: string }[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
    } else if (value && typeof value === 'object') {
      const token = value as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') found.push({ offset: token.offset, source: token.source });
      else for (const child of Object.values(value)) if (child && typeof child === 'object') stack.push(child);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** How many values alias expansion may produce in one document (far above any real manifest). */
const MAX_ALIAS_NODES = 10_000;

function isMergeKey(key: YamlNode | null): boolean {
  return yamlParser().isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN'));
}

function describeYamlError(message: string, language: 'JSON' | 'YAML'): string {
  const firstLine = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `${language} syntax error: ${firstLine}`;
}

/** The plain JavaScript value of a tree, for code that has already validated its shape. */
export function toPlain(node: TreeNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(toPlain);
    case 'object':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, toPlain(entry.value)]));
  }
}

/** The entry for `key` in an object node. */
export function entryOf(node: TreeNode | undefined, key: string): ObjectEntry | undefined {
  return node?.kind === 'object' ? node.entries.find((entry) => entry.key === key) : undefined;
}
