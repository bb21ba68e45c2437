// The README's rules table is generated from the rule modules (npm run docs): it must say what they say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { renderRulesTable, withRulesTable } from '../../src/check/rules-table.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

describe('the README rules table', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('is the table the rule modules give (run npm run docs after changing a rule\'s meta)', () => {
    expect(withRulesTable(readme, RULES)).toBe(readme);
  });

  it('has a row per rule, in the modules\' order, with its default severity, manifest need, where and description', () => {
    const rows = renderRulesTable(RULES).split('\n').slice(2);
    expect(rows.map((row) => /\[`([^`]+)`\]/.exec(row)![1])).toEqual(RULES.map((meta) => meta.id));
    expect(rows[RULES.findIndex((meta) => meta.id === 'no-unused-declaration')]).toBe(
      '| [`no-unused-declaration`](docs/rules/no-unused-declaration.md) | note | yes | scan | The manifest declares a category or recipient that the code never collects or uses. |',
    );
    expect(rows[RULES.findIndex((meta) => meta.id === 'no-undeclared-sharing')]).toContain('| error | yes | editor (one-file flows), scan |');
  });
});
