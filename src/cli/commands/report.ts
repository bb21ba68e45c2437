import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { formatHtml } from '../../report/html.js';
import { formatMarkdownReport } from '../../report/markdown-report.js';
import { scanParallel } from '../../scan-parallel.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { Command, ParsedArgs } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';

const FORMATS = ['html', 'markdown'] as const;

export const reportCommand: Command = {
  name: ['report'],
  summary: 'Write a privacy inventory people can read: HTML (one self-contained file) or Markdown',
  usage: 'report [PATH...] [--output FILE] [--format html|markdown] [options]',
  options: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE (default: standard output)' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'html (default) or markdown (for a pull request or a wiki)' },
    manifest: { type: 'string', value: 'FILE', description: 'Policy manifest (default: privacy-manifest.yaml found upwards from PATH)' },
    config: { type: 'string', value: 'FILE', description: 'privlint config (default: privlint.config.json/.yaml found upwards)' },
    title: { type: 'string', value: 'TEXT', description: 'The report\'s heading (default: "Privacy inventory: <app name>")' },
    'source-url': { type: 'string', value: 'URL', description: 'Link file:line to the source, e.g. https://github.com/ORG/REPO/blob/COMMIT/PATH/' },
  },
  details: [
    'The report lists every data category the code collects (with file:line, API, purposes and consent checks),',
    'where the data goes (SDKs, hosts), how that compares with the policy manifest, and the findings.',
    'The HTML file needs no network and opens from disk; it has filters when JavaScript runs and prints cleanly.',
    'Exit codes: 0 the report was written (whatever it found), 2 usage, config or manifest error.',
    '',
    'Examples:',
    '  privlint report --output privacy-report.html',
    '  privlint report app --format markdown --output PRIVACY.md',
  ].join('\n'),
  async run(args, io) {
    const format = oneOf(args, 'format', FORMATS, 'html');
    const sourceUrl = typeof args.values['source-url'] === 'string' ? args.values['source-url'] : undefined;
    if (sourceUrl !== undefined && !/^https?:\/\/\S+$/i.test(sourceUrl)) throw new UserError(`--source-url must be an http(s) URL; got "${sourceUrl}"`);
    const result = await scanParallel({
      paths: args.positionals,
      cwd: io.cwd,
      ...(typeof args.values.manifest === 'string' ? { manifest: args.values.manifest } : {}),
      ...(typeof args.values.config === 'string' ? { config: args.values.config } : {}),
    });
    const options = {
      catalog: loadCatalog(result.config.catalog ? [result.config.catalog] : []),
      date: reportDate(io.env),
      ...(typeof args.values.title === 'string' ? { title: args.values.title } : {}),
      ...(sourceUrl ? { sourceUrl } : {}),
    };
    const text = format === 'markdown' ? formatMarkdownReport(result, options) : formatHtml(result, options);
    const output = typeof args.values.output === 'string' && args.values.output !== '-' ? path.resolve(io.cwd, args.values.output) : undefined;
    if (output) {
      writeOutput(output, text, 'report');
      io.stderr(`privlint: wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report to ${displayPath(output, io.cwd)} (${result.inventory.collections.length} collection sites, ${result.findings.length} findings)\n`);
    } else {
      io.stdout(text);
    }
    return EXIT_OK;
  },
};

/** Today (UTC), or SOURCE_DATE_EPOCH's day for reproducible builds. */
export function reportDate(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

/** Write a generated file, creating its folder; a failure is the user's to fix (exit code 2). */
export function writeOutput(file: string, text: string, what: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a parent of it is a file' : (code ?? String(error));
    throw new UserError(`${displayPath(file)}: cannot write the ${what} (${reason})`);
  }
}

function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.values[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(', ')}; got "${String(value)}"${didYouMean(String(value), allowed)}`);
}
