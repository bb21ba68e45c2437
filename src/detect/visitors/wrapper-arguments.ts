import type { SourceApi } from '../../catalog/types.js';
import { ts } from '../ts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { argumentKeys, skipOuterExpressions, staticName, staticString } from '../references.js';
import { enclosingFunctionLike, givenName, isFunctionLike, type Scope } from '../scope.js';

// A catalogued call whose constrained argument is a parameter of the app's own wrapper
// (`listen(name, handler) { DeviceEventEmitter.addListener(name, handler) }`): the constraint is met
// where the wrapper is called with the literal (`this.listen('remoteNotificationsRegistered', cb)`),
// and that call is the site. Only calls of the wrapper in the same file are read.

/** Where a call's argument comes from in its enclosing function: parameter `parameter`, or a property of it. */
interface FromParameter {
  parameter: number;
  property?: string;
}

/** Records the API at each same-file call of the enclosing wrapper whose literal arguments meet the catalog's constraint. */
export function recordThroughWrapper(analysis: FileAnalysis, call: ts.CallExpression, scope: Scope, lookup: (keys: () => readonly (string | undefined)[]) => SourceApi | undefined): void {
  // Only an API the catalog keys on an argument asks for the keys: most calls stop here.
  let keyed = false;
  lookup(() => {
    keyed = true;
    return [];
  });
  if (!keyed) return;
  const wrapper = enclosingFunctionLike(call);
  const name = wrapper && givenName(wrapper);
  if (!wrapper || name === undefined) return;
  const sources = call.arguments.map((argument) => fromParameter(wrapper, argument));
  if (sources.every((source) => source === undefined)) return;
  const own = argumentKeys(call, scope);
  for (const site of callsOf(analysis.sourceFile, name)) {
    const keys = sources.map((source, index) => (source ? literalAt(analysis, site, source) : own[index]));
    const api = lookup(() => keys);
    if (api?.kind === 'call') analysis.recordSource(api, site);
  }
}

type Wrapper = ts.SignatureDeclaration & { body?: ts.Node };

/** `name` where `name` is a parameter, is destructured from one (`({ name })`), or from one in the body (`const { name } = args`). */
function fromParameter(fn: Wrapper, argument: ts.Expression): FromParameter | undefined {
  const value = skipOuterExpressions(argument);
  if (!ts.isIdentifier(value)) return undefined;
  const text = value.text;
  const parameterIndex = (name: string) => fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name);
  const direct = parameterIndex(text);
  if (direct >= 0) return { parameter: direct };
  for (const [index, parameter] of fn.parameters.entries()) {
    const property = ts.isObjectBindingPattern(parameter.name) ? boundProperty(parameter.name, text) : undefined;
    if (property !== undefined) return { parameter: index, property };
  }
  let found: FromParameter | undefined;
  const walk = (node: ts.Node): void => {
    if (found || (node !== fn && isFunctionLike(node))) return;
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && ts.isIdentifier(skipOuterExpressions(node.initializer))) {
      const property = boundProperty(node.name, text);
      const parameter = parameterIndex((skipOuterExpressions(node.initializer) as ts.Identifier).text);
      if (property !== undefined && parameter >= 0) found = { parameter, property };
    }
    ts.forEachChild(node, walk);
  };
  if (fn.body) ts.forEachChild(fn.body, walk);
  return found;
}

/** The property `{ name }` / `{ name: local }` binds to `local`. */
function boundProperty(pattern: ts.ObjectBindingPattern, local: string): string | undefined {
  for (const element of pattern.elements) {
    if (!ts.isIdentifier(element.name) || element.name.text !== local || element.dotDotDotToken) continue;
    return element.propertyName ? staticName(element.propertyName) : local;
  }
  return undefined;
}

/** Calls of `name(…)` or `this.name(…)` / `x.name(…)` in the file. */
function callsOf(sourceFile: ts.SourceFile, name: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      if ((ts.isIdentifier(callee) && callee.text === name) || (ts.isPropertyAccessExpression(callee) && callee.name.text === name)) calls.push(node);
    }
    ts.forEachChild(node, walk);
  };
  walk(sourceFile);
  return calls;
}

/** The literal a wrapper's call gives for the parameter (or the property of the object it gives there). */
function literalAt(analysis: FileAnalysis, site: ts.CallExpression, source: FromParameter): string | undefined {
  const argument = site.arguments[source.parameter];
  if (!argument) return undefined;
  const scope = analysis.scopeOf(site);
  if (source.property === undefined) return staticString(skipOuterExpressions(argument), scope);
  const object = skipOuterExpressions(argument);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name && staticName(property.name) === source.property) return staticString(skipOuterExpressions(property.initializer), scope);
  }
  return undefined;
}
