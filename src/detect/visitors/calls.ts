import { nameApi } from '../../catalog/names.js';
import { ts } from '../ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { argumentKeys, calleeText, evaluateReference, moduleLoadSpecifier, pathString, skipOuterExpressions } from '../references.js';
import type { Scope } from '../scope.js';
import { continuesChain, isCallOnCallResult, isFirstCall } from '../syntax.js';
import { matchCallbackSink, matchSink } from './sinks.js';
import { matchStateSetterSink } from './state-hooks.js';
import { matchShapedSink } from './shaped-sinks.js';
import { matchHandedSetter, recordHandedSetter, setsPersonStore } from './handed-setters.js';
import { recordThroughWrapper } from './wrapper-arguments.js';
import { calleeName, nameOf, recordNamedArguments } from './named-data.js';
import { recordNamedPair } from './named-pairs.js';
import { recordKeyedRead } from './value-models.js';
import { recordSwitches } from './switches.js';
import { recordInvokedCall } from './invokers.js';
import { visitElectronCall, visitPossibleRegistration, visitWindowCall } from '../electron-ipc.js';
import { elementApi, isIntrinsicTag } from './jsx-elements.js';

// Calls and constructions: catalogued sources, SDK calls, sinks, keyed model reads, and calls of project code.

export function visitCall(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): void {
  const specifier = moduleLoadSpecifier(node);
  if (specifier !== undefined) {
    analysis.imports.add(specifier);
    analysis.recordSdkUse(specifier, node.arguments[0]!);
    return;
  }
  const projectReferences = analysis.facts.projectReferences.length;
  const sdkCall = matchCall(analysis, node, scope);
  if (analysis.facts.projectReferences.length > projectReferences) visitPossibleRegistration(analysis, node, projectReferences);
  visitWindowCall(analysis, node);
  if (!sdkCall) recordDeviceGetter(analysis, node, scope);
  recordSetCookie(analysis, node);
  // Personal data by name (an e-mail, a phone number …) where it reaches a sink, an SDK or a sending
  // call; in a call of project code (`fetch` from '../util/fetch'), where linking finds it reaching one.
  const name = calleeName(node);
  const sinkIndex = analysis.sinkIndexes.get(node);
  const renamed = destructuredName(node, scope);
  const sends = name !== undefined && (analysis.catalog.names.isSending(name) || analysis.catalog.names.isUrlBuilder(name) || (renamed !== undefined && analysis.catalog.names.isSending(renamed)) || isPayloadPush(analysis, node));
  if (sinkIndex !== undefined || sdkCall || sends || isStoringCall(analysis, node)) {
    // A hash that derives an identifier: a bare `ip` given to it is the client's (a visitor id), not a server's.
    const derives = sinkIndex !== undefined && analysis.facts.sinks[sinkIndex]?.kind === 'derive';
    // `patchProfile({ address })`, `updateUser({ name })`: a sending call named for a person takes that person's data.
    const onPerson = sends && name !== undefined && analysis.catalog.names.namesPerson(name);
    recordNamedArguments(analysis, node, sdkCall && name !== undefined && analysis.catalog.names.identifyCalls.has(name), false, derives, onPerson);
  } else if (!recordNamedPair(analysis, node) && analysis.facts.projectReferences.length > projectReferences) {
    // A payload builder's pairs are sites where they are added (named-pairs.ts); other calls of project code need a flow to a sink.
    recordNamedArguments(analysis, node, false, true, false, setsPersonStore(analysis, node));
  }
}

/** `contexts.push({ schema, data: { email } })`, `this.payload[id].push(entry)`: an entry pushed onto an array of what is sent. */
function isPayloadPush(analysis: FileAnalysis, node: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'push') return false;
  let receiver = skipOuterExpressions(callee.expression);
  if (ts.isElementAccessExpression(receiver)) receiver = skipOuterExpressions(receiver.expression);
  const name = nameOf(receiver);
  return name !== undefined && analysis.catalog.names.isPayloadArray(name);
}

