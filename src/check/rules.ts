import { DOCS_BASE_URL } from '../util/package-info.js';

export type Severity = 'error' | 'warning' | 'note';

/** One rule: the same id in `privlint scan`, SARIF and ESLint (`privlint/<id>`). */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** Why it matters, for SARIF fullDescription and docs. */
  rationale: string;
  /** Needs a manifest to say anything. */
  needsManifest: boolean;
  /**
   * Decidable from one file plus the manifest and the project index, so the ESLint plugin reports
   * it; for findings about data flows, only when the flow stays within one file (src/editor/reported-in-editor.ts).
   */
  perFile: boolean;
  /** Some of its findings are about data flows (they carry a `flow`), which may cross files. */
  reportsFlows?: boolean;
  /** GitHub code scanning's security-severity (0.0–10.0); see docs/ci.md for the mapping. */
  securitySeverity: string;
  /**
   * How often a finding is right (SARIF `precision`): `high` for what resolves through imports and
   * the catalog, `medium` where privlint infers (consent guards, data flows, absence of use).
   */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  docsUrl: string;
}

const rule = (meta: Omit<RuleMeta, 'docsUrl'>): RuleMeta => ({ ...meta, docsUrl: `${DOCS_BASE_URL}/rules/${meta.id}.md` });

/** Every rule, in a stable order (SARIF ruleIndex depends on it): append new rules at the end. */
export const RULES: readonly RuleMeta[] = [
  rule({
    id: 'no-undeclared-collection',
    defaultSeverity: 'error',
    description: 'Personal data is collected that the policy manifest does not declare.',
    rationale: 'A privacy policy must tell users every kind of personal data the app collects; collecting an undeclared category breaks that promise (GDPR Art. 13, app store declarations).',
    needsManifest: true,
    perFile: true,
    precision: 'high',
    securitySeverity: '7.5',
  }),
  rule({
    id: 'require-purpose',
    defaultSeverity: 'warning',
    description: 'A collection site has no @privacy-purpose annotation.',
    rationale: 'Purpose limitation: every collection needs a stated reason that reviewers can check against the policy. A warning by default so that teams can annotate gradually; the strict config makes it an error.',
    needsManifest: false,
    perFile: true,
    precision: 'high',
    securitySeverity: '3.0',
  }),
  rule({
    id: 'declared-purpose',
    defaultSeverity: 'error',
    description: 'An annotated purpose is unknown, or not declared for that data category in the manifest.',
    rationale: 'Using data for a purpose the policy does not state is processing without a legal basis; a typo in a purpose hides the real one.',
    needsManifest: false,
    perFile: true,
    precision: 'very-high',
    securitySeverity: '6.5',
  }),
  rule({
    id: 'require-consent-check',
    defaultSeverity: 'error',
    description: 'Data whose use requires consent is collected (or sent to an SDK) without a consent check for the right key.',
    rationale: 'When the policy promises prior consent (or an opt-out), collecting before checking the user\'s choice breaks the promise and the law (GDPR Art. 6/7, ePrivacy Art. 5(3)).',
    needsManifest: true,
    perFile: true,
    reportsFlows: true,
    precision: 'medium',
    securitySeverity: '8.0',
  }),
  rule({
    id: 'no-undeclared-sdk',
    defaultSeverity: 'error',
    description: 'A third-party SDK is used that no recipient in the manifest lists.',
    rationale: 'Third-party SDKs receive personal data on their own; a policy must name the recipients of personal data (GDPR Art. 13(1)(e)).',
    needsManifest: true,
    perFile: true,
    precision: 'high',
    securitySeverity: '7.0',
  }),
  rule({
    id: 'no-unused-declaration',
    defaultSeverity: 'note',
    description: 'The manifest declares a category or recipient that the code never collects or uses.',
    rationale: 'Either the policy over-claims (a declaration can be dropped) or the scan misses a collection (worth a look).',
    needsManifest: true,
    perFile: false,
    precision: 'medium',
    securitySeverity: '1.0',
  }),
  rule({
    id: 'no-unused-suppression',
    defaultSeverity: 'warning',
    description: 'A privlint-disable comment suppresses nothing, or is ignored because it lacks a rule or a reason.',
    rationale: 'Stale suppressions hide future findings on the same line; every suppression needs a reason a reviewer can judge.',
    needsManifest: false,
    perFile: true,
    precision: 'very-high',
    securitySeverity: '2.0',
  }),
  rule({
    id: 'no-undeclared-sharing',
    defaultSeverity: 'error',
    description: 'Personal data flows to a third-party SDK that the manifest does not say receives it (or not for that purpose).',
    rationale: 'A privacy policy promises who receives which data and why; sending a category to a vendor the policy does not name for it is an undisclosed transfer (GDPR Art. 13(1)(e), Art. 28).',
    needsManifest: true,
    perFile: true,
    reportsFlows: true,
    precision: 'medium',
    securitySeverity: '8.0',
  }),
  rule({
    id: 'no-unknown-destination',
    defaultSeverity: 'error',
    description: 'Personal data is sent to a host that is neither a first-party domain nor a declared recipient\'s domain.',
    rationale: 'Data sent to an undeclared host reaches a party the policy does not disclose, and may leave the jurisdictions the policy promises.',
    needsManifest: true,
    perFile: true,
    reportsFlows: true,
    precision: 'medium',
    securitySeverity: '8.0',
  }),
  rule({
    id: 'no-residency-violation',
    defaultSeverity: 'error',
    description: 'Data of users in a region with a residency rule is sent to an endpoint outside the region the manifest allows.',
    rationale: 'Data localisation promises (and laws such as China\'s PIPL, Russia\'s Federal Law 242-FZ, India\'s rules) require that data of those users stays in-country.',
    needsManifest: true,
    perFile: true,
    reportsFlows: true,
    precision: 'medium',
    securitySeverity: '9.0',
  }),
];

export const RULE_IDS: readonly string[] = RULES.map((meta) => meta.id);

export function ruleMeta(id: string): RuleMeta {
  const meta = RULES.find((candidate) => candidate.id === id);
  if (!meta) throw new Error(`unknown rule ${id}`);
  return meta;
}
