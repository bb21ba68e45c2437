import { ts } from '../engine/ts.js';

/*
 * Flow slots that name a React context. A context created in a file is `x:<name>`, linked both ways
 * to `x:export:<exported name>` for each name it is exported under; a file that imports it uses
 * `x@<imported name>@<specifier>`, which linking maps to the exporting file's `x:export:` slot
 * (through re-exports and barrels).
 */
export const contextLocalSlot = (name: string): string => `x:${name}`;
export const contextExportSlot = (name: string): string => `x:export:${name}`;
export const contextImportSlot = (specifier: string, name: string): string => `x@${name}@${specifier}`;

/** The imported name and specifier of an import slot, or undefined for any other slot. */
export function parseContextImportSlot(slot: string): { name: string; specifier: string } | undefined {
  if (!slot.startsWith('x@')) return undefined;
  const at = slot.indexOf('@', 2);
  return at < 0 ? undefined : { name: slot.slice(2, at), specifier: slot.slice(at + 1) };
}

/** The names each top-level binding of the file is exported under (ESM: `export const`, `export default x`, `export { x as y }`). */
export function exportedNames(sourceFile: ts.SourceFile): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (local: string, exported: string) => names.set(local, [...(names.get(local) ?? []), exported]);
  for (const statement of sourceFile.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
    if (ts.isVariableStatement(statement) && modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) add(declaration.name.text, declaration.name.text);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      add(statement.expression.text, 'default');
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) add((element.propertyName ?? element.name).text, element.name.text);
    }
  }
  return names;
}
