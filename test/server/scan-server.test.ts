// privlint serve: a scan it answers prints what the same scan by itself prints, through edits,
// new and deleted files and config and manifest changes, in the client's folder; the scans it must
// not answer are scanned by the client itself.
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../src/cli/command.js';
import { runScan } from '../../src/cli/commands/scan.js';
import type { CliIO } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/report-error.js';
import { serverAddress } from '../../src/cli/server/address.js';
import { scanThroughServer } from '../../src/cli/server/client.js';
import { ScanServer } from '../../src/cli/server/server.js';
import { UserError } from '../../src/util/problem.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const servers: ScanServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

function captureIO(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    colors: pc.createColors(false),
    errorColors: pc.createColors(false),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
    env,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const args = (values: ParsedArgs['values'], positionals: string[] = []): ParsedArgs => ({ values: { 'fail-on': 'never', ...values }, positionals });

/** A copy of the rn-shop fixture with a server for it, warmed up. */
async function servedShop(): Promise<{ root: string; server: ScanServer }> {
  const root = writeProject({});
  cpSync(path.join(REPO_ROOT, 'fixtures/apps/rn-shop'), root, { recursive: true });
  const server = new ScanServer(root);
  servers.push(server);
  await server.listen(serverAddress(root, { create: true })!);
  await server.warmUp(root);
  return { root, server };
}

/** The scan through the server, and the same scan by itself: output and exit code. */
async function bothWays(parsed: ParsedArgs, cwd: string) {
  const served = captureIO(cwd);
  const code = await scanThroughServer(parsed, served.io);
  const alone = captureIO(cwd, { PRIVLINT_NO_SERVER: '1' });
  // As a process of its own in `cwd` would (messages show paths from there), and as main() runs a
  // command: a user's mistake becomes its message and exit code 2.
  const testFolder = process.cwd();
  process.chdir(cwd);
  const aloneCode = await runScan(parsed, alone.io)
    .catch((error: unknown) => reportError(error, alone.io))
    .finally(() => process.chdir(testFolder));
  return { served: { code, stdout: served.stdout(), stderr: served.stderr() }, alone: { code: aloneCode, stdout: alone.stdout(), stderr: alone.stderr() } };
}

describe('privlint serve answers privlint scan', () => {
  it('with what the scan by itself prints, through edits, new and deleted files, config and manifest changes', async () => {
    const { root, server } = await servedShop();
    const json = args({ format: 'json' });
    const steps: Array<[string, () => void]> = [
      ['as it is', () => {}],
      ['after an edit that collects the advertising id', () => appendFileSync(path.join(root, 'src/utils/format.ts'), "\nimport DeviceInfo from 'react-native-device-info';\nexport const adId = () => DeviceInfo.getUniqueId();\n")],
      ['after a new file', () => writeFileSync(path.join(root, 'src/utils/carrier.ts'), "import DeviceInfo from 'react-native-device-info';\nexport const carrier = () => DeviceInfo.getCarrier();\n")],
      ['after a deleted file', () => rmSync(path.join(root, 'src/services/push.ts'))],
      ['after a config change', () => writeFileSync(path.join(root, 'privlint.config.json'), JSON.stringify({ manifest: 'privacy-manifest.yaml', guards: [{ call: 'hasConsent', keyArgument: 0 }] }))],
      ['after the manifest broke', () => writeFileSync(path.join(root, 'privacy-manifest.yaml'), 'version: [1\n')],
    ];
    let previous = '';
    for (const [step, change] of steps) {
      change();
      const { served, alone } = await bothWays(json, root);
      expect(served, step).toEqual(alone);
      expect(served.stdout + served.stderr, `${step}: a new result`).not.toBe(previous);
      previous = served.stdout + served.stderr;
    }
    expect(server.answered).toBe(steps.length);
  });

  it('in the client\'s folder and environment, which the server gets back afterwards', async () => {
    const { root, server } = await servedShop();
    const sub = path.join(root, 'src');
    const cwd = process.cwd();
    const env = { ...process.env };
    const parsed = args({ format: 'json', output: 'report.json' }, ['..']);
    const served = captureIO(sub, { MARKER: 'client' });
    expect(await scanThroughServer(parsed, served.io)).toBe(0);
    expect(server.answered).toBe(1);
    expect(served.stderr()).toBe('privlint: wrote json report to report.json (' + JSON.parse(readFileSync(path.join(sub, 'report.json'), 'utf8')).findings.length + ' findings)\n');
    expect(process.cwd()).toBe(cwd);
    expect(process.env).toEqual(env);
  });

  it('not a scan from scratch (--no-cache), --watch, another root, or with PRIVLINT_NO_SERVER=1: the client scans by itself', async () => {
    const { root, server } = await servedShop();
    mkdirSync(path.join(root, 'src/empty'), { recursive: true });
    expect(await scanThroughServer(args({ 'no-cache': true }), captureIO(root).io)).toBeUndefined();
    expect(await scanThroughServer(args({ watch: true }), captureIO(root).io)).toBeUndefined();
    expect(await scanThroughServer(args({}), captureIO(root, { PRIVLINT_NO_SERVER: '1' }).io)).toBeUndefined();
    expect(await scanThroughServer(args({}, ['src']), captureIO(root).io)).toBeUndefined(); // the root is src/
    expect(await scanThroughServer(args({}, ['missing']), captureIO(root).io)).toBeUndefined();
    expect(server.answered).toBe(0);
  });

  it('takes over the socket of a server that is gone, and will not start beside one that answers', async () => {
    const { root, server } = await servedShop();
    const address = serverAddress(root)!;
    const second = new ScanServer(root);
    await expect(second.listen(address)).rejects.toThrow(UserError);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    expect(existsSync(address)).toBe(false);
    writeFileSync(address, ''); // what a killed server leaves
    expect(await scanThroughServer(args({ format: 'json' }), captureIO(root).io)).toBeUndefined();
    servers.push(second);
    await second.listen(address);
    expect(await scanThroughServer(args({ format: 'json' }), captureIO(root).io)).toBe(0);
    expect(second.answered).toBe(1);
  });
});
