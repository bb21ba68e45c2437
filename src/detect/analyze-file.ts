import path from 'node:path';
import type { CatalogIndex } from '../catalog/match.js';
import type { SinkCall, SourceApi } from '../catalog/types.js';
import { ts } from '../engine/ts.js';
import { consentGuardKeys, documentationHost, purposeAnnotation, requiredConsentKeys } from './annotations.js';
import { annotationAnchor, detachedAnnotationLine, flowsToReturn, guardsInEffect, statementAnnotation } from './context.js';
import { collectExports } from './exports.js';
import type { FileFacts, FunctionFact, Range, Reference, SiteContext } from './facts.js';
import { calleeText, constObjectLiteral, evaluateReference, moduleLoadSpecifier, pathString, skipOuterExpressions, staticName, staticString } from './references.js';
import { collectScopeDeclarations, isFunctionLike, patternNames, Scope, variableSlot, type Binding } from './scope.js';
import { collectSuppressions } from './suppressions.js';
import { destinationOf, firstCallInChain } from './destinations.js';
import { parseContextImportSlot } from './flow-slots.js';
import { setParentPointers } from './parent-pointers.js';
import { FlowRecorder } from './flows.js';
import { kindTable } from './kind-table.js';
import { declaresFlow, stripFlowTypes } from './flow-types.js';
import { REQUEST_TYPE_NAMES, type AnalyzeOptions } from './analyze-options.js';
import type { Destination } from './facts.js';

export { DEFAULT_REQUEST_PARAMETER_NAMES, type AnalyzeOptions } from './analyze-options.js';
const REQUEST_TYPE = new RegExp(`\\b(${REQUEST_TYPE_NAMES.join('|')})\\b`);
/** Wrapper segments skipped on request objects: Koa's ctx.request, Next's context.req. */
const REQUEST_WRAPPERS = new Set(['request', 'req']);
/** Header accessors: req.get(name), req.header(name), request.headers.get(name), ctx.get(name). */
const HEADER_GETTERS = new Set(['get', 'header', 'headers.get', 'getHeader']);

export function scriptKindOf(fileName: string): ts.ScriptKind {
  const extension = fileName.slice(fileName.lastIndexOf('.')).toLowerCase();
  switch (extension) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}

/**
 * Parse a file for detection. A JavaScript file in Flow (`// @flow`, or one TypeScript's parser
 * cannot read but Flow's can) is read with its type syntax blanked out (flow-types.ts).
 */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  const javaScript = JAVASCRIPT_EXTENSION.test(fileName);
  const flowText = javaScript && declaresFlow(text) ? stripFlowTypes(text) : undefined;
  const sourceFile = parseText(fileName, flowText ?? text);
  if (!javaScript || flowText !== undefined || syntaxErrors(sourceFile).length === 0) return sourceFile;
  const stripped = stripFlowTypes(text);
  if (stripped === undefined) return sourceFile;
  const retried = parseText(fileName, stripped);
  return syntaxErrors(retried).length === 0 ? retried : sourceFile;
}

const JAVASCRIPT_EXTENSION = /\.(?:[cm]?js|jsx)$/i;

function parseText(fileName: string, text: string): ts.SourceFile {
  // Detection reads comments as text (annotations, suppressions), never JSDoc nodes: skip building them.
  const sourceFile = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(fileName));
  setParentPointers(sourceFile);
  return sourceFile;
}

