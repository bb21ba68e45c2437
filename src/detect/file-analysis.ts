import type { CatalogIndex } from '../catalog/match.js';
import { configSourcePlugins, isConfigSourceFile } from './config-plugins.js';
import type { SourceApi } from '../catalog/types.js';
import { ts } from './ts.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { consentGuardKeys, documentationHost, purposeAnnotation, requiredConsentKeys } from './annotations.js';
import { annotationAnchor, detachedAnnotationLine, flowsToReturn, guardsInEffect, statementAnnotation } from './context.js';
import { destinationOf } from './destinations.js';
import { collectExports } from './exports.js';
import { emptyFacts, type ExportTarget, type FileFacts, type FunctionFact, type ProjectReference, type Range, type Reference, type SiteContext, type SourceSite } from './facts.js';
import { parseContextImportSlot } from './flow-slots.js';
import { FlowRecorder } from './flows.js';
import { SdkFlags } from './sdk-flags.js';
import { calleeText, constObjectLiteral, iteratesUnspelled, skipOuterExpressions, staticName } from './references.js';
import { isFunctionLike, patternNames, Scope, variableSlot, type ThisField } from './scope.js';
import { collectSuppressions } from './suppressions.js';
import { resultUnused } from './result-use.js';
import { continuesChain, firstDefined, functionName, isTypeOnlySyntax, reexportsValues, resultRuns } from './syntax.js';
import { containedSources, type RecordedSource } from './containment.js';
import { readsFingerprint } from './fingerprint-signals.js';
import { callbackUse } from './callback-use.js';
import { gatherings } from './gatherings.js';
import { visitCall, visitJsxElement, visitNew } from './visitors/calls.js';
import { recordNamedReturn } from './visitors/named-data.js';
import { matchReturnedPayload } from './visitors/shaped-sinks.js';
import { declareParameters, declareStatements } from './visitors/declarations.js';
import { REQUEST_MODEL } from './visitors/value-models.js';
import { recordKeyedName } from './visitors/keyed-names.js';
import { visitDestructuring, visitIdentifier, visitInTest, visitMemberRead } from './visitors/reads.js';
import { visitSetterAssignment } from './visitors/setter-assignments.js';
import { matchAssignedSink } from './visitors/navigation.js';

/**
 * The walk over one file's syntax tree: the scopes it opens, the order it visits nodes in, and the
 * records it keeps. What a node means for privacy is decided by the visitors (./visitors/*), one
 * module per concern; the flow recorder sees every node after them.
 */
export class FileAnalysis {
  readonly facts = emptyFacts();
  readonly imports = new Set<string>();
  readonly catalog: CatalogIndex;
  /** The config's requestParameterNames: they replace the catalog's names for http.request parameters. */
  private readonly requestNames: Set<string> | undefined;
  /** Whether any comment could hold a `@privacy-…` annotation: most files have none to look for. */
  private readonly annotated: boolean;
  private readonly functionIndexes = new Map<ts.Node, number>();
  private readonly scopes = new Map<ts.Node, Scope>();
  private readonly sourceIndexes = new Map<ts.Node, number>();
  private readonly projectCallIndexes = new Map<ts.Node, number>();
  private readonly sdkFlags = new SdkFlags(
    () => this.scopeOf(this.sourceFile),
    (node) => this.scopeOf(node),
    (node) => this.range(node),
  );
  /** Calls through an invoker (`call(fn, a)`): where the called function's arguments start (null: not one by one). */
  readonly invokedArguments = new Map<ts.Node, number | null>();
  readonly sinkIndexes = new Map<ts.Node, number>();
  /** The catalog's `data` arguments of each sink that lists them. */
  readonly sinkDataArguments = new Map<number, readonly number[]>();
  /** Per function: the sinks it hands to callbacks it is given (`=>0.actions:0`: a persisted store's setter), see handed-setters.ts. */
  readonly handedSinks = new Map<number, Record<string, ExportTarget>>();
  private readonly flows: FlowRecorder;
  /** Functions being visited, innermost last: the enclosing function of whatever is visited now. */
  private readonly functionStack: number[] = [];
  private readonly projectModules = new Map<string, boolean>();
  /** Every catalogued API recorded, in order, with what the post-walk rules need (containment, fingerprint combination). */
  private readonly recorded: RecordedSource[] = [];
  private hasLowConfidenceSource = false;
  private readonly afterChildren: (() => void)[] = [];
  /** Object and array literals of two members or more: where the file may gather project functions' results (gatherings.ts). */
  private readonly literals: (ts.ObjectLiteralExpression | ts.ArrayLiteralExpression)[] = [];
  private readonly isProjectModule?: (file: string, specifier: string) => boolean;

