import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { inPlace } from '../../src/util/in-place.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(REPO_ROOT, 'dist/src/cli/bin.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}
export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

type Main = (argv: string[], io: unknown) => Promise<number>;
let loadedMain: Promise<Main> | undefined;
/** Runs take the process's folder and environment in turn: one at a time. */
let previousRun: Promise<unknown> = Promise.resolve();

/**
 * Run privlint as its binary does — the built `main` (npm test builds it first) with a command
 * line, a working folder and an environment — but in this process, so each of the suite's
 * hundreds of runs does not pay for a Node start and the compiler's load. `main` takes both the
 * folder and the environment from its `CliIO`; the few reads of `process.cwd()` and `process.env`
 * behind defaults see them too, as under `privlint serve`, since a test file runs one test at a
 * time. What only a real process shows (bin.js itself, signals, exit codes set by Node) is tested
 * with `runBinary`.
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const main = await (loadedMain ??= import(pathToFileURL(path.join(REPO_ROOT, 'dist/src/cli/main.js')).href).then((module: { main: Main }) => module.main));
  const cwd = options.cwd ?? REPO_ROOT;
  const env = cliEnv(options.env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const colors = pc.createColors(false);
  const io = {
    stdout: (text: string) => stdout.push(text),
    stderr: (text: string) => stderr.push(text),
    colors,
    errorColors: colors,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
    env,
  };
  const run = previousRun.then(() => inPlace(cwd, env, () => main(args, io)));
  previousRun = run.catch(() => undefined);
  const status = await run;
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** Run the built privlint binary in a process of its own, as a user's shell would. */
export function runBinary(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cliEnv(options.env),
    encoding: 'utf8',
    input: '',
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.FORCE_COLOR;
  if (extra.FORCE_COLOR !== undefined) env.FORCE_COLOR = extra.FORCE_COLOR;
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

/** A Node stack trace line: what users must never see. */
export const STACK_TRACE = /\n\s+at .+[(\s].*:\d+:\d+\)?/;
