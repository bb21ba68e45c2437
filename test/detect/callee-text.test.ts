import { describe, expect, it } from 'vitest';
import { ts } from '../../src/detect/ts.js';
import { calleeText } from '../../src/detect/references.js';

/** The callee of the first call in `code`, as calleeText writes it for messages. */
function calleeOf(code: string): string {
  const sourceFile = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isCallExpression(node)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calleeText(found!.expression, sourceFile);
}

describe('calleeText', () => {
  it('gives a plain callee as written, shortened past 60 characters (the path without regular expressions)', () => {
    expect(calleeOf('api.user.profile.update(id);')).toBe('api.user.profile.update');
    const long = `a${'b'.repeat(70)}`;
    expect(calleeOf(`${long}.track(x);`)).toBe(`${long.slice(0, 57)}...`);
  });

  it('still drops line breaks, indentation and arguments from a callee that has them', () => {
    expect(calleeOf('analytics( app )\n  .logEvent(name);')).toBe('analytics().logEvent');
    expect(calleeOf('new  Client(key).track(e);')).toBe('new Client().track');
  });
});
