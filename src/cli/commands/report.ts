import path from 'node:path';
import { loadCatalog } from '../../catalog/load.js';
import { formatHtml } from '../../report/html.js';
import { formatMarkdownReport } from '../../report/markdown-report.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { plural } from '../../util/plural.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import { REPORT_FORMATS } from '../shared-options.js';
import { readLines } from '../source-lines.js';
import { writeOutput } from '../write-output.js';
import { reportDate, scanWith } from './document-io.js';

/** Where `privlint report` writes the HTML report when --output does not say (in the current folder). */
export const DEFAULT_HTML_REPORT = 'privlint-report.html';

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
    readLines: (file: string) => readLines(result.root, file),
  };
  const text = format === 'markdown' ? formatMarkdownReport(result, options) : formatHtml(result, options);
  // HTML is a file to open, not text for the terminal: without --output it goes to privlint-report.html
  // (`--output -` still prints it). Markdown, for pasting or piping, prints unless --output names a file.
  const requested = typeof args.values.output === 'string' ? args.values.output : format === 'html' ? DEFAULT_HTML_REPORT : '-';
  const output = requested === '-' ? undefined : path.resolve(io.cwd, requested);
  if (output) {
    writeOutput(output, text, 'report');
    if (args.values.quiet !== true) {
      const counts = `${plural(result.inventory.collections.length, 'collection site')}, ${plural(result.findings.length, 'finding')}`;
      io.stderr(`privlint: wrote the ${format === 'html' ? 'HTML' : 'Markdown'} report to ${displayPath(output, io.cwd)} (${counts})\n`);
    }
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
