import * as noUndeclaredSdk from '../src/check/rules/no-undeclared-sdk.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/no-undeclared-sdk in ESLint: the findings of src/check/rules/no-undeclared-sdk.ts for the linted file. */
export default privlintRule(noUndeclaredSdk);
