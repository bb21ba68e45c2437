import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../check/finding.js';
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
  /**
   * For a finding with parts (several things one rule found at one place): the parts' fingerprints.
   * A part stays accepted when the finding's other parts go, so declaring one category of an SDK's
   * five does not make the other four new.
   */
  parts?: string[];
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

/** What comparing a scan's findings with a baseline told: the file, the findings it accepted, its entries nothing matched. */
export interface BaselineOutcome {
  file: string;
  accepted: number;
  acceptedFindings: Finding[];
  stale: BaselineEntry[];
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

/**
 * A baseline of today's findings. Notes are kept from `previous` for entries that still match: by
 * fingerprint, or by parts — an entry written for one finding that is now a part of a merged one
 * (or the other way round) hands its note on, so `privlint baseline --update` maps old entries to
 * new ones (several notes joined with "; ").
 */
export function createBaseline(findings: readonly Finding[], previous?: Baseline): Baseline {
  return {
    version: 1,
    tool: `privlint ${PACKAGE_VERSION}`,
    entries: findings.map((finding) => ({
      fingerprint: finding.fingerprint,
      ...(finding.parts ? { parts: finding.parts.map((part) => part.fingerprint!) } : {}),
      ruleId: finding.ruleId,
      file: finding.file,
      message: finding.message,
      note: [...new Set((previous?.entries ?? []).filter((entry) => sameFinding(entry, finding)).map((entry) => entry.note).filter(Boolean))].join('; '),
    })),
  };
}

/**
 * What `privlint baseline --update` did to the previous entries: `dropped` match no finding any
 * more (fixed); `mapped` match a finding under another fingerprint (findings at one place merged
 * into one, or a merged one split), and live on in its entry with their notes.
 */
export function updateSummary(previous: Baseline, next: Baseline): { dropped: number; mapped: number } {
  const own = new Set(next.entries.map((entry) => entry.fingerprint));
  const all = new Set(next.entries.flatMap((entry) => [entry.fingerprint, ...(entry.parts ?? [])]));
  let dropped = 0;
  let mapped = 0;
  for (const entry of previous.entries) {
    if (own.has(entry.fingerprint)) continue;
    if ([entry.fingerprint, ...(entry.parts ?? [])].some((fingerprint) => all.has(fingerprint))) mapped++;
    else dropped++;
  }
  return { dropped, mapped };
}

/** The fingerprints a finding answers to: its own and its parts'. */
function fingerprintsOf(finding: Finding): string[] {
  return [finding.fingerprint, ...(finding.parts ?? []).map((part) => part.fingerprint!)];
}

/** An entry is about this finding when they share a fingerprint, their own or a part's. */
function sameFinding(entry: BaselineEntry, finding: Finding): boolean {
  const mine = new Set(fingerprintsOf(finding));
  return [entry.fingerprint, ...(entry.parts ?? [])].some((fingerprint) => mine.has(fingerprint));
}

/** The baseline file's text: indented JSON, one entry per finding, in the scan's order. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/**
 * A finding is accepted when the baseline has its fingerprint, or has every one of its parts (as
 * entries of their own, written before findings at one place were merged, or as parts of an entry):
 * a part the baseline has never seen makes the finding new. An entry is stale when no finding
 * answers to its fingerprint or any of its parts.
 */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline): BaselineComparison {
  const accepted = new Set(baseline.entries.flatMap((entry) => [entry.fingerprint, ...(entry.parts ?? [])]));
  const isKnown = (finding: Finding) => accepted.has(finding.fingerprint) || (finding.parts !== undefined && finding.parts.every((part) => accepted.has(part.fingerprint!)));
  const seen = new Set(findings.flatMap(fingerprintsOf));
  return {
    fresh: findings.filter((finding) => !isKnown(finding)),
    known: findings.filter(isKnown),
    stale: baseline.entries.filter((entry) => ![entry.fingerprint, ...(entry.parts ?? [])].some((fingerprint) => seen.has(fingerprint))),
  };
}

export function resolveBaselinePath(cwd: string, given: string | undefined): string {
  return path.resolve(cwd, given ?? DEFAULT_BASELINE_FILE);
}

/**
 * The scan result with only the findings the baseline does not accept, and what it learned about the
 * baseline. Any result with a root and findings: a ScanResult sits above this layer.
 */
export function applyBaseline<Result extends { root: string; findings: Finding[] }>(result: Result, baseline: Baseline, file: string): Result & { baseline: BaselineOutcome } {
  const { fresh, known, stale } = compareWithBaseline(result.findings, baseline);
  return { ...result, findings: fresh, baseline: { file: toPosixRelative(result.root, file), accepted: known.length, acceptedFindings: known, stale } };
}
