import * as requireConsentCheck from '../src/check/rules/require-consent-check.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/require-consent-check in ESLint: the findings of src/check/rules/require-consent-check.ts for the linted file. */
export default privlintRule(requireConsentCheck);
