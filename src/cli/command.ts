import type { CliIO } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in --help. */
  description: string;
  /** The placeholder shown in --help, e.g. FILE. */
  value?: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export type RunCommand = (args: ParsedArgs, io: CliIO) => Promise<number>;

/** One CLI command; main.ts finds it by name, parses its options and prints its help. */
export interface Command {
  /** Words that select it: ["scan"], ["manifest", "check"]. */
  name: string[];
  summary: string;
  /** Usage line after `privlint `, e.g. "scan [PATH...] [options]". */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Extra help text after the options (examples, exit codes). */
  details?: string;
  /** Loads the implementation on first use (commands/index.ts). */
  run: RunCommand;
}
