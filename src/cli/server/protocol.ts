import type { ParsedArgs } from '../command.js';

/**
 * What `privlint scan` sends a running `privlint serve`, and gets back: one JSON line each way. The
 * server runs the scan command as the client would have, in the client's folder and environment,
 * and answers with what it would have printed and its exit code.
 */
export interface ScanRequest {
  args: ParsedArgs;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** `refused`: the server does not answer this scan (another root): the client scans by itself. */
export type ScanResponse = { stdout: string; stderr: string; exitCode: number } | { refused: string };

/** Read one newline-terminated JSON message from a stream of chunks. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer) => void {
  let buffered = '';
  let done = false;
  return (chunk) => {
    if (done) return;
    buffered += chunk.toString('utf8');
    const end = buffered.indexOf('\n');
    if (end < 0) return;
    done = true;
    onLine(buffered.slice(0, end));
  };
}
