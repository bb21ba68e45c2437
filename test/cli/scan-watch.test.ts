import { spawn } from 'node:child_process';
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const BIN = path.join(REPO_ROOT, 'dist/src/cli/bin.js');

/** `privlint scan --watch …` as a user runs it, with a way to wait for what it says on stderr. */
function startWatch(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, 'scan', '--watch', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  const waiters: { pattern: RegExp; from: number; resolve: () => void }[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stderr.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    get stderr() {
      return stderr;
    },
    /** Resolves once stderr, from now on, matches `pattern`; fails with what it said after 20 s. */
    next(pattern: RegExp): Promise<void> {
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`no ${pattern} on stderr in 20 s; it said:\n${stderr}`)), 20_000);
        waiters.push({ pattern, from: stderr.length, resolve: () => (clearTimeout(timeout), resolve()) });
      });
    },
    stop(): Promise<number | null> {
      child.kill('SIGINT');
      return exited;
    },
  };
}

describe('privlint scan --watch', () => {
  it('re-scans after an edit, keeps watching through a broken manifest, and stops on Ctrl-C', async () => {
    const root = writeProject({});
    cpSync(path.join(REPO_ROOT, 'fixtures/apps/rn-shop'), root, { recursive: true });
    const out = path.join(root, 'privlint.json');
    const watcher = startWatch(['--format', 'json', '--output', out, '--fail-on', 'never'], root);
    try {
      const watching = watcher.next(/watching \. for changes/);
      await watching;
      expect(watcher.stderr).toMatch(/scanned \d+ files in \d+ ms: \d+ findings/);

      const rescanned = watcher.next(/re-scanned after a change to src\/utils\/ids\.ts in \d+ ms/);
      const ids = path.join(root, 'src/utils/ids.ts');
      writeFileSync(ids, `${readFileSync(ids, 'utf8')}\nimport DeviceInfo from 'react-native-device-info';\nexport const serial = () => DeviceInfo.getSerialNumber();\n`);
      await rescanned;
      const fresh = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], { cwd: root });
      expect(readFileSync(out, 'utf8')).toContain('device.serial');
      expect(readFileSync(out, 'utf8')).toBe(fresh.stdout);

      // Saved as editors and formatters save: a temporary file renamed over the old one, twice.
      for (const round of [1, 2]) {
        const replaced = watcher.next(/re-scanned after a change to src\/utils\/ids\.ts/);
        writeFileSync(`${ids}.tmp`, `${readFileSync(ids, 'utf8')}\nexport const round${round} = ${round};\n`);
        renameSync(`${ids}.tmp`, ids);
        await replaced;
      }

      const manifest = path.join(root, 'privacy-manifest.yaml');
      const good = readFileSync(manifest, 'utf8');
      const complained = watcher.next(/still watching/);
      writeFileSync(manifest, good.replace(/^version: 1$/m, 'version: [1'));
      await complained;
      expect(watcher.stderr).toMatch(/privacy-manifest\.yaml/);

      const recovered = watcher.next(/re-scanned after a change to privacy-manifest\.yaml/);
      writeFileSync(manifest, good);
      await recovered;
    } finally {
      expect(await watcher.stop()).toBe(0);
    }
    expect(watcher.stderr).not.toMatch(/internal error|\n\s+at /);
  }, 60_000);

  it('refuses options that do not fit a watch', async () => {
    const run = await runCli(['scan', 'fixtures/apps/rn-shop', '--watch', '--staged']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--watch cannot be combined with --staged');
  });
});
