import { privlintRule } from './utils/privlint-rule.js';

/** Every third-party SDK the code uses must be listed under a recipient in the manifest. */
export default privlintRule({
  id: 'no-undeclared-sdk',
  type: 'problem',
  recommended: true,
  messages: {
    undeclaredSdk: '{{message}}',
  },
});
