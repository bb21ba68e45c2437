import type { OptionSpec } from './command.js';

// Options and option values several commands share, for the command table (commands/index.ts) and
// the commands that check them: kept apart so that --help loads no command.

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export const FAIL_ON_LEVELS = ['error', 'warning', 'note', 'never'] as const;
export const REPORT_FORMATS = ['html', 'markdown'] as const;
export const PLAY_FORMATS = ['play-console', 'table'] as const;

/** Options every command that scans shares: where the policy is, and how the work is done. */
export const SCAN_INPUT_OPTIONS: Record<string, OptionSpec> = {
  manifest: { type: 'string', value: 'FILE', description: 'Policy manifest (default: privacy-manifest.yaml found upwards from PATH)' },
  config: { type: 'string', value: 'FILE', description: 'privlint config (default: privlint.config.json/.yaml found upwards)' },
  workers: { type: 'string', value: 'N', description: 'Threads that analyse files, the main one included (default: the cores minus one, all cores from 5,000 files, at most 4; 1 = no worker threads)' },
  cache: { type: 'boolean', description: 'Reuse results for unchanged files from .privlint-cache (on by default with --staged / --changed-since)' },
  'no-cache': { type: 'boolean', description: 'Do not read or write the cache' },
  'cache-location': { type: 'string', value: 'DIR', description: 'Cache folder (default: .privlint-cache in the scan root)' },
  timing: { type: 'boolean', description: 'Print how long each phase took, on stderr' },
  quiet: { type: 'boolean', short: 'q', description: 'No progress or status lines on stderr' },
  debug: { type: 'boolean', description: 'Show the stack trace of an internal error (also PRIVLINT_DEBUG=1), to report it' },
};
