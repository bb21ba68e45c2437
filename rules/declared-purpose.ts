import { privlintRule } from './utils/privlint-rule.js';

/** An annotated purpose must exist and be declared for the category in the manifest. */
export default privlintRule({
  id: 'declared-purpose',
  type: 'problem',
  recommended: true,
  messages: {
    unknownPurpose: '{{message}}',
    undeclaredPurpose: '{{message}}',
    emptyAnnotation: '{{message}}',
  },
});
