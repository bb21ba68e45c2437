import { chmodSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import pc from 'picocolors';
import { runScan } from '../commands/scan.js';
import { colorEnabled, type CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { scanPaths } from '../../engine/scan-paths.js';
import { scanParallel } from '../../scan-parallel.js';
import { inPlace } from '../../util/in-place.js';
import { UserError } from '../../util/problem.js';
import { ServerFacts } from './kept-facts.js';
import { lineReader, type ScanRequest, type ScanResponse } from './protocol.js';

/**
 * `privlint serve`: runs the `privlint scan`s of one root that clients send it (see client.ts), one
 * at a time, keeping the parser loaded and every file's facts in memory between them. Each scan
 * loads the config and manifest and lists the files again, then stats every file and analyses
 * those whose content changed, as `scan --watch` does: its output is what a fresh scan prints.
 */
export class ScanServer {
  private readonly facts = new ServerFacts();
  private server?: net.Server;
  private address?: string;
  /** Scans run one after another: they share the facts. */
  private queue: Promise<unknown> = Promise.resolve();

  /** How many scans it answered (a client that got no answer scanned by itself). */
  answered = 0;

  constructor(
    readonly root: string,
    /** Where the server tells of a scan that failed inside privlint (the client then scans by itself), and with `verbose` of each it answered. */
    private readonly log: (text: string) => void = () => {},
    private readonly verbose = false,
  ) {}

  /** Fill the facts with a scan of the root, so that the first client's scan is a re-scan. */
  async warmUp(cwd: string): Promise<void> {
    await this.enqueue(() => scanParallel({ paths: [this.root], cwd, keptFacts: this.facts }));
  }

  /** Listen at `address`, taking it over from a server that is gone; a UserError if one still answers there. */
  async listen(address: string): Promise<void> {
    if (existsSync(address)) {
      if (await answers(address)) throw new UserError(`a privlint server for ${this.root} is already running (stop it first, or use it: privlint scan finds it)`);
      rmSync(address, { force: true });
    }
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address, () => resolve());
    });
    chmodSync(address, 0o600);
    this.server = server;
    this.address = address;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.address) rmSync(this.address, { force: true });
    await this.queue;
  }

  private accept(socket: net.Socket): void {
    const received = performance.now();
    socket.on('error', () => socket.destroy()); // a client gone: nothing to answer
    socket.on(
      'data',
      lineReader((line) => {
        void this.enqueue(() => this.answer(line, received)).then((response) => socket.end(`${JSON.stringify(response)}\n`));
      }),
    );
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Run one client's scan, as it would have run in the client's process. */
  async answer(line: string, received = performance.now()): Promise<ScanResponse> {
    let request: ScanRequest;
    try {
      request = JSON.parse(line) as ScanRequest;
    } catch {
      return { refused: 'not a scan request' };
    }
    try {
      if (scanPaths({ paths: request.args.positionals, cwd: request.cwd }).root !== this.root) return { refused: `this server scans ${this.root}` };
    } catch {
      return { refused: 'a path that does not exist' }; // the client's own scan says so
    }
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIO = {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      colors: pc.createColors(colorEnabled(request.stdoutIsTTY, request.env)),
      errorColors: pc.createColors(colorEnabled(request.stderrIsTTY, request.env)),
      stdoutIsTTY: request.stdoutIsTTY,
      // The answer comes whole at the end: a progress line would only be erased again.
      stderrIsTTY: false,
      cwd: request.cwd,
      env: request.env,
      served: { startedAt: received, keptFacts: this.facts },
    };
    let exitCode: number;
    try {
      // The scan command, the paths it shows and git (for --staged: a hook's GIT_INDEX_FILE) read the
      // folder and environment from the process; the server runs one scan at a time.
      exitCode = await inPlace(request.cwd, request.env, () => runScan(request.args, io));
    } catch (error) {
      if (!(error instanceof UserError)) {
        this.log(`privlint serve: a scan failed inside privlint (the client scanned by itself): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return { refused: 'internal error' };
      }
      exitCode = reportError(error, io);
    }
    this.answered++;
    if (this.verbose) this.log(`privlint serve: answered privlint scan ${describeArgs(request.args)}in ${Math.round(performance.now() - received)} ms (exit code ${exitCode})\n`);
    return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
  }
}

/** `--staged --format json ` for the log. */
function describeArgs(args: ScanRequest['args']): string {
  const options = Object.entries(args.values).map(([name, value]) => (value === true ? `--${name}` : `--${name} ${String(value)}`));
  return [...args.positionals, ...options].map((part) => `${part} `).join('');
}

/** Does a server answer at `address`? (A socket file left by one that was killed does not.) */
function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