/** `context.setCookies.push({ name, value, options })`: a cookie the server sets in the visitor's browser (set_cookie_arrays). */
function recordSetCookie(analysis: FileAnalysis, node: ts.CallExpression): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'push' || node.arguments.length === 0) return;
  const name = nameOf(skipOuterExpressions(callee.expression));
  if (name !== undefined && analysis.catalog.names.isSetCookieArray(name)) analysis.recordSource(nameApi(`${name}.push`, 'web.cookies'), node);
}

/**
 * `const { mutate: selectNewEmail } = useEmailMutation()`: the member a called name was destructured
 * from says what the call does, whatever the local name (`selectNewEmail(…)` mutates).
 */
function destructuredName(node: ts.CallExpression, scope: Scope): string | undefined {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isIdentifier(callee)) return undefined;
  const binding = scope.lookup(callee.text);
  const member = binding?.kind === 'alias' ? binding.members.at(-1) : undefined;
  return member === '?' ? undefined : member;
}

/**
 * `retriever?.getAppleIdfa?.()`, `info.getCarrier()`: a member of an app-supplied object named for
 * what it reads from the device is a read of that data by name, where no catalogued API resolves.
 * A package's member is the catalog's to say (`DeviceInfo.getBatteryLevel()` is not listed).
 */
function recordDeviceGetter(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || analysis.hasSourceAt(node)) return;
  const root = evaluateReference(callee.expression, scope)?.root;
  if (root?.kind === 'import' && !analysis.importsProjectCode(root.specifier)) return;
  const match = analysis.catalog.names.matchDeviceGetter(callee.name.text);
  // A call, not a name at a sink: like a low-confidence read, a site only where its value leaves (containment.ts).
  if (match) analysis.recordSource({ ...nameApi(`${callee.name.text}()`, match.category), kind: 'call' }, node);
}

/**
 * `Record.create({ … })`, `models.session.update(id, { … })`: a database or persisted model's write
 * method, called on a named object (not on a call's result, as `createHash('md5').update(…)`).
 */
function isStoringCall(analysis: FileAnalysis, node: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !analysis.catalog.names.isStoringMethod(callee.name.text)) return false;
  const receiver = skipOuterExpressions(callee.expression);
  return ts.isIdentifier(receiver) || ts.isPropertyAccessExpression(receiver) || receiver.kind === ts.SyntaxKind.ThisKeyword;
}

