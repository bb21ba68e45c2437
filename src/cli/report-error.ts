import { formatProblem, UserError } from '../util/problem.js';
import { EXIT_USAGE } from './exit-codes.js';
import type { CliIO } from './io.js';

/** Say what went wrong on stderr — a user's mistake with what to fix, or a bug in privlint — and give the exit code (2). */
export function reportError(error: unknown, io: CliIO, debug = false): number {
  const { red, dim } = io.errorColors;
  if (error instanceof UserError) {
    io.stderr(`${red('privlint:')} ${error.message}\n`);
    for (const problem of error.problems) io.stderr(`  ${formatProblem(problem)}\n`);
    return EXIT_USAGE;
  }
  // A bug in privlint, not a user mistake: say so plainly; the stack only on request.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${red('privlint: internal error:')} ${message}\n`);
  if ((debug || io.env.PRIVLINT_DEBUG) && error instanceof Error && error.stack) io.stderr(`${dim(error.stack)}\n`);
  else io.stderr('Please report it with the command you ran; add --debug (or set PRIVLINT_DEBUG=1) to see the stack trace.\n');
  return EXIT_USAGE;
}
