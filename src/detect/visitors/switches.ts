import type { CollectionSwitch } from '../../catalog/types.js';
import { ts } from '../ts.js';
import { guardCallsOf } from '../context.js';
import { isEnvironmentFlag } from '../environment-flags.js';
import type { SwitchSite } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { argumentKeys, calleeText, constObjectLiteral, skipOuterExpressions, staticName, staticString } from '../references.js';
import type { Scope } from '../scope.js';

// Collection switches (guards.yaml `switches:`): a call that turns an SDK's collection on or off for
// the whole app. What the call sets is read here; linking decides which consent that proves.

type SwitchValue = Pick<SwitchSite, 'value' | 'keys' | 'valueGuards'>;

/** Record the call if it is a catalogued switch: `module` is the import's specifier, or undefined for a global path. */
export function recordSwitches(analysis: FileAnalysis, module: string | undefined, path: string, node: ts.CallExpression, scope: Scope): void {
  const { catalog } = analysis;
  const matches = catalog.switches.match(module?.replace(/^node:/, ''), path, () => argumentKeys(node, scope));
  for (const { guard, index, switch: collectionSwitch } of matches) {
    const sdk = module !== undefined ? catalog.sdkForSpecifier(module) : catalog.sdkForGlobal(path.split('.')[0]!);
    const sdks = collectionSwitch.sdks ?? (sdk ? [sdk.id] : []);
    const value = switchValue(analysis, collectionSwitch, node, scope);
    if (sdks.length === 0 || !value) continue;
    (analysis.facts.switches ??= []).push({
      guardId: guard.id,
      switchIndex: index,
      sdks,
      callee: calleeText(node.expression, analysis.sourceFile),
      range: analysis.range(node),
      ...value,
      ...analysis.context(node),
    });
  }
}

/** What the call sets, or undefined when it sets nothing the analysis can read (no such argument or property). */
function switchValue(analysis: FileAnalysis, collectionSwitch: CollectionSwitch, call: ts.CallExpression, scope: Scope): SwitchValue | undefined {
  if (collectionSwitch.sets) return { value: collectionSwitch.sets };
  const argument = call.arguments[collectionSwitch.argument ?? 0];
  if (!argument) return undefined;
  const slot = collectionSwitch.property === undefined ? argument : propertyValue(argument, collectionSwitch.property, scope);
  if (!slot) return undefined;
  if (collectionSwitch.denied !== undefined) {
    const object = ts.isMethodDeclaration(slot) ? undefined : constObjectLiteral(slot, scope);
    if (!object) return undefined;
    const keys = object.literal.properties.flatMap((property) => {
      const name = property.name ? staticName(property.name) : undefined;
      return name !== undefined && ts.isPropertyAssignment(property) && staticString(property.initializer, object.scope) === collectionSwitch.denied ? [name] : [];
    });
    return keys.length > 0 ? { value: 'off', keys } : { value: 'on' };
  }
  if (collectionSwitch.drops) {
    if (!isFunction(slot)) return undefined;
    return refuses(slot, collectionSwitch.drops) ? { value: 'preference' } : { value: 'on' };
  }
  const inner = skipOuterExpressions(slot as ts.Expression);
  if (inner.kind === ts.SyntaxKind.TrueKeyword) return { value: collectionSwitch.inverted ? 'off' : 'on' };
  if (inner.kind === ts.SyntaxKind.FalseKeyword) return { value: collectionSwitch.inverted ? 'on' : 'off' };
  // `enabled: !__DEV__`: on for every user of a release build, whatever they chose.
  if (isEnvironmentFlag(inner)) return { value: 'on' };
  const valueGuards = guardCallsOf(inner, analysis.sourceFile, analysis.scopeOf);
  return { value: 'preference', ...(valueGuards.length > 0 ? { valueGuards } : {}) };
}

/** The value of `name` in the object literal `argument` is (or a `const` bound to one): an initializer, a shorthand's name, a method. */
function propertyValue(argument: ts.Expression, name: string, scope: Scope): ts.Expression | ts.MethodDeclaration | undefined {
  const object = constObjectLiteral(argument, scope);
  if (!object) return undefined;
  for (const property of object.literal.properties) {
    if (!property.name || staticName(property.name) !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    if (ts.isMethodDeclaration(property)) return property;
  }
  return undefined;
}

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

function isFunction(node: ts.Node): node is FunctionNode {
  const inner = ts.isMethodDeclaration(node) ? node : skipOuterExpressions(node as ts.Expression);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) || ts.isMethodDeclaration(inner);
}

/**
 * Whether a callback can refuse the event: one of its returns (either branch of a `?:`) is a literal
 * null or false, or — with `value` — something other than a literal or one of its parameters
 * (`onError: () => allowCrashReports`).
 */
function refuses(node: FunctionNode, drops: readonly ('null' | 'false' | 'value')[]): boolean {
  const fn = (ts.isMethodDeclaration(node) ? node : skipOuterExpressions(node)) as FunctionNode;
  const parameters = new Set(fn.parameters.flatMap((parameter) => (ts.isIdentifier(parameter.name) ? [parameter.name.text] : [])));
  const returned: ts.Expression[] = [];
  if (fn.body && !ts.isBlock(fn.body)) returned.push(fn.body);
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child)) return;
    if (ts.isReturnStatement(child) && child.expression) returned.push(child.expression);
    ts.forEachChild(child, visit);
  };
  if (fn.body && ts.isBlock(fn.body)) ts.forEachChild(fn.body, visit);
  const kinds = (expression: ts.Expression): ('null' | 'false' | 'value' | 'kept')[] => {
    const inner = skipOuterExpressions(expression);
    if (ts.isConditionalExpression(inner)) return [...kinds(inner.whenTrue), ...kinds(inner.whenFalse)];
    if (inner.kind === ts.SyntaxKind.NullKeyword) return ['null'];
    if (inner.kind === ts.SyntaxKind.FalseKeyword) return ['false'];
    if (inner.kind === ts.SyntaxKind.TrueKeyword || ts.isLiteralExpression(inner)) return ['kept'];
    if (ts.isIdentifier(inner) && (parameters.has(inner.text) || inner.text === 'undefined')) return ['kept'];
    return ['value'];
  };
  return returned.some((expression) => kinds(expression).some((kind) => kind !== 'kept' && drops.includes(kind)));
}
