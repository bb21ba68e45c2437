import { ts } from '../../engine/ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { evaluateReference, pathString } from '../references.js';
import { patternNames, type Scope } from '../scope.js';
import { isValueReference } from '../syntax.js';
import { isHeadersPath, recordHeaderRead, stripRequestWrappers } from './http-request.js';

// Property reads and writes of catalogued values, destructuring, and project functions used as values.

export function visitMemberRead(analysis: FileAnalysis, node: ts.PropertyAccessExpression | ts.ElementAccessExpression, scope: Scope): void {
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.expression === node) return;
  if (ts.isNewExpression(parent) && parent.expression === node) return;
  const isWrite =
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if (ts.isElementAccessExpression(node) && !isWrite) {
    const base = evaluateReference(node.expression, scope);
    if (base?.root.kind === 'request' && isHeadersPath(base.segments)) {
      recordHeaderRead(analysis, node.argumentExpression, node, scope);
      return;
    }
  }
  const reference = evaluateReference(node, scope);
  if (!reference) return;
  matchRead(analysis, reference, isWrite ? 'write' : 'read', node);
}

/** `const { ip } = req`, `const { androidId } = Application`: each destructured name is a read. */
export function visitDestructuring(analysis: FileAnalysis, node: ts.VariableDeclaration, scope: Scope): void {
  if (ts.isIdentifier(node.name) || !node.initializer) return;
  const base = evaluateReference(node.initializer, scope);
  if (!base) return;
  for (const { members, node: nameNode } of patternNames(node.name)) {
    if (members.includes('?')) continue;
    matchRead(analysis, { root: base.root, segments: [...base.segments, ...members] }, 'read', nameNode);
  }
}

/** A project function or import used as a value (a callback, stored in an object): its callers are unknown. */
export function visitIdentifier(analysis: FileAnalysis, node: ts.Identifier, scope: Scope): void {
  if (!isValueReference(node)) return;
  const binding = scope.lookup(node.text);
  if (binding?.kind === 'function') {
    analysis.facts.escapes.push({ root: { kind: 'function', functionIndex: binding.functionIndex }, segments: [] });
  } else if (binding?.kind === 'import' && !binding.root.typeOnly && analysis.importsProjectCode(binding.root.specifier)) {
    analysis.facts.escapes.push({ root: binding.root, segments: [...binding.segments] });
  }
}

function matchRead(analysis: FileAnalysis, reference: Reference, kind: 'read' | 'write', node: ts.Node): void {
  const { root } = reference;
  const { catalog } = analysis;
  if (root.kind === 'import') {
    if (root.typeOnly) return;
    const api = catalog.moduleApi(root.specifier, pathString(reference.segments));
    if (api?.kind === kind) analysis.recordSource(api, node);
  } else if (root.kind === 'global') {
    const api = catalog.globalApis(pathString([root.name, ...reference.segments]))?.find((candidate) => candidate.kind === kind);
    if (api) analysis.recordSource(api, node);
  } else if (root.kind === 'request' && kind === 'read') {
    const segments = stripRequestWrappers(reference.segments);
    // `req.headers.forwarded`, `const { 'x-real-ip': ip } = req.headers`
    if (segments.length === 2 && segments[0] === 'headers') {
      const api = catalog.catalog.request.headers.get(segments[1]!.toLowerCase());
      if (api) analysis.recordSource(api, node);
      return;
    }
    const path = pathString(segments);
    const api = catalog.catalog.request.properties.find((property) => property.name === path);
    if (api) analysis.recordSource(api, node);
  }
}
