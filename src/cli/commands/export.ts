import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { formatApplePrivacyManifest } from '../../export/apple-privacy-manifest.js';
import { formatUndeclaredSharesWarning, formatUndeclaredWarning, undeclaredCollections, undeclaredShares } from '../../export/coverage.js';
import { fillPlayConsoleTemplate, formatPlayConsoleCsv } from '../../export/play-console-csv.js';
import { formatPlayDataSafetyTable } from '../../export/play-data-safety.js';
import type { Manifest } from '../../manifest/types.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import { readUserTextFile } from '../../util/read-text-file.js';
import type { Command, OptionSpec, ParsedArgs } from '../command.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { SCAN_INPUT_OPTIONS } from '../scan-options.js';
import { scanWith } from './document-io.js';
import { writeOutput } from '../write-output.js';

const OPTIONS: Record<string, OptionSpec> = {
  output: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE (default: standard output)' },
  ...SCAN_INPUT_OPTIONS,
  strict: { type: 'boolean', description: 'Exit 1 when the code collects or shares data the manifest does not declare' },
};

interface ExportSpec {
  name: string;
  summary: string;
  usage?: string;
  options?: Record<string, OptionSpec>;
  /** What the output is, in messages: "PrivacyInfo.xcprivacy". */
  declaration: string;
  details: string[];
  examples: string[];
  /** Reject bad options before the scan. */
  checkArgs?: (args: ParsedArgs) => void;
  /** The file's text; notes go to standard error. */
  render: (manifest: Manifest, args: ParsedArgs, io: CliIO) => { text: string; notes?: string[] };
}

function exportCommand(spec: ExportSpec): Command {
  return {
    name: ['export', spec.name],
    summary: spec.summary,
    usage: `export ${spec.name} [PATH...] [--output FILE]${spec.usage ?? ''} [--strict] [options]`,
    options: { ...OPTIONS, ...spec.options },
    details: [
      ...spec.details,
      'The declaration comes from the manifest: what the policy promises. privlint also scans PATH (default: the',
      'current folder) and warns on standard error about data the code collects that the manifest does not declare,',
      'and data it sends to SDKs or hosts that the manifest\'s recipients do not declare receiving: the declaration',
      'misses those too. Review the output before you submit it: see docs/store-declarations.md.',
      'Exit codes: 0 written (warnings or not), 1 with --strict when there is such a warning, 2 usage, config or',
      'manifest error (also: no manifest).',
      '',
      'Examples:',
      ...spec.examples.map((example) => `  ${example}`),
    ].join('\n'),
    async run(args, io) {
      spec.checkArgs?.(args);
      const result = await scanWith(args, io);
      const manifest = result.manifest;
      if (!manifest) {
        throw new UserError(
          `no privacy-manifest.yaml found for ${args.positionals.length > 0 ? args.positionals.join(', ') : 'this folder'} or its parents; the ${spec.declaration} is drafted from the manifest: pass --manifest FILE, or draft one with privlint init`,
        );
      }
      const manifestName = displayPath(manifest.file, io.cwd);
      const { text, notes = [] } = spec.render(manifest, args, io);
      const output = typeof args.values.output === 'string' && args.values.output !== '-' ? path.resolve(io.cwd, args.values.output) : undefined;
      if (output) writeOutput(output, text, spec.declaration);
      else io.stdout(text);

      const catalog = loadCatalog(result.config.catalog ? [result.config.catalog] : []);
      const undeclared = undeclaredCollections(result, manifest, catalog);
      const shares = undeclaredShares(result, manifest, catalog);
      io.stderr(formatUndeclaredWarning(undeclared, spec.declaration, manifestName));
      io.stderr(formatUndeclaredSharesWarning(shares, spec.declaration, manifestName));
      for (const note of notes) io.stderr(`privlint: ${note}\n`);
      if (output && args.values.quiet !== true) io.stderr(`privlint: wrote ${spec.declaration} to ${displayPath(output, io.cwd)} from ${manifestName}\n`);
      return args.values.strict === true && (undeclared.length > 0 || shares.length > 0) ? EXIT_FINDINGS : EXIT_OK;
    },
  };
}

