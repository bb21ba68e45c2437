import type { RuleModule } from './rule-module.js';
import type { RuleMeta } from './rule-meta.js';
import * as declaredPurpose from './rules/declared-purpose.js';
import * as noResidencyViolation from './rules/no-residency-violation.js';
import * as noUndeclaredCollection from './rules/no-undeclared-collection.js';
import * as noUndeclaredSdk from './rules/no-undeclared-sdk.js';
import * as noUndeclaredSharing from './rules/no-undeclared-sharing.js';
import * as noUnknownDestination from './rules/no-unknown-destination.js';
import * as noUnusedDeclaration from './rules/no-unused-declaration.js';
import * as noUnusedSuppression from './rules/no-unused-suppression.js';
import * as requireConsentCheck from './rules/require-consent-check.js';
import * as requirePurpose from './rules/require-purpose.js';

export type { RuleMeta, Severity } from './rule-meta.js';

/**
 * Every rule module (src/check/rules/<id>.ts), in a stable order: SARIF's ruleIndex depends on it,
 * so append new rules at the end. RULES, the ESLint plugin, its configs and the README's table all
 * come from this list.
 */
export const RULE_MODULES: readonly RuleModule[] = [
  noUndeclaredCollection,
  requirePurpose,
  declaredPurpose,
  requireConsentCheck,
  noUndeclaredSdk,
  noUnusedDeclaration,
  noUnusedSuppression,
  noUndeclaredSharing,
  noUnknownDestination,
  noResidencyViolation,
];

/** Every rule's meta, in RULE_MODULES' order. */
export const RULES: readonly RuleMeta[] = RULE_MODULES.map((module) => module.meta);

export const RULE_IDS: readonly string[] = RULES.map((meta) => meta.id);

export function ruleMeta(id: string): RuleMeta {
  return ruleModule(id).meta;
}

export function ruleModule(id: string): RuleModule {
  const module = RULE_MODULES.find((candidate) => candidate.meta.id === id);
  if (!module) throw new Error(`unknown rule ${id}`);
  return module;
}