  constructor(
    readonly sourceFile: ts.SourceFile,
    options: AnalyzeOptions,
  ) {
    this.catalog = options.catalog;
    this.requestNames = options.requestParameterNames ? new Set(options.requestParameterNames) : undefined;
    this.isProjectModule = options.isProjectModule;
    this.annotated = sourceFile.text.includes('@privacy-');
    this.flows = new FlowRecorder({
      sourceFile,
      scopeOf: this.scopeOf,
      functionIndexOf: (fn) => this.functionIndexOf(fn),
      currentFunction: () => this.currentFunction(),
      sourceIndex: (node) => this.sourceIndexes.get(node),
      projectCallIndex: (node) => this.projectCallIndexes.get(node),
      invokedArguments: (node) => this.invokedArguments.get(node),
      sinkIndex: (node) => this.sinkIndexes.get(node),
      sinkPassesThrough: (index) => this.facts.sinks[index]?.kind === 'derive',
      sinkDataArguments: (index) => this.sinkDataArguments.get(index),
      recordsOtherUses: () => this.hasLowConfidenceSource,
      isNamedSource: (index) => this.facts.sources[index]?.apiId.startsWith('name:') ?? false,
    });
  }

  run(): FileFacts {
    const fileScope = new Scope(undefined, this.catalog);
    fileScope.isPackage = (specifier) => !this.importsProjectCode(specifier);
    this.scopes.set(this.sourceFile, fileScope);
    declareStatements(this, this.sourceFile.statements, fileScope, true);
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
    if (isConfigSourceFile(this.sourceFile.fileName)) this.facts.sdkUses.push(...configSourcePlugins(this.sourceFile, this.catalog, (node) => this.range(node)));
    this.facts.imports = [...this.imports].sort();
    this.facts.suppressions = collectSuppressions(this.sourceFile);
    this.facts.flowEdges = this.flows.edges;
    this.settleSources(fileScope);
    const gathered = this.literals.length > 0 ? gatherings(this.literals, { facts: this.facts, scopeOf: this.scopeOf, projectCallIndex: (node) => this.projectCallIndexes.get(node), importsProjectCode: (specifier) => this.importsProjectCode(specifier) }) : [];
    if (gathered.length > 0) this.facts.gatherings = gathered;
    const flags = this.sdkFlags.result();
    if (flags.length > 0) this.facts.sdkFlags = flags;
    const contextImports = new Map<string, { specifier: string; name: string }>();
    for (const edge of this.flows.edges) {
      const context = parseContextImportSlot(edge.from);
      if (context) contextImports.set(edge.from, context);
    }
    if (contextImports.size > 0) this.facts.contextImports = [...contextImports.values()];
    for (const [index, references] of this.flows.returnedClients()) this.facts.functions[index]!.returns = references;
    for (const [index, members] of this.flows.returnedMembers()) this.facts.functions[index]!.members = members;
    for (const [index, handed] of this.handedSinks) this.facts.functions[index]!.members = { ...this.facts.functions[index]!.members, ...handed };
    return this.facts;
  }

  /** Whether calls through an import of `specifier` may reach project code (memoised per file). */
  importsProjectCode(specifier: string): boolean {
    let known = this.projectModules.get(specifier);
    if (known === undefined) {
      known = !this.catalog.sourceModule(specifier) && !this.catalog.sdkForSpecifier(specifier) && (this.isProjectModule?.(this.sourceFile.fileName, specifier) ?? true);
      this.projectModules.set(specifier, known);
    }
    return known;
  }