export const exportAppleCommand: Command = exportCommand({
  name: 'apple-privacy-manifest',
  summary: "Draft Apple's PrivacyInfo.xcprivacy (collected data types, tracking) from the manifest",
  declaration: 'PrivacyInfo.xcprivacy',
  details: [
    'Writes an XML property list with NSPrivacyTracking, NSPrivacyTrackingDomains and NSPrivacyCollectedDataTypes',
    '(type, linked, tracking, purposes), mapped through docs/taxonomy.md. A data type is linked to the user unless',
    'every category behind it says linked_to_identity: false. Required-reason APIs are not included.',
  ],
  examples: ['privlint export apple-privacy-manifest --output ios/MyApp/PrivacyInfo.xcprivacy'],
  render: (manifest) => ({ text: formatApplePrivacyManifest(manifest, { manifestName: path.basename(manifest.file) }) }),
});

const PLAY_FORMATS = ['play-console', 'table'] as const;

export const exportPlayCommand: Command = exportCommand({
  name: 'play-data-safety',
  summary: "Draft Google Play's Data safety form as the CSV Play Console imports, from the manifest",
  usage: ' [--format play-console|table] [--template FILE]',
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'play-console (default): the CSV of Play Console\'s "Import from CSV"; table: one readable row per data type' },
    template: { type: 'string', value: 'FILE', description: 'Fill this CSV exported from Play Console (keeps its other answers) instead of privlint\'s copy of the form' },
  },
  declaration: 'the Data safety CSV',
  details: [
    'play-console writes every row of the form (question id, response id, value, answer requirement, label), with',
    'the data types, collected or shared, required or optional, and the purposes answered from the manifest. The',
    'security, account and deletion questions and "processed ephemerally" stay empty: answer them in Play Console.',
    'Google does not publish the ids; privlint\'s copy of the form may lag behind Google\'s. With --template, export',
    'the current form from Play Console (App content > Data safety > Export to CSV) and privlint fills that file.',
    'table writes one row per data type for people to read; Play Console cannot import it.',
  ],
  examples: [
    'privlint export play-data-safety --output data-safety.csv',
    'privlint export play-data-safety --template exported-from-play-console.csv --output data-safety.csv',
    'privlint export play-data-safety --format table --output data-safety-review.csv',
  ],
  checkArgs: (args) => {
    playFormat(args);
  },
  render: (manifest, args, io) => {
    const template = typeof args.values.template === 'string' ? path.resolve(io.cwd, args.values.template) : undefined;
    if (playFormat(args) === 'table') return { text: formatPlayDataSafetyTable(manifest) };
    if (!template) return { text: formatPlayConsoleCsv(manifest) };
    const shown = displayPath(template, io.cwd);
    const filled = fillPlayConsoleTemplate(readUserTextFile(template, { maxBytes: 5 * 1024 * 1024, what: 'Data safety CSV' }), manifest, shown);
    const notes = filled.missing.map(
      (row) => `warning: ${shown} has no row ${row.question}${row.response ? ` / ${row.response}` : ''} for an answer privlint has: the form may have changed; answer it in Play Console, and report it to privlint`,
    );
    return { text: filled.text, notes };
  },
});

function playFormat(args: ParsedArgs): (typeof PLAY_FORMATS)[number] {
  const value = args.values.format ?? 'play-console';
  if (typeof value !== 'string' || !(PLAY_FORMATS as readonly string[]).includes(value)) {
    throw new UserError(`--format must be one of ${PLAY_FORMATS.join(', ')}; got "${String(value)}"${didYouMean(String(value), PLAY_FORMATS)}`);
  }
  if (value === 'table' && args.values.template !== undefined) throw new UserError('--template fills a Play Console CSV; it does not go with --format table');
  return value as (typeof PLAY_FORMATS)[number];
}
