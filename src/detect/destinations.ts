import { ts } from './ts.js';
import { byRegion, destinationOfText } from './destination-text.js';
import type { Destination } from './facts.js';
import { evaluateReference, moduleLoadSpecifier, skipOuterExpressions } from './references.js';
import type { Scope } from './scope.js';

export { byRegion, destinationOfText } from './destination-text.js';

/**
 * Where a URL expression points: a literal, a template or concatenation with a literal host, a
 * constant (in this file, or imported — resolved later), a constant map indexed by region
 * (`HOSTS[region]`), `new URL(path, base)`, or an axios-style config object's `url` / `baseURL`.
 */
export function destinationOf(node: ts.Expression, scope: Scope, depth = 0): Destination {
  if (depth > 6) return { kind: 'unknown' };
  const expression = skipOuterExpressions(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return destinationOfText(expression.text);
  if (ts.isTemplateExpression(expression) || isConcatenation(expression)) return partsDestination(stringParts(expression), scope, depth);
  if (ts.isBinaryExpression(expression) && isFallback(expression.operatorToken.kind)) return withFallback(expression, scope, depth);
  if (ts.isObjectLiteralExpression(expression)) {
    const property = expression.properties.find(
      (candidate): candidate is ts.PropertyAssignment =>
        ts.isPropertyAssignment(candidate) && ts.isIdentifier(candidate.name) && URL_OPTIONS.has(candidate.name.text),
    );
    return property ? destinationOf(property.initializer, scope, depth + 1) : { kind: 'unknown' };
  }
  if (ts.isNewExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'URL' && !scope.lookup('URL')) {
    // `new URL(path, base)`: an absolute path wins, else the base decides.
    const [path, base] = expression.arguments ?? [];
    const own = path ? destinationOf(path, scope, depth + 1) : { kind: 'unknown' as const };
    return base && (own.kind === 'relative' || own.kind === 'unknown') ? destinationOf(base, scope, depth + 1) : own;
  }
  if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && expression.expression.name.text === 'toString') {
    return destinationOf(expression.expression.expression, scope, depth + 1);
  }
  if (ts.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    if (binding?.kind === 'string') return destinationOfText(binding.value);
    if (binding?.kind === 'alias' && binding.members.length === 0 && isConstDeclaration(binding.expression)) {
      return destinationOf(binding.expression, binding.scope, depth + 1);
    }
    if (binding?.kind === 'import') {
      const reference = evaluateReference(expression, scope);
      if (reference) return { kind: 'imported', constant: reference, prefix: '' };
    }
    return { kind: 'unknown' };
  }
  if (ts.isElementAccessExpression(expression)) {
    const map = constantObject(expression.expression, scope);
    if (map) return byRegion(map);
    const reference = evaluateReference(expression.expression, scope);
    if (reference?.root.kind === 'import') return { kind: 'imported', constant: reference, prefix: '', lookup: 'element' };
    return { kind: 'unknown' };
  }
  if (ts.isPropertyAccessExpression(expression)) {
    if (URL_PROPERTIES.has(expression.name.text)) {
      const url = destinationOf(expression.expression, scope, depth + 1);
      if (url.kind !== 'unknown') return url;
    }
    const map = constantObject(expression.expression, scope);
    const value = map?.[expression.name.text];
    if (value !== undefined) return destinationOfText(value);
    const reference = evaluateReference(expression, scope);
    if (reference?.root.kind === 'import') return { kind: 'imported', constant: reference, prefix: '' };
  }
  return { kind: 'unknown' };
}

/** `HOSTS[region] ?? HOSTS.default`: a region map whose misses go to the fallback host. */
function withFallback(expression: ts.BinaryExpression, scope: Scope, depth: number): Destination {
  const primary = destinationOf(expression.left, scope, depth + 1);
  const fallback = destinationOf(expression.right, scope, depth + 1);
  if (primary.kind === 'by-region' && fallback.kind === 'host') return { kind: 'by-region', hosts: { ...primary.hosts, DEFAULT: fallback.host } };
  return primary.kind === 'unknown' ? fallback : primary;
}

function isFallback(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
}

/** Options objects that name a request's URL or a client's base URL (axios, ky, got, fetch wrappers). */
const URL_OPTIONS = new Set(['baseURL', 'baseUrl', 'url', 'prefixUrl']);
/** Properties of a URL object that keep its host: `url.href`, `url.origin`. */
const URL_PROPERTIES = new Set(['href', 'origin']);

/**
 * A template or concatenation, as its parts: the longest constant text at the start decides the
 * host when it contains one; `${HOST}` or `HOST +` right after the scheme (or at the start) is
 * resolved as a host or base URL of its own.
 */
