// `privlint serve` as users run it: a process that answers `privlint scan` of its folder until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverAddress } from '../../src/cli/server/address.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

/** A server a failed assertion left running is stopped all the same. */
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('privlint serve', () => {
  it('answers privlint scan with what the scan by itself prints, refuses a second server, and stops on Ctrl-C', async () => {
    const root = writeProject({});
    cpSync(path.join(REPO_ROOT, 'fixtures/apps/rn-shop'), root, { recursive: true });
    const server = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/src/cli/bin.js'), 'serve', '--verbose'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    running.push(server);
    let log = '';
    server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    await expect.poll(() => log, { timeout: 60_000, interval: 100 }).toContain('ready');

    for (const edit of ['', "\nexport const later = () => navigator.geolocation.getCurrentPosition(() => {});\n"]) {
      appendFileSync(path.join(root, 'src/utils/format.ts'), edit);
      const served = await runCli(['scan', '--format', 'json'], { cwd: root });
      const alone = await runCli(['scan', '--format', 'json'], { cwd: root, env: { PRIVLINT_NO_SERVER: '1' } });
      expect(served).toEqual(alone);
    }
    // spawnSync held this process's event loop: the server's log is read now.
    await expect.poll(() => log.match(/answered privlint scan --format json/g)?.length, { timeout: 10_000 }).toBe(2);

    const second = await runCli(['serve'], { cwd: root });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('already running');

    server.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(serverAddress(root, { create: false }) ?? '')).toBe(false);
  });
});
