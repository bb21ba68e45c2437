import * as noResidencyViolation from '../src/check/rules/no-residency-violation.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/no-residency-violation in ESLint: the findings of src/check/rules/no-residency-violation.ts for the linted file. */
export default privlintRule(noResidencyViolation);
