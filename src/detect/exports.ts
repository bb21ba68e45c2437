import { ts } from './ts.js';
import { constantString, destinationOf, firstCallInChain } from './destinations.js';
import type { Destination, ExportFact, ExportTarget } from './facts.js';
import { evaluateReference, moduleLoadSpecifier, skipOuterExpressions } from './references.js';
import type { Scope } from './scope.js';

type FunctionIndexOf = (fn: ts.Node) => number;

/** What a file exports (ESM and CommonJS), with each export traced to a function, a reference or a value. */
export function collectExports(sourceFile: ts.SourceFile, scope: Scope, functionIndexOf: FunctionIndexOf): ExportFact[] {
  const exports: ExportFact[] = [];
  const targetOf = (expression: ts.Expression | undefined): ExportTarget => valueTarget(expression, scope, functionIndexOf);

  for (const statement of sourceFile.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
    const isExported = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);

    if (ts.isFunctionDeclaration(statement) && isExported) {
      const target: ExportTarget = { kind: 'function', functionIndex: functionIndexOf(statement) };
      exports.push({ name: isDefault ? 'default' : statement.name?.text ?? 'default', target });
    } else if (ts.isClassDeclaration(statement) && isExported) {
      exports.push({ name: isDefault ? 'default' : statement.name?.text ?? 'default', target: classTarget(statement, functionIndexOf) });
    } else if (ts.isVariableStatement(statement) && isExported) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) exports.push({ name: declaration.name.text, target: targetOf(declaration.initializer) });
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      exports.push({ name: 'default', target: targetOf(statement.expression) });
    } else if (ts.isExportAssignment(statement)) {
      exports.push({ name: '*', target: targetOf(statement.expression) });
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      exports.push(...exportDeclaration(statement, scope, functionIndexOf, sourceFile));
    } else if (ts.isExpressionStatement(statement)) {
      exports.push(...commonJsExports(statement.expression, targetOf));
    }
  }
  return exports;
}

function exportDeclaration(statement: ts.ExportDeclaration, scope: Scope, functionIndexOf: FunctionIndexOf, sourceFile: ts.SourceFile): ExportFact[] {
  const specifier =
    statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
  const clause = statement.exportClause;
  if (!clause) return specifier ? [{ name: '*', target: { kind: 'star', specifier } }] : [];
  if (ts.isNamespaceExport(clause)) {
    return specifier ? [{ name: clause.name.text, target: { kind: 'reference', reference: { root: { kind: 'import', specifier }, segments: [] } } }] : [];
  }
  return clause.elements
    .filter((element) => !element.isTypeOnly)
    .map((element) => {
      const local = (element.propertyName ?? element.name).text;
      const target: ExportTarget = specifier
        ? { kind: 'reference', reference: { root: { kind: 'import', specifier }, segments: [local] } }
        : valueTarget(ts.factory.createIdentifier(local), scope, functionIndexOf, element);
      if (local === element.name.text) return { name: element.name.text, target };
      // Renamed on the way out: the importer's call no longer says which API it is, so the place is kept.
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(element.getStart(sourceFile));
      return { name: element.name.text, target, renamed: { from: local, line: line + 1, column: character + 1 } };
    });
}

/** `module.exports = …`, `module.exports.x = …`, `exports.x = …`. */
function commonJsExports(expression: ts.Expression, targetOf: (value: ts.Expression) => ExportTarget): ExportFact[] {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [];
  const left = expression.left;
  const right = expression.right;
  if (isModuleExports(left)) {
    const value = skipOuterExpressions(right);
    if (ts.isObjectLiteralExpression(value)) {
      const object = targetOf(value);
      return object.kind === 'object' ? Object.entries(object.members).map(([name, target]) => ({ name, target })) : [];
    }
    const specifier = moduleLoadSpecifier(value);
    if (specifier) return [{ name: '*', target: { kind: 'star', specifier } }];
    return [{ name: '*', target: targetOf(value) }];
  }
  if (ts.isPropertyAccessExpression(left) && (isModuleExports(left.expression) || isExportsIdentifier(left.expression))) {
    return [{ name: left.name.text, target: targetOf(right) }];
  }
  return [];
}

