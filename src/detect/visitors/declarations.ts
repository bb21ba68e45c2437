import { ts } from '../ts.js';
import type { Reference } from '../facts.js';
import type { FileAnalysis } from '../file-analysis.js';
import { argumentKeys, evaluateReference, moduleLoadSpecifier, pathString, skipOuterExpressions } from '../references.js';
import { collectScopeDeclarations, patternNames, variableSlot, type Binding, type Scope } from '../scope.js';
import { callbackCall } from '../syntax.js';
import { referenceOfType } from '../type-references.js';
import { decoratorModel, parameterModel } from './value-models.js';

// What names stand for: imports, variables and parameters, declared when their scope is entered.

export function declareStatements(analysis: FileAnalysis, statements: readonly ts.Statement[], scope: Scope, hoistVars: boolean): void {
  for (const statement of statements) {
    if (ts.isImportDeclaration(statement)) declareImport(analysis, statement, scope);
    else if (ts.isImportEqualsDeclaration(statement)) declareImportEquals(analysis, statement, scope);
  }
  collectScopeDeclarations(
    statements,
    hoistVars,
    (declaration) => declareVariable(analysis, declaration, scope),
    (declaration) => {
      if (declaration.name) scope.declare(declaration.name.text, { kind: 'function', functionIndex: analysis.functionIndexOf(declaration) });
    },
    (declaration) => {
      if (declaration.name) scope.declare(declaration.name.text, { kind: 'local' });
    },
  );
}

function declareImport(analysis: FileAnalysis, statement: ts.ImportDeclaration, scope: Scope): void {
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
  const specifier = statement.moduleSpecifier.text;
  analysis.imports.add(specifier);
  const clause = statement.importClause;
  const clauseTypeOnly = clause?.isTypeOnly ?? false;
  const root = (typeOnly: boolean) => ({ kind: 'import' as const, specifier, ...(typeOnly ? { typeOnly } : {}) });
  let hasValueBinding = !clause;
  if (clause?.name) {
    scope.declare(clause.name.text, { kind: 'import', root: root(clauseTypeOnly), segments: ['default'] });
    hasValueBinding ||= !clauseTypeOnly;
  }
  const bindings = clause?.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    scope.declare(bindings.name.text, { kind: 'import', root: root(clauseTypeOnly), segments: [] });
    hasValueBinding ||= !clauseTypeOnly;
  } else if (bindings) {
    for (const element of bindings.elements) {
      const typeOnly = clauseTypeOnly || element.isTypeOnly;
      const imported = (element.propertyName ?? element.name).text;
      scope.declare(element.name.text, { kind: 'import', root: root(typeOnly), segments: [imported] });
      hasValueBinding ||= !typeOnly;
    }
    if (bindings.elements.length === 0 && !clause?.name) hasValueBinding = !clauseTypeOnly;
  }
  if (hasValueBinding) analysis.recordSdkUse(specifier, statement.moduleSpecifier);
}

function declareImportEquals(analysis: FileAnalysis, statement: ts.ImportEqualsDeclaration, scope: Scope): void {
  const reference = statement.moduleReference;
  if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression)) return;
  const specifier = reference.expression.text;
  analysis.imports.add(specifier);
  scope.declare(statement.name.text, {
    kind: 'import',
    root: { kind: 'import', specifier, ...(statement.isTypeOnly ? { typeOnly: true } : {}) },
    segments: [],
  });
  if (!statement.isTypeOnly) analysis.recordSdkUse(specifier, reference.expression);
}

function declareVariable(analysis: FileAnalysis, declaration: ts.VariableDeclaration, scope: Scope): void {
  const initializer = declaration.initializer;
  const isConst = (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
  // `const headers: Headers = …`, `let client: Mixpanel`: the annotation says what the value is.
  const typed = ts.isIdentifier(declaration.name) && declaration.type ? typedBinding(declaration.name, declaration.type, scope) : undefined;
  if (typed) {
    scope.declare((declaration.name as ts.Identifier).text, typed);
    return;
  }
  // `let m; … m = new Mixpanel(token)`: a `let` or `var` is also what it is assigned later.
  const reassigned = isConst ? undefined : declaration;
  if (ts.isIdentifier(declaration.name) && initializer) {
    const value = skipOuterExpressions(initializer);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
      scope.declare(declaration.name.text, { kind: 'function', functionIndex: analysis.functionIndexOf(value) });
      return;
    }
    if (isConst && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) {
      scope.declare(declaration.name.text, { kind: 'string', value: value.text, slot: variableSlot(declaration.name) });
      return;
    }
  }
  for (const { name, members, node } of patternNames(declaration.name)) {
    const slot = variableSlot(node);
    const later = reassigned && ts.isIdentifier(declaration.name) ? { reassigned } : {};
    const binding: Binding = initializer ? { kind: 'alias', expression: initializer, members, scope, slot, ...later } : { kind: 'local', slot, scope, ...later };
    scope.declare(name, binding);
  }
}

/** The binding a type annotation gives a name: a model value (`req: Request`) or an instance of a package's class (`client: Mixpanel`). */
function typedBinding(name: ts.Identifier, type: ts.TypeNode, scope: Scope): Binding | undefined {
  const reference = referenceOfType(type, scope, scope.isPackage ?? (() => false));
  if (!reference) return undefined;
  const slot = variableSlot(name);
  return reference.root.kind === 'model' ? { kind: 'model', model: reference.root.model, slot } : { kind: 'alias', expression: name, members: [], scope, slot, reference };
}

