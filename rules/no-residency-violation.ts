import { privlintRule } from './utils/privlint-rule.js';

/** Data of users in a region with a residency rule must go to an endpoint the rule allows. */
export default privlintRule({
  id: 'no-residency-violation',
  type: 'problem',
  recommended: true,
  messages: {
    residencyViolation: '{{message}}',
  },
});
