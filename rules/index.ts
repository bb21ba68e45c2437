import type { TSESLint } from '@typescript-eslint/utils';
import { RULES, type Severity } from '../src/check/rules.js';
import { PACKAGE_VERSION } from '../src/util/package-info.js';
import declaredPurpose from './declared-purpose.js';
import noResidencyViolation from './no-residency-violation.js';
import noUndeclaredCollection from './no-undeclared-collection.js';
import noUndeclaredSdk from './no-undeclared-sdk.js';
import noUndeclaredSharing from './no-undeclared-sharing.js';
import noUnknownDestination from './no-unknown-destination.js';
import noUnusedSuppression from './no-unused-suppression.js';
import requireConsentCheck from './require-consent-check.js';
import requirePurpose from './require-purpose.js';

/**
 * The per-file rules (src/check/rules/<id>.ts with `perFile`), by id: the same ids as `privlint
 * scan` findings. Whole-program rules stay in privlint scan. Each adapter's meta, docs and messages
 * come from its module; test/rules/plugin.test.ts holds this list to RULES.
 */
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

const PER_FILE = RULES.filter((meta) => meta.perFile);

type RuleLevel = 'error' | 'warn' | 'off';

/** `recommended` mirrors each rule's default severity in `privlint scan` (ESLint has no "note": a note warns). */
const ESLINT_LEVEL: Record<Severity, RuleLevel> = { error: 'error', warning: 'warn', note: 'warn' };

const plugin = {
  meta: { name: 'privlint', version: PACKAGE_VERSION, namespace: 'privlint' },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

const levels = (level: (severity: Severity) => RuleLevel) => Object.fromEntries(PER_FILE.map((meta) => [`privlint/${meta.id}`, level(meta.defaultSeverity)]));

const recommended: TSESLint.FlatConfig.Config = {
  name: 'privlint/recommended',
  plugins: { privlint: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: levels((severity) => ESLINT_LEVEL[severity]),
};

const strict: TSESLint.FlatConfig.Config = {
  name: 'privlint/strict',
  plugins: { privlint: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: levels(() => 'error'),
};

plugin.configs.recommended = recommended;
plugin.configs['flat/recommended'] = recommended;
plugin.configs.strict = strict;

export default plugin;