export function declareParameters(analysis: FileAnalysis, fn: ts.SignatureDeclaration, scope: Scope): void {
  const functionIndex = analysis.functionIndexOf(fn);
  const promised = promisedValue(analysis, fn);
  fn.parameters.forEach((parameter, index) => {
    const callback = catalogCallbackParameter(analysis, fn, index);
    if (ts.isIdentifier(parameter.name) && decorateWithSource(analysis, parameter, `p${functionIndex}.${index}`, scope.parent ?? scope)) {
      scope.declare(parameter.name.text, { kind: 'local', slot: `p${functionIndex}.${index}` });
      return;
    }
    for (const { name, members, node } of patternNames(parameter.name)) {
      // A plain parameter's value is the argument itself; destructured names get their own slots.
      const slot = members.length === 0 ? `p${functionIndex}.${index}` : variableSlot(node);
      if (index === 0 && promised) {
        // `import('m').then((m) => m.f())`, `.then(({ f }) => f())`: the module namespace;
        // `NetInfo.fetch().then((state) => state.details.ssid)`: the call's result.
        scope.declare(name, { kind: 'alias', expression: promised, members, scope: analysis.scopeOf(promised), slot });
        continue;
      }
      if (callback && ts.isIdentifier(node)) {
        // `NetInfo.addEventListener((state) => state.details.ssid)`
        scope.declare(name, { kind: 'alias', expression: node, members, scope, slot, reference: callback });
        continue;
      }
      const model = members.length === 0 ? parameterModel(analysis, fn, parameter, index, name, scope.parent ?? scope) : undefined;
      if (model) {
        scope.declare(name, { kind: 'model', model, slot });
        continue;
      }
      // `function track(client: Mixpanel)`: an instance of the package's class.
      const instance = members.length === 0 && parameter.type && ts.isIdentifier(node) ? referenceOfType(parameter.type, scope.parent ?? scope, scope.isPackage ?? (() => false)) : undefined;
      scope.declare(name, instance ? { kind: 'alias', expression: node as ts.Identifier, members: [], scope, slot, reference: instance } : { kind: 'local', slot });
    }
  });
}

/**
 * A parameter whose decorator injects personal data: `@Ip() ip` (a catalogued decorator API), or
 * `@Headers('x-real-ip') ip` (a member of a model its argument names). The decorator is the
 * collection site, and the parameter carries its data.
 */
function decorateWithSource(analysis: FileAnalysis, parameter: ts.ParameterDeclaration, slot: string, scope: Scope): boolean {
  const decorators = ts.getDecorators(parameter);
  if (!decorators) return false;
  for (const decorator of decorators) {
    const call = ts.isCallExpression(decorator.expression) ? decorator.expression : undefined;
    const reference = evaluateReference(call ? call.expression : decorator.expression, scope);
    if (reference?.root.kind !== 'import' || reference.root.typeOnly) continue;
    const api = analysis.catalog.moduleApi(reference.root.specifier, pathString(reference.segments), () => (call ? argumentKeys(call, scope) : []));
    if (api?.kind === 'decorator') {
      analysis.recordSource(api, decorator);
      analysis.sourceInto(decorator, slot, `injected by @${pathString(reference.segments)}()`);
      return true;
    }
  }
  const keyed = decoratorModel(analysis, parameter, scope);
  const call = keyed?.keyArgument !== undefined && ts.isCallExpression(keyed.decorator.expression) ? keyed.decorator.expression : undefined;
  const keyNode = call?.arguments[keyed!.keyArgument!];
  if (!keyed || !keyNode) return false;
  const key = argumentKeys(call, scope)[keyed.keyArgument!];
  const api = key === undefined ? undefined : analysis.catalog.models.keyedSource(keyed.model, key);
  if (!api) return false;
  analysis.recordSource(api, keyed.decorator);
  analysis.sourceInto(keyed.decorator, slot, `injected by @${key}`);
  return true;
}

/**
 * The promise `fn` is the `.then` callback of, when its value is worth following: a module
 * load (`import('m')`), or a call whose result a catalogued API reads (`NetInfo.fetch()`).
 */
function promisedValue(analysis: FileAnalysis, fn: ts.SignatureDeclaration): ts.Expression | undefined {
  const call = callbackCall(fn);
  if (!call || call.index !== 0) return undefined;
  const callee = call.node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'then') return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  if (moduleLoadSpecifier(receiver) !== undefined) return receiver;
  const reference = evaluateReference(receiver, analysis.scopeOf(receiver));
  return reference && continuedByCatalog(analysis, reference) ? receiver : undefined;
}

/** The reference of parameter `index` of `fn` when `fn` is a callback whose parameter a catalogued API reads. */
function catalogCallbackParameter(analysis: FileAnalysis, fn: ts.SignatureDeclaration, index: number): Reference | undefined {
  const call = callbackCall(fn);
  if (!call) return undefined;
  const callee = evaluateReference(call.node.expression, analysis.scopeOf(call.node));
  if (!callee) return undefined;
  const called: Reference = { root: callee.root, segments: [...callee.segments, '()'] };
  return continuedByCatalog(analysis, called, { argument: call.index, parameter: index })
    ? { root: callee.root, segments: [...called.segments, `=>${call.index}:${index}`] }
    : undefined;
}

function continuedByCatalog(analysis: FileAnalysis, reference: Reference, callback?: { argument: number; parameter: number }): boolean {
  const { root } = reference;
  if (root.kind === 'import') return !root.typeOnly && analysis.catalog.continuesPast(root.specifier, pathString(reference.segments), callback);
  if (root.kind === 'global') return analysis.catalog.continuesPast(undefined, pathString([root.name, ...reference.segments]), callback);
  return false;
}
