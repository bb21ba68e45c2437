import * as noUndeclaredCollection from '../src/check/rules/no-undeclared-collection.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/no-undeclared-collection in ESLint: the findings of src/check/rules/no-undeclared-collection.ts for the linted file. */
export default privlintRule(noUndeclaredCollection);
