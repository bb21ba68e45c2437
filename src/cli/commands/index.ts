import type { Command, OptionSpec, RunCommand } from '../command.js';
import { FAIL_ON_LEVELS, REPORT_FORMATS, SCAN_FORMATS, SCAN_INPUT_OPTIONS } from '../shared-options.js';

// The command table: names, options and help. A command's implementation — and the engine,
// reporters and parsers behind it — is imported only when it runs, so `privlint --version`,
// `--help` and `<command> --help` load none of them.

const lazy =
  (load: () => Promise<RunCommand>): RunCommand =>
  async (args, io) =>
    (await load())(args, io);

/** init drafts the manifest, so it takes every scan option but --manifest. */
const withoutManifest = (options: Record<string, OptionSpec>) => Object.fromEntries(Object.entries(options).filter(([name]) => name !== 'manifest'));

/** Options of both store exports. */
const EXPORT_OPTIONS: Record<string, OptionSpec> = {
  output: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE (default: standard output)' },
  ...SCAN_INPUT_OPTIONS,
  strict: { type: 'boolean', description: 'Exit 1 when the code collects or shares data the manifest does not declare' },
};

function exportDetails(details: string[], examples: string[]): string {
  return [
    ...details,
    'The declaration comes from the manifest: what the policy promises. privlint also scans PATH (default: the',
    'current folder) and warns on standard error about data the code collects that the manifest does not declare,',
    'and data it sends to SDKs or hosts that the manifest\'s recipients do not declare receiving: the declaration',
    'misses those too. Review the output before you submit it: see docs/store-declarations.md.',
    'Exit codes: 0 written (warnings or not), 1 with --strict when there is such a warning, 2 usage, config or',
    'manifest error (also: no manifest).',
    '',
    'Examples:',
    ...examples.map((example) => `  ${example}`),
  ].join('\n');
}

