import { ts } from './ts.js';
import type { IpcFacts, Reference } from './facts.js';
import type { FileAnalysis } from './file-analysis.js';
import { valueTarget } from './exports.js';
import { calleeText, skipOuterExpressions } from './references.js';
import type { Scope } from './scope.js';
import { isFunctionLike } from './scope.js';
import { ipcBridgeOf, ipcBridges, isBridgePart } from '../catalog/ipc-bridges.js';

// Electron's IPC bridge, the one way a renderer reaches the main process: a preload exposes functions
// (`contextBridge.exposeInMainWorld('main', { track: (e) => ipcRenderer.send('track', e) })`), the
// renderer calls them (`window.main.track(e)`), and the main process handles the channel
// (`ipcMain.on('track', handler)`). The pieces are recorded here, joined by channel when linking
// (link/ipc-bridge.ts), so a renderer call is a call of the handler. Which module, objects and methods
// make a bridge is catalog data (catalog/ipc-bridges.yaml).

/** A call whose callee resolves to a bridge's module (`electron`): its bridge part, if it is one. */
export function visitElectronCall(analysis: FileAnalysis, reference: Reference, node: ts.CallExpression, scope: Scope): void {
  if (reference.root.kind !== 'import') return;
  const bridge = ipcBridgeOf(reference.root.specifier);
  if (!bridge) return;
  const path = reference.segments[0] === 'default' ? reference.segments.slice(1) : reference.segments;
  if (path.length !== 2) return;
  const [object, method] = path as [string, string];
  const channel = literal(node.arguments[0]);
  const fn = analysis.currentFunction();
  if (isBridgePart(bridge.send, object, method)) {
    if (channel !== undefined && fn !== null) ipc(analysis).sends.push({ functionIndex: fn, channel });
  } else if (isBridgePart(bridge.expose, object, method)) {
    if (channel !== undefined) ipc(analysis).exposed.push({ key: channel, target: valueTarget(node.arguments[1], scope, (f) => analysis.functionIndexOf(f)) });
  } else if (isBridgePart(bridge.handle, object, method)) {
    const handler = handlerFunction(analysis, node.arguments[1]);
    if (channel !== undefined && handler !== undefined) ipc(analysis).handlers.push({ channel, functionIndex: handler });
    else if (fn !== null) registrar(analysis, node, fn);
  }
}

/** `ipcMainOn('track', (event, e) => …)` of a project function: a possible registration through a wrapper of ipcMain.on. */
export function visitPossibleRegistration(analysis: FileAnalysis, node: ts.CallExpression, referenceIndex: number): void {
  const channel = literal(node.arguments[0]);
  if (channel === undefined) return;
  const handler = node.arguments.slice(1).map((argument) => handlerFunction(analysis, argument)).find((index) => index !== undefined);
  if (handler !== undefined) ipc(analysis).registrations.push({ referenceIndex, channel, functionIndex: handler });
}

/** `window.main.track(e)`: a call a preload's bridge may answer (kept only when linking finds the bridge). */
export function visitWindowCall(analysis: FileAnalysis, node: ts.CallExpression): void {
  // The root and the depth first: the path is spelled out only for a call on a bridge (most calls are not).
  let expression = skipOuterExpressions(node.expression);
  let depth = 0;
  for (; ts.isPropertyAccessExpression(expression); depth++) expression = skipOuterExpressions(expression.expression);
  if (!ts.isIdentifier(expression) || depth < 2) return;
  const root = expression.text;
  if (!ipcBridges().some((bridge) => bridge.global === root)) return;
  const path: string[] = [];
  for (let member = skipOuterExpressions(node.expression); ts.isPropertyAccessExpression(member); member = skipOuterExpressions(member.expression)) path.unshift(member.name.text);
  ipc(analysis).calls.push({ path, callee: calleeText(node.expression, analysis.sourceFile), range: analysis.range(node), ...analysis.context(node) });
}

/** `const ipcMainOn = (channel, listener) => ipcMain.on(channel, listener)`: which parameters are the channel and the handler. */
function registrar(analysis: FileAnalysis, node: ts.CallExpression, fn: number): void {
  let owner: ts.Node | undefined = node.parent;
  while (owner && !isFunctionLike(owner)) owner = owner.parent;
  if (!owner) return;
  const parameters = (owner as ts.SignatureDeclaration).parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
  const position = (argument: ts.Expression | undefined) => {
    const value = argument && skipOuterExpressions(argument);
    return value && ts.isIdentifier(value) ? parameters.indexOf(value.text) : -1;
  };
  const channel = position(node.arguments[0]);
  const handler = position(node.arguments[1]);
  if (channel >= 0 && handler >= 0) ipc(analysis).registrars.push({ functionIndex: fn, channel, handler });
}

function handlerFunction(analysis: FileAnalysis, argument: ts.Expression | undefined): number | undefined {
  const value = argument && skipOuterExpressions(argument);
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? analysis.functionIndexOf(value) : undefined;
}

function literal(argument: ts.Expression | undefined): string | undefined {
  const value = argument && skipOuterExpressions(argument);
  return value && ts.isStringLiteralLike(value) ? value.text : undefined;
}

function ipc(analysis: FileAnalysis): IpcFacts {
  return (analysis.facts.ipc ??= { sends: [], exposed: [], handlers: [], registrars: [], registrations: [], calls: [] });
}
