import { privlintRule } from './utils/privlint-rule.js';

/** Data that reaches an SDK's or a recipient's servers must be declared as shared with that recipient, for that purpose. */
export default privlintRule({
  id: 'no-undeclared-sharing',
  type: 'problem',
  recommended: true,
  messages: {
    undeclaredSharing: '{{message}}',
    undeclaredSharingPurpose: '{{message}}',
  },
});
