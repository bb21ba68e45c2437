import * as declaredPurpose from '../src/check/rules/declared-purpose.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/declared-purpose in ESLint: the findings of src/check/rules/declared-purpose.ts for the linted file. */
export default privlintRule(declaredPurpose);
