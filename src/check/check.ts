import type { Inventory } from '../link/inventory.js';
import type { Manifest } from '../manifest/types.js';
import type { Finding } from './finding.js';
import { PolicyContext, type CheckOptions } from './policy.js';
import { messageOf, type Draft, type RuleModule } from './rule-module.js';
import { RULE_MODULES, ruleModule } from './rules.js';

export type { CheckOptions } from './policy.js';
export { hostMatches } from './policy.js';

/**
 * Compare the inventory with the manifest: each rule module's check, with the config's severities
 * (a rule that is "off" is not run). Pure, deterministic, no I/O. Fingerprints are added by the caller.
 */
export function check(inventory: Inventory, manifest: Manifest | undefined, options: CheckOptions): Omit<Finding, 'fingerprint'>[] {
  const policy = new PolicyContext(manifest, options);
  const findings: Omit<Finding, 'fingerprint'>[] = [];
  for (const module of RULE_MODULES) {
    if (!module.check || options.rules?.[module.meta.id] === 'off') continue;
    findings.push(...module.check({ inventory, policy }).map((draft) => toFinding(module, draft, options)));
  }
  return findings;
}

/** A draft with its message written by its rule and its severity from the config or the rule's default. */
export function toFinding(module: RuleModule, draft: Draft, options: Pick<CheckOptions, 'rules'>): Omit<Finding, 'fingerprint'> {
  const { data: _data, ...place } = draft;
  const override = options.rules?.[draft.ruleId];
  return { ...place, ...messageOf(module, draft), severity: override === undefined || override === 'off' ? module.meta.defaultSeverity : override };
}

/** The finding of a draft of any rule (for rules run outside check(), such as no-unused-suppression). */
export function findingOf(draft: Draft, options: Pick<CheckOptions, 'rules'>): Omit<Finding, 'fingerprint'> {
  return toFinding(ruleModule(draft.ruleId), draft, options);
}
