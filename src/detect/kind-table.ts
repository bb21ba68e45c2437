import { ts } from './ts.js';

/**
 * A yes/no answer per syntax kind, computed once: detection asks "is this a function? a type?"
 * of every node it visits, and one array read is much cheaper than a chain of `ts.isX` calls.
 * Only for tests that look at nothing but `node.kind` (test/detect/kind-table.test.ts checks
 * each table against its predicate on real syntax trees).
 */
export function kindTable(test: (node: ts.Node) => boolean): Uint8Array {
  const table = new Uint8Array(ts.SyntaxKind.Count);
  for (let kind: ts.SyntaxKind = 0; kind < ts.SyntaxKind.Count; kind++) table[kind] = test({ kind } as ts.Node) ? 1 : 0;
  return table;
}