function partsDestination(parts: (string | ts.Expression)[], scope: Scope, depth: number): Destination {
  let prefix = '';
  let index = 0;
  for (; index < parts.length; index++) {
    const part = parts[index]!;
    const text = typeof part === 'string' ? part : constantString(part, scope);
    if (text === undefined) break;
    prefix += text;
  }
  const fromPrefix = destinationOfText(prefix);
  if (index === parts.length) return fromPrefix;
  if (fromPrefix.kind === 'host' && hostIsComplete(prefix, fromPrefix.host)) return fromPrefix;
  if (fromPrefix.kind === 'relative' && prefix !== '') return fromPrefix;
  if (prefix === '' || /^(?:[a-z][a-z0-9+.-]*:)?\/\/$/i.test(prefix)) {
    const inner = destinationOf(parts[index] as ts.Expression, scope, depth + 1);
    return inner.kind === 'imported' ? { ...inner, prefix } : inner;
  }
  return { kind: 'unknown' };
}

/** "https://api.example.com" before `${path}` names its host; "https://api" before `${suffix}` does not. */
function hostIsComplete(prefix: string, host: string): boolean {
  const after = prefix.slice(prefix.toLowerCase().indexOf(host) + host.length);
  return after !== '' ? /^[/:?#]/.test(after) : host.includes('.') && !/[.-]$/.test(host);
}

function isConcatenation(node: ts.Expression): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/** `'https://' + HOST + '/x'` and `` `https://${HOST}/x` `` as ['https://', HOST, '/x']. */
function stringParts(node: ts.Expression): (string | ts.Expression)[] {
  const expression = skipOuterExpressions(node);
  if (isConcatenation(expression)) return [...stringParts(expression.left), ...stringParts(expression.right)];
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isTemplateExpression(expression)) {
    const parts: (string | ts.Expression)[] = [expression.head.text];
    for (const span of expression.templateSpans) parts.push(span.expression, span.literal.text);
    return parts;
  }
  return [expression];
}

/**
 * A string known statically: a literal, a template or concatenation of known parts, a `const`
 * bound to one (`const BASE = \`https://${HOST}/v1\``). Used for URLs and exported constants.
 */
export function constantString(node: ts.Expression, scope: Scope, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  const expression = skipOuterExpressions(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression) || ts.isNumericLiteral(expression)) return expression.text;
  if (ts.isTemplateExpression(expression) || isConcatenation(expression)) {
    let text = '';
    for (const part of stringParts(expression)) {
      const value = typeof part === 'string' ? part : constantString(part, scope, depth + 1);
      if (value === undefined) return undefined;
      text += value;
    }
    return text;
  }
  if (ts.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    if (binding?.kind === 'string') return binding.value;
    if (binding?.kind === 'alias' && binding.members.length === 0 && isConstDeclaration(binding.expression)) {
      return constantString(binding.expression, binding.scope, depth + 1);
    }
  }
  return undefined;
}

/** A `const X = { a: '...', b: '...' }` in this file, as a plain record of its string members. */
function constantObject(node: ts.Expression, scope: Scope): Record<string, string> | undefined {
  const expression = skipOuterExpressions(node);
  if (!ts.isIdentifier(expression)) return undefined;
  const binding = scope.lookup(expression.text);
  if (binding?.kind !== 'alias' || binding.members.length > 0 || !isConstDeclaration(binding.expression)) return undefined;
  const value = skipOuterExpressions(binding.expression);
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const record: Record<string, string> = {};
  for (const property of value.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    const text = constantString(property.initializer, binding.scope);
    if (key !== undefined && text !== undefined) record[key] = text;
  }
  return record;
}

function isConstDeclaration(initializer: ts.Expression): boolean {
  const declaration = initializer.parent;
  return ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The first call (or `new`) a receiver chain makes: `axios.create({ baseURL })` for `api.post(…)`, `new WebSocket(url)` for `ws.send(…)`. */
export function firstCallInChain(node: ts.Expression, scope: Scope, depth = 0): { call: ts.CallExpression | ts.NewExpression; scope: Scope } | undefined {
  if (depth > 8) return undefined;
  const expression = skipOuterExpressions(node);
  if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) return firstCallInChain(expression.expression, scope, depth + 1);
  if (ts.isCallExpression(expression) && moduleLoadSpecifier(expression) !== undefined) return undefined; // `require('axios')` is the module, not a call
  if (ts.isCallExpression(expression) || ts.isNewExpression(expression)) {
    return firstCallInChain(expression.expression, scope, depth + 1) ?? { call: expression, scope };
  }
  if (ts.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    if (binding?.kind === 'alias' && binding.members.length === 0) return firstCallInChain(binding.expression, binding.scope, depth + 1);
  }
  return undefined;
}
