/**
 * The message for a file privlint failed on because of a bug in privlint, not in the file: the scan
 * (or lint run) goes on, and the user is asked to report it. The stack only with --debug (or
 * PRIVLINT_DEBUG=1): it holds paths of this machine, which must not reach reports otherwise.
 */
export function internalErrorMessage(error: unknown, debug = false): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `privlint could not analyse this file (internal error: ${message.split('\n')[0]}); please report it${stack}`;
}

/** A JavaScript stack overflow: nesting deeper than a recursive parser or walk can follow. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack size/i.test(error.message);
}
