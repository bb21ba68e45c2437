import path from 'node:path';
import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { iteratedStrings } from '../iterated-keys.js';
import { evaluateReference, skipOuterExpressions, staticString } from '../references.js';
import type { Scope } from '../scope.js';
import { callbackCall, exportedName, isPlainObjectType } from '../syntax.js';
import { modelOfType } from '../type-references.js';

// Values of catalogued models (an HTTP request, its headers …): which parameters and variables are
// one, and what reading one of their members by a computed key yields. The models are data
// (catalog `models:`); this module only reads them.

/** The model the config's requestParameterNames (or the catalog's defaults) name parameters for. */
export const REQUEST_MODEL = 'http.request';

/**
 * The model a parameter's value is, if any: by where its function is (a framework's callback, an
 * exported route handler), by a decorator (`@Req()`), by its type annotation, or by its name.
 * A parameter typed as a plain object (`req: { ip: string }`) is what its type says, whatever its name.
 */
export function parameterModel(analysis: FileAnalysis, fn: ts.SignatureDeclaration, parameter: ts.ParameterDeclaration, index: number, name: string, scope: Scope): string | undefined {
  if (isPlainObjectType(parameter.type)) return undefined;
  const positional = positionalModel(analysis, fn, index);
  if (positional) return positional;
  const decorated = decoratorModel(analysis, parameter, scope);
  if (decorated?.keyArgument === undefined && decorated) return decorated.model;
  const typed = parameter.type ? modelOfType(parameter.type, scope) : undefined;
  if (typed) return typed;
  return analysis.parameterNameModel(name);
}

/** `app.get(path, (req, res) => …)`, `http.createServer((req) => …)`, `export function GET(request)` in route.ts. */
function positionalModel(analysis: FileAnalysis, fn: ts.SignatureDeclaration, index: number): string | undefined {
  const { models } = analysis.catalog;
  const call = callbackCall(fn);
  if (call) {
    const callee = evaluateReference(call.node.expression, analysis.scopeOf(call.node));
    const method = callee?.segments.at(-1);
    if (callee?.root.kind !== 'import' || method === undefined || method === '()') return undefined;
    const entry = models.callback(callee.root.specifier.replace(/^node:/, ''), method);
    if (!entry) return undefined;
    const position = fn.parameters.length === 4 && entry.errorParameter !== undefined ? entry.errorParameter : entry.parameter;
    return position === index ? entry.model : undefined;
  }
  if (index !== 0) return undefined;
  const exported = exportedName(fn);
  if (exported === undefined) return undefined;
  const base = path.basename(analysis.sourceFile.fileName).replace(/\.[cm]?[jt]sx?$/, '');
  return models.routeExports.find((entry) => (entry.files.includes(base) || entry.files.includes('*')) && entry.exports.includes(exported))?.model;
}

/** A parameter decorator that injects a model value (`@Req() req`), or one of its members (`@Headers('x-real-ip') ip`). */
export function decoratorModel(analysis: FileAnalysis, parameter: ts.ParameterDeclaration, scope: Scope): { model: string; keyArgument?: number; decorator: ts.Decorator } | undefined {
  for (const decorator of ts.getDecorators(parameter) ?? []) {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    const reference = evaluateReference(callee, scope);
    if (reference?.root.kind !== 'import' || reference.segments.length !== 1) continue;
    const entry = analysis.catalog.models.decorator(reference.root.specifier, reference.segments[0]!);
    if (entry) return { ...entry, decorator };
  }
  return undefined;
}

/** A member of a model read by a computed key: a literal or a constant of this file decides now; a constant imported from another file, when linking. */
/** Categories a header read on an object the analysis cannot name still yields: only a client's request carries them. */
const CLIENT_HEADER_CATEGORIES = new Set(['network.ip_address', 'location.coarse']);

/**
 * `integrationContext.event.headers['client-ip']`: the `headers` member of an object no model names
 * (a serverless event reached through a wrapper object), read by a literal name the request-header
 * model knows as the client's IP address or IP geolocation. Other headers (user agent, cookies,
 * authorization) are read from outgoing requests' and responses' headers too, so they need the model.
 */
export function recordAnyHeadersRead(analysis: FileAnalysis, node: ts.ElementAccessExpression, scope: Scope): void {
  const receiver = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(receiver) || receiver.name.text !== 'headers') return;
  // Only on what a caller hands in: an object the code builds (a mock, a request it sends) is not a client's request.
  const parameter = rootParameter(receiver.expression);
  if (!parameter || isPlainObjectType(parameter.type)) return;
  const key = staticString(node.argumentExpression, scope);
  if (key === undefined) return;
  const api = analysis.catalog.models.keyedSource('http.headers', key);
  if (api && CLIENT_HEADER_CATEGORIES.has(api.category)) analysis.recordSource(api, node);
}

/** The parameter a member chain starts from (`integrationContext` of `integrationContext.event`), if it is one. */
function rootParameter(expression: ts.Expression): ts.ParameterDeclaration | undefined {
  let root = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuterExpressions(root.expression);
  if (!ts.isIdentifier(root)) return undefined;
  for (let node: ts.Node | undefined = root.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const found = node.parameters.find((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === root.text);
    if (found) return found;
  }
  return undefined;
}

export function recordKeyedRead(analysis: FileAnalysis, model: string, keyNode: ts.Expression, site: ts.Node, scope: Scope): void {
  const key = staticString(keyNode, scope);
  if (key !== undefined) {
    const api = analysis.catalog.models.keyedSource(model, key);
    if (api) analysis.recordSource(api, site);
    return;
  }
  // `for (const h of IP_HEADERS) req.headers[h]`: each key the list holds; the first the model knows is the site.
  for (const each of iteratedStrings(keyNode, (node) => analysis.scopeOf(node)) ?? []) {
    const api = analysis.catalog.models.keyedSource(model, each);
    if (api) {
      analysis.recordSource(api, site);
      return;
    }
  }
  const constant = evaluateReference(keyNode, scope);
  if (constant?.root.kind === 'import') {
    analysis.facts.pendingKeyedReads.push({ model, constant, range: analysis.range(site), ...analysis.context(site) });
  }
}
