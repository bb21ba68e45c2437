import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runBinary, runCli, STACK_TRACE } from '../helpers/run-cli.js';

describe('help for command groups', () => {
  it('privlint export --help (and -h) lists the subcommands and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { status, stdout, stderr } = await runCli(['export', flag]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toContain('Usage: privlint export <subcommand> [options]');
      expect(stdout).toMatch(/^ {2}export apple-privacy-manifest {2}Draft Apple's PrivacyInfo\.xcprivacy/m);
      expect(stdout).toMatch(/^ {2}export play-data-safety +Draft Google Play's Data safety form/m);
    }
  });

  it('privlint export alone says a subcommand is needed, names them, and exits 2', async () => {
    const { status, stdout, stderr } = await runCli(['export']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"export" needs a subcommand (commands: privlint export apple-privacy-manifest, privlint export play-data-safety, privlint export records)');
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('privlint export play-data-safety --help shows that command\'s options', async () => {
    const { status, stdout } = await runCli(['export', 'play-data-safety', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--template FILE');
  });
});

// The suite runs privlint in-process (runCli); this is the binary a shell starts.
describe('the privlint binary', () => {
  it("prints its version, and a scan's exit code is the process's", () => {
    expect(runBinary(['--version'])).toMatchObject({ status: 0, stderr: '', stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const scan = runBinary(['scan', 'fixtures/apps/xiaomi-demo', '--format', 'json']);
    expect(scan.status).toBe(1);
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThan(0);
    expect(runBinary(['scan', '--no-such-flag']).status).toBe(2);
  });
  it('stops quietly when the reader closes the pipe early (privlint scan --format sarif | head -c 100)', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/src/cli/bin.js'), 'scan', 'fixtures/apps/xiaomi-demo', '--format', 'sarif'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Like head: read the first chunk, then close the pipe while privlint still writes.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(1); // the scan's own exit code: it has findings
  });
});
