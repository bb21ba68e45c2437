import { ts } from './ts.js';
import type { CatalogIndex } from '../catalog/match.js';
import { skipOuterExpressions } from './references.js';
import { isFunctionLike, patternNames } from './scope.js';

// A value typed by a record of personal fields declared in its file (`name: Name` where
// `interface Name { firstName: string; lastName: string }`) is that person's data whatever it is
// called: a bare `name` or `address` key holding it is theirs, as on a person (`user.name`).

/** Whether `value` (a variable or parameter of this file) is declared with a type of this file whose fields name personal data. */
export function typedAsPersonalRecord(value: ts.Expression, catalog: CatalogIndex): boolean {
  const expression = skipOuterExpressions(value);
  if (!ts.isIdentifier(expression)) return false;
  const type = declaredType(expression);
  return type !== undefined && namesPersonalFields(type, catalog, 0);
}

/** The type annotation of the parameter or variable `name` refers to, found by walking out of its functions. */
function declaredType(name: ts.Identifier): ts.TypeNode | undefined {
  for (let current: ts.Node | undefined = name.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (isFunctionLike(current)) {
      const parameter = current.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name.text);
      if (parameter) return parameter.type;
      if (current.parameters.some((candidate) => patternNames(candidate.name).some((entry) => entry.name === name.text))) return undefined;
    }
  }
  return undefined;
}

function namesPersonalFields(type: ts.TypeNode, catalog: CatalogIndex, depth: number): boolean {
  if (depth > 3) return false;
  if (ts.isUnionTypeNode(type)) return type.types.some((member) => namesPersonalFields(member, catalog, depth + 1));
  if (ts.isTypeLiteralNode(type)) return fieldsArePersonal(type.members, catalog);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return false;
  const wanted = type.typeName.text;
  for (const statement of type.getSourceFile().statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === wanted) return fieldsArePersonal(statement.members, catalog);
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text === wanted) return namesPersonalFields(statement.type, catalog, depth + 1);
  }
  return false;
}

/** Some field's name names personal data by itself (`firstName`, `email`; not a bare `name` or `id`). */
function fieldsArePersonal(members: ts.NodeArray<ts.TypeElement>, catalog: CatalogIndex): boolean {
  return members.some((member) => member.name !== undefined && ts.isIdentifier(member.name) && catalog.names.match(member.name.text)?.qualified === false);
}
