import type { SuppressionComment } from '../detect/facts.js';
import type { ViaStep } from '../link/inventory.js';
import type { Severity } from './rule-meta.js';

/** A gap between what the code does and what the policy says. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Scan-root-relative POSIX path. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What and where, in one sentence of at most 160 characters (the data, the API, the place). */
  message: string;
  /** The policy reference and the fix: the second line in text output, `help` in JSON, the message's markdown in SARIF. */
  help: string;
  category?: string;
  package?: string;
  api?: string;
  /** The chain from the reported place to the API (wrappers, re-exports). */
  via?: ViaStep[];
  /** For data-flow findings: the path from the collection site to where the data leaves. */
  flow?: ViaStep[];
  /** Which message of the rule this is (ESLint messageId), e.g. "missingPurpose". */
  kind: string;
  /** For an unused or ignored privlint-disable comment (no-unused-suppression): what it names and covers. */
  directive?: { rules: string[]; scope: SuppressionComment['scope'] };
  /** For a missing purpose: the purposes the manifest declares for the category, and where an annotation goes. */
  suggestion?: { purposes: string[]; annotationLine: number };
  /** For a missing consent check: the key and the configured guard call to wrap the code in (an editor suggestion, never applied by --fix). */
  guard?: { key: string; call: string };
  /** A change that certainly fixes the finding: `privlint scan --fix` applies it, ESLint offers it as the rule's fix. */
  fix?: Fix;
  /**
   * When the rule found several things at this place (an SDK import that receives five categories,
   * a call that is both a collection and an SDK call), they are one finding: its message leads with
   * the first part and lists or mentions the others. Each part keeps what it is about and its own
   * fingerprint (the one it had as a finding of its own), so baselines written before still match.
   */
  parts?: FindingPart[];
  /** Stable across unrelated edits: does not contain line numbers. */
  fingerprint: string;
}

/** A certain fix: what it does, and the text edits that do it. */
export interface Fix {
  /** "Replace "analytcs" with "analytics"." */
  description: string;
  edits: TextEdit[];
}

/** Replace the text from line:column up to (not including) endLine:endColumn — 1-based, UTF-16 columns as everywhere — with `text`. */
export interface TextEdit {
  /** Scan-root-relative POSIX path. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** One of the things a merged finding is about. */
export interface FindingPart {
  kind: string;
  category?: string;
  package?: string;
  api?: string;
  via?: ViaStep[];
  flow?: ViaStep[];
  /** The fingerprint this part has as a finding on its own (set with the finding's). */
  fingerprint?: string;
}

/** A finding silenced by a `privlint-disable` comment; kept for SARIF's `suppressions` and for reviews. */
export interface SuppressedFinding extends Finding {
  suppression: { justification: string; line: number };
}