/** Syntax errors the parser recovered from; a file with any is not analysed. */
export function syntaxErrors(sourceFile: ts.SourceFile): ts.DiagnosticWithLocation[] {
  return ((sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? []).filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
}

/** Analyse one file's text: everything it says about personal data, SDKs, exports and calls. */
export function analyzeSource(fileName: string, text: string, options: AnalyzeOptions, timing?: { parse: number; detect: number }): FileFacts {
  const started = performance.now();
  const sourceFile = parseSource(fileName, text);
  const parsed = performance.now();
  if (timing) timing.parse += parsed - started;
  try {
    return analyzeParsed(sourceFile, options);
  } finally {
    if (timing) timing.detect += performance.now() - parsed;
  }
}

function analyzeParsed(sourceFile: ts.SourceFile, options: AnalyzeOptions): FileFacts {
  const errors = syntaxErrors(sourceFile);
  if (errors.length > 0) {
    const first = errors[0]!;
    const position = sourceFile.getLineAndCharacterOfPosition(first.start);
    return {
      ...emptyFacts(),
      diagnostics: [
        {
          line: position.line + 1,
          column: position.character + 1,
          // A warning, as issue 3 asks: the scan goes on, and the summary counts the file as not analysed.
          severity: 'warning',
          message: `cannot parse this file: ${ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '')}; it was not analysed (fix the syntax error and scan again)`,
        },
      ],
    };
  }
  return new FileAnalyzer(sourceFile, options).run();
}

export function emptyFacts(): FileFacts {
  return {
    sources: [],
    sdkUses: [],
    sdkCalls: [],
    sinks: [],
    flowEdges: [],
    projectReferences: [],
    escapes: [],
    pendingHeaderReads: [],
    functions: [],
    exports: [],
    imports: [],
    suppressions: [],
    diagnostics: [],
  };
}

class FileAnalyzer {
  private readonly facts = emptyFacts();
  private readonly functionIndexes = new Map<ts.Node, number>();
  private readonly scopes = new Map<ts.Node, Scope>();
  private readonly imports = new Set<string>();
  private readonly sourceIndexes = new Map<ts.Node, number>();
  private readonly projectCallIndexes = new Map<ts.Node, number>();
  private readonly sinkIndexes = new Map<ts.Node, number>();
  /** The catalog's `data` arguments of each sink that lists them. */
  private readonly sinkDataArguments = new Map<number, readonly number[]>();
  private readonly flows: FlowRecorder;
  /** Functions being visited, innermost last: the enclosing function of whatever is visited now. */
  private readonly functionStack: number[] = [];
  private readonly catalog: CatalogIndex;
  private readonly requestNames: Set<string>;
  private readonly projectModules = new Map<string, boolean>();
  private readonly isProjectModule?: (file: string, specifier: string) => boolean;
  /** Whether any comment could hold a `@privacy-…` annotation: most files have none to look for. */
  private readonly annotated: boolean;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    options: AnalyzeOptions,
  ) {
    this.catalog = options.catalog;
    this.requestNames = new Set(options.requestParameterNames);
    this.isProjectModule = options.isProjectModule;
    this.annotated = sourceFile.text.includes('@privacy-');
    this.flows = new FlowRecorder({
      sourceFile,
      scopeOf: this.scopeOf,
      functionIndexOf: (fn) => this.functionIndexOf(fn),
      currentFunction: () => this.functionStack.at(-1) ?? null,
      sourceIndex: (node) => this.sourceIndexes.get(node),
      projectCallIndex: (node) => this.projectCallIndexes.get(node),
      sinkIndex: (node) => this.sinkIndexes.get(node),
      sinkDataArguments: (index) => this.sinkDataArguments.get(index),
    });
  }

  run(): FileFacts {
    const fileScope = new Scope(undefined);
    this.scopes.set(this.sourceFile, fileScope);
    this.declareStatements(this.sourceFile.statements, fileScope, true);
    for (const statement of this.sourceFile.statements) this.visit(statement, fileScope);
    this.facts.exports = collectExports(this.sourceFile, fileScope, (fn) => this.functionIndexOf(fn));
    // `export … from './x'` depends on ./x as much as an import does (barrels, cache invalidation);
    // `export … from 'sdk'` is where the project takes the SDK in: its callers reach the SDK through it.
    for (const statement of this.sourceFile.statements) {
      if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        this.imports.add(statement.moduleSpecifier.text);
        if (reexportsValues(statement)) this.recordSdkUse(statement.moduleSpecifier.text, statement.moduleSpecifier);
      }
    }
    this.facts.imports = [...this.imports].sort();
    this.facts.suppressions = collectSuppressions(this.sourceFile);
    this.facts.flowEdges = this.flows.edges;
    const contextImports = new Map<string, { specifier: string; name: string }>();
    for (const edge of this.flows.edges) {
      const context = parseContextImportSlot(edge.from);
      if (context) contextImports.set(edge.from, context);
    }
    if (contextImports.size > 0) this.facts.contextImports = [...contextImports.values()];
    for (const [index, references] of this.flows.returnedClients()) this.facts.functions[index]!.returns = references;
    return this.facts;
  }

  /** Whether calls through an import of `specifier` may reach project code (memoised per file). */
  private importsProjectCode(specifier: string): boolean {
    let known = this.projectModules.get(specifier);
    if (known === undefined) {
      known = !this.catalog.sourceModule(specifier) && !this.catalog.sdkForSpecifier(specifier) && (this.isProjectModule?.(this.sourceFile.fileName, specifier) ?? true);
      this.projectModules.set(specifier, known);
    }
    return known;
  }

  // ── scopes ──────────────────────────────────────────────────────────────

  private scopeOf = (node: ts.Node): Scope => {
    for (let current: ts.Node | undefined = node; current; current = current.parent) {
      const scope = this.scopes.get(current);
      if (scope) return scope;
    }
    return this.scopes.get(this.sourceFile)!;
  };

  private declareStatements(statements: readonly ts.Statement[], scope: Scope, hoistVars: boolean): void {
    for (const statement of statements) {
      if (ts.isImportDeclaration(statement)) this.declareImport(statement, scope);
      else if (ts.isImportEqualsDeclaration(statement)) this.declareImportEquals(statement, scope);
    }
    collectScopeDeclarations(
      statements,
      hoistVars,
      (declaration) => this.declareVariable(declaration, scope),
      (declaration) => {
        if (declaration.name) scope.declare(declaration.name.text, { kind: 'function', functionIndex: this.functionIndexOf(declaration) });
      },
      (declaration) => {
        if (declaration.name) scope.declare(declaration.name.text, { kind: 'local' });
      },
    );
  }

  private declareImport(statement: ts.ImportDeclaration, scope: Scope): void {
    if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
    const specifier = statement.moduleSpecifier.text;
    this.imports.add(specifier);
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
    if (hasValueBinding) this.recordSdkUse(specifier, statement.moduleSpecifier);
  }

  private declareImportEquals(statement: ts.ImportEqualsDeclaration, scope: Scope): void {
    const reference = statement.moduleReference;
    if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression)) return;
    const specifier = reference.expression.text;
    this.imports.add(specifier);
    scope.declare(statement.name.text, {
      kind: 'import',
      root: { kind: 'import', specifier, ...(statement.isTypeOnly ? { typeOnly: true } : {}) },
      segments: [],
    });
    if (!statement.isTypeOnly) this.recordSdkUse(specifier, reference.expression);
  }

  private declareVariable(declaration: ts.VariableDeclaration, scope: Scope): void {
    const initializer = declaration.initializer;
    const isConst = (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
    if (ts.isIdentifier(declaration.name) && initializer) {
      const value = skipOuterExpressions(initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
        scope.declare(declaration.name.text, { kind: 'function', functionIndex: this.functionIndexOf(value) });
        return;
      }
      if (isConst && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) {
        scope.declare(declaration.name.text, { kind: 'string', value: value.text, slot: variableSlot(declaration.name) });
        return;
      }
    }
    for (const { name, members, node } of patternNames(declaration.name)) {
      const slot = variableSlot(node);
      const binding: Binding = initializer ? { kind: 'alias', expression: initializer, members, scope, slot } : { kind: 'local', slot };
      scope.declare(name, binding);
    }
  }

  private declareParameters(fn: ts.SignatureDeclaration, scope: Scope): void {
    const functionIndex = this.functionIndexOf(fn);
    const requestParameter = this.requestParameterIndex(fn);
    const promised = this.promisedValue(fn);
    fn.parameters.forEach((parameter, index) => {
      const typeText = parameter.type ? parameter.type.getText(this.sourceFile) : '';
      const callback = this.catalogCallbackParameter(fn, index);
      for (const { name, members, node } of patternNames(parameter.name)) {
        // A plain parameter's value is the argument itself; destructured names get their own slots.
        const slot = members.length === 0 ? `p${functionIndex}.${index}` : variableSlot(node);
        if (index === 0 && promised) {
          // `import('m').then((m) => m.f())`, `.then(({ f }) => f())`: the module namespace;
          // `NetInfo.fetch().then((state) => state.details.ssid)`: the call's result.
          scope.declare(name, { kind: 'alias', expression: promised, members, scope: this.scopeOf(promised), slot });
          continue;
        }
        if (callback && ts.isIdentifier(node)) {
          // `NetInfo.addEventListener((state) => state.details.ssid)`
          scope.declare(name, { kind: 'alias', expression: node, members, scope, slot, reference: callback });
          continue;
        }
        const isRequest =
          members.length === 0 &&
          !isPlainObjectType(parameter.type) &&
          (index === requestParameter || this.requestNames.has(name) || (typeText !== '' && REQUEST_TYPE.test(typeText)));
        scope.declare(name, isRequest ? { kind: 'request', slot } : { kind: 'local', slot });
      }
    });
  }

  /**
   * The promise `fn` is the `.then` callback of, when its value is worth following: a module
   * load (`import('m')`), or a call whose result a catalogued API reads (`NetInfo.fetch()`).
   */
  private promisedValue(fn: ts.SignatureDeclaration): ts.Expression | undefined {
    const call = callbackCall(fn);
    if (!call || call.index !== 0) return undefined;
    const callee = call.node.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'then') return undefined;
    const receiver = skipOuterExpressions(callee.expression);
    if (moduleLoadSpecifier(receiver) !== undefined) return receiver;
    const reference = evaluateReference(receiver, this.scopeOf(receiver));
    return reference && this.continuedByCatalog(reference) ? receiver : undefined;
  }

  /** The reference of parameter `index` of `fn` when `fn` is a callback whose parameter a catalogued API reads. */
  private catalogCallbackParameter(fn: ts.SignatureDeclaration, index: number): Reference | undefined {
    const call = callbackCall(fn);
    if (!call) return undefined;
    const callee = evaluateReference(call.node.expression, this.scopeOf(call.node));
    if (!callee) return undefined;
    const called: Reference = { root: callee.root, segments: [...callee.segments, '()'] };
    return this.continuedByCatalog(called, { argument: call.index, parameter: index })
      ? { root: callee.root, segments: [...called.segments, `=>${call.index}:${index}`] }
      : undefined;
  }

  private continuedByCatalog(reference: Reference, callback?: { argument: number; parameter: number }): boolean {
    const { root } = reference;
    if (root.kind === 'import') return !root.typeOnly && this.catalog.continuesPast(root.specifier, pathString(reference.segments), callback);
    if (root.kind === 'global') return this.catalog.continuesPast(undefined, pathString([root.name, ...reference.segments]), callback);
    return false;
  }

  /**
   * Which parameter of `fn` is an HTTP request because of where `fn` is: a callback of a
   * framework's handler call (`app.get(path, (r, s) => …)`, `http.createServer(…)`), or a route
   * handler exported from a Next.js route file. -1 when none.
   */
  private requestParameterIndex(fn: ts.SignatureDeclaration): number {
    let argument: ts.Node = fn;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (ts.isCallExpression(call) && call.arguments.includes(argument as ts.Expression)) {
      const callee = evaluateReference(call.expression, this.scopeOf(call));
      const method = callee?.segments.at(-1);
      if (callee?.root.kind !== 'import' || method === undefined || method === '()') return -1;
      const handler = this.catalog.requestHandler(callee.root.specifier, method);
      if (!handler) return -1;
      return fn.parameters.length === 4 && handler.errorHandlerParameter !== undefined ? handler.errorHandlerParameter : handler.parameter;
    }
    const exported = exportedName(fn);
    if (exported === undefined) return -1;
    const base = path.basename(this.sourceFile.fileName).replace(/\.[cm]?[jt]sx?$/, '');
    const route = this.catalog.catalog.request.routeExports.some((entry) => entry.files.includes(base) && entry.exports.includes(exported));
    return route ? 0 : -1;
  }

  // ── functions ───────────────────────────────────────────────────────────

  private functionIndexOf(fn: ts.Node): number {
    const existing = this.functionIndexes.get(fn);
    if (existing !== undefined) return existing;
    const index = this.facts.functions.length;
    this.functionIndexes.set(fn, index);
    const placeholder = {} as FunctionFact;
    this.facts.functions.push(placeholder);
    const parent = this.enclosingFunction(fn.parent);
    Object.assign(placeholder, {
      name: functionName(fn),
      range: this.range(fn),
      parentFunction: parent,
      ...(this.annotated ? this.functionAnnotations(fn) : { requiresConsent: [] }),
    } satisfies FunctionFact);
    return index;
  }

  /** What the comments above a function (or its class) declare: purpose, consent it requires, consent it checks. */
  private functionAnnotations(fn: ts.Node): Pick<FunctionFact, 'annotation' | 'requiresConsent' | 'consentGuard'> {
    const hosts = documentationHost(fn);
    const classNode = ts.isClassLike(fn.parent) ? fn.parent : undefined;
    const annotation =
      firstDefined(hosts, (host) => purposeAnnotation(host, this.sourceFile)) ??
      (classNode ? purposeAnnotation(classNode, this.sourceFile) : undefined);
    const requiresConsent = [
      ...hosts.flatMap((host) => requiredConsentKeys(host, this.sourceFile)),
      ...(classNode ? requiredConsentKeys(classNode, this.sourceFile) : []),
    ];
    const guardKeys = firstDefined(hosts, (host) => consentGuardKeys(host, this.sourceFile));
    return {
      ...(annotation ? { annotation } : {}),
      requiresConsent: [...new Set(requiresConsent)],
      ...(guardKeys ? { consentGuard: { keys: guardKeys } } : {}),
    };
  }

  private enclosingFunction(node: ts.Node | undefined): number | null {
    for (let current = node; current && !ts.isSourceFile(current); current = current.parent) {
      if (isFunctionLike(current) && (current as { body?: ts.Node }).body) return this.functionIndexOf(current);
    }
    return null;
  }

  // ── traversal ───────────────────────────────────────────────────────────

  /** A callback that visits nodes in `scope`, made once per scope (not once per node visited). */
  private visitorIn(scope: Scope): (child: ts.Node) => void {
    return (scope.visitor ??= (child) => this.visit(child, scope));
  }

  private visit(node: ts.Node, scope: Scope): void {
    if (isTypeOnlySyntax(node)) return;
    this.visitNode(node, scope);
    this.flows.afterVisit(node);
  }

  private visitNode(node: ts.Node, scope: Scope): void {
    if (isFunctionLike(node)) {
      this.visitFunction(node, scope);
      return;
    }
    switch (node.kind) {
      case ts.SyntaxKind.Block:
      case ts.SyntaxKind.CaseBlock:
      case ts.SyntaxKind.ModuleBlock:
        this.visitBlock(node as ts.Block | ts.CaseBlock | ts.ModuleBlock, scope);
        return;
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement:
        this.visitLoop(node as ts.ForStatement | ts.ForOfStatement | ts.ForInStatement, scope);
        return;
      case ts.SyntaxKind.CatchClause:
        if ((node as ts.CatchClause).variableDeclaration) {
          this.visitCatch(node as ts.CatchClause & { variableDeclaration: ts.VariableDeclaration }, scope);
          return;
        }
        break;
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
        this.visitClass(node as ts.ClassLikeDeclaration, scope);
        return;
      case ts.SyntaxKind.CallExpression:
        this.visitCall(node as ts.CallExpression, scope);
        break;
      case ts.SyntaxKind.NewExpression:
        this.visitNew(node as ts.NewExpression, scope);
        break;
      case ts.SyntaxKind.JsxOpeningElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
        this.visitJsxElement(node as ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope);
        break;
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        this.visitMemberRead(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, scope);
        break;
      case ts.SyntaxKind.VariableDeclaration:
        this.visitDestructuring(node as ts.VariableDeclaration, scope);
        break;
      case ts.SyntaxKind.Identifier:
        this.visitIdentifier(node as ts.Identifier, scope);
        break;
    }
    ts.forEachChild(node, this.visitorIn(scope));
  }

  private visitFunction(node: ts.SignatureDeclaration & { body?: ts.Node }, scope: Scope): void {
    const body = node.body;
    if (!body) return;
    const functionScope = new Scope(scope);
    this.scopes.set(node, functionScope);
    this.functionStack.push(this.functionIndexOf(node));
    if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
      functionScope.declare(node.name.text, { kind: 'function', functionIndex: this.functionIndexOf(node) });
    }
    this.declareParameters(node, functionScope);
    for (const parameter of node.parameters) if (parameter.initializer) this.visit(parameter.initializer, functionScope);
    if (ts.isBlock(body)) {
      this.scopes.set(body, functionScope);
      this.declareStatements(body.statements, functionScope, true);
      for (const statement of body.statements) this.visit(statement, functionScope);
    } else {
      this.visit(body, functionScope);
    }
    this.functionStack.pop();
  }

  private visitBlock(node: ts.Block | ts.CaseBlock | ts.ModuleBlock, scope: Scope): void {
    const blockScope = new Scope(scope);
    this.scopes.set(node, blockScope);
    const statements = ts.isCaseBlock(node) ? node.clauses.flatMap((clause) => [...clause.statements]) : node.statements;
    this.declareStatements(statements, blockScope, false);
    ts.forEachChild(node, this.visitorIn(blockScope));
  }

  private visitLoop(node: ts.ForStatement | ts.ForOfStatement | ts.ForInStatement, scope: Scope): void {
    const loopScope = new Scope(scope);
    this.scopes.set(node, loopScope);
    const initializer = node.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) {
      for (const declaration of initializer.declarations) {
        for (const { name, node: nameNode } of patternNames(declaration.name)) loopScope.declare(name, { kind: 'local', slot: variableSlot(nameNode) });
      }
    }
    ts.forEachChild(node, this.visitorIn(loopScope));
  }

  private visitCatch(node: ts.CatchClause & { variableDeclaration: ts.VariableDeclaration }, scope: Scope): void {
    const catchScope = new Scope(scope);
    this.scopes.set(node, catchScope);
    for (const { name, node: nameNode } of patternNames(node.variableDeclaration.name)) catchScope.declare(name, { kind: 'local', slot: variableSlot(nameNode) });
    ts.forEachChild(node, this.visitorIn(catchScope));
  }

  private visitClass(node: ts.ClassLikeDeclaration, scope: Scope): void {
    const classScope = new Scope(scope);
    if (node.name) classScope.declare(node.name.text, { kind: 'local' });
    this.scopes.set(node, classScope);
    ts.forEachChild(node, this.visitorIn(classScope));
  }

  private visitCall(node: ts.CallExpression, scope: Scope): void {
    const specifier = moduleLoadSpecifier(node);
    if (specifier !== undefined) {
      this.imports.add(specifier);
      this.recordSdkUse(specifier, node.arguments[0]!);
      return;
    }
    const reference = evaluateReference(node.expression, scope);
    if (!reference) return;
    const called: Reference = { root: reference.root, segments: [...reference.segments, '()'] };
    const { root } = reference;
    this.matchSink(reference, node, scope);

    if (root.kind === 'import') {
      if (root.typeOnly) return;
      const api = this.catalog.moduleApi(root.specifier, pathString(reference.segments));
      if (api?.kind === 'call') this.recordSource(api, node);
      const sdk = this.catalog.sdkForSpecifier(root.specifier);
      // AdsConsent.gatherConsent() manages consent: not a call that needs it.
      const consentApi = sdk !== undefined && this.catalog.isConsentApiCall(root.specifier, pathString(reference.segments));
      if (sdk && !continuesChain(node) && !consentApi) this.recordSdkCall(sdk.id, root.specifier, node);
      const last = reference.segments.at(-1);
      if (last === 'get' && node.arguments[0] && this.catalog.isHeaderObject(root.specifier, pathString(reference.segments.slice(0, -1)))) {
        this.recordHeaderRead(node.arguments[0], node, scope);
      }
      if (!api && !sdk && (isFirstCall(called.segments) || isCallOnCallResult(called.segments)) && this.importsProjectCode(root.specifier)) {
        this.recordProjectReference(called, node);
      }
    } else if (root.kind === 'global') {
      const path = pathString([root.name, ...reference.segments]);
      const api = this.catalog.globalApis(path)?.find((candidate) => candidate.kind === 'call');
      if (api) this.recordSource(api, node);
      const sdk = this.catalog.sdkForGlobal(root.name);
      if (sdk && !continuesChain(node)) {
        this.facts.sdkUses.push({ sdkId: sdk.id, package: `global:${root.name}`, range: this.range(node) });
        this.recordSdkCall(sdk.id, `global:${root.name}`, node);
      }
    } else if (root.kind === 'request') {
      const getter = pathString(stripRequestWrappers(reference.segments));
      const nameArgument = node.arguments[0];
      if (HEADER_GETTERS.has(getter) && nameArgument) this.recordHeaderRead(nameArgument, node, scope);
    } else if (root.kind === 'function' && (isFirstCall(called.segments) || isCallOnCallResult(called.segments))) {
      this.recordProjectReference(called, node);
    }
  }

  /** `<Profile deviceId={id} />` calls the component with its props. */
  private visitJsxElement(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope: Scope): void {
    if (!ts.isIdentifier(node.tagName) && !ts.isPropertyAccessExpression(node.tagName)) return;
    const reference = evaluateReference(node.tagName, scope);
    if (!reference) return;
    const isProject =
      reference.root.kind === 'function' || (reference.root.kind === 'import' && !reference.root.typeOnly && this.importsProjectCode(reference.root.specifier));
    if (isProject) this.recordProjectReference({ root: reference.root, segments: [...reference.segments, '()'] }, node);
  }

  private matchSink(reference: Reference, node: ts.CallExpression, scope: Scope): void {
    const { root } = reference;
    const match =
      root.kind === 'import' && !root.typeOnly
        ? this.catalog.moduleSink(root.specifier, pathString(reference.segments))
        : root.kind === 'global'
          ? this.catalog.globalSink(pathString([root.name, ...reference.segments]))
          : undefined;
    if (!match) return;
    const pkg = root.kind === 'import' ? root.specifier : `global:${(root as { name: string }).name}`;
    const sdk = root.kind === 'import' ? this.catalog.sdkForSpecifier(root.specifier) : this.catalog.sdkForGlobal((root as { name: string }).name);
    const destination = match.sink.kind === 'network' ? this.destinationFor(match.call, node, scope) : undefined;
    this.sinkIndexes.set(node, this.facts.sinks.length);
    if (match.call.data) this.sinkDataArguments.set(this.facts.sinks.length, match.call.data);
    this.facts.sinks.push({
      kind: match.sink.kind,
      ...(sdk && match.sink.kind === 'sdk' ? { sdkId: sdk.id } : {}),
      package: pkg,
      callee: calleeText(node.expression, this.sourceFile),
      range: this.range(node),
      ...(destination ? { destination } : {}),
      ...this.context(node),
    });
  }

  /** Where a network sink sends data: its URL argument, the base URL of the client it is called on, or xhr.open(). */
  private destinationFor(call: SinkCall, node: ts.CallExpression, scope: Scope): Destination {
    const direct = call.url !== undefined && node.arguments[call.url] ? destinationOf(node.arguments[call.url]!, scope) : undefined;
    if (direct && direct.kind !== 'relative' && direct.kind !== 'unknown') return direct;
    if (call.chainUrl !== undefined) {
      const first = firstCallInChain(node.expression, scope);
      const argument = first?.call.arguments?.[call.chainUrl];
      if (first && argument) {
        const base = destinationOf(argument, first.scope);
        if (base.kind !== 'unknown') return base;
      }
    }
    if (call.siblingUrl) {
      const sibling = siblingCallArgument(node, call.siblingUrl.call, call.siblingUrl.arg, this.scopeOf);
      if (sibling) return destinationOf(sibling.argument, sibling.scope);
    }
    return direct ?? { kind: 'unknown' };
  }

  private visitNew(node: ts.NewExpression, scope: Scope): void {
    const reference = evaluateReference(node.expression, scope);
    if (reference?.root.kind !== 'import' || reference.root.typeOnly) return;
    const api = this.catalog.moduleApi(reference.root.specifier, pathString(reference.segments));
    if (api?.kind === 'construct') this.recordSource(api, node);
  }

  private visitMemberRead(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, scope: Scope): void {
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
      if (base?.root.kind === 'request' && pathString(stripRequestWrappers(base.segments)) === 'headers') {
        this.recordHeaderRead(node.argumentExpression, node, scope);
        return;
      }
    }
    const reference = evaluateReference(node, scope);
    if (!reference) return;
    this.matchRead(reference, isWrite ? 'write' : 'read', node);
  }

  /** `const { ip } = req`, `const { androidId } = Application`: each destructured name is a read. */
  private visitDestructuring(node: ts.VariableDeclaration, scope: Scope): void {
    if (ts.isIdentifier(node.name) || !node.initializer) return;
    const base = evaluateReference(node.initializer, scope);
    if (!base) return;
    for (const { members, node: nameNode } of patternNames(node.name)) {
      if (members.includes('?')) continue;
      this.matchRead({ root: base.root, segments: [...base.segments, ...members] }, 'read', nameNode);
    }
  }

  private visitIdentifier(node: ts.Identifier, scope: Scope): void {
    if (!isValueReference(node)) return;
    const binding = scope.lookup(node.text);
    if (binding?.kind === 'function') {
      this.facts.escapes.push({ root: { kind: 'function', functionIndex: binding.functionIndex }, segments: [] });
    } else if (binding?.kind === 'import' && !binding.root.typeOnly && this.importsProjectCode(binding.root.specifier)) {
      this.facts.escapes.push({ root: binding.root, segments: [...binding.segments] });
    }
  }

  private matchRead(reference: Reference, kind: 'read' | 'write', node: ts.Node): void {
    const { root } = reference;
    if (root.kind === 'import') {
      if (root.typeOnly) return;
      const api = this.catalog.moduleApi(root.specifier, pathString(reference.segments));
      if (api?.kind === kind) this.recordSource(api, node);
    } else if (root.kind === 'global') {
      const api = this.catalog.globalApis(pathString([root.name, ...reference.segments]))?.find((candidate) => candidate.kind === kind);
      if (api) this.recordSource(api, node);
    } else if (root.kind === 'request' && kind === 'read') {
      const segments = stripRequestWrappers(reference.segments);
      // `req.headers.forwarded`, `const { 'x-real-ip': ip } = req.headers`
      if (segments.length === 2 && segments[0] === 'headers') {
        const api = this.catalog.catalog.request.headers.get(segments[1]!.toLowerCase());
        if (api) this.recordSource(api, node);
        return;
      }
      const path = pathString(segments);
      const api = this.catalog.catalog.request.properties.find((property) => property.name === path);
      if (api) this.recordSource(api, node);
    }
  }

  private recordHeaderRead(nameNode: ts.Expression, site: ts.Node, scope: Scope): void {
    const name = staticString(nameNode, scope);
    if (name !== undefined) {
      const api = this.catalog.catalog.request.headers.get(name.toLowerCase());
      if (api) this.recordSource(api, site);
      return;
    }
    const constant = evaluateReference(nameNode, scope);
    if (constant?.root.kind === 'import') {
      this.facts.pendingHeaderReads.push({ constant, range: this.range(site), ...this.context(site) });
    }
  }

  // ── records ─────────────────────────────────────────────────────────────

  /** One site per category the API yields here (its own, `also` on other platforms, or those its argument asks for). */
  private recordSource(api: SourceApi, node: ts.Node): void {
    if (this.sourceIndexes.has(node)) return;
    this.sourceIndexes.set(node, this.facts.sources.length);
    const range = this.range(node);
    const context = this.context(node);
    for (const category of this.categoriesAt(api, node)) this.facts.sources.push({ apiId: api.id, category, range, ...context });
  }

  private categoriesAt(api: SourceApi, node: ts.Node): string[] {
    const categories = api.argumentCategories && ts.isCallExpression(node) ? this.argumentCategories(api.argumentCategories, node) : [api.category];
    for (const variant of api.also ?? []) if (!categories.includes(variant.category)) categories.push(variant.category);
    return categories;
  }

  /** `getUserMedia({ audio: true })` → media.microphone; every listed category when the argument cannot be read. */
  private argumentCategories(rule: NonNullable<SourceApi['argumentCategories']>, call: ts.CallExpression): string[] {
    const all = [...new Set(Object.values(rule.properties))];
    const argument = call.arguments[rule.argument];
    const object = argument ? constObjectLiteral(argument, this.scopeOf(argument)) : undefined;
    if (!object || object.literal.properties.some((property) => ts.isSpreadAssignment(property))) return all;
    const chosen: string[] = [];
    for (const property of object.literal.properties) {
      const name = property.name ? staticName(property.name) : undefined;
      const category = name === undefined ? undefined : rule.properties[name];
      if (!category || chosen.includes(category)) continue;
      const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
      if (value?.kind === ts.SyntaxKind.FalseKeyword) continue;
      chosen.push(category);
    }
    return chosen.length > 0 ? all.filter((category) => chosen.includes(category)) : all;
  }

  private recordSdkUse(specifier: string, literal: ts.Node): void {
    const sdk = this.catalog.sdkForSpecifier(specifier);
    if (sdk) this.facts.sdkUses.push({ sdkId: sdk.id, package: specifier, range: this.range(literal) });
  }

  private recordSdkCall(sdkId: string, pkg: string, node: ts.CallExpression): void {
    this.facts.sdkCalls.push({
      sdkId,
      package: pkg,
      callee: calleeText(node.expression, this.sourceFile),
      range: this.range(node),
      ...this.context(node),
    });
  }

  private recordProjectReference(reference: Reference, node: ts.Node): void {
    this.projectCallIndexes.set(node, this.facts.projectReferences.length);
    // A call on a project binding may turn out to be a sink (an exported axios instance) or an SDK
    // call (a barrel re-exporting the SDK): keep what they need.
    const call = ts.isCallExpression(node) ? node : undefined;
    const method = call && ts.isPropertyAccessExpression(skipOuterExpressions(call.expression)) ? call : undefined;
    const url = method?.arguments[0] ? destinationOf(method.arguments[0], this.scopeOf(method)) : undefined;
    this.facts.projectReferences.push({
      reference,
      range: this.range(node),
      ...(call ? { callee: calleeText(call.expression, this.sourceFile) } : {}),
      ...(call && continuesChain(call) ? { chained: true as const } : {}),
      ...(url && url.kind !== 'unknown' ? { urlArgument: url } : {}),
      ...this.context(node),
    });
  }

  private context(node: ts.Node): SiteContext {
    const annotation = this.annotated ? statementAnnotation(node, this.sourceFile) : undefined;
    const detached = annotation || !this.annotated ? undefined : detachedAnnotationLine(node, this.sourceFile);
    return {
      functionIndex: this.functionStack.at(-1) ?? null,
      ...(annotation ? { annotation } : {}),
      ...(detached !== undefined ? { detachedAnnotationLine: detached } : {}),
      guards: guardsInEffect(node, this.sourceFile, this.scopeOf),
      returned: flowsToReturn(node),
      annotationLine: annotationAnchor(node, this.sourceFile),
    };
  }

  private range(node: ts.Node): Range {
    const start = this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile));
    const end = this.sourceFile.getLineAndCharacterOfPosition(node.getEnd());
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}

