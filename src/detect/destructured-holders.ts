import { ts } from './ts.js';
import type { CatalogIndex } from '../catalog/match.js';
import { skipOuterExpressions, staticName } from './references.js';

// A value the file takes coordinates out of (`const { longitude, latitude } = query`) holds them: where
// the same name is sent whole (`JSON.stringify(params.query)`, `log(query)`), the position goes with it.
// Only by destructuring (the file says which members it holds), never from a place (`const { latitude }
// = venue`), and only coordinates: they travel as a pair inside a query, a region or a position passed
// whole, while an id or an e-mail destructured from a context or an account record is one member of a
// record the file passes around for other reasons (a first try with every category flagged 17 such lines).

const HOLDERS = new WeakMap<ts.SourceFile, ReadonlyMap<string, string>>();

/** The location category the file destructures out of a value called `name`, if any. */
export function destructuredHolderCategory(name: string, sourceFile: ts.SourceFile, catalog: CatalogIndex): string | undefined {
  let holders = HOLDERS.get(sourceFile);
  if (!holders) {
    holders = collectHolders(sourceFile, catalog);
    HOLDERS.set(sourceFile, holders);
  }
  return holders.get(name);
}

function collectHolders(sourceFile: ts.SourceFile, catalog: CatalogIndex): Map<string, string> {
  const { names } = catalog;
  const holders = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
      const holder = holderName(node.initializer);
      if (holder !== undefined && !holders.has(holder) && !names.isPlaceOwner(holder) && !names.match(holder)) {
        for (const element of node.name.elements) {
          const member = element.propertyName ? staticName(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
          const match = member === undefined ? undefined : names.match(member);
          if (match && !match.qualified && match.category.startsWith('location.')) {
            holders.set(holder, match.category);
            break;
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return holders;
}

/** `query` of `query`, `params.query` or `this.query`. */
function holderName(node: ts.Expression): string | undefined {
  const value = skipOuterExpressions(node);
  return ts.isIdentifier(value) ? value.text : ts.isPropertyAccessExpression(value) ? value.name.text : undefined;
}
