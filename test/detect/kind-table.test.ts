import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/detect/ts.js';
import { isTypeOnlyKind, namesRatherThanUses, parseSource } from '../../src/detect/analyze-file.js';
import { kindTable } from '../../src/detect/kind-table.js';
import { isOuterExpression } from '../../src/detect/references.js';
import { isFunctionLikeKind } from '../../src/detect/scope.js';

// Detection reads these tables instead of calling the predicates; they must give the same answer
// for every node of real code (TS, TSX, JS; types, classes, JSX, declarations).
const files = fg.sync('fixtures/apps/*/**/*.{ts,tsx,js,jsx}', { ignore: ['**/node_modules/**'] });

describe('syntax kind tables', () => {
  it('the fixtures give the tables every kind of node they are meant to answer for', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const [name, predicate] of [
    ['isFunctionLikeKind', isFunctionLikeKind],
    ['isTypeOnlyKind', isTypeOnlyKind],
    ['namesRatherThanUses', namesRatherThanUses],
    ['isOuterExpression', isOuterExpression],
  ] as const) {
    it(`${name}: the table answers as the predicate does on every node of the fixture apps`, () => {
      const table = kindTable(predicate);
      let yes = 0;
      let no = 0;
      for (const file of files) {
        const visit = (node: ts.Node): void => {
          const expected = predicate(node);
          if ((table[node.kind] === 1) !== expected) throw new Error(`${file}: ${ts.SyntaxKind[node.kind]} answered ${table[node.kind]}, predicate ${expected}`);
          if (expected) yes++;
          else no++;
          ts.forEachChild(node, visit);
        };
        visit(parseSource(file, readFileSync(file, 'utf8')));
      }
      expect(yes).toBeGreaterThan(10);
      expect(no).toBeGreaterThan(1000);
    });
  }
});
