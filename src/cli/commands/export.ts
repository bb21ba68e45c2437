import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { formatApplePrivacyManifest } from '../../export/apple-privacy-manifest.js';
import { formatUndeclaredWarning, undeclaredCollections } from '../../export/coverage.js';
import { formatPlayDataSafety } from '../../export/play-data-safety.js';
import type { Manifest } from '../../manifest/types.js';
import { scanParallel } from '../../scan-parallel.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { Command, OptionSpec } from '../command.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import { writeOutput } from './report.js';

const OPTIONS: Record<string, OptionSpec> = {
  output: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE (default: standard output)' },
  manifest: { type: 'string', value: 'FILE', description: 'Policy manifest (default: privacy-manifest.yaml found upwards from PATH, or the config\'s)' },
  config: { type: 'string', value: 'FILE', description: 'privlint config (default: privlint.config.json/.yaml found upwards)' },
  strict: { type: 'boolean', description: 'Exit 1 when the code collects a category the manifest does not declare' },
};

interface ExportSpec {
  name: string;
  summary: string;
  /** What the output is, in messages: "PrivacyInfo.xcprivacy". */
  declaration: string;
  details: string[];
  render: (manifest: Manifest, manifestName: string) => string;
}

function exportCommand(spec: ExportSpec): Command {
  return {
    name: ['export', spec.name],
    summary: spec.summary,
    usage: `export ${spec.name} [PATH...] [--output FILE] [--manifest FILE] [--strict]`,
    options: OPTIONS,
    details: [
      ...spec.details,
      'The declaration comes from the manifest: what the policy promises. privlint also scans PATH (default: the',
      'current folder) and warns on standard error about data the code collects that the manifest, and so the',
      'declaration, does not cover. Review the output before you submit it: see docs/store-declarations.md.',
      'Exit codes: 0 written (warnings or not), 1 with --strict when the code collects undeclared data, 2 usage,',
      'config or manifest error (also: no manifest).',
    ].join('\n'),
    async run(args, io) {
      const result = await scanParallel({
        paths: args.positionals,
        cwd: io.cwd,
        ...(typeof args.values.manifest === 'string' ? { manifest: args.values.manifest } : {}),
        ...(typeof args.values.config === 'string' ? { config: args.values.config } : {}),
      });
      const manifest = result.manifest;
      if (!manifest) {
        throw new UserError(
          `no privacy-manifest.yaml found for ${args.positionals.length > 0 ? args.positionals.join(', ') : 'this folder'} or its parents; the ${spec.declaration} is drafted from the manifest: pass --manifest FILE, or draft one with privlint init`,
        );
      }
      const manifestName = displayPath(manifest.file, io.cwd);
      const text = spec.render(manifest, path.basename(manifest.file));
      const output = typeof args.values.output === 'string' && args.values.output !== '-' ? path.resolve(io.cwd, args.values.output) : undefined;
      if (output) writeOutput(output, text, spec.declaration);
      else io.stdout(text);

      const catalog = loadCatalog(result.config.catalog ? [result.config.catalog] : []);
      const undeclared = undeclaredCollections(result, manifest, catalog);
      io.stderr(formatUndeclaredWarning(undeclared, spec.declaration, manifestName));
      if (output) io.stderr(`privlint: wrote ${spec.declaration} to ${displayPath(output, io.cwd)} from ${manifestName}\n`);
      return args.values.strict === true && undeclared.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    },
  };
}

export const exportAppleCommand: Command = exportCommand({
  name: 'apple-privacy-manifest',
  summary: "Draft Apple's PrivacyInfo.xcprivacy (collected data types, tracking) from the manifest",
  declaration: 'PrivacyInfo.xcprivacy',
  details: [
    'Writes an XML property list with NSPrivacyTracking, NSPrivacyTrackingDomains and NSPrivacyCollectedDataTypes',
    '(type, linked, tracking, purposes), mapped through docs/taxonomy.md. Required-reason APIs are not included.',
    '',
    'Example:',
    '  privlint export apple-privacy-manifest --output ios/MyApp/PrivacyInfo.xcprivacy',
  ],
  render: (manifest, manifestName) => formatApplePrivacyManifest(manifest, { manifestName }),
});

export const exportPlayCommand: Command = exportCommand({
  name: 'play-data-safety',
  summary: "Draft the answers to Google Play's Data safety form (CSV) from the manifest",
  declaration: 'the Data safety CSV',
  details: [
    'Writes one CSV row per Play data type: collected, shared, required or optional, collection and sharing',
    'purposes, recipients. The form asks more (encryption in transit, deletion requests) than code can answer.',
    '',
    'Example:',
    '  privlint export play-data-safety --output data-safety.csv',
  ],
  render: (manifest) => formatPlayDataSafety(manifest),
});
