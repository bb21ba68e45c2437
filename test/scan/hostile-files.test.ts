// Files a user points privlint to that are not what they should be: a FIFO or a device where the
// manifest, config or baseline should be (reading them would block or never end), and a document
// nested 50,000 deep. Each is refused at once with one clear line and exit code 2.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, STACK_TRACE } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const APP = { 'src/app.ts': `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getAndroidId();\n` };
/** Far longer than a refusal takes; a read that blocks or never ends runs into it (in a process of its own, which the timeout ends). */
const TIMEOUT_MS = 30_000;

function fifoIn(root: string, name: string): string {
  const file = path.join(root, name);
  execFileSync('mkfifo', [file]);
  return file;
}

async function refused(args: string[], cwd: string) {
  const { status, stdout, stderr } = runBinary(args, { cwd, timeout: TIMEOUT_MS });
  expect(status, `${stderr}${stdout}`).toBe(2);
  expect(stderr).not.toMatch(STACK_TRACE);
  return stderr;
}

describe('a manifest, config or baseline that is not a regular file', () => {
  it('is refused when it is a FIFO', async () => {
    const root = writeProject(APP);
    fifoIn(root, 'privacy-manifest.yaml');
    expect(await refused(['scan', '.'], root)).toMatch(/^privlint: privacy-manifest\.yaml: is a named pipe \(FIFO\), not a regular file; privlint reads the manifest only from a regular file\.\n/);
    const other = writeProject(APP);
    fifoIn(other, 'privlint.config.json');
    expect(await refused(['scan', '.'], other)).toMatch(/^privlint: privlint\.config\.json: is a named pipe \(FIFO\), not a regular file/);
    const baseline = writeProject(APP);
    fifoIn(baseline, 'baseline.json');
    expect(await refused(['scan', '.', '--baseline', 'baseline.json'], baseline)).toMatch(/^privlint: baseline\.json: is a named pipe \(FIFO\), not a regular file; privlint reads the baseline only/);
  });

  it('is refused when it is a device such as /dev/zero', async () => {
    const root = writeProject(APP);
    expect(await refused(['scan', '.', '--manifest', '/dev/zero'], root)).toMatch(/^privlint: \/dev\/zero: is a device, not a regular file; privlint reads the manifest only from a regular file\.\n/);
    expect(await refused(['scan', '.', '--config', '/dev/zero'], root)).toMatch(/^privlint: \/dev\/zero: is a device, not a regular file; privlint reads the config only/);
    expect(await refused(['scan', '.', '--baseline', '/dev/zero'], root)).toMatch(/^privlint: \/dev\/zero: is a device, not a regular file; privlint reads the baseline only/);
    expect(await refused(['manifest', 'check', '/dev/zero'], root)).toMatch(/\/dev\/zero: is a device, not a regular file/);
  });

  it('a FIFO tsconfig.json or .gitignore does not block the scan', async () => {
    const root = writeProject(APP);
    fifoIn(root, 'tsconfig.json');
    fifoIn(root, '.gitignore');
    const { status, stdout } = runBinary(['scan', '.', '--format', 'json'], { cwd: root, timeout: TIMEOUT_MS });
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.inventory.collections).toHaveLength(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: 'tsconfig.json', message: expect.stringMatching(/^is a named pipe \(FIFO\), not a regular file; not read/) })]);
  });
});

describe('a document nested 50,000 deep', () => {
  it('is refused with where it goes too deep, not a stack overflow (manifest, block sequence)', async () => {
    const root = writeProject({ ...APP, 'privacy-manifest.yaml': `version: 1\napp:\n  name: Deep\ncategories:\n  ${'- '.repeat(50_000)}x\n` });
    const stderr = await refused(['scan', '.'], root);
    expect(stderr).toMatch(/privacy-manifest\.yaml:5:\d+ +YAML nested deeper than 100 levels here; a manifest or config nests a few levels: is this the right file\?/);
    expect(stderr).not.toMatch(/call stack/i);
  });

  it('is refused where the YAML parser itself gives up (a deep sequence closed by a later key)', async () => {
    const root = writeProject({ ...APP, 'privacy-manifest.yaml': `version: 1\napp:\n  name: Deep\ncategories:\n  ${'- '.repeat(50_000)}x\nrecipients: []\n` });
    const stderr = await refused(['scan', '.'], root);
    expect(stderr).toMatch(/privacy-manifest\.yaml:\d+:\d+ +YAML nested deeper than 100 levels here/);
    expect(stderr).not.toMatch(/call stack/i);
  });

  it('is refused the same in a config written as JSON (flow collections)', async () => {
    const root = writeProject({ ...APP, 'privlint.config.json': `{ "ignore": ${'['.repeat(50_000)}${']'.repeat(50_000)} }\n` });
    const stderr = await refused(['scan', '.'], root);
    expect(stderr).toMatch(/privlint\.config\.json:1:\d+ +JSON nested deeper than 100 levels here/);
    expect(stderr).not.toMatch(/call stack/i);
  });
});
