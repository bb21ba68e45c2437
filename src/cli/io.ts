import pc from 'picocolors';
import type { KeptFacts } from '../engine/scan-core.js';
import type { Colors } from '../util/colors.js';

/** Where a command writes, so tests can run commands in-process and capture output. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colours for stdout and stderr respectively. */
  colors: Colors;
  errorColors: Colors;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A command that `privlint serve` runs for a client: when it began (this process's clock), and the facts the server keeps. */
  served?: { startedAt: number; keptFacts: KeptFacts };
}

/** Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org). */
export function colorEnabled(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return isTTY && env.TERM !== 'dumb';
}

export function processIO(): CliIO {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const stderrIsTTY = Boolean(process.stderr.isTTY);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colors: pc.createColors(colorEnabled(stdoutIsTTY, process.env)),
    errorColors: pc.createColors(colorEnabled(stderrIsTTY, process.env)),
    stdoutIsTTY,
    stderrIsTTY,
    cwd: process.cwd(),
    env: process.env,
  };
}
