import path from 'node:path';
import { findManifest, loadManifest } from '../../manifest/load.js';
import { PROPOSAL_MARKER } from '../../manifest/proposals.js';
import { displayPath } from '../../util/paths.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';

/** `privlint manifest check`; its options and help are in commands/index.ts. */
export async function runManifestCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 1) throw new UserError('manifest check takes one FILE; run each file separately.');
  const given = args.positionals[0];
  const file = given ? path.resolve(io.cwd, given) : findManifest(io.cwd);
  if (!file) {
    throw new UserError('no privacy-manifest.yaml found in this folder or its parents; pass the file: privlint manifest check FILE');
  }
  const manifest = loadManifest(file);
  const { green } = io.colors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const counts = [
    plural(manifest.categories.length, 'category').replace('categorys', 'categories'),
    plural(manifest.recipients.length, 'recipient'),
    plural(manifest.consents.size, 'consent key'),
    plural(manifest.residency.length, 'residency rule'),
  ].join(', ');
  const shown = displayPath(file, io.cwd);
  const lines = [`${green('✓')} ${shown} is a valid privacy manifest (${counts}).`];
  const proposals = manifest.proposals ?? [];
  if (proposals.length > 0) {
    const { cyan } = io.colors;
    for (const proposal of proposals) {
      lines.push(`${shown}:${proposal.at.line}:${proposal.at.column}  ${cyan('note')}  ${proposal.path}: ${proposal.value} is a proposal of privlint init; confirm it by deleting its "# ${PROPOSAL_MARKER}" comment, or change it`);
    }
    lines.push(`${plural(proposals.length, 'proposal')} to confirm: privlint checks the code against them meanwhile, but only a person who knows the privacy policy can say they are right.`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
