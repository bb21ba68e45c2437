import { ts } from './ts.js';
import type { Reference } from './facts.js';
import type { Scope } from './scope.js';

/**
 * What a type annotation says a value is: a value of a catalogued model (`Request`, `Headers`,
 * `express.Request`, `Koa.ParameterizedContext<S> | undefined`), or an instance of a class a package
 * exports (`client: Mixpanel` with Mixpanel from 'mixpanel': the reference `Mixpanel()` of that
 * package, as `new Mixpanel()` gives). Types of the project's own modules say nothing here.
 */
export function referenceOfType(type: ts.TypeNode, scope: Scope, isPackage: (specifier: string) => boolean): Reference | undefined {
  const model = modelOfType(type, scope);
  if (model) return { root: { kind: 'model', model }, segments: [] };
  const named = namedType(type);
  if (!named) return undefined;
  const binding = scope.lookup(named.first);
  if (binding?.kind !== 'import' || !isPackage(binding.root.specifier)) return undefined;
  return { root: { kind: 'import', specifier: binding.root.specifier }, segments: [...binding.segments, ...named.rest, '()'] };
}

/** The model a type annotation names, if any (see referenceOfType). A name imported from a module is matched with that module. */
export function modelOfType(type: ts.TypeNode, scope: Scope): string | undefined {
  const models = scope.catalog?.models;
  if (!models) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return modelOfType(type.type, scope);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
    for (const member of type.types) {
      const found = modelOfType(member, scope);
      if (found) return found;
    }
    return undefined;
  }
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName;
  if (ts.isIdentifier(name)) {
    const binding = scope.lookup(name.text);
    if (binding?.kind === 'import') return models.ofType(binding.segments.at(-1) === 'default' ? name.text : (binding.segments.at(-1) ?? name.text), binding.root.specifier);
    return models.ofType(name.text, undefined);
  }
  // `express.Request`, `Koa.ParameterizedContext`: the namespace's module.
  let left: ts.EntityName = name.left;
  while (ts.isQualifiedName(left)) left = left.left;
  const binding = scope.lookup(left.text);
  return models.ofType(name.right.text, binding?.kind === 'import' ? binding.root.specifier : undefined);
}

/** `Foo`, `ns.Foo`, `Foo<T> | undefined` → the first name and the members after it; undefined for anything else. */
function namedType(type: ts.TypeNode): { first: string; rest: string[] } | undefined {
  if (ts.isParenthesizedTypeNode(type)) return namedType(type.type);
  if (ts.isUnionTypeNode(type)) {
    const named = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
    return named.length === 1 ? namedType(named[0]!) : undefined;
  }
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const rest: string[] = [];
  let name: ts.EntityName = type.typeName;
  while (ts.isQualifiedName(name)) {
    rest.unshift(name.right.text);
    name = name.left;
  }
  return { first: name.text, rest };
}
