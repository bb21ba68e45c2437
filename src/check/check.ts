import type { Inventory } from '../link/inventory.js';
import type { Manifest } from '../manifest/types.js';
import type { Finding } from './finding.js';
import { onePerPlace, type PlacedDraft } from './one-per-place.js';
import { PolicyContext, type CheckOptions } from './policy.js';
import type { Draft, RuleModule } from './rule-module.js';
import { RULE_MODULES, ruleModule } from './rules.js';

export type { CheckOptions } from './policy.js';
export { hostMatches } from './policy.js';

/**
 * Compare the inventory with the manifest: each rule module's check, one finding per rule per place,
 * with the config's severities (a rule that is "off" is not run). Pure, deterministic, no I/O.
 * Fingerprints are added by the caller.
 */
export function check(inventory: Inventory, manifest: Manifest | undefined, options: CheckOptions): Omit<Finding, 'fingerprint'>[] {
  const policy = new PolicyContext(manifest, options);
  const findings: Omit<Finding, 'fingerprint'>[] = [];
  for (const module of RULE_MODULES) {
    if (!module.check || options.rules?.[module.meta.id] === 'off') continue;
    findings.push(...findingsOf(module, module.check({ inventory, policy }), options));
  }
  return findings;
}

/** A rule's drafts as findings: one per place, with the severity from the config or the rule's default. */
export function findingsOf(module: RuleModule, drafts: readonly Draft[], options: Pick<CheckOptions, 'rules'>): Omit<Finding, 'fingerprint'>[] {
  const override = options.rules?.[module.meta.id];
  const severity = override === undefined || override === 'off' ? module.meta.defaultSeverity : override;
  return onePerPlace(module, drafts).map((placed: PlacedDraft) => ({ ...placed, severity }));
}

/** The findings of a rule run outside check(), such as no-unused-suppression. */
export function findingsOfRule(ruleId: string, drafts: readonly Draft[], options: Pick<CheckOptions, 'rules'>): Omit<Finding, 'fingerprint'>[] {
  return findingsOf(ruleModule(ruleId), drafts, options);
}
