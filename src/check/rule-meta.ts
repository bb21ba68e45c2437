import { DOCS_BASE_URL } from '../util/package-info.js';

export type Severity = 'error' | 'warning' | 'note';

/** One rule: the same id in `privlint scan`, SARIF and ESLint (`privlint/<id>`). */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule reports (the README's table, ESLint's docs.description, the docs page's first paragraph). */
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
  /** ESLint's meta.type: `problem` for a gap in the policy, `suggestion` for a missing annotation. */
  eslintType: 'problem' | 'suggestion';
  /** Some findings carry a certain fix (`privlint scan --fix`, ESLint's fix; meta.fixable "code"). */
  fixable?: boolean;
  docsUrl: string;
}

/** A rule's meta with its docs address. */
export const defineMeta = (meta: Omit<RuleMeta, 'docsUrl'>): RuleMeta => ({ ...meta, docsUrl: `${DOCS_BASE_URL}/rules/${meta.id}.md` });
