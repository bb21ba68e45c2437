/**
 * Scoring of a tool's output against the corpus labels (LABELLING.md, "How labels are scored").
 * Pure functions over plain data, shared by privlint's and the naive baseline's figures, so both
 * are measured with the same ruler.
 *
 * A tool's output, per repository, is normalised to:
 *   collections: [{ file, line, category, via: [{ file, line }] }]
 *   sdks:        [{ file, line, package }]      (imports and calls alike; package without a subpath)
 *   flagged:     number of distinct file:line a user is shown
 */
import { familyOf } from './categories.mjs';

/**
 * One line of labels.jsonl (LABELLING.md).
 * @typedef {{ repo: string, commit: string, file: string, line: number, kind: string, category: string, api: string, sdk: string | null, note: string }} Label
 */
/**
 * A tool's normalised output for one repository.
 * @typedef {{
 *   collections: { file: string, line: number, category: string, via?: { file: string, line: number }[] }[],
 *   sdks: { file: string, line: number, package: string }[],
 *   flagged: number,
 * }} Output
 */

/** How far from a label's line a report may be and still be the same site. */
export const LINE_SLACK = 2;

/** `firebase/analytics` → firebase; `@sentry/react-native/dist/x` → @sentry/react-native; `global:fbq` stays. */
/**
 * @param {string} specifier
 * @returns {string}
 */
export function packageName(specifier) {
  if (specifier.startsWith('global:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

const near = (/** @type {number} */ a, /** @type {number} */ b) => Math.abs(a - b) <= LINE_SLACK;

/**
 * Is a collection label found: a collection of its family in its file within the slack, or a `via` step there.
 * @param {Label} label
 * @param {Output} output
 */
export function collectionFound(label, output) {
  const family = familyOf(label.category);
  return output.collections.some(
    (site) =>
      familyOf(site.category) === family &&
      ((site.file === label.file && near(site.line, label.line)) || (site.via ?? []).some((step) => step.file === label.file && near(step.line, label.line))),
  );
}

/**
 * Is an SDK label found: the same package in the same file (`atLine`: and within the slack of its line).
 * @param {Label} label
 * @param {Output} output
 */
export function sdkFound(label, output, atLine = false) {
  return output.sdks.some((use) => use.file === label.file && packageName(use.package) === label.sdk && (!atLine || near(use.line, label.line)));
}

/**
 * A negative is a false positive when a collection is reported on its very line.
 * @param {Label} label
 * @param {Output} output
 */
export function falsePositive(label, output) {
  return output.collections.some((site) => site.file === label.file && site.line === label.line);
}

/**
 * Score one tool over the corpus. `outputs` maps repo → normalised output (a repo without output
 * counts every label as missed). Returns the figures and the misses.
 * @param {Label[]} labels
 * @param {Map<string, Output>} outputs
 */
export function score(labels, outputs) {
  /** @type {Map<string, { labels: number, found: number }>} */
  const perCategory = new Map();
  /** @type {Label[]} */
  const misses = [];
  /** @type {Label[]} */
  const falsePositives = [];
  let collections = 0;
  let collectionsFound = 0;
  let sdkLabels = 0;
  let sdkHits = 0;
  let sdkLineHits = 0;
  let negatives = 0;
  let negativesFlagged = 0;
  /** @type {Output} */
  const empty = { collections: [], sdks: [], flagged: 0 };
  for (const label of labels) {
    const output = outputs.get(label.repo) ?? empty;
    if (label.kind === 'collection') {
      const found = collectionFound(label, output);
      collections++;
      if (found) collectionsFound++;
      else misses.push(label);
      const entry = perCategory.get(label.category) ?? { labels: 0, found: 0 };
      entry.labels++;
      if (found) entry.found++;
      perCategory.set(label.category, entry);
    } else if (label.kind === 'sdk') {
      sdkLabels++;
      const found = sdkFound(label, output);
      if (found) sdkHits++;
      else misses.push(label);
      if (sdkFound(label, output, true)) sdkLineHits++;
    } else if (label.kind === 'negative') {
      negatives++;
      if (falsePositive(label, output)) {
        negativesFlagged++;
        falsePositives.push(label);
      }
    }
  }
  const categories = [...perCategory.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const recalls = categories.map(([, entry]) => entry.found / entry.labels);
  const flagged = [...outputs.values()].reduce((sum, output) => sum + output.flagged, 0);
  return {
    collections,
    micro: ratio(collectionsFound, collections),
    macro: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : NaN,
    perCategory: Object.fromEntries(categories),
    sdkLabels,
    sdkRecall: ratio(sdkHits, sdkLabels),
    sdkLineRecall: ratio(sdkLineHits, sdkLabels),
    negatives,
    falsePositiveRate: ratio(negativesFlagged, negatives),
    flagged,
    misses,
    falsePositives,
  };
}

const ratio = (/** @type {number} */ part, /** @type {number} */ whole) => (whole === 0 ? NaN : part / whole);

/**
 * privlint's JSON report → the normalised output.
 * @param {{ inventory: { collections: { file: string, line: number, category: string, via?: { file: string, line: number }[] }[], sdks: { file: string, line: number, package: string }[] } }} report
 * @returns {Output}
 */
export function fromPrivlintJson(report) {
  const { inventory } = report;
  const collections = inventory.collections.map((site) => ({ file: site.file, line: site.line, category: site.category, via: site.via ?? [] }));
  const sdks = inventory.sdks.map((use) => ({ file: use.file, line: use.line, package: use.package }));
  const lines = new Set([...collections, ...sdks].map((item) => `${item.file}:${item.line}`));
  return { collections, sdks, flagged: lines.size };
}