/** What a call is for privacy: a source, a sink, an SDK call, a keyed model read, a call of project code. Whether it is an SDK call. */
function matchCall(analysis: FileAnalysis, node: ts.CallExpression, scope: Scope): boolean {
  const reference = evaluateReference(node.expression, scope);
  const keys = () => argumentKeys(node, scope);
  if (!reference) {
    const sinks = analysis.facts.sinks.length;
    matchCallbackSink(analysis, node, scope);
    matchStateSetterSink(analysis, node, scope);
    // A setter an app's own store wrapper hands to the callback (handed-setters.ts): linking says whether it is a sink.
    if (analysis.facts.sinks.length === sinks) matchHandedSetter(analysis, node);
    // `asyncStorage.setItem(key, value)` on an app's interface-typed store: a sink by its shape.
    if (analysis.facts.sinks.length === sinks) matchShapedSink(analysis, node);
    recordHandedSetter(analysis, node, scope);
    matchAnyReceiver(analysis, node, keys);
    return false;
  }
  const called: Reference = { root: reference.root, segments: [...reference.segments, '()'] };
  const { root } = reference;
  const { catalog } = analysis;
  matchSink(analysis, reference, node, scope);

  if (root.kind === 'import') {
    if (root.typeOnly) return false;
    visitElectronCall(analysis, reference, node, scope);
    const path = pathString(reference.segments);
    recordSwitches(analysis, root.specifier, path, node, scope);
    const api = catalog.moduleApi(root.specifier, path, keys);
    if (root.specifier === '@capacitor/core' && path === 'registerPlugin') recordCapacitorPlugin(analysis, node);
    if (api?.kind === 'call') analysis.recordSource(api, node);
    else if (!api) recordThroughWrapper(analysis, node, scope, (wrapperKeys) => catalog.moduleApi(root.specifier, path, wrapperKeys));
    recordAccessor(analysis, root.specifier, path, node, scope);
    const sdk = catalog.sdkForSpecifier(root.specifier);
    // AdsConsent.gatherConsent() manages consent: not a call that needs it.
    const consentApi = sdk !== undefined && catalog.isConsentApiCall(root.specifier, path);
    const isSdkCall = sdk !== undefined && !continuesChain(node) && !consentApi;
    if (isSdkCall) analysis.recordSdkCall(sdk.id, root.specifier, path, node);
    if (!api && !sdk && (isFirstCall(called.segments) || isCallOnCallResult(called.segments)) && analysis.importsProjectCode(root.specifier)) {
      analysis.recordProjectReference(called, node);
    } else if (!api && !sdk) recordInvokedCall(analysis, reference, node, scope);
    // `const gl = getContext()` imported from the project: a method of what it returned, as for a function of this file.
    if (!api && !sdk && !isFirstCall(called.segments) && analysis.importsProjectCode(root.specifier)) matchAnyReceiver(analysis, node, keys);
    return isSdkCall;
  }
  if (root.kind === 'global') {
    const path = pathString([root.name, ...reference.segments]);
    recordSwitches(analysis, undefined, path, node, scope);
    const api = catalog.globalApi(path, 'call', keys);
    if (api) analysis.recordSource(api, node);
    else recordThroughWrapper(analysis, node, scope, (wrapperKeys) => catalog.globalApi(path, 'call', wrapperKeys));
    recordAccessor(analysis, undefined, path, node, scope);
    const sdk = catalog.sdkForGlobal(root.name);
    const isSdkCall = sdk !== undefined && !continuesChain(node);
    if (isSdkCall) {
      analysis.facts.sdkUses.push({ sdkId: sdk.id, package: `global:${root.name}`, range: analysis.range(node) });
      analysis.recordSdkCall(sdk.id, `global:${root.name}`, path, node);
    }
    if (!api && !sdk) matchAnyReceiver(analysis, node, keys);
    return isSdkCall;
  }
  if (root.kind === 'model') {
    const target = catalog.models.member(root.model, called.segments);
    if (target?.kind === 'source' && target.api.kind === 'call') analysis.recordSource(target.api, node);
    else if (target?.kind === 'keyed') {
      // `req.get('x-real-ip')`, `(await headers()).get(name)`: the member its argument names.
      const key = node.arguments[target.keyArgument];
      if (key) recordKeyedRead(analysis, target.model, key, node, scope);
    } else if (!target) matchAnyReceiver(analysis, node, keys);
    return false;
  }
  if (root.kind === 'function') {
    if (isFirstCall(called.segments) || isCallOnCallResult(called.segments)) analysis.recordProjectReference(called, node, methodInvoked(analysis, called.segments, node));
    // `const gl = getContext(); gl.getParameter(gl.RENDERER)`: a method of what a project function returned.
    if (!isFirstCall(called.segments)) matchAnyReceiver(analysis, node, keys);
  }
  return false;
}

/** `track.call(this, event)` of a function of this file: its arguments start after the context (`apply`'s come in an array). */
function methodInvoked(analysis: FileAnalysis, segments: readonly string[], node: ts.CallExpression): { callee: string; arguments: number | null } | undefined {
  const method = segments.length === 2 ? segments[0]! : undefined;
  if (method !== 'call' && method !== 'apply') return undefined;
  return { callee: calleeText(node.expression, analysis.sourceFile), arguments: method === 'call' ? 1 : null };
}

/** `getHeader(event, 'x-real-ip')` (h3): a function whose argument names the member of a model it returns. */
function recordAccessor(analysis: FileAnalysis, module: string | undefined, path: string, node: ts.CallExpression, scope: Scope): void {
  const accessor = analysis.catalog.models.accessor(module === undefined ? undefined : module.replace(/^node:/, ''), path);
  const key = accessor ? node.arguments[accessor.keyArgument] : undefined;
  if (accessor && key) recordKeyedRead(analysis, accessor.model, key, node, scope);
}

