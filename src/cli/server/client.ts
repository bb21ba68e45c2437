import { existsSync } from 'node:fs';
import net from 'node:net';
import type { ParsedArgs } from '../command.js';
import type { CliIO } from '../io.js';
import { scanPaths } from '../../engine/scan-paths.js';
import { serverAddress } from './address.js';
import { lineReader, type ScanRequest, type ScanResponse } from './protocol.js';

/**
 * Have a running `privlint serve` for this scan's root run the scan, and print its answer: the exit
 * code, or undefined when no server answers (none running, another build, another root, a scan it
 * does not take), and the scan runs here as usual. Loads nothing of the engine: a served scan costs
 * Node's start, this module and the server's re-scan. `--watch`, `--fix` (which writes files here),
 * `--no-cache` (a scan from scratch) and PRIVLINT_NO_SERVER=1 always scan here.
 */
export async function scanThroughServer(args: ParsedArgs, io: CliIO): Promise<number | undefined> {
  if (io.served || args.values.watch === true || args.values.fix === true || args.values['no-cache'] === true || io.env.PRIVLINT_NO_SERVER) return undefined;
  let root: string;
  try {
    root = scanPaths({ paths: args.positionals, cwd: io.cwd }).root;
  } catch {
    return undefined; // a bad path: the scan here says so
  }
  const address = serverAddress(root);
  if (!address || !existsSync(address)) return undefined;
  const request: ScanRequest = { args, cwd: io.cwd, env: { ...io.env }, stdoutIsTTY: io.stdoutIsTTY, stderrIsTTY: io.stderrIsTTY };
  const response = await exchange(address, request).catch(() => undefined);
  if (!response || 'refused' in response) return undefined;
  if (response.stdout) io.stdout(response.stdout);
  if (response.stderr) io.stderr(response.stderr);
  return response.exitCode;
}

/** Send the request, wait for the answer; rejects when the server is gone or closes without one. */
function exchange(address: string, request: ScanRequest): Promise<ScanResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(address);
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on(
      'data',
      lineReader((line) => {
        socket.end();
        try {
          resolve(JSON.parse(line) as ScanResponse);
        } catch (error) {
          reject(error);
        }
      }),
    );
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('the server closed the connection without an answer')));
  });
}
