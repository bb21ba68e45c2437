import * as noUndeclaredSharing from '../src/check/rules/no-undeclared-sharing.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/no-undeclared-sharing in ESLint: the findings of src/check/rules/no-undeclared-sharing.ts for the linted file. */
export default privlintRule(noUndeclaredSharing);
