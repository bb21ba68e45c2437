import type { TSESLint } from '@typescript-eslint/utils';
import { PACKAGE_VERSION } from '../src/util/package-info.js';
import declaredPurpose from './declared-purpose.js';
import noUndeclaredCollection from './no-undeclared-collection.js';
import noResidencyViolation from './no-residency-violation.js';
import noUndeclaredSdk from './no-undeclared-sdk.js';
import noUndeclaredSharing from './no-undeclared-sharing.js';
import noUnknownDestination from './no-unknown-destination.js';
import noUnusedSuppression from './no-unused-suppression.js';
import requireConsentCheck from './require-consent-check.js';
import requirePurpose from './require-purpose.js';

/** The rules, by id: the same ids as `privlint scan` findings. */
export const rules = {
  'no-undeclared-collection': noUndeclaredCollection,
  'require-purpose': requirePurpose,
  'declared-purpose': declaredPurpose,
  'require-consent-check': requireConsentCheck,
  'no-undeclared-sdk': noUndeclaredSdk,
  'no-unused-suppression': noUnusedSuppression,
  'no-undeclared-sharing': noUndeclaredSharing,
  'no-unknown-destination': noUnknownDestination,
  'no-residency-violation': noResidencyViolation,
} satisfies Record<string, TSESLint.RuleModule<string, unknown[]>>;

type RuleLevel = 'error' | 'warn' | 'off';

/** Levels in `recommended` mirror each rule's default severity in `privlint scan`. */
const recommendedLevels: Record<keyof typeof rules, RuleLevel> = {
  'no-undeclared-collection': 'error',
  'require-purpose': 'warn',
  'declared-purpose': 'error',
  'require-consent-check': 'error',
  'no-undeclared-sdk': 'error',
  'no-unused-suppression': 'warn',
  'no-undeclared-sharing': 'error',
  'no-unknown-destination': 'error',
  'no-residency-violation': 'error',
};

const plugin = {
  meta: { name: 'privlint', version: PACKAGE_VERSION, namespace: 'privlint' },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

const prefixed = (levels: Record<string, RuleLevel>) =>
  Object.fromEntries(Object.entries(levels).map(([id, level]) => [`privlint/${id}`, level]));

const recommended: TSESLint.FlatConfig.Config = {
  name: 'privlint/recommended',
  plugins: { privlint: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: prefixed(recommendedLevels),
};

const strict: TSESLint.FlatConfig.Config = {
  name: 'privlint/strict',
  plugins: { privlint: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: prefixed(Object.fromEntries(Object.keys(rules).map((id) => [id, 'error' as const]))),
};

plugin.configs.recommended = recommended;
plugin.configs['flat/recommended'] = recommended;
plugin.configs.strict = strict;

export default plugin;
