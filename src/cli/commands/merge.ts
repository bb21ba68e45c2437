import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeShardOutputs } from '../../shard/merge.js';
import { displayPath } from '../../util/paths.js';
import { findJsonError } from '../../util/json-error.js';
import { UserError } from '../../util/problem.js';
import { checkUserFile } from '../../util/read-text-file.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';

/** Far above any shard's JSON report: a bigger file is not one. */
const MAX_SHARD_BYTES = 1024 * 1024 * 1024;

/** `privlint merge`; its options and help are in commands/index.ts. */
export async function runMerge(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length === 0) throw new UserError('merge needs the files to combine: privlint merge shard-1.json shard-2.json …');
  const inputs = args.positionals.map((given) => {
    const file = path.resolve(io.cwd, given);
    const name = displayPath(file, io.cwd);
    checkUserFile(file, name, { maxBytes: MAX_SHARD_BYTES, what: 'shard report' });
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UserError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
      return { name, document: JSON.parse(text) as unknown };
    } catch (error) {
      const at = findJsonError(text) ?? { line: 1, column: 1, message: (error as Error).message };
      throw new UserError(`${name}: not valid JSON`, [{ file: name, ...at }]);
    }
  });
  const text = `${JSON.stringify(mergeShardOutputs(inputs), null, 2)}\n`;
  if (typeof args.values.output === 'string') writeFileSync(path.resolve(io.cwd, args.values.output), text);
  else io.stdout(text);
  return EXIT_OK;
}
