import { privlintRule } from './utils/privlint-rule.js';

/** Collection or SDK calls that the manifest puts behind consent must run after the consent guard. */
export default privlintRule({
  id: 'require-consent-check',
  type: 'problem',
  recommended: true,
  messages: {
    collectionWithoutConsent: '{{message}}',
    sdkCallWithoutConsent: '{{message}}',
    flowWithoutConsent: '{{message}}',
  },
});
