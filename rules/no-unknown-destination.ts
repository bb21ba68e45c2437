import { privlintRule } from './utils/privlint-rule.js';

/** Personal data may only be sent to first-party hosts and to the domains of declared recipients. */
export default privlintRule({
  id: 'no-unknown-destination',
  type: 'problem',
  recommended: true,
  messages: {
    unknownDestination: '{{message}}',
  },
});
