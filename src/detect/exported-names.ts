import { ts } from './ts.js';

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
