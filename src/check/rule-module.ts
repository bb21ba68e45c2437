import type { Inventory } from '../link/inventory.js';
import type { Finding } from './finding.js';
import type { PolicyContext } from './policy.js';
import type { RuleMeta } from './rule-meta.js';

/**
 * What a finding says: `message`, its first sentence, says what and where in at most 160
 * characters; `help` gives the policy reference and the fix (the second line in text output).
 */
export interface Written {
  message: string;
  help: string;
}

/**
 * A rule's messages, one per kind of finding (ESLint's messageIds): each a function of the data
 * that kind carries, so a check cannot report a kind without what its message needs. Their order
 * is their importance: when a rule finds several things at one place, the first kind leads the
 * finding (src/check/one-per-place.ts). A kind whose data has `subjects` lists them all when it is
 * found for several at one place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own data type
export type MessageTable = Record<string, (data: any) => Written>;

/** What a finding is about and where, before its message is written and its severity and fingerprint known. */
export type Place = Omit<Finding, 'ruleId' | 'kind' | 'severity' | 'message' | 'help' | 'fingerprint'>;

/** A finding as a rule's check reports it: its kind and that kind's message data. */
export interface Draft extends Place {
  ruleId: string;
  kind: string;
  data: object;
}

/** What a rule checks: the inventory of the whole program, and the manifest through the shared policy helpers. */
export interface RuleInput {
  inventory: Inventory;
  policy: PolicyContext;
}

/** One rule: its meta, its messages, and the check that finds its gaps (pure, no I/O). */
export interface RuleModule<Messages extends MessageTable = MessageTable> {
  meta: RuleMeta;
  messages: Messages;
  /**
   * Inventory and manifest → this rule's findings. Absent for no-unused-suppression, whose findings
   * come from the suppressions the other rules' findings used (src/check/suppress.ts runs it).
   */
  check?: (input: RuleInput) => Draft[];
}

/** A typed way to report: the kind must be one of the rule's messages, with the data that message needs. */
export function reporter<Messages extends MessageTable>(meta: RuleMeta, messages: Messages) {
  void messages;
  return <Kind extends keyof Messages & string>(kind: Kind, place: Place, data: Parameters<Messages[Kind]>[0]): Draft => ({ ...place, ruleId: meta.id, kind, data });
}
