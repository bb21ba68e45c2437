// The performance targets of issue 7 (and the ESLint issue's speed target), checked against results.

/** @typedef {{ runs: number, wall: number, cpu: number, rss: number }} Summary */
/**
 * One size's row of bench/results.json (run.mjs).
 * @typedef {{
 *   size: number, files: number, lines: number, errors: { target: string, message: string }[],
 *   scan?: Summary, other?: Summary, tsc?: Summary, parse?: Summary, warm?: Summary, staged?: Summary,
 *   ratios?: { scanVsTsc: number, scanVsParse: number, warmVsCold: number, defaultVsOtherWorkers: number, watchVsCold?: number },
 *   watch?: { runs: number, wall: number, rescan: number }, workers?: { identical: boolean },
 *   eslint?: { ratio: number, plain: { process: number }, privlint: { process: number } },
 * }} Row
 */
/**
 * @typedef {{ id: string, size: number, what: string, limit: number | boolean, unit: string, figure: (row: Row, rows: Row[]) => number | boolean | undefined }} Target
 */

/**
 * Each target: which size it reads, how to compute the figure, the limit, and its unit.
 * @type {Target[]}
 */
export const TARGETS = [
  { id: 'scan-vs-tsc', size: 2000, what: 'full scan / tsc --noEmit', limit: 0.25, unit: '×', figure: (row) => row.ratios?.scanVsTsc },
  { id: 'scan-vs-parse', size: 2000, what: 'full scan / parse-only floor', limit: 2.5, unit: '×', figure: (row) => row.ratios?.scanVsParse },
  { id: 'scan-memory', size: 2000, what: 'full scan peak memory', limit: 1024, unit: 'MB', figure: (row) => row.scan?.rss },
  // The issue's "warm re-scan after a one-file edit", measured both ways a user re-scans.
  { id: 'warm-vs-cold', size: 2000, what: 're-scan after an edit, new process / cold', limit: 0.15, unit: '×', figure: (row) => row.ratios?.warmVsCold },
  { id: 'watch-vs-cold', size: 2000, what: 're-scan after an edit, --watch / cold', limit: 0.15, unit: '×', figure: (row) => row.ratios?.watchVsCold },
  { id: 'staged', size: 2000, what: 'scan --staged, one changed file (wall)', limit: 1.5, unit: 's', figure: (row) => row.staged?.wall },
  { id: 'eslint', size: 2000, what: 'eslint + privlint plugin / plain eslint', limit: 1.15, unit: '×', figure: (row) => row.eslint?.ratio },
  { id: 'growth', size: 20000, what: 'full scan time, 20,000 / 2,000 files', limit: 12, unit: '×', figure: (row, rows) => growth(row, rows) },
  { id: 'large-memory', size: 20000, what: 'full scan peak memory, 20,000 files', limit: 4096, unit: 'MB', figure: (row) => row.scan?.rss },
  { id: 'workers-identical', size: 2000, what: 'same output with 1 and N workers', limit: true, unit: '', figure: (row) => row.workers?.identical },
];

/**
 * @param {Row} row
 * @param {Row[]} rows
 */
function growth(row, rows) {
  const base = rows.find((candidate) => candidate.size === 2000);
  return row.scan && base?.scan ? row.scan.wall / base.scan.wall : undefined;
}

/**
 * One line per target: measured figure, limit, PASS / FAIL / not measured.
 * @param {Row[]} rows
 */
export function checkTargets(rows) {
  return TARGETS.map((target) => {
    const row = rows.find((candidate) => candidate.size === target.size);
    const error = row?.errors?.find((entry) => entry.target === target.id);
    const figure = row && !error ? target.figure(row, rows) : undefined;
    let verdict;
    if (error) verdict = 'FAIL';
    else if (figure === undefined || Number.isNaN(figure)) verdict = 'not measured';
    else if (typeof target.limit === 'boolean') verdict = figure === target.limit ? 'PASS' : 'FAIL';
    else verdict = /** @type {number} */ (figure) <= target.limit ? 'PASS' : 'FAIL';
    return { ...target, figure, verdict, ...(error ? { error: error.message } : {}) };
  });
}

/** @param {ReturnType<typeof checkTargets>} checked */
export function formatTargets(checked) {
  /**
   * @param {number | boolean | undefined} value
   * @param {string} unit
   */
  const show = (value, unit) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : value === undefined || Number.isNaN(value) ? '—' : `${value < 10 ? value.toFixed(2) : value.toFixed(0)}${unit === '×' ? '×' : ` ${unit}`}`);
  const lines = ['targets'];
  for (const target of checked) {
    const limit = typeof target.limit === 'boolean' ? 'yes' : `≤ ${show(target.limit, target.unit)}`;
    lines.push(`  ${target.verdict.padEnd(12)} ${`${target.size.toLocaleString('en')} files`.padEnd(13)} ${target.what.padEnd(44)} ${show(target.figure, target.unit).padStart(9)}  (${limit})${target.error ? `\n               ${target.error.split('\n')[0]}` : ''}`);
  }
  return lines.join('\n');
}