const isExportsIdentifier = (node: ts.Expression) => ts.isIdentifier(node) && node.text === 'exports';
const isModuleExports = (node: ts.Expression): boolean =>
  ts.isPropertyAccessExpression(node) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'module' &&
  node.name.text === 'exports';

/**
 * A class: its static methods, and under `()` what an instance has — its methods and the functions
 * its fields hold (`track = (id) => …`) — so `new Api(config).getUser(id)` and `export const api =
 * new Api(config)` used in another file reach the method.
 */
function classTarget(declaration: ts.ClassLikeDeclaration, functionIndexOf: FunctionIndexOf): ExportTarget {
  const members: Record<string, ExportTarget> = {};
  const instance: Record<string, ExportTarget> = {};
  for (const member of declaration.members) {
    if (!member.name || !ts.isIdentifier(member.name)) continue;
    const isStatic = ts.getModifiers(member as ts.HasModifiers)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
    const into = isStatic ? members : instance;
    if (ts.isMethodDeclaration(member) && member.body) {
      into[member.name.text] = { kind: 'function', functionIndex: functionIndexOf(member) };
    } else if (ts.isPropertyDeclaration(member) && member.initializer) {
      const value = skipOuterExpressions(member.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) into[member.name.text] = { kind: 'function', functionIndex: functionIndexOf(value) };
    }
  }
  if (Object.keys(instance).length > 0) members['()'] = { kind: 'object', members: instance };
  return { kind: 'object', members };
}

