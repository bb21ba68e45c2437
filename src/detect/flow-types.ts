import { createRequire } from 'node:module';

/**
 * Flow-typed JavaScript (React Native apps, `// @flow` files) cannot be read by TypeScript's parser:
 * `{| |}` exact objects, `?T` maybe types, `(x: T)` casts, `opaque type`, `%checks` … So the type
 * syntax is blanked out first, with Hermes's Flow parser (hermes-parser, MIT), leaving plain
 * JavaScript in which every remaining character keeps its offset: lines, columns and code frames
 * stay those of the file. The one exception is an arrow function whose return type spans lines: its
 * parameter list's `)` moves to the end of the blanked type, so no line break is left before `=>`.
 */

/** A node of hermes-parser's ESTree output, as far as this module reads it. */
interface FlowNode {
  type: string;
  range: [number, number];
  [key: string]: unknown;
}

type Parse = (code: string, options: Record<string, unknown>) => FlowNode;
let parser: Parse | undefined;

/** hermes-parser is loaded on the first Flow file only: most projects have none. */
function parse(code: string): FlowNode {
  parser ??= (createRequire(import.meta.url)('hermes-parser') as { parse: Parse }).parse;
  return parser(code, { flow: 'all', sourceType: 'module', tokens: false, allowReturnOutsideFunction: true });
}

/** Whether a file says it is Flow-typed: `@flow` in the comments that open it (not `@noflow`). */
export function declaresFlow(text: string): boolean {
  const header = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/.exec(text)?.[0] ?? '';
  return /@flow\b/.test(header);
}

/** Statements that are nothing but types. */
const TYPE_STATEMENTS = new Set([
  'TypeAlias',
  'OpaqueType',
  'InterfaceDeclaration',
  'DeclareTypeAlias',
  'DeclareOpaqueType',
  'DeclareInterface',
  'DeclareVariable',
  'DeclareFunction',
  'DeclareClass',
  'DeclareModule',
  'DeclareModuleExports',
  'DeclareExportDeclaration',
  'DeclareExportAllDeclaration',
  'DeclareEnum',
  'DeclareComponent',
  'DeclareHook',
]);

/** Properties that hold type syntax on any node: annotations, type parameters and arguments, predicates, variance. */
const TYPE_PROPERTIES = ['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'predicate', 'variance', 'superTypeParameters', 'superTypeArguments'];

/**
 * The text with Flow's type syntax replaced by spaces (line breaks kept), or undefined when the
 * Flow parser cannot read it either (the file then goes to TypeScript's parser as it is, which
 * reports the syntax error).
 */
export function stripFlowTypes(text: string): string | undefined {
  let program: FlowNode;
  try {
    program = parse(text);
  } catch {
    return undefined;
  }
  const out = text.split('');
  const blank = (start: number, end: number) => {
    for (let index = start; index < end; index++) if (out[index] !== '\n' && out[index] !== '\r') out[index] = ' ';
  };

  // An explicit stack rather than recursion: a long call chain must not overflow the stack.
  const stack: FlowNode[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTypeOnly(node)) {
      blank(node.range[0], node.range[1]);
      continue;
    }
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') blankTypeSpecifiers(node, text, blank);
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') blankImplements(node, text, blank);
    if (node.type === 'AsExpression' || node.type === 'AsConstExpression' || node.type === 'SatisfiesExpression') {
      const expression = node.expression as FlowNode;
      blank(expression.range[1], node.range[1]);
      stack.push(expression);
      continue;
    }
    for (const property of TYPE_PROPERTIES) {
      const value = node[property];
      if (isNode(value)) blank(value.range[0], value.range[1]);
    }
    if (node.type === 'ArrowFunctionExpression' && isNode(node.returnType)) moveParenthesisPastReturnType(node, node.returnType, text, out);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'range' || key === 'loc' || key === 'parent' || TYPE_PROPERTIES.includes(key)) continue;
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) if (isNode(value[index])) stack.push(value[index] as FlowNode);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return out.join('');
}

function isNode(value: unknown): value is FlowNode {
  return typeof value === 'object' && value !== null && typeof (value as FlowNode).type === 'string' && Array.isArray((value as FlowNode).range);
}

function isTypeOnly(node: FlowNode): boolean {
  if (TYPE_STATEMENTS.has(node.type)) return true;
  if (node.type === 'ImportDeclaration') {
    // `import { type A, typeof B } from 'm'` imports nothing at run time either.
    const specifiers = (node.specifiers as FlowNode[] | undefined) ?? [];
    return node.importKind === 'type' || node.importKind === 'typeof' || (specifiers.length > 0 && specifiers.every(isTypeSpecifier));
  }
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
    return node.exportKind === 'type' || (isNode(node.declaration) && TYPE_STATEMENTS.has(node.declaration.type));
  }
  return false;
}

/**
 * `import D, { type A, b } from 'm'`, `export { type A, b }`: the type-only specifiers go with their
 * commas; when only types were in the braces, the braces go too.
 */
function blankTypeSpecifiers(node: FlowNode, text: string, blank: (start: number, end: number) => void): void {
  const specifiers = (node.specifiers as FlowNode[] | undefined) ?? [];
  const named = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier' || specifier.type === 'ExportSpecifier');
  if (!named.some(isTypeSpecifier)) return;
  const closeBrace = text.indexOf('}', named.at(-1)!.range[1]);
  if (named.every(isTypeSpecifier)) {
    const defaultSpecifier = specifiers.find((specifier) => !named.includes(specifier));
    const openBrace = text.lastIndexOf('{', named[0]!.range[0]);
    blank(defaultSpecifier ? defaultSpecifier.range[1] : openBrace, closeBrace + 1);
    return;
  }
  named.forEach((specifier, index) => {
    if (!isTypeSpecifier(specifier)) return;
    const next = named[index + 1];
    // Up to the next specifier, its comma included; the last one from the one before it up to the brace.
    if (next) blank(specifier.range[0], next.range[0]);
    else blank(named[index - 1]!.range[1], closeBrace);
  });
}

function isTypeSpecifier(specifier: FlowNode): boolean {
  return specifier.importKind === 'type' || specifier.importKind === 'typeof' || specifier.exportKind === 'type';
}

/** `class A implements B, C {`: the `implements` clause goes. */
function blankImplements(node: FlowNode, text: string, blank: (start: number, end: number) => void): void {
  const implemented = (node.implements as FlowNode[] | undefined) ?? [];
  if (implemented.length === 0) return;
  const keyword = text.lastIndexOf('implements', implemented[0]!.range[0]);
  if (keyword >= node.range[0]) blank(keyword, implemented.at(-1)!.range[1]);
}

/**
 * `(a,\n b): Promise<\n void> => …` blanked would leave a line break between `)` and `=>`, which
 * JavaScript forbids: the `)` moves to the last blanked position, on the line of `=>`.
 */
function moveParenthesisPastReturnType(arrow: FlowNode, returnType: FlowNode, text: string, out: string[]): void {
  if (!/[\n\r]/.test(text.slice(returnType.range[0], returnType.range[1]))) return;
  let close = returnType.range[0] - 1;
  while (close > arrow.range[0] && /\s/.test(text[close]!)) close--;
  if (text[close] !== ')') return;
  out[close] = ' ';
  out[returnType.range[1] - 1] = ')';
}
