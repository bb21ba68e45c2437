import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { formatApplePrivacyManifest } from '../../export/apple-privacy-manifest.js';
import { formatUndeclaredSharesWarning, formatUndeclaredWarning, undeclaredCollections, undeclaredShares } from '../../export/coverage.js';
import { fillPlayConsoleTemplate, formatPlayConsoleCsv } from '../../export/play-console-csv.js';
import { formatPlayDataSafetyTable } from '../../export/play-data-safety.js';
import { formatRecordsCsv, recordsOfProcessing } from '../../export/records-of-processing.js';
import type { Catalog } from '../../catalog/types.js';
import type { Manifest } from '../../manifest/types.js';
import type { ScanResult } from '../../scan.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import { readUserTextFile } from '../../util/read-text-file.js';
import type { ParsedArgs, RunCommand } from '../command.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { PLAY_FORMATS } from '../shared-options.js';
import { scanWith } from './document-io.js';
import { writeOutput } from '../write-output.js';

/** How one store export turns the manifest into its declaration (the metadata is in index.ts). */
interface ExportSpec {
  /** What the output is, in messages, as it reads in a sentence: "PrivacyInfo.xcprivacy", "the Data safety CSV". */
  declaration: string;
  /** The same without an article, after "the": "PrivacyInfo.xcprivacy", "Data safety CSV". */
  noun: string;
  /** Reject bad options before the scan. */
  checkArgs?: (args: ParsedArgs) => void;
  /** The file's text; notes go to standard error. */
  render: (manifest: Manifest, args: ParsedArgs, io: CliIO, result: ScanResult, catalog: Catalog) => { text: string; notes?: string[] };
}

function exportRunner(spec: ExportSpec): RunCommand {
  return async (args, io) => {
    spec.checkArgs?.(args);
    const result = await scanWith(args, io);
    const manifest = result.manifest;
    if (!manifest) {
      throw new UserError(
        `no privacy-manifest.yaml found for ${args.positionals.length > 0 ? args.positionals.join(', ') : 'this folder'} or its parents; ${spec.declaration} is drafted from the manifest: pass --manifest FILE, or draft one with privlint init`,
      );
    }
    const manifestName = displayPath(manifest.file, io.cwd);
    const catalog = loadCatalog(result.config.catalog ? [result.config.catalog] : []);
    const { text, notes = [] } = spec.render(manifest, args, io, result, catalog);
    const output = typeof args.values.output === 'string' && args.values.output !== '-' ? path.resolve(io.cwd, args.values.output) : undefined;
    if (output) writeOutput(output, text, spec.noun);
    else io.stdout(text);

    const undeclared = undeclaredCollections(result, manifest, catalog);
    const shares = undeclaredShares(result, manifest, catalog);
    io.stderr(formatUndeclaredWarning(undeclared, spec.declaration, manifestName));
    io.stderr(formatUndeclaredSharesWarning(shares, spec.declaration, manifestName));
    for (const note of notes) io.stderr(`privlint: ${note}\n`);
    if (output && args.values.quiet !== true) io.stderr(`privlint: wrote ${spec.declaration} to ${displayPath(output, io.cwd)} from ${manifestName}\n`);
    return args.values.strict === true && (undeclared.length > 0 || shares.length > 0) ? EXIT_FINDINGS : EXIT_OK;
  };
}

export const runAppleExport = exportRunner({
  declaration: 'PrivacyInfo.xcprivacy',
  noun: 'PrivacyInfo.xcprivacy',
  render: (manifest) => ({ text: formatApplePrivacyManifest(manifest, { manifestName: path.basename(manifest.file) }) }),
});

export const runPlayExport = exportRunner({
  declaration: 'the Data safety CSV',
  noun: 'Data safety CSV',
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

export const runRecordsExport = exportRunner({
  declaration: 'the record of processing',
  noun: 'record of processing',
  render: (manifest, _args, _io, result, catalog) => ({ text: formatRecordsCsv(recordsOfProcessing(result, manifest, catalog)) }),
});

function playFormat(args: ParsedArgs): (typeof PLAY_FORMATS)[number] {
  const value = args.values.format ?? 'play-console';
  if (typeof value !== 'string' || !(PLAY_FORMATS as readonly string[]).includes(value)) {
    throw new UserError(`--format must be one of ${PLAY_FORMATS.join(', ')}; got "${String(value)}"${didYouMean(String(value), PLAY_FORMATS)}`);
  }
  if (value === 'table' && args.values.template !== undefined) throw new UserError('--template fills a Play Console CSV; it does not go with --format table');
  return value as (typeof PLAY_FORMATS)[number];
}