/** The call `fn` is passed to as an argument, and its position. */
function callbackCall(fn: ts.SignatureDeclaration): { node: ts.CallExpression; index: number } | undefined {
  let argument: ts.Node = fn;
  while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
  const call = argument.parent;
  if (!ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(argument as ts.Expression);
  return index >= 0 ? { node: call, index } : undefined;
}

/** The export name of a function declared `export function GET()`, `export const GET = () => …` or `export default function`. */
function exportedName(fn: ts.SignatureDeclaration): string | undefined {
  const isExported = (node: ts.Node) => (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
  if (ts.isFunctionDeclaration(fn) && isExported(fn)) {
    const isDefault = (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Default) !== 0;
    return isDefault ? 'default' : fn.name?.text;
  }
  let holder: ts.Node = fn;
  while (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isSatisfiesExpression(holder.parent)) holder = holder.parent;
  const declaration = holder.parent;
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer === holder) {
    const statement = declaration.parent.parent;
    return ts.isVariableStatement(statement) && isExported(statement) ? declaration.name.text : undefined;
  }
  if (ts.isExportAssignment(declaration) && !declaration.isExportEquals) return 'default';
  return undefined;
}

/**
 * A parameter typed as a plain object (`{ ip: string }`, a type literal) is not a request object,
 * whatever its name: its type says what it holds.
 */
function isPlainObjectType(type: ts.TypeNode | undefined): boolean {
  return type !== undefined && ts.isTypeLiteralNode(type);
}

function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const result = map(item);
    if (result !== undefined) return result;
  }
  return undefined;
}

