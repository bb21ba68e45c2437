import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeJson, mergeSarif, reportKind, type JsonReport, type SarifLog } from '../../shard/merge.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { Command } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';

export const mergeCommand: Command = {
  name: ['merge'],
  summary: 'Combine the JSON or SARIF outputs of sharded scans (scan --shard K/N) into one',
  usage: 'merge FILE... [--output FILE]',
  options: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'Write the merged report to FILE instead of standard output' },
  },
  details: [
    'Every FILE must be the same format (all JSON or all SARIF) from the same privlint version and category.',
    'The result equals the output of one unsharded scan (run metadata aside). See docs/ci.md for a CI matrix recipe.',
  ].join('\n'),
  async run(args, io) {
    if (args.positionals.length === 0) throw new UserError('merge needs the files to combine: privlint merge shard-1.json shard-2.json …');
    const documents = args.positionals.map((given) => {
      const file = path.resolve(io.cwd, given);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError(`${displayPath(file, io.cwd)}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
      }
      try {
        const document = JSON.parse(text) as unknown;
        return { file, document, kind: reportKind(document, displayPath(file, io.cwd)) };
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError(`${displayPath(file, io.cwd)}: not valid JSON (${(error as Error).message})`);
      }
    });
    const kinds = new Set(documents.map((document) => document.kind));
    if (kinds.size > 1) throw new UserError('merge takes files of one format: all JSON or all SARIF');
    const merged =
      documents[0]!.kind === 'json'
        ? mergeJson(documents.map((document) => document.document as JsonReport))
        : mergeSarif(documents.map((document) => document.document as SarifLog));
    const text = `${JSON.stringify(merged, null, 2)}\n`;
    if (typeof args.values.output === 'string') writeFileSync(path.resolve(io.cwd, args.values.output), text);
    else io.stdout(text);
    return EXIT_OK;
  },
};
