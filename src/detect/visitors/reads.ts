import { ts } from '../ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { evaluateReference, normalizeGlobal, pathString } from '../references.js';
import { patternNames, type Scope } from '../scope.js';
import { isValueReference } from '../syntax.js';
import { recordAnyHeadersRead, recordKeyedRead } from './value-models.js';

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
  const reference = evaluateReference(node, scope);
  if (!reference) {
    // `req.headers[name]` with a computed name: the member the key names, now or when linking.
    if (ts.isElementAccessExpression(node) && !isWrite) {
      const base = evaluateReference(node.expression, scope);
      if (base?.root.kind === 'model' && base.segments.length === 0) recordKeyedRead(analysis, base.root.model, node.argumentExpression, node, scope);
      else if (!base || base.root.kind !== 'import') recordAnyHeadersRead(analysis, node, scope);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) matchAnyReceiverRead(analysis, node, isWrite ? 'write' : 'read');
    return;
  }
  if (!matchRead(analysis, reference, isWrite ? 'write' : 'read', node) && ts.isPropertyAccessExpression(node) && reference.root.kind !== 'import') {
    matchAnyReceiverRead(analysis, node, isWrite ? 'write' : 'read');
  }
}

/**
 * `'ontouchstart' in window`: a presence test of a member is a read of it whose answer is a yes/no
 * (flows.ts marks it so), a feature test unless a fingerprint gathers it.
 */
export function visitInTest(analysis: FileAnalysis, node: ts.BinaryExpression, scope: Scope): void {
  if (node.operatorToken.kind !== ts.SyntaxKind.InKeyword || !ts.isStringLiteralLike(node.left)) return;
  const base = evaluateReference(node.right, scope);
  if (base && matchRead(analysis, normalizeGlobal({ root: base.root, segments: [...base.segments, node.left.text] }), 'read', node)) return;
  if (base?.root.kind === 'import') return;
  const api = analysis.catalog.hasMemberApi(node.left.text) ? analysis.catalog.memberApi(node.left.text, 'read') : undefined;
  if (api) analysis.recordSource(api, node);
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

/**
 * A name used as a value: a catalogued constant read through a bare named import
 * (`import { modelName } from 'expo-device'`), or a project function or import used as a value
 * (a callback, stored in an object), whose callers are then unknown.
 */
export function visitIdentifier(analysis: FileAnalysis, node: ts.Identifier, scope: Scope): void {
  if (!isValueReference(node)) return;
  const binding = scope.lookup(node.text);
  if (binding?.kind === 'function') {
    analysis.facts.escapes.push({ root: { kind: 'function', functionIndex: binding.functionIndex }, segments: [] });
  } else if (binding?.kind === 'import' && !binding.root.typeOnly) {
    if (binding.segments.length > 0 && matchRead(analysis, { root: binding.root, segments: [...binding.segments] }, 'read', node)) return;
    if (analysis.importsProjectCode(binding.root.specifier)) analysis.facts.escapes.push({ root: binding.root, segments: [...binding.segments] });
  }
}

/** Record the source a read or write reaches, if the catalog has one; whether it did. */
function matchRead(analysis: FileAnalysis, reference: Reference, kind: 'read' | 'write', node: ts.Node): boolean {
  const { root } = reference;
  const { catalog } = analysis;
  let api;
  if (root.kind === 'import') {
    if (root.typeOnly) return false;
    api = catalog.moduleApi(root.specifier, pathString(reference.segments));
    if (!api && kind === 'read') recordProjectRead(analysis, reference, node);
  } else if (root.kind === 'global') {
    api = catalog.globalApi(pathString([root.name, ...reference.segments]), kind);
  } else if (root.kind === 'model' && kind === 'read') {
    const target = catalog.models.member(root.model, reference.segments);
    api = target?.kind === 'source' ? target.api : undefined;
  }
  if (api?.kind !== kind) return false;
  // `localStorage.getItem(key)` uses the storage: the probe is reading whether it is there (`!!window.localStorage`).
  if (api.probe && (ts.isPropertyAccessExpression(node.parent) || ts.isElementAccessExpression(node.parent)) && node.parent.expression === node) return true;
  analysis.recordSource(api, node);
  return true;
}

/**
 * `const info = useNetInfo(); info.details?.cellularGeneration` where the project's module re-exports
 * netinfo's useNetInfo: kept for linking, which knows whether the binding is the package's. Only reads
 * past the import's own name, ending in a member some package's catalogued read ends in.
 */
function recordProjectRead(analysis: FileAnalysis, reference: Reference, node: ts.Node): void {
  const { root, segments } = reference;
  if (root.kind !== 'import' || segments.length < 2 || !analysis.catalog.isModuleReadTail(segments[segments.length - 1]!)) return;
  if (!analysis.importsProjectCode(root.specifier)) return;
  (analysis.facts.projectReads ??= []).push({ reference, range: analysis.range(node), ...analysis.context(node) });
}

/** A member read known by its name on whatever object (`element.offsetWidth` among fingerprinting probes). */
function matchAnyReceiverRead(analysis: FileAnalysis, node: ts.PropertyAccessExpression, kind: 'read' | 'write'): void {
  if (!analysis.catalog.hasMemberApi(node.name.text)) return;
  const api = analysis.catalog.memberApi(node.name.text, kind);
  if (api) analysis.recordSource(api, node);
}