/** Kinds that are type syntax whatever their details: annotations, interfaces, aliases, imports, exports. */
export function isTypeOnlyKind(node: ts.Node): boolean {
  return (
    ts.isTypeNode(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isImportEqualsDeclaration(node) ||
    ts.isExportDeclaration(node)
  );
}

const TYPE_ONLY = kindTable(isTypeOnlyKind);

/** Type annotations, interfaces and declarations carry no runtime behaviour. */
function isTypeOnlySyntax(node: ts.Node): boolean {
  if (TYPE_ONLY[node.kind] === 1) return true;
  return node.kind === ts.SyntaxKind.ModuleDeclaration && (ts.getModifiers(node as ts.ModuleDeclaration) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
}

/** `export * from`, `export * as ns from`, `export { a } from`: not `export type { A } from` nor `export {} from`. */
function reexportsValues(statement: ts.ExportDeclaration): boolean {
  if (statement.isTypeOnly) return false;
  const clause = statement.exportClause;
  return !clause || ts.isNamespaceExport(clause) || clause.elements.some((element) => !element.isTypeOnly);
}

/** The call is the object of a further member access: `analytics()` in `analytics().logEvent()`. */
function continuesChain(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node;
}

function isFirstCall(segments: readonly string[]): boolean {
  return segments.indexOf('()') === segments.length - 1;
}

/** `getClient().track()`: a method called on what a call returned (a client from a getter), linked as a possible sink. */
function isCallOnCallResult(segments: readonly string[]): boolean {
  return segments.filter((segment) => segment === '()').length === 2 && segments.at(-1) === '()' && segments.at(-2) !== '()';
}

function stripRequestWrappers(segments: readonly string[]): string[] {
  let start = 0;
  while (start < segments.length && REQUEST_WRAPPERS.has(segments[start]!)) start++;
  return segments.slice(start);
}

/** Parents whose identifier child names something rather than uses a value: declarations, labels, JSX tags, type references. */
export function namesRatherThanUses(parent: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isFunctionDeclaration(parent) ||
    ts.isFunctionExpression(parent) ||
    ts.isClassDeclaration(parent) ||
    ts.isClassExpression(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isBindingElement(parent) ||
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isJsxAttribute(parent) ||
    ts.isTypeReferenceNode(parent) ||
    ts.isEnumMember(parent) ||
    ts.isGetAccessor(parent) ||
    ts.isSetAccessor(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodSignature(parent) ||
    // A JSX tag is a call of the component (visitJsxElement), not a value that escapes.
    ts.isJsxOpeningElement(parent) ||
    ts.isJsxSelfClosingElement(parent) ||
    ts.isJsxClosingElement(parent)
  );
}

const NAMING_PARENT = kindTable(namesRatherThanUses);

/** An identifier used as a value (not a declaration name, a property name, a callee, or a member chain's object). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      return false;
    case ts.SyntaxKind.ElementAccessExpression:
      return (parent as ts.ElementAccessExpression).expression !== node;
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
      return (parent as ts.CallExpression | ts.NewExpression).expression !== node;
    case ts.SyntaxKind.PropertyAssignment:
      return (parent as ts.PropertyAssignment).name !== node;
    case ts.SyntaxKind.ShorthandPropertyAssignment:
      return true;
    default:
      return NAMING_PARENT[parent.kind] !== 1;
  }
}

function functionName(fn: ts.Node): string {
  const named = fn as { name?: ts.Node };
  const own = named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name)) ? named.name.text : undefined;
  const parent = fn.parent;
  if (ts.isClassLike(parent)) return `${parent.name?.text ?? '<class>'}.${own ?? '<member>'}`;
  if (own) return own;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isCallExpression(parent) && ts.isVariableDeclaration(parent.parent) && ts.isIdentifier(parent.parent.name)) {
    return parent.parent.name.text;
  }
  return '<anonymous>';
}

/** For `xhr.send(body)`: the argument of `xhr.open(method, url)` on the same variable, in the same file. */
function siblingCallArgument(node: ts.CallExpression, method: string, index: number, scopeOf: (node: ts.Node) => Scope): { argument: ts.Expression; scope: Scope } | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  const receiver = callee.expression;
  const binding = scopeOf(receiver).lookup(receiver.text);
  let found: { argument: ts.Expression; scope: Scope } | undefined;
  const visit = (candidate: ts.Node) => {
    if (found) return;
    if (
      ts.isCallExpression(candidate) &&
      ts.isPropertyAccessExpression(candidate.expression) &&
      candidate.expression.name.text === method &&
      ts.isIdentifier(candidate.expression.expression) &&
      scopeOf(candidate.expression.expression).lookup(candidate.expression.expression.text) === binding &&
      candidate.arguments[index]
    ) {
      found = { argument: candidate.arguments[index]!, scope: scopeOf(candidate) };
      return;
    }
    ts.forEachChild(candidate, visit);
  };
  visit(node.getSourceFile());
  return found;
}
