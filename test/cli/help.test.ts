import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';

describe('help for command groups', () => {
  it('privlint export --help (and -h) lists the subcommands and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const { status, stdout, stderr } = runCli(['export', flag]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toContain('Usage: privlint export <subcommand> [options]');
      expect(stdout).toMatch(/^ {2}export apple-privacy-manifest {2}Draft Apple's PrivacyInfo\.xcprivacy/m);
      expect(stdout).toMatch(/^ {2}export play-data-safety +Draft Google Play's Data safety form/m);
    }
  });

  it('privlint export alone says a subcommand is needed, names them, and exits 2', () => {
    const { status, stdout, stderr } = runCli(['export']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"export" needs a subcommand (commands: privlint export apple-privacy-manifest, privlint export play-data-safety, privlint export records)');
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('privlint export play-data-safety --help shows that command\'s options', () => {
    const { status, stdout } = runCli(['export', 'play-data-safety', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--template FILE');
  });
});
