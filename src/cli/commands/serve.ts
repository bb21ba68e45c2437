import { scanPaths } from '../../engine/scan-paths.js';
import { serverAddress } from '../server/address.js';
import { ScanServer } from '../server/server.js';
import { UserError } from '../../util/problem.js';
import type { ParsedArgs } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';

/** `privlint serve [PATH]`: answer `privlint scan`s of PATH from memory until stopped; its help is in commands/index.ts. */
export async function runServe(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 1) throw new UserError('privlint serve takes one folder; run one server per folder you scan');
  const { root } = scanPaths({ paths: args.positionals, cwd: io.cwd });
  const address = serverAddress(root, { create: true });
  if (!address) {
    throw new UserError(
      process.platform === 'win32'
        ? 'privlint serve needs Unix domain sockets, which Windows does not offer here; use privlint scan --watch'
        : 'cannot make a folder for the server socket that only you can use under the temporary directory; check its permissions (TMPDIR)',
    );
  }
  const server = new ScanServer(root, io.stderr, args.values.verbose === true);
  await server.listen(address);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stderr(`privlint serve: analysing ${root}…\n`);
  try {
    await server.warmUp(io.cwd);
  } catch (error) {
    // A broken manifest or config now may be fixed before the next scan: each scan loads them again.
    reportError(error, io);
  }
  io.stderr(`privlint serve: ready; privlint scan of ${root} is answered from memory (Ctrl-C to stop)\n`);
  await stopped;
  await server.close();
  return EXIT_OK;
}
