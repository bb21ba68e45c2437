import { ts } from '../../engine/ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { evaluateReference, moduleLoadSpecifier, pathString } from '../references.js';
import type { Scope } from '../scope.js';
import { continuesChain, isCallOnCallResult, isFirstCall } from '../syntax.js';
import { HEADER_GETTERS, recordHeaderRead, stripRequestWrappers } from './http-request.js';
import { matchSink } from './sinks.js';

// Calls and constructions: catalogued sources, SDK calls, sinks, header getters, and calls of project code.

export function visitCall(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): void {
  const specifier = moduleLoadSpecifier(node);
  if (specifier !== undefined) {
    analysis.imports.add(specifier);
    analysis.recordSdkUse(specifier, node.arguments[0]!);
    return;
  }
  const reference = evaluateReference(node.expression, scope);
  if (!reference) return;
  const called: Reference = { root: reference.root, segments: [...reference.segments, '()'] };
  const { root } = reference;
  const { catalog } = analysis;
  matchSink(analysis, reference, node, scope);

  if (root.kind === 'import') {
    if (root.typeOnly) return;
    const api = catalog.moduleApi(root.specifier, pathString(reference.segments));
    if (api?.kind === 'call') analysis.recordSource(api, node);
    const sdk = catalog.sdkForSpecifier(root.specifier);
    // AdsConsent.gatherConsent() manages consent: not a call that needs it.
    const consentApi = sdk !== undefined && catalog.isConsentApiCall(root.specifier, pathString(reference.segments));
    if (sdk && !continuesChain(node) && !consentApi) analysis.recordSdkCall(sdk.id, root.specifier, node);
    const last = reference.segments.at(-1);
    if (last === 'get' && node.arguments[0] && catalog.isHeaderObject(root.specifier, pathString(reference.segments.slice(0, -1)))) {
      recordHeaderRead(analysis, node.arguments[0], node, scope);
    }
    if (!api && !sdk && (isFirstCall(called.segments) || isCallOnCallResult(called.segments)) && analysis.importsProjectCode(root.specifier)) {
      analysis.recordProjectReference(called, node);
    }
  } else if (root.kind === 'global') {
    const path = pathString([root.name, ...reference.segments]);
    const api = catalog.globalApis(path)?.find((candidate) => candidate.kind === 'call');
    if (api) analysis.recordSource(api, node);
    const sdk = catalog.sdkForGlobal(root.name);
    if (sdk && !continuesChain(node)) {
      analysis.facts.sdkUses.push({ sdkId: sdk.id, package: `global:${root.name}`, range: analysis.range(node) });
      analysis.recordSdkCall(sdk.id, `global:${root.name}`, node);
    }
  } else if (root.kind === 'request') {
    const getter = pathString(stripRequestWrappers(reference.segments));
    const nameArgument = node.arguments[0];
    if (HEADER_GETTERS.has(getter) && nameArgument) recordHeaderRead(analysis, nameArgument, node, scope);
  } else if (root.kind === 'function' && (isFirstCall(called.segments) || isCallOnCallResult(called.segments))) {
    analysis.recordProjectReference(called, node);
  }
}

export function visitNew(analysis: FileAnalysis, node: ts.NewExpression, scope: Scope): void {
  const reference = evaluateReference(node.expression, scope);
  if (reference?.root.kind !== 'import' || reference.root.typeOnly) return;
  const api = analysis.catalog.moduleApi(reference.root.specifier, pathString(reference.segments));
  if (api?.kind === 'construct') analysis.recordSource(api, node);
}

/** `<Profile deviceId={id} />` calls the component with its props. */
export function visitJsxElement(analysis: FileAnalysis, node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope: Scope): void {
  if (!ts.isIdentifier(node.tagName) && !ts.isPropertyAccessExpression(node.tagName)) return;
  const reference = evaluateReference(node.tagName, scope);
  if (!reference) return;
  const isProject =
    reference.root.kind === 'function' || (reference.root.kind === 'import' && !reference.root.typeOnly && analysis.importsProjectCode(reference.root.specifier));
  if (isProject) analysis.recordProjectReference({ root: reference.root, segments: [...reference.segments, '()'] }, node);
}
