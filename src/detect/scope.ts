import type { CatalogIndex } from '../catalog/match.js';
import { ts } from './ts.js';
import type { Reference, ReferenceRoot } from './facts.js';
import { kindTable } from './kind-table.js';

/** What a name in scope stands for, as far as privacy analysis cares. */
export type Binding =
  | { kind: 'import'; root: ReferenceRoot & { kind: 'import' }; segments: string[] }
  | { kind: 'function'; functionIndex: number }
  /**
   * `const x = <expression>` or a destructured part of it: evaluated lazily, in its own scope.
   * A callback's parameter that a catalogued API reads carries its `reference` instead
   * (`state` in `NetInfo.addEventListener((state) => …)`); `expression` is then its name.
   */
  | { kind: 'alias'; expression: ts.Expression; members: string[]; scope: Scope; slot: string; reference?: Reference; reassigned?: ts.VariableDeclaration }
  /** A value of a catalogued model (an HTTP request, its headers …): by its type, its name, or where it is a parameter. */
  | { kind: 'model'; model: string; slot?: string }
  | { kind: 'string'; value: string; slot: string }
  /** Declared, but nothing we track: shadows any global or catalogued name. `slot` names its value for data flows. */
  /** `iterated`: a loop's variable over values the code did not spell out (`for (const name of gl.getSupportedExtensions())`). */
  | { kind: 'local'; slot?: string; reassigned?: ts.VariableDeclaration; scope?: Scope; iterated?: true };

/** A field of `this` in a class: what it was initialised or assigned with, or the type it is declared with. */
export type ThisField = { expression: ts.Expression } | { type: ts.TypeNode };

/** The data-flow slot of a variable declared by the identifier at `node`. */
export const variableSlot = (node: ts.Node): string => `v${node.pos}`;

const NO_NAMES: ReadonlyMap<string, Binding> = new Map();

/** A lexical scope: names declared in it, hoisting included, found when the scope is entered. */
export class Scope {
  /** Made on the first name declared: most block scopes declare none. */
  names: ReadonlyMap<string, Binding> = NO_NAMES;
  /** The catalog, for evaluating references into models (`req.headers` is an http.headers value); the file scope's, shared by every scope. */
  readonly catalog: CatalogIndex | undefined;
  /** In a class's scope: its fields, for `this.<field>` (FileAnalysis.visitClass). */
  thisFields?: Map<string, ThisField[]>;
  /** Whether a module specifier is a package rather than a project file (type annotations name package classes). */
  isPackage?: (specifier: string) => boolean;
  constructor(
    readonly parent: Scope | undefined,
    catalog?: CatalogIndex,
  ) {
    this.catalog = catalog ?? parent?.catalog;
    this.isPackage = parent?.isPackage;
  }

  /** The scope of the class whose `this` code in this scope sees (arrow functions keep it; an approximation for plain functions). */
  classScope(): Scope | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) if (scope.thisFields) return scope;
    return undefined;
  }

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.names.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  declare(name: string, binding: Binding): void {
    if (this.names === NO_NAMES) this.names = new Map();
    (this.names as Map<string, Binding>).set(name, binding);
  }
}

/** Names a binding pattern declares, with the member path that leads to each from the whole value. */
export function patternNames(name: ts.BindingName): readonly PatternName[] {
  // Asked for the same declaration by scopes, flows and reads alike: listed once (callers only read it).
  let known = PATTERN_NAMES.get(name);
  if (!known) {
    known = listPatternNames(name);
    PATTERN_NAMES.set(name, known);
  }
  return known;
}

type PatternName = { name: string; members: string[]; node: ts.Node };

const PATTERN_NAMES = new WeakMap<ts.BindingName, readonly PatternName[]>();

function listPatternNames(name: ts.BindingName): PatternName[] {
  const out: PatternName[] = [];
  const visit = (node: ts.BindingName, members: string[]) => {
    if (ts.isIdentifier(node)) {
      out.push({ name: node.text, members, node });
      return;
    }
    if (ts.isObjectBindingPattern(node)) {
      for (const element of node.elements) {
        if (element.dotDotDotToken) {
          visit(element.name, members);
          continue;
        }
        const property = element.propertyName ?? element.name;
        const key = ts.isIdentifier(property) || ts.isStringLiteral(property) ? property.text : undefined;
        visit(element.name, key === undefined ? [...members, '?'] : [...members, key]);
      }
      return;
    }
    for (const element of node.elements) {
      if (ts.isBindingElement(element)) visit(element.name, [...members, '?']);
    }
  };
  visit(name, []);
  return out;
}

/** The function-like kinds that can have a body (see isFunctionLike). */
export function isFunctionLikeKind(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

const FUNCTION_LIKE = kindTable(isFunctionLikeKind);

export function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  return FUNCTION_LIKE[node.kind] === 1;
}

/** The function-like node around `node` (not `node` itself), if any. */
export function enclosingFunctionLike(node: ts.Node): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionLike(current)) return current;
  return undefined;
}

/** A function's name: its own (`function listen`, `listen() {}`), or that of the variable, field or property it is given to (`const listen = (…) => …`). */
export function givenName(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  let holder: ts.Node = fn.parent;
  while (ts.isParenthesizedExpression(holder)) holder = holder.parent;
  if ((ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name)) return holder.name.text;
  return undefined;
}

/**
 * Declarations that belong to a block-like scope: let/const/class/function directly in it,
 * and — for function bodies and the source file — `var` anywhere inside, not crossing functions.
 */
export function collectScopeDeclarations(
  statements: readonly ts.Statement[],
  hoistVars: boolean,
  onVariable: (declaration: ts.VariableDeclaration) => void,
  onFunction: (declaration: ts.FunctionDeclaration) => void,
  onClass: (declaration: ts.ClassDeclaration) => void,
): void {
  for (const statement of statements) {
    // `declare const device: any;` describes a global (the TypeScript idiom for Cordova's device,
    // a snippet's fbq): it must not shadow it. The same for `declare function` and `declare class`.
    if (isAmbient(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      const isVar = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0;
      if (!isVar || hoistVars) statement.declarationList.declarations.forEach(onVariable);
    } else if (ts.isFunctionDeclaration(statement)) {
      onFunction(statement);
    } else if (ts.isClassDeclaration(statement)) {
      onClass(statement);
    } else if (hoistVars) {
      collectNestedVars(statement, onVariable);
    }
  }
}

function isAmbient(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
}

/** `var` inside nested statements (blocks, loops, if, try, switch); expressions cannot declare one. */
function collectNestedVars(node: ts.Node, onVariable: (declaration: ts.VariableDeclaration) => void): void {
  if (ts.isVariableStatement(node)) {
    if ((node.declarationList.flags & ts.NodeFlags.BlockScoped) === 0) node.declarationList.declarations.forEach(onVariable);
    return;
  }
  if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    if ((node.initializer.flags & ts.NodeFlags.BlockScoped) === 0) node.initializer.declarations.forEach(onVariable);
  }
  if (!containsStatements(node)) return;
  ts.forEachChild(node, (child) => collectNestedVars(child, onVariable));
}

function containsStatements(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.TryStatement:
    case ts.SyntaxKind.CatchClause:
    case ts.SyntaxKind.SwitchStatement:
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.DefaultClause:
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.WithStatement:
      return true;
    default:
      return false;
  }
}
