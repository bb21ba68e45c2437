import { privlintRule } from './utils/privlint-rule.js';

/** Every category the code collects (directly or through an SDK) must be declared in the manifest. */
export default privlintRule({
  id: 'no-undeclared-collection',
  type: 'problem',
  recommended: true,
  messages: {
    undeclaredCategory: '{{message}}',
    undeclaredSdkCollection: '{{message}}',
  },
});
