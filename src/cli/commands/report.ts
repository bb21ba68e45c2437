import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { formatHtml } from '../../report/html.js';
import { formatMarkdownReport } from '../../report/markdown-report.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import { REPORT_FORMATS } from '../shared-options.js';
import { writeOutput } from '../write-output.js';
import { reportDate, scanWith } from './document-io.js';

/** `privlint report`; its options and help are in commands/index.ts. */
export async function runReport(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = oneOf(args, 'format', REPORT_FORMATS, 'html');
  const sourceUrl = typeof args.values['source-url'] === 'string' ? args.values['source-url'] : undefined;
  if (sourceUrl !== undefined && !/^https?:\/\/\S+$/i.test(sourceUrl)) throw new UserError(`--source-url must be an http(s) URL; got "${sourceUrl}"`);
  const result = await scanWith(args, io);
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
    if (args.values.quiet !== true) io.stderr(`privlint: wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report to ${displayPath(output, io.cwd)} (${result.inventory.collections.length} collection sites, ${result.findings.length} findings)\n`);
  } else {
    io.stdout(text);
  }
  return EXIT_OK;
}

function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = args.values[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(', ')}; got "${String(value)}"${didYouMean(String(value), allowed)}`);
}
