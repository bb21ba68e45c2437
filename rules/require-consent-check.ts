import * as requireConsentCheck from '../src/check/rules/require-consent-check.js';
import { GUARD_SUGGESTION_MESSAGES, guardSuggestions } from './utils/consent-guard-suggestion.js';
import { privlintRule } from './utils/privlint-rule.js';

/** privlint/require-consent-check in ESLint; the suggestion wraps the statement in the configured guard. */
export default privlintRule(requireConsentCheck, {
  suggestionMessages: GUARD_SUGGESTION_MESSAGES,
  suggest: (finding, context) => guardSuggestions(finding, context.sourceCode),
});