  /** The model a parameter's name alone makes it (`req` → http.request), the config's request names taking precedence. */
  parameterNameModel(name: string): string | undefined {
    if (this.requestNames?.has(name)) return REQUEST_MODEL;
    const model = this.catalog.models.ofParameterName(name);
    return model === REQUEST_MODEL && this.requestNames ? undefined : model;
  }

  /** A flow edge from the source recorded at `sourceNode` into `slot` (a decorated parameter). */
  sourceInto(sourceNode: ts.Node, slot: string, note: string): void {
    this.flows.sourceInto(sourceNode, slot, note);
  }

  // ── scopes and functions ────────────────────────────────────────────────

  readonly scopeOf = (node: ts.Node): Scope => {
    for (let current: ts.Node | undefined = node; current; current = current.parent) {
      const scope = this.scopes.get(current);
      if (scope) return scope;
    }
    return this.scopes.get(this.sourceFile)!;
  };

  currentFunction(): number | null {
    return this.functionStack.at(-1) ?? null;
  }

  functionIndexOf(fn: ts.Node): number {
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

  /**
   * Visit a node's children in `scope` with one callback for the whole file (not a closure per node
   * or scope): the scope is kept on the analysis while they are visited and restored after.
   */
  private visitChildren(node: ts.Node, scope: Scope): void {
    const outer = this.childScope;
    this.childScope = scope;
    ts.forEachChild(node, this.visitChild);
    this.childScope = outer;
  }

  private childScope: Scope | undefined;
  private readonly visitChild = (child: ts.Node): undefined => {
    this.visit(child, this.childScope!);
    return undefined;
  };

  visit(node: ts.Node, scope: Scope): void {
    if (isTypeOnlySyntax(node)) return;
    const waiting = this.afterChildren.length;
    this.visitNode(node, scope);
    // What a visitor left for after the node's children (named data in a call's arguments), before the node's flows.
    if (this.afterChildren.length > waiting) for (const run of this.afterChildren.splice(waiting)) run();
    this.flows.afterVisit(node);
  }

  /** Run `work` once the node being visited and its children are done, before its flow edges are recorded. */
  recordAfterChildren(work: () => void): void {
    this.afterChildren.push(work);
  }

  private visitNode(node: ts.Node, scope: Scope): void {
    if (ts.isReturnStatement(node) && node.expression) {
      recordNamedReturn(this, node.expression);
      matchReturnedPayload(this, node);
    } else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
      recordNamedReturn(this, node.body);
      matchReturnedPayload(this, node);
    }
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
        visitCall(this, node as ts.CallExpression, scope);
        break;
      case ts.SyntaxKind.BinaryExpression:
        this.sdkFlags.noteAssignment(node as ts.BinaryExpression, this.currentFunction());
        visitInTest(this, node as ts.BinaryExpression, scope);
        visitSetterAssignment(this, node as ts.BinaryExpression);
        matchAssignedSink(this, node as ts.BinaryExpression, scope);
        break;
      case ts.SyntaxKind.NewExpression:
        visitNew(this, node as ts.NewExpression, scope);
        break;
      case ts.SyntaxKind.JsxOpeningElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
        visitJsxElement(this, node as ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope);
        break;
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        visitMemberRead(this, node as ts.PropertyAccessExpression | ts.ElementAccessExpression, scope);
        if (ts.isElementAccessExpression(node)) recordKeyedName(this, node);
        break;
      case ts.SyntaxKind.VariableDeclaration:
        visitDestructuring(this, node as ts.VariableDeclaration, scope);
        break;
      case ts.SyntaxKind.Identifier:
        visitIdentifier(this, node as ts.Identifier, scope);
        break;
      case ts.SyntaxKind.ObjectLiteralExpression:
        if ((node as ts.ObjectLiteralExpression).properties.length >= 2) this.literals.push(node as ts.ObjectLiteralExpression);
        break;
      case ts.SyntaxKind.ArrayLiteralExpression:
        if ((node as ts.ArrayLiteralExpression).elements.length >= 2) this.literals.push(node as ts.ArrayLiteralExpression);
        break;
    }
    this.visitChildren(node, scope);
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
    declareParameters(this, node, functionScope);
    for (const parameter of node.parameters) if (parameter.initializer) this.visit(parameter.initializer, functionScope);
    if (ts.isBlock(body)) {
      this.scopes.set(body, functionScope);
      declareStatements(this, body.statements, functionScope, true);
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
    declareStatements(this, statements, blockScope, false);
    this.visitChildren(node, blockScope);
  }

