import path from 'node:path';
import { ts } from '../../engine/ts.js';
import { REQUEST_TYPE_NAMES } from '../analyze-options.js';
import type { FileAnalysis } from '../file-analysis.js';
import { evaluateReference, pathString, staticString } from '../references.js';
import type { Scope } from '../scope.js';
import { exportedName } from '../syntax.js';

// HTTP requests on servers: which parameters are requests, and what reading their headers yields.

const REQUEST_TYPE = new RegExp(`\\b(${REQUEST_TYPE_NAMES.join('|')})\\b`);
/** Wrapper segments skipped on request objects: Koa's ctx.request, Next's context.req. */
const REQUEST_WRAPPERS = new Set(['request', 'req']);
/** Header accessors: req.get(name), req.header(name), request.headers.get(name), ctx.get(name). */
export const HEADER_GETTERS = new Set(['get', 'header', 'headers.get', 'getHeader']);

/** A parameter named like a request (`req`, `ctx`, the config's names) or typed like one (`Request`, `FastifyRequest` …). */
export function isRequestParameter(analysis: FileAnalysis, parameter: ts.ParameterDeclaration, name: string): boolean {
  if (analysis.requestNames.has(name)) return true;
  const typeText = parameter.type ? parameter.type.getText(analysis.sourceFile) : '';
  return typeText !== '' && REQUEST_TYPE.test(typeText);
}

/**
 * Which parameter of `fn` is an HTTP request because of where `fn` is: a callback of a
 * framework's handler call (`app.get(path, (r, s) => …)`, `http.createServer(…)`), or a route
 * handler exported from a Next.js route file. -1 when none.
 */
export function requestParameterIndex(analysis: FileAnalysis, fn: ts.SignatureDeclaration): number {
  let argument: ts.Node = fn;
  while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
  const call = argument.parent;
  if (ts.isCallExpression(call) && call.arguments.includes(argument as ts.Expression)) {
    const callee = evaluateReference(call.expression, analysis.scopeOf(call));
    const method = callee?.segments.at(-1);
    if (callee?.root.kind !== 'import' || method === undefined || method === '()') return -1;
    const handler = analysis.catalog.requestHandler(callee.root.specifier, method);
    if (!handler) return -1;
    return fn.parameters.length === 4 && handler.errorHandlerParameter !== undefined ? handler.errorHandlerParameter : handler.parameter;
  }
  const exported = exportedName(fn);
  if (exported === undefined) return -1;
  const base = path.basename(analysis.sourceFile.fileName).replace(/\.[cm]?[jt]sx?$/, '');
  const route = analysis.catalog.catalog.request.routeExports.some((entry) => entry.files.includes(base) && entry.exports.includes(exported));
  return route ? 0 : -1;
}

export function stripRequestWrappers(segments: readonly string[]): string[] {
  let start = 0;
  while (start < segments.length && REQUEST_WRAPPERS.has(segments[start]!)) start++;
  return segments.slice(start);
}

/** Whether a request path is its headers object (`req.headers`, `ctx.request.headers`). */
export function isHeadersPath(segments: readonly string[]): boolean {
  return pathString(stripRequestWrappers(segments)) === 'headers';
}

/** A header read by name: a literal or a constant of this file decides now; a constant imported from another file, when linking. */
export function recordHeaderRead(analysis: FileAnalysis, nameNode: ts.Expression, site: ts.Node, scope: Scope): void {
  const name = staticString(nameNode, scope);
  if (name !== undefined) {
    const api = analysis.catalog.catalog.request.headers.get(name.toLowerCase());
    if (api) analysis.recordSource(api, site);
    return;
  }
  const constant = evaluateReference(nameNode, scope);
  if (constant?.root.kind === 'import') {
    analysis.facts.pendingHeaderReads.push({ constant, range: analysis.range(site), ...analysis.context(site) });
  }
}