/** `new Api(config)` of a class declared at the top of this file: what the instance has. */
function localInstance(value: ts.NewExpression, scope: Scope, functionIndexOf: FunctionIndexOf): ExportTarget | undefined {
  const callee = skipOuterExpressions(value.expression);
  if (!ts.isIdentifier(callee) || scope.lookup(callee.text)?.kind !== 'local') return undefined;
  const declaration = value.getSourceFile().statements.find((statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === callee.text);
  if (!declaration) return undefined;
  const target = classTarget(declaration, functionIndexOf);
  return target.kind === 'object' ? target.members['()'] : undefined;
}

/**
 * How much of a value the caller keeps: all of it; or, for the object a function returns
 * (FunctionFact.members), only its members that lead to functions (`returned`), each kept whole
 * (`member`: its own members in full). What is not kept is neither evaluated (a string, a reference
 * and its client's base URL) nor stored.
 */
export type TargetUse = 'full' | 'returned' | 'member';

/** What a value expression is, as an export target. `origin` is the node whose scope names resolve in. */
export function valueTarget(
  expression: ts.Expression | undefined,
  scope: Scope,
  functionIndexOf: FunctionIndexOf,
  origin?: ts.Node,
  use: TargetUse = 'full',
): ExportTarget {
  if (!expression) return { kind: 'unknown' };
  const value = skipOuterExpressions(expression);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return { kind: 'function', functionIndex: functionIndexOf(value) };
  if (ts.isClassExpression(value)) return classTarget(value, functionIndexOf);
  if (ts.isNewExpression(value)) {
    const instance = localInstance(value, scope, functionIndexOf);
    if (instance) return instance;
  }
  if (ts.isObjectLiteralExpression(value)) {
    const members: Record<string, ExportTarget> = {};
    const memberUse: TargetUse = use === 'returned' ? 'member' : 'full';
    const keep = (name: string, member: ExportTarget) => {
      if (use !== 'returned' || member.kind === 'function' || member.kind === 'object') members[name] = member;
      else if (Object.hasOwn(members, name)) delete members[name]; // a later `name:` replaces an earlier one
    };
    let spreads: ExportTarget[] | undefined;
    for (const property of value.properties) {
      if (ts.isSpreadAssignment(property)) {
        // `{ logEvent, ...eventHelpers }`: an object of this file adds its members, another module's is looked up when linking.
        const spread = valueTarget(property.expression, scope, functionIndexOf, undefined, memberUse);
        if (spread.kind === 'object') for (const [name, member] of Object.entries(spread.members)) keep(name, member);
        else if (spread.kind === 'reference') (spreads ??= []).push(spread);
      } else if (ts.isPropertyAssignment(property) && property.name && !ts.isComputedPropertyName(property.name)) {
        keep(property.name.text, valueTarget(property.initializer, scope, functionIndexOf, undefined, memberUse));
      } else if (ts.isShorthandPropertyAssignment(property)) {
        keep(property.name.text, valueTarget(property.name, scope, functionIndexOf, undefined, memberUse));
      } else if (ts.isMethodDeclaration(property) && property.body && !ts.isComputedPropertyName(property.name)) {
        members[property.name.text] = { kind: 'function', functionIndex: functionIndexOf(property) };
      }
    }
    return { kind: 'object', members, ...(spreads ? { spreads } : {}) };
  }
  const text = use === 'full' ? constantString(value, scope) : undefined;
  if (text !== undefined) return { kind: 'string', value: text };
  if (ts.isIdentifier(value)) {
    const binding = scope.lookup(value.text);
    if (binding?.kind === 'function') {
      // `export { A }` hands a made-up identifier: its source file is the specifier's (origin).
      const members = functionProperties(value.text, origin ?? value, scope, functionIndexOf);
      return { kind: 'function', functionIndex: binding.functionIndex, ...(members ? { members } : {}) };
    }
    if (binding?.kind === 'alias' && binding.members.length === 0) {
      const initial = skipOuterExpressions(binding.expression);
      if (ts.isObjectLiteralExpression(initial) || ts.isArrowFunction(initial) || ts.isFunctionExpression(initial)) {
        return valueTarget(initial, binding.scope, functionIndexOf, undefined, use);
      }
      const instance = ts.isNewExpression(initial) ? localInstance(initial, binding.scope, functionIndexOf) : undefined;
      if (instance) return instance;
    }
  }
  const reference = use === 'full' ? evaluateReference(value, scope) : undefined;
  if (!reference) return { kind: 'unknown' };
  return { kind: 'reference', reference, ...clientBase(value, scope, reference) };
}

/**
 * `const A = (event) => …; A.logError = (message) => …; export default A`: the functions a module
 * assigns to a function's properties at its top level, so `A.logError()` in another file is linked.
 */
function functionProperties(name: string, inFile: ts.Node, scope: Scope, functionIndexOf: FunctionIndexOf): Record<string, ExportTarget> | undefined {
  let root: ts.Node = inFile;
  while (root.parent) root = root.parent;
  if (!ts.isSourceFile(root)) return undefined;
  let members: Record<string, ExportTarget> | undefined;
  for (const statement of root.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const assignment = statement.expression;
    if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = assignment.left;
    if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== name) continue;
    const value = skipOuterExpressions(assignment.right);
    if (!ts.isArrowFunction(value) && !ts.isFunctionExpression(value)) continue;
    (members ??= {})[target.name.text] = valueTarget(value, scope, functionIndexOf);
  }
  return members;
}

/** `export const api = axios.create({ baseURL })`: where the client sends, for sinks called on it in other files. */
function clientBase(value: ts.Expression, scope: Scope, reference: { segments: string[] }): { base?: Destination } {
  if (!reference.segments.includes('()')) return {};
  const first = firstCallInChain(value, scope);
  const argument = first?.call.arguments?.[0];
  const base = argument ? destinationOf(argument, first.scope) : undefined;
  return base && base.kind !== 'unknown' ? { base } : {};
}
