import * as noUnknownDestination from '../src/check/rules/no-unknown-destination.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/no-unknown-destination in ESLint: the findings of src/check/rules/no-unknown-destination.ts for the linted file. */
export default privlintRule(noUnknownDestination);