  private visitLoop(node: ts.ForStatement | ts.ForOfStatement | ts.ForInStatement, scope: Scope): void {
    const loopScope = new Scope(scope);
    this.scopes.set(node, loopScope);
    const initializer = node.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) {
      for (const declaration of initializer.declarations) {
        for (const { name, node: nameNode } of patternNames(declaration.name)) {
          loopScope.declare(name, { kind: 'local', slot: variableSlot(nameNode), ...(iteratesUnspelled(node, scope) ? { iterated: true as const } : {}) });
        }
      }
    }
    this.visitChildren(node, loopScope);
  }

  private visitCatch(node: ts.CatchClause & { variableDeclaration: ts.VariableDeclaration }, scope: Scope): void {
    const catchScope = new Scope(scope);
    this.scopes.set(node, catchScope);
    for (const { name, node: nameNode } of patternNames(node.variableDeclaration.name)) catchScope.declare(name, { kind: 'local', slot: variableSlot(nameNode) });
    this.visitChildren(node, catchScope);
  }

  private visitClass(node: ts.ClassLikeDeclaration, scope: Scope): void {
    const classScope = new Scope(scope);
    if (node.name) classScope.declare(node.name.text, { kind: 'local' });
    classScope.thisFields = classFields(node);
    this.scopes.set(node, classScope);
    this.visitChildren(node, classScope);
  }

  /** The flow slots of the variables an expression reads: `pushToken` of `pushToken.token`, `id` of `{ id }` (not member or key names). */
  private slotsRead(node: ts.Node): string[] {
    const slots: string[] = [];
    const visit = (current: ts.Node): void => {
      if (ts.isIdentifier(current) && isValueReference(current)) {
        const binding = this.scopeOf(current).lookup(current.text);
        if (binding && 'slot' in binding && binding.slot) slots.push(binding.slot);
        return;
      }
      ts.forEachChild(current, visit);
    };
    visit(node);
    return slots;
  }

  /**
   * After the walk, the rules that need the whole file: sources whose value goes nowhere are not
   * collection sites (containment.ts), and a file that reads several groups of fingerprinting
   * signals fingerprints (fingerprint-signals.ts). Rebuilds the sources and renumbers their flow slots.
   */
  private settleSources(fileScope: Scope): void {
    if (this.recorded.length === 0) return;
    const exportedNames = locallyExportedNames(this.sourceFile);
    const moduleSlots = { exported: new Set<string>(), private: new Set<string>() };
    for (const [name, binding] of fileScope.names) {
      if (!('slot' in binding) || !binding.slot) continue;
      (exportedNames === 'all' || exportedNames.has(name) ? moduleSlots.exported : moduleSlots.private).add(binding.slot);
    }
    const found = containedSources(this.recorded, this.facts, moduleSlots, (node) => this.slotsRead(node));
    // A feature test (a yes/no, a formatting locale) counts in the combination rule: in a fingerprinting file it is the trait.
    const fingerprinting = readsFingerprint(this.recorded.filter((source) => !found.contained.has(source.index) || found.featureTests.has(source.index)));
    const contained = fingerprinting ? new Set([...found.contained].filter((index) => !found.featureTests.has(index) || this.recorded.find((source) => source.index === index)!.api.signal === undefined)) : found.contained;
    if (contained.size === 0 && !fingerprinting) return;
    const renumbered = new Map<string, string>();
    const sources: FileFacts['sources'] = [];
    const held: FileFacts['sources'] = [];
    this.recorded.forEach((source, position) => {
      const end = this.recorded[position + 1]?.index ?? this.facts.sources.length;
      const sites = this.facts.sources.slice(source.index, end);
      if (contained.has(source.index)) {
        if (source.api.signal !== undefined && source.api.confidence === 'low') held.push(sites[0]!);
        return;
      }
      renumbered.set(`s${source.index}`, `s${sources.length}`);
      sources.push(...(fingerprinting && source.api.signal !== undefined ? [{ ...sites[0]!, category: 'device.fingerprint' }] : sites));
    });
    const slot = (name: string) => (name[0] === 's' ? renumbered.get(name) : name);
    this.facts.sources = sources;
    if (held.length > 0) this.facts.heldSignals = held;
    this.facts.flowEdges = this.facts.flowEdges.flatMap((edge) => {
      const from = slot(edge.from);
      const to = slot(edge.to);
      return from === undefined || to === undefined ? [] : [{ ...edge, from, to }];
    });
  }

  // ── records ─────────────────────────────────────────────────────────────

  /** Whether a source is recorded at this node (a catalogued API resolved there). */
  hasSourceAt(node: ts.Node): boolean {
    return this.sourceIndexes.has(node);
  }

  /** Whether a catalogued read (not one known by a name) is recorded within `node`'s text. */
  holdsCataloguedSource(node: ts.Node): boolean {
    const start = node.getStart();
    const end = node.getEnd();
    return this.recorded.some((source) => source.api.confidence !== 'name' && source.node.getStart() >= start && source.node.getEnd() <= end);
  }

  /** One site per category the API yields here (its own, `also` on other platforms, or those its argument asks for). */
  /** `needsFlow`: a site only if linking finds its value flowing to a sink (a name in a project call's arguments, an API marked `sent`). */
  recordSource(api: SourceApi, node: ts.Node, options: { needsFlow?: boolean; deriveOnly?: boolean; key?: { node: ts.Node; name: string } } = {}): void {
    if (this.sourceIndexes.has(node)) return;
    const categories = this.categoriesAt(api, node);
    // `new Ubble.IDV(element, { allowCamera: false })`: the argument turns every listed category off.
    if (categories.length === 0) return;
    const index = this.facts.sources.length;
    this.sourceIndexes.set(node, index);
    this.recorded.push({ index, api, node, functionIndex: this.currentFunction() });
    if (api.confidence === 'low') this.hasLowConfidenceSource = true;
    const range = this.range(node);
    const context = this.context(node);
    const needsFlow = options.needsFlow || api.sent ? { needsFlow: true as const, ...(options.deriveOnly ? { deriveOnly: true as const } : {}) } : {};
    const keyRange = options.key ? this.range(options.key.node) : undefined;
    const through = keyRange && keyRange.line !== range.line ? { line: keyRange.line, column: keyRange.column, name: options.key!.name, key: true as const } : (this.readThrough(node, range.line) ?? this.handedOn(node, range.line));
    for (const { category, at } of categories) this.facts.sources.push({ apiId: api.id, category, range: at ? this.range(at) : range, ...context, ...needsFlow, ...(through ? { through } : {}) });
  }

  /**
   * `const uaData = navigator.userAgentData; … uaData.mobile`: the variable a member read starts from, when it
   * holds a value read on another line, and where — the site's reader sees where the API was reached.
   */
  private readThrough(node: ts.Node, line: number): SourceSite['through'] {
    let base: ts.Node = node;
    while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base) || ts.isCallExpression(base)) base = skipOuterExpressions(base.expression);
    if (base === node || !ts.isIdentifier(base)) return undefined;
    const binding = this.scopeOf(base).lookup(base.text);
    if (binding?.kind !== 'alias') return undefined;
    // A member read (`Platform.constants`), not a module (`require('os')`) or a call's result.
    const value = skipOuterExpressions(binding.expression);
    if (!ts.isPropertyAccessExpression(value) && !ts.isElementAccessExpression(value)) return undefined;
    const at = this.range(binding.expression);
    return at.line === line ? undefined : { line: at.line, column: at.column, name: base.text };
  }

  /** `getCurrentPosition((p) => { … { latitude: p.coords.latitude } })`: where the callback passes the value on, on another line. */
  private handedOn(node: ts.Node, line: number): SourceSite['through'] {
    const use = callbackUse(node);
    if (!use) return undefined;
    const at = this.range(use);
    return at.line === line ? undefined : { line: at.line, column: at.column, name: use.getText().slice(0, 60), handed: true };
  }

  /** The categories, each with the property of the call's own argument that asks for it (reported there), if one does. */
  private categoriesAt(api: SourceApi, node: ts.Node): { category: string; at?: ts.Node }[] {
    const categories = api.argumentCategories && (ts.isCallExpression(node) || ts.isNewExpression(node)) ? this.argumentCategories(api.argumentCategories, node) : [{ category: api.category }];
    for (const variant of api.also ?? []) if (!categories.some(({ category }) => category === variant.category)) categories.push({ category: variant.category });
    return categories;
  }

  /**
   * `getUserMedia({ audio: true })` → media.microphone; every listed category when the argument cannot be
   * read or names none of them; none when every one it names is `false`. A property written in the call
   * (not in a `const` elsewhere) is where its category is asked for: `allowCamera: true`.
   */
  private argumentCategories(rule: NonNullable<SourceApi['argumentCategories']>, call: ts.CallExpression | ts.NewExpression): { category: string; at?: ts.Node }[] {
    const all = [...new Set(Object.values(rule.properties))];
    const argument = call.arguments?.[rule.argument];
    const object = argument ? constObjectLiteral(argument, this.scopeOf(argument)) : undefined;
    if (!object || object.literal.properties.some((property) => ts.isSpreadAssignment(property))) return all.map((category) => ({ category }));
    const inCall = object.literal.pos >= call.pos && object.literal.end <= call.end;
    const chosen = new Map<string, ts.Node | undefined>();
    let named = false;
    for (const property of object.literal.properties) {
      const name = property.name ? staticName(property.name) : undefined;
      const category = name === undefined ? undefined : rule.properties[name];
      if (!category) continue;
      named = true;
      const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
      if (value?.kind === ts.SyntaxKind.FalseKeyword || chosen.has(category)) continue;
      chosen.set(category, inCall ? property : undefined);
    }
    if (!named) return all.map((category) => ({ category }));
    return all.filter((category) => chosen.has(category)).map((category) => {
      const at = chosen.get(category);
      return at ? { category, at } : { category };
    });
  }

  recordSdkUse(specifier: string, literal: ts.Node): void {
    const sdk = this.catalog.sdkForSpecifier(specifier);
    if (sdk) this.facts.sdkUses.push({ sdkId: sdk.id, package: this.catalog.sdkPackage(specifier), range: this.range(literal) });
  }

  /** A call into an SDK: `pkg` is the module specifier (or `global:<name>`), `api` the path called (`default().logEvent`). */
  recordSdkCall(sdkId: string, pkg: string, api: string, node: ts.CallExpression | ts.NewExpression): void {
    this.sdkFlags.noteSdkCall(node, { sdkId, package: pkg.startsWith('global:') ? pkg : this.catalog.sdkPackage(pkg), api, callee: calleeText(node.expression, this.sourceFile) });
    this.facts.sdkCalls.push({
      sdkId,
      package: pkg.startsWith('global:') ? pkg : this.catalog.sdkPackage(pkg),
      api,
      callee: `${ts.isNewExpression(node) ? 'new ' : ''}${calleeText(node.expression, this.sourceFile)}`,
      range: this.range(node),
      ...this.context(node),
    });
  }

  recordProjectReference(reference: Reference, node: ts.Node, invoked?: { callee: string; arguments: number | null }): void {
    this.projectCallIndexes.set(node, this.facts.projectReferences.length);
    if (invoked) this.invokedArguments.set(node, invoked.arguments);
    // A call on a project binding may turn out to be a sink (an exported axios instance) or an SDK
    // call (a barrel re-exporting the SDK): keep what they need.
    const call = ts.isCallExpression(node) ? node : undefined;
    const method = call && ts.isPropertyAccessExpression(skipOuterExpressions(call.expression)) ? call : undefined;
    const url = method?.arguments[0] ? destinationOf(method.arguments[0], this.scopeOf(method)) : undefined;
    // The most frequent record of a file: its optional fields are set one by one, in the order the
    // JSON has always had, rather than spread from an object made for each.
    const site = { reference, range: this.range(node) } as ProjectReference;
    const callee = invoked ? invoked.callee : call ? calleeText(call.expression, this.sourceFile) : undefined;
    if (callee !== undefined) site.callee = callee;
    if (call && continuesChain(call)) site.chained = true;
    if (call && resultRuns(call)) site.resultRuns = true;
    if (call && resultUnused(call)) site.resultUnused = true;
    if (url && url.kind !== 'unknown') site.urlArgument = url;
    this.facts.projectReferences.push(this.withContext(site, node));
  }

  context(node: ts.Node): SiteContext {
    return this.withContext({} as SiteContext, node);
  }

  /** `site` with the context of `node` added to it (the fields of SiteContext, always in this order). */
  private withContext<T extends object>(site: T, node: ts.Node): T & SiteContext {
    const annotation = this.annotated ? statementAnnotation(node, this.sourceFile) : undefined;
    const detached = annotation || !this.annotated ? undefined : detachedAnnotationLine(node, this.sourceFile);
    const out = site as T & SiteContext;
    out.functionIndex = this.currentFunction();
    if (annotation) out.annotation = annotation;
    if (detached !== undefined) out.detachedAnnotationLine = detached;
    out.guards = guardsInEffect(node, this.sourceFile, this.scopeOf);
    out.returned = flowsToReturn(node);
    out.annotationLine = annotationAnchor(node, this.sourceFile);
    return out;
  }

  range(node: ts.Node): Range {
    const start = this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile));
    const end = this.sourceFile.getLineAndCharacterOfPosition(node.getEnd());
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}

