import * as noUnusedSuppression from '../src/check/rules/no-unused-suppression.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/no-unused-suppression in ESLint: the findings of src/check/rules/no-unused-suppression.ts for the linted file. */
export default privlintRule(noUnusedSuppression);
