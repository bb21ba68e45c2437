import { ts } from './ts.js';
import { kindTable } from './kind-table.js';

// Questions about syntax that detection asks everywhere: what a node is, where a function sits.

/** The call `fn` is passed to as an argument, and its position. */
export function callbackCall(fn: ts.SignatureDeclaration): { node: ts.CallExpression; index: number } | undefined {
  let argument: ts.Node = fn;
  while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
  const call = argument.parent;
  if (!ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(argument as ts.Expression);
  return index >= 0 ? { node: call, index } : undefined;
}

/** The export name of a function declared `export function GET()`, `export const GET = () => …` or `export default function`. */
export function exportedName(fn: ts.SignatureDeclaration): string | undefined {
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
  // `export default { async fetch(request) { … } }` (Cloudflare Workers): the member of the default export.
  const member = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(declaration) && declaration.initializer === holder ? declaration : undefined;
  const object = member?.parent;
  if (member && object && ts.isObjectLiteralExpression(object) && member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
    let outer: ts.Node = object;
    while (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isSatisfiesExpression(outer.parent)) outer = outer.parent;
    if (ts.isExportAssignment(outer.parent) && !outer.parent.isExportEquals) return `default.${member.name.text}`;
  }
  return undefined;
}

/**
 * A parameter typed as a plain object (`{ ip: string }`, a type literal) is not a request object,
 * whatever its name: its type says what it holds.
 */
export function isPlainObjectType(type: ts.TypeNode | undefined): boolean {
  return type !== undefined && ts.isTypeLiteralNode(type);
}

export function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
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
export function isTypeOnlySyntax(node: ts.Node): boolean {
  if (TYPE_ONLY[node.kind] === 1) return true;
  return node.kind === ts.SyntaxKind.ModuleDeclaration && (ts.getModifiers(node as ts.ModuleDeclaration) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
}

/** `export * from`, `export * as ns from`, `export { a } from`: not `export type { A } from` nor `export {} from`. */
export function reexportsValues(statement: ts.ExportDeclaration): boolean {
  if (statement.isTypeOnly) return false;
  const clause = statement.exportClause;
  return !clause || ts.isNamespaceExport(clause) || clause.elements.some((element) => !element.isTypeOnly);
}

/** The call is the object of a further member access: `analytics()` in `analytics().logEvent()`. */
export function continuesChain(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node;
}

/** `make(x)()`, `.catch(handleError(config))`: the call's result is called, or handed to a call as a callback. */
export function resultRuns(node: ts.CallExpression): boolean {
  let outer: ts.Node = node;
  while (outer.parent && (ts.isParenthesizedExpression(outer.parent) || ts.isAwaitExpression(outer.parent))) outer = outer.parent;
  const parent = outer.parent;
  return !!parent && ts.isCallExpression(parent) && (parent.expression === outer || parent.arguments.some((argument) => argument === outer));
}

export function isFirstCall(segments: readonly string[]): boolean {
  return segments.indexOf('()') === segments.length - 1;
}

/** `getClient().track()`: a method called on what a call returned (a client from a getter), linked as a possible sink. */
export function isCallOnCallResult(segments: readonly string[]): boolean {
  return segments.filter((segment) => segment === '()').length === 2 && segments.at(-1) === '()' && segments.at(-2) !== '()';
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
export function isValueReference(node: ts.Identifier): boolean {
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

export function functionName(fn: ts.Node): string {
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

