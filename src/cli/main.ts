import { parseArgs } from 'node:util';
import { didYouMean } from '../util/did-you-mean.js';
import { PACKAGE_VERSION } from '../util/package-info.js';
import { UserError } from '../util/problem.js';
import type { Command, ParsedArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { CliIO } from './io.js';
import { reportError } from './report-error.js';

/** Run privlint with `argv` (without node and the script) and return the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'));
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(generalHelp());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${PACKAGE_VERSION}\n`);
    return EXIT_OK;
  }
  const command = findCommand(argv);
  if (!command) {
    const groupCommands = COMMANDS.filter((candidate) => candidate.name[0] === first);
    if (groupCommands.length > 0) {
      const sub = argv[1];
      if (sub === '--help' || sub === '-h') {
        io.stdout(groupHelp(first, groupCommands));
        return EXIT_OK;
      }
      const choices = groupCommands.map((candidate) => candidate.name.slice(1).join(' '));
      const hint = sub && !sub.startsWith('-') ? didYouMean(sub, choices) : '';
      throw new UserError(`${sub && !sub.startsWith('-') ? `unknown command "${first} ${sub}"${hint}` : `"${first}" needs a subcommand`} (commands: ${groupCommands.map((candidate) => `privlint ${candidate.name.join(' ')}`).join(', ')})`);
    }
    const hint = didYouMean(first, COMMANDS.map((candidate) => candidate.name[0]!));
    throw new UserError(`unknown command "${first}"${hint}; run privlint --help for the list`);
  }
  const rest = argv.slice(command.name.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  return command.run(parseCommandArgs(command, rest), io);
}

function findCommand(argv: string[]): Command | undefined {
  return COMMANDS.find((command) => command.name.every((word, index) => argv[index] === word));
}

function parseCommandArgs(command: Command, args: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UserError(describeParseError(command, error as Error & { code?: string }));
  }
}

function describeParseError(command: Command, error: Error & { code?: string }): string {
  const usage = `usage: privlint ${command.usage}`;
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) {
    const flags = Object.keys(command.options).map((name) => `--${name}`);
    return `unknown option ${unknown[1]}${didYouMean(unknown[1]!, flags)}\n${usage}`;
  }
  const missingValue = /Option '([^']+)' argument missing/.exec(error.message);
  if (missingValue) return `option ${missingValue[1]!.replace(/^-\w, /, '')} needs a value\n${usage}`;
  return `${error.message.split('\n')[0]}\n${usage}`;
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.join(' ').length));
  const lines = COMMANDS.map((command) => `  ${command.name.join(' ').padEnd(width)}  ${command.summary}`);
  return [
    `privlint ${PACKAGE_VERSION} — hold a JavaScript/TypeScript codebase to its privacy policy`,
    '',
    'Usage: privlint <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     Show help (also after a command: privlint scan --help)',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 success, 1 when findings are at or above --fail-on, 2 usage, config or manifest error.',
    '',
  ].join('\n');
}

/** `privlint manifest --help`: the subcommands of a group such as `manifest` or `export`. */
function groupHelp(group: string, commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.join(' ').length));
  return [
    `privlint ${group} — ${commands.length === 1 ? commands[0]!.summary : 'subcommands'}`,
    '',
    `Usage: privlint ${group} <subcommand> [options]`,
    '',
    'Subcommands:',
    ...commands.map((command) => `  ${command.name.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    `Run privlint ${commands[0]!.name.join(' ')} --help for the options of one.`,
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const entries = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(0, ...entries.map(([flag]) => flag.length));
  return [
    `privlint ${command.name.join(' ')} — ${command.summary}`,
    '',
    `Usage: privlint ${command.usage}`,
    '',
    ...(entries.length > 0 ? ['Options:', ...entries.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`), ''] : []),
    ...(command.details ? [command.details, ''] : []),
  ].join('\n');
}