/** Every command, in the order --help lists them. Adding a command = its module + one entry here. */
export const COMMANDS: readonly Command[] = [
  {
    name: ['scan'],
    summary: 'Find collection sites and SDK uses, and check them against the manifest',
    usage: 'scan [PATH...] [options]',
    options: {
      ...SCAN_INPUT_OPTIONS,
      format: { type: 'string', short: 'f', value: 'FORMAT', description: `Output format: ${SCAN_FORMATS.join(', ')} (default: text; markdown is a summary for a pull request)` },
      output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE instead of standard output' },
      'fail-on': { type: 'string', value: 'LEVEL', description: `Exit 1 when a finding is at or above LEVEL: ${FAIL_ON_LEVELS.join(', ')} (default: error)` },
      category: { type: 'string', value: 'NAME', description: 'SARIF automationDetails.id, to keep several runs apart in code scanning (default: privlint)' },
      'include-suppressed': { type: 'boolean', description: 'SARIF: keep findings silenced by privlint-disable comments, marked as suppressed' },
      baseline: { type: 'string', value: 'FILE', description: 'Report (and fail on) only findings not recorded in FILE (see privlint baseline)' },
      staged: { type: 'boolean', description: 'Analyse the staged version of the files (git index); report only findings on staged lines' },
      'changed-since': { type: 'string', value: 'REF', description: 'Report only findings on lines changed since the merge base of git REF and HEAD (plus uncommitted and untracked files)' },
      shard: { type: 'string', value: 'K/N', description: 'Analyse everything, report only the findings of share K of N (combine with privlint merge)' },
      watch: { type: 'boolean', description: 'Scan again whenever a source, config or manifest file changes, keeping the analysis in memory (Ctrl-C to stop)' },
      fix: { type: 'boolean', description: 'Apply the fixes privlint is certain of (a misspelt purpose with one close id, an unused privlint-disable comment) to the reported findings, then report what is left' },
    },
    details: [
      'PATH defaults to the current folder. node_modules, build output and .gitignored files are skipped.',
      'With --staged or --changed-since the whole program is still analysed (wrappers and guards in other files count);',
      'findings on the changed lines are reported, or every finding when the change touches the manifest or config.',
      'Exit codes: 0 nothing at or above --fail-on, 1 when findings are at or above it, 2 usage, config or manifest error.',
      '',
      'Examples:',
      '  privlint scan                                  scan this folder against ./privacy-manifest.yaml',
      '  privlint scan src --manifest policy.yaml',
      '  privlint scan --format json --output privlint.json',
      '  privlint scan --staged                         in a pre-commit hook',
      '  privlint scan --changed-since origin/main      what a branch changed',
      '  privlint scan --watch                          re-scan on every save (whole-program flows included)',
      '  privlint scan --fix                            correct misspelt purposes, remove unused suppressions',
      '  privlint scan --format sarif --output privlint.sarif --category mobile',
    ].join('\n'),
    // A running `privlint serve` for the same folder answers first (server/client.ts loads no engine).
    run: async (args, io) => (await (await import('../server/client.js')).scanThroughServer(args, io)) ?? (await import('./scan.js')).runScan(args, io),
  },
  {
    name: ['serve'],
    summary: 'Keep a project analysed in memory and answer privlint scan of it at once (pre-commit, editors, scripts)',
    usage: 'serve [PATH] [--verbose]',
    options: {
      verbose: { type: 'boolean', description: 'Print a line for each scan it answers (what was asked, how long it took)' },
    },
    details: [
      'Runs until stopped (Ctrl-C). While it runs, privlint scan of PATH (default: the current folder) from the',
      'same privlint install is answered by it: the parser stays loaded and every file\'s facts stay in memory, so a',
      'scan after an edit costs little more than starting Node. Each answer is what a scan by itself would print:',
      'config, manifest and file list are read again, every file is statted, and changed files are analysed again.',
      'privlint scan --no-cache or --watch, PRIVLINT_NO_SERVER=1, another folder or another privlint version never',
      'use it. The socket is in a folder only you can use under the temporary directory. Not on Windows.',
      '',
      'Examples:',
      '  privlint serve &                               then privlint scan --staged in the pre-commit hook',
      '  privlint serve packages/app',
    ].join('\n'),
    run: lazy(async () => (await import('./serve.js')).runServe),
  },
  {
    name: ['baseline'],
    summary: "Record today's findings so that scans with --baseline fail only on new ones",
    usage: 'baseline [PATH...] [--output FILE] [--update] [--manifest FILE] [--config FILE]',
    options: {
      output: { type: 'string', short: 'o', value: 'FILE', description: 'Baseline file (default: .privlint-baseline.json)' },
      update: { type: 'boolean', description: 'Rewrite an existing baseline: drop fixed entries, add new ones, keep reviewers\' notes' },
      ...SCAN_INPUT_OPTIONS,
    },
    details: [
      'Each entry has a "note" field for the reviewer who accepts it. Commit the file; then:',
      '  privlint scan --baseline .privlint-baseline.json',
      'reports only findings that are not in it, and lists entries that no longer match (so the baseline shrinks).',
    ].join('\n'),
    run: lazy(async () => (await import('./baseline.js')).runBaseline),
  },
  {
    name: ['merge'],
    summary: 'Combine the JSON or SARIF outputs of sharded scans (scan --shard K/N) into one',
    usage: 'merge FILE... [--output FILE]',
    options: {
      output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the merged report to FILE instead of standard output' },
    },
    details: [
      'The FILEs must be the outputs of every shard of one run: one format (all JSON or all SARIF), one privlint',
      'version, one --category, and each shard K of N exactly once; anything else stops with exit code 2.',
      'The result equals the output of one unsharded scan (run metadata aside). See docs/ci.md for a CI matrix recipe.',
    ].join('\n'),
    run: lazy(async () => (await import('./merge.js')).runMerge),
  },
  {
    name: ['manifest', 'check'],
    summary: 'Validate a policy manifest and explain every problem',
    usage: 'manifest check [FILE]',
    options: {},
    details: [
      'FILE defaults to the privacy-manifest.yaml found by walking up from the current folder.',
      'Exit codes: 0 the manifest is valid, 2 it is not (every problem is printed as file:line:column).',
    ].join('\n'),
    run: lazy(async () => (await import('./manifest-check.js')).runManifestCheck),
  },
  {
    name: ['report'],
    summary: 'Write a privacy inventory people can read: HTML (one self-contained file) or Markdown',
    usage: 'report [PATH...] [--output FILE] [--format html|markdown] [options]',
    options: {
      output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE; - for standard output (default: privlint-report.html for HTML, standard output for Markdown)' },
      format: { type: 'string', short: 'f', value: 'FORMAT', description: `${REPORT_FORMATS.join(' (default) or ')} (for a pull request or a wiki)` },
      ...SCAN_INPUT_OPTIONS,
      title: { type: 'string', value: 'TEXT', description: 'The report\'s heading (default: "Privacy inventory: <app name>")' },
      'source-url': { type: 'string', value: 'URL', description: 'Link file:line to the source, e.g. https://github.com/ORG/REPO/blob/COMMIT/PATH/' },
    },
    details: [
      'The report lists every data category the code collects (with file:line, API, purposes and consent checks),',
      'which data reaches which recipient and for which purposes (from the code and from the manifest), how that',
      'compares with the policy manifest, the findings with their code, and what privlint could not judge',
      '(third-party packages it does not recognise, files it skipped).',
      'The HTML file needs no network and opens from disk; it has filters (category, recipient, file, text …) when',
      'JavaScript runs and prints cleanly.',
      'Exit codes: 0 the report was written (whatever it found), 2 usage, config or manifest error.',
      '',
      'Examples:',
      '  privlint report                               write privlint-report.html',
      '  privlint report --output privacy-report.html',
      '  privlint report app --format markdown --output PRIVACY.md',
    ].join('\n'),
    run: lazy(async () => (await import('./report.js')).runReport),
  },
  {
    name: ['init'],
    summary: 'Draft a privacy-manifest.yaml that works at once, and a config with the consent guards the code uses',
    usage: 'init [PATH] [--output FILE] [--force] [options]',
    options: {
      output: { type: 'string', short: 'o', value: 'FILE', description: "Where to write the draft (default: the manifest the config names, else PATH/privacy-manifest.yaml; - for standard output)" },
      force: { type: 'boolean', description: 'Overwrite an existing manifest, and add the guards found to an existing privlint.config.json' },
      ...withoutManifest(SCAN_INPUT_OPTIONS),
    },
    details: [
      'Lists every data category the code collects and every SDK vendor it imports, with comments that point to',
      'the places in the code, and proposes purposes, legal bases (opt-in consent for advertising, analytics and',
      'tracking identifiers), consent keys, recipient roles and shares, each marked "# privlint: proposed": the',
      'draft is valid, so the first privlint scan checks consent for real. privlint manifest check lists the',
      'proposals a person has not yet confirmed (deleting the comment confirms one).',
      'The consent checks the code calls before collecting (hasConsent(\'ads\'), a consent-management API) go to',
      'a new privlint.config.json as its "guards".',
      'The draft goes where privlint scan will look for it: the file the config\'s "manifest" names, if it does.',
      'An existing manifest or config is never overwritten without --force.',
      'Exit codes: 0 written, 2 usage error, a manifest already exists, or a bad path.',
    ].join('\n'),
    run: lazy(async () => (await import('./init.js')).runInit),
  },
  {
    name: ['export', 'apple-privacy-manifest'],
    summary: "Draft Apple's PrivacyInfo.xcprivacy (collected data types, tracking) from the manifest",
    usage: 'export apple-privacy-manifest [PATH...] [--output FILE] [--strict] [options]',
    options: EXPORT_OPTIONS,
    details: exportDetails(
      [
        'Writes an XML property list with NSPrivacyTracking, NSPrivacyTrackingDomains and NSPrivacyCollectedDataTypes',
        '(type, linked, tracking, purposes), mapped through docs/taxonomy.md. A data type is linked to the user unless',
        'every category behind it says linked_to_identity: false. Required-reason APIs are not included.',
      ],
      ['privlint export apple-privacy-manifest --output ios/MyApp/PrivacyInfo.xcprivacy'],
    ),
    run: lazy(async () => (await import('./export.js')).runAppleExport),
  },
  {
    name: ['export', 'play-data-safety'],
    summary: "Draft Google Play's Data safety form as the CSV Play Console imports, from the manifest",
    usage: 'export play-data-safety [PATH...] [--output FILE] [--format play-console|table] [--template FILE] [--strict] [options]',
    options: {
      ...EXPORT_OPTIONS,
      format: { type: 'string', short: 'f', value: 'FORMAT', description: 'play-console (default): the CSV of Play Console\'s "Import from CSV"; table: one readable row per data type' },
      template: { type: 'string', value: 'FILE', description: 'Fill this CSV exported from Play Console (keeps its other answers) instead of privlint\'s copy of the form' },
    },
    details: exportDetails(
      [
        'play-console writes every row of the form (question id, response id, value, answer requirement, label), with',
        'the data types, collected or shared, required or optional, and the purposes answered from the manifest. The',
        'security, account and deletion questions and "processed ephemerally" stay empty: answer them in Play Console.',
        'Google does not publish the ids; privlint\'s copy of the form may lag behind Google\'s. With --template, export',
        'the current form from Play Console (App content > Data safety > Export to CSV) and privlint fills that file.',
        'table writes one row per data type for people to read; Play Console cannot import it.',
      ],
      [
        'privlint export play-data-safety --output data-safety.csv',
        'privlint export play-data-safety --template exported-from-play-console.csv --output data-safety.csv',
        'privlint export play-data-safety --format table --output data-safety-review.csv',
      ],
    ),
    run: lazy(async () => (await import('./export.js')).runPlayExport),
  },
  {
    name: ['export', 'records'],
    summary: 'Draft a record of processing activities (category, purpose, basis, recipient, retention, where in code) as CSV',
    usage: 'export records [PATH...] [--output FILE] [--strict] [options]',
    options: EXPORT_OPTIONS,
    details: exportDetails(
      [
        'Writes one CSV row per data category and purpose the manifest declares: the legal basis, the recipients the',
        'manifest shares it with (and those the code sends it to that the manifest does not name for it), the',
        'retention, and the places in the code that collect it for that purpose or without stating one (file:line).',
        'Then one row per category and purpose the code collects that the manifest does not declare, with the basis',
        '"not declared in the manifest". A draft for the GDPR Art. 30 record: see docs/records-of-processing.md.',
      ],
      ['privlint export records --output records-of-processing.csv'],
    ),
    run: lazy(async () => (await import('./export.js')).runRecordsExport),
  },
];
