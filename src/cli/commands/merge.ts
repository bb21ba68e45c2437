import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeShardOutputs } from '../../shard/merge.js';
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
    'The FILEs must be the outputs of every shard of one run: one format (all JSON or all SARIF), one privlint',
    'version, one --category, and each shard K of N exactly once; anything else stops with exit code 2.',
    'The result equals the output of one unsharded scan (run metadata aside). See docs/ci.md for a CI matrix recipe.',
  ].join('\n'),
  async run(args, io) {
    if (args.positionals.length === 0) throw new UserError('merge needs the files to combine: privlint merge shard-1.json shard-2.json …');
    const inputs = args.positionals.map((given) => {
      const file = path.resolve(io.cwd, given);
      const name = displayPath(file, io.cwd);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
      }
      try {
        return { name, document: JSON.parse(text) as unknown };
      } catch (error) {
        throw new UserError(`${name}: not valid JSON (${(error as Error).message})`);
      }
    });
    const text = `${JSON.stringify(mergeShardOutputs(inputs), null, 2)}\n`;
    if (typeof args.values.output === 'string') writeFileSync(path.resolve(io.cwd, args.values.output), text);
    else io.stdout(text);
    return EXIT_OK;
  },
};