/**
 * What a class's fields hold, for `this.<field>`: property initialisers and declared types,
 * constructor parameter properties (`constructor(private readonly client: Mixpanel)`), and values
 * assigned to `this.<field>` in its methods (not in nested classes).
 */
function classFields(node: ts.ClassLikeDeclaration): Map<string, ThisField[]> {
  const fields = new Map<string, ThisField[]>();
  const add = (name: string, field: ThisField) => fields.set(name, [...(fields.get(name) ?? []), field]);
  const visitAssignments = (child: ts.Node): void => {
    if (ts.isClassLike(child)) return;
    if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(child.left);
      if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) add(left.name.text, { expression: child.right });
    }
    ts.forEachChild(child, visitAssignments);
  };
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
      if (member.initializer) add(member.name.text, { expression: member.initializer });
      if (member.type) add(member.name.text, { type: member.type });
    } else if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        const isProperty = ts.canHaveModifiers(parameter) && (ts.getModifiers(parameter) ?? []).some((modifier) => PARAMETER_PROPERTY_MODIFIERS.has(modifier.kind));
        if (isProperty && ts.isIdentifier(parameter.name) && parameter.type) add(parameter.name.text, { type: parameter.type });
      }
    }
    if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isGetAccessor(member) || ts.isSetAccessor(member)) && member.body) visitAssignments(member.body);
  }
  return fields;
}

const PARAMETER_PROPERTY_MODIFIERS = new Set([ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword]);

/**
 * The file's top-level names that other files can reach: `export const x`, `export { x as y }`,
 * `export default x`; 'all' when the file assigns `module.exports` or `exports.…` (CommonJS).
 */
function locallyExportedNames(sourceFile: ts.SourceFile): Set<string> | 'all' {
  if (/\b(?:module\.)?exports\b/.test(sourceFile.text)) return 'all';
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) for (const { name } of patternNames(declaration.name)) names.add(name);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add((element.propertyName ?? element.name).text);
    } else if (ts.isExportAssignment(statement)) {
      const expression = skipOuterExpressions(statement.expression);
      if (ts.isIdentifier(expression)) names.add(expression.text);
      else return 'all';
    }
  }
  return names;
}

/** An identifier read as a value: not a member's name (`x.token`), nor a key (`{ token: … }`), but a shorthand's (`{ id }`). */
function isValueReference(node: ts.Identifier): boolean {
  const { parent } = node;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  return true;
}