/**
 * An API known by its member name on whatever object (`gl.getParameter(gl.RENDERER)`,
 * `canvas.toDataURL()`): for a receiver the analysis cannot name, or a global or model path the
 * catalog does not list otherwise.
 */
function matchAnyReceiver(analysis: FileAnalysis, node: ts.CallExpression, keys: () => readonly (string | undefined)[]): void {
  const callee = skipOuterExpressions(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !analysis.catalog.hasMemberApi(callee.name.text)) return;
  const api = analysis.catalog.memberApi(callee.name.text, 'call', keys);
  if (api) analysis.recordSource(api, node);
}

export function visitNew(analysis: FileAnalysis, node: ts.NewExpression, scope: Scope): void {
  // `new URL(`…?email=${email}`)`, `new GravatarURL(…)`: named data built into a URL.
  const built = skipOuterExpressions(node.expression);
  const className = ts.isIdentifier(built) ? built.text : ts.isPropertyAccessExpression(built) ? built.name.text : undefined;
  if (className !== undefined && analysis.catalog.names.isUrlBuilder(className)) recordNamedArguments(analysis, node, false);
  const reference = evaluateReference(node.expression, scope);
  if (!reference) return;
  const keys = () => argumentKeys(node, scope);
  const { root } = reference;
  // `new Mixpanel(token)`: making an SDK's client reaches the SDK (the outer call when a chain goes on).
  const sdk = root.kind === 'import' && !root.typeOnly ? analysis.catalog.sdkForSpecifier(root.specifier) : undefined;
  if (sdk && root.kind === 'import' && !continuesChain(node) && !analysis.catalog.isConsentApiCall(root.specifier, pathString(reference.segments))) {
    analysis.recordSdkCall(sdk.id, root.specifier, pathString(reference.segments), node);
  }
  const api =
    root.kind === 'import' && !root.typeOnly
      ? analysis.catalog.moduleApi(root.specifier, pathString(reference.segments), keys)
      : root.kind === 'global'
        ? analysis.catalog.globalApi(pathString([root.name, ...reference.segments]), 'construct', keys)
        : undefined;
  if (api?.kind === 'construct') analysis.recordSource(api, node);
}

/** `<Profile deviceId={id} />` calls the component with its props; `<Camera />` of a camera package is a catalogued element. */
export function visitJsxElement(analysis: FileAnalysis, node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope: Scope): void {
  if (ts.isIdentifier(node.tagName) && isIntrinsicTag(node.tagName.text)) {
    const match = elementApi(analysis.catalog.elementApis(undefined, node.tagName.text), node);
    if (match) analysis.recordSource(match.api, match.at);
    return;
  }
  if (!ts.isIdentifier(node.tagName) && !ts.isPropertyAccessExpression(node.tagName)) return;
  const reference = evaluateReference(node.tagName, scope);
  if (!reference) return;
  if (reference.root.kind === 'import' && !reference.root.typeOnly) {
    const match = elementApi(analysis.catalog.elementApis(reference.root.specifier, pathString(reference.segments)), node);
    if (match) analysis.recordSource(match.api, match.at);
  }
  const isProject =
    reference.root.kind === 'function' || (reference.root.kind === 'import' && !reference.root.typeOnly && analysis.importsProjectCode(reference.root.specifier));
  if (isProject) analysis.recordProjectReference({ root: reference.root, segments: [...reference.segments, '()'] }, node);
}

/** `registerPlugin<FirebaseMessagingPlugin>('FirebaseMessaging')`: the app reaches a catalogued Capacitor plugin by its registered name, without importing its package. */
function recordCapacitorPlugin(analysis: FileAnalysis, node: ts.CallExpression): void {
  const name = node.arguments[0];
  if (!name || !ts.isStringLiteralLike(name)) return;
  const plugin = analysis.catalog.sdkForCapacitorPlugin(name.text);
  if (plugin) analysis.facts.sdkUses.push({ sdkId: plugin.sdk.id, package: plugin.package, range: analysis.range(name) });
}
