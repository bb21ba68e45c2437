import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../check/finding.js';
import type { ScanResult } from '../scan.js';
import { toPosixRelative } from '../util/paths.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { displayPath } from '../util/paths.js';
import { findJsonError } from '../util/json-error.js';
import { UserError } from '../util/problem.js';
import { checkUserFile } from '../util/read-text-file.js';

export const DEFAULT_BASELINE_FILE = '.privlint-baseline.json';

/** One accepted finding: matched by fingerprint, which survives unrelated edits above it. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
  /** For the reviewer who accepted it: why it is fine for now (a ticket, a date). */
  note: string;
}

export interface Baseline {
  version: 1;
  tool: string;
  entries: BaselineEntry[];
}

export interface BaselineComparison {
  /** Findings not in the baseline: these are reported and decide the exit code. */
  fresh: Finding[];
  /** Findings the baseline accepts. */
  known: Finding[];
  /** Baseline entries that no longer match any finding (fixed, or the code changed): the baseline can shrink. */
  stale: BaselineEntry[];
}

/** Far above any real baseline (a finding is a few hundred bytes): a bigger file is not one. */
const MAX_BASELINE_BYTES = 200 * 1024 * 1024;

export function readBaseline(file: string, cwd = process.cwd()): Baseline {
  const shown = displayPath(file, cwd);
  if (!existsSync(file)) throw new UserError(`${shown}: no such baseline file; create it with privlint baseline --output ${shown}`);
  checkUserFile(file, shown, { maxBytes: MAX_BASELINE_BYTES, what: 'baseline' });
  let data: unknown;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = findJsonError(text) ?? { line: 1, column: 1, message: (error as Error).message };
    throw new UserError(`${shown}: not valid JSON; fix it there, or recreate it with privlint baseline --update`, [{ file: shown, ...at }]);
  }
  const baseline = data as Partial<Baseline>;
  if (baseline?.version !== 1 || !Array.isArray(baseline.entries)) {
    throw new UserError(`${shown}: not a privlint baseline (expected {"version": 1, "entries": [...]}); recreate it with privlint baseline`);
  }
  baseline.entries.forEach((entry, index) => {
    if (typeof entry?.fingerprint !== 'string') throw new UserError(`${shown}: entries[${index}] has no fingerprint; recreate the baseline with privlint baseline --update`);
  });
  return baseline as Baseline;
}

/** A baseline of today's findings; notes of entries that still match are kept from `previous`. */
export function createBaseline(findings: readonly Finding[], previous?: Baseline): Baseline {
  const notes = new Map(previous?.entries.map((entry) => [entry.fingerprint, entry.note]) ?? []);
  return {
    version: 1,
    tool: `privlint ${PACKAGE_VERSION}`,
    entries: findings.map((finding) => ({
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      file: finding.file,
      message: finding.message,
      note: notes.get(finding.fingerprint) ?? '',
    })),
  };
}

/** The baseline file's text: indented JSON, one entry per finding, in the scan's order. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline): BaselineComparison {
  const accepted = new Set(baseline.entries.map((entry) => entry.fingerprint));
  const seen = new Set(findings.map((finding) => finding.fingerprint));
  return {
    fresh: findings.filter((finding) => !accepted.has(finding.fingerprint)),
    known: findings.filter((finding) => accepted.has(finding.fingerprint)),
    stale: baseline.entries.filter((entry) => !seen.has(entry.fingerprint)),
  };
}

export function resolveBaselinePath(cwd: string, given: string | undefined): string {
  return path.resolve(cwd, given ?? DEFAULT_BASELINE_FILE);
}

/** The scan result with only the findings the baseline does not accept, and what it learned about the baseline. */
export function applyBaseline(result: ScanResult, baseline: Baseline, file: string): ScanResult {
  const { fresh, known, stale } = compareWithBaseline(result.findings, baseline);
  return { ...result, findings: fresh, baseline: { file: toPosixRelative(result.root, file), accepted: known.length, acceptedFindings: known, stale } };
}
