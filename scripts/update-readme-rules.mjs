// Rewrites the rules table in README.md from the rule modules (src/check/rules/*.ts), via the build in dist/.
// `npm run docs` runs it; test/docs/rules-table.test.ts fails when the committed table is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/src/check/rules.js';
import { withRulesTable } from '../dist/src/check/rules-table.js';

const before = readFileSync('README.md', 'utf8');
const after = withRulesTable(before, RULES);
writeFileSync('README.md', after);
console.log(after === before ? 'README.md: the rules table is up to date' : 'README.md: rewrote the rules table');
