import { privlintRule } from './utils/privlint-rule.js';

/** A privlint-disable comment must silence something, name its rule and give a reason. */
export default privlintRule({
  id: 'no-unused-suppression',
  type: 'problem',
  recommended: true,
  messages: {
    unusedSuppression: '{{message}}',
    invalidSuppression: '{{message}}',
  },
});
