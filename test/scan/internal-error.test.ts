// A bug in privlint that shows on one file (injected through the test-only PRIVLINT_TEST_ONLY_FAULT)
// is that file's diagnostic: the scan goes on, reports every other file, and exits by the findings.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_FAULT_VARIABLE } from '../../src/util/test-fault.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const COLLECTS = `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getAndroidId();\n`;
const PROJECT = { 'src/a.js': COLLECTS, 'src/faulty.js': COLLECTS, 'src/z.js': COLLECTS };
const INTERNAL_ERROR = /^privlint could not analyse this file \(internal error: Cannot read properties of undefined \(reading 'kind'\) \[injected by PRIVLINT_TEST_ONLY_FAULT\]\); please report it$/;

async function scanJson(root: string, fault: string, extra: string[] = []) {
  const { status, stdout, stderr } = await runCli(['scan', root, '--format', 'json', ...extra], { env: { [TEST_FAULT_VARIABLE]: fault } });
  expect(stderr).not.toMatch(STACK_TRACE);
  return { status, report: JSON.parse(stdout) as { inventory: { collections: { file: string }[] }; findings: { file: string }[]; diagnostics: { file: string; severity: string; message: string }[] } };
}

const filesOf = (items: { file: string }[]) => [...new Set(items.map((item) => item.file))];

describe('an internal error while analysing one file', () => {
  it('is reported on that file, and the scan reports the others (CLI, this thread)', async () => {
    const root = writeProject(PROJECT);
    const { status, report } = await scanJson(root, 'analyse:src/faulty.js');
    expect(status).toBe(0);
    expect(filesOf(report.inventory.collections)).toEqual(['src/a.js', 'src/z.js']);
    expect(filesOf(report.findings)).toEqual(['src/a.js', 'src/z.js']);
    expect(report.diagnostics).toEqual([{ file: 'src/faulty.js', line: 1, column: 1, severity: 'warning', message: expect.stringMatching(INTERNAL_ERROR) }]);
  });

  it('is reported the same when the file is analysed on a worker thread', async () => {
    const root = writeProject(PROJECT);
    // With a warm cache, the files that changed are analysed by one worker thread, never this one.
    await scanJson(root, '', ['--cache']);
    writeFileSync(path.join(root, 'src/faulty.js'), `${COLLECTS}// changed\n`);
    const { status, stdout } = await runCli(['scan', root, '--format', 'json', '--cache', '--debug'], { env: { [TEST_FAULT_VARIABLE]: 'analyse:src/faulty.js' } });
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(filesOf(report.inventory.collections)).toEqual(['src/a.js', 'src/z.js']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: 'src/faulty.js', message: expect.stringMatching(/^privlint could not analyse this file \(internal error: .+\); please report it\n/) })]);
    expect(report.diagnostics[0].message).toMatch(/analyze-worker\.js/);
  });

  it('names the file in the text output, exits by the findings, and shows the stack only with --debug', async () => {
    const root = writeProject(PROJECT);
    const env = { [TEST_FAULT_VARIABLE]: 'analyse:src/faulty.js' };
    const plain = await runCli(['scan', root, '--fail-on', 'warning'], { env });
    // The other files' require-purpose warnings decide the exit code, as without the failure.
    expect(plain.status).toBe(1);
    expect(plain.stdout).toMatch(/src\/faulty\.js:1:1 +warning +privlint could not analyse this file \(internal error: .+\); please report it\n/);
    expect(plain.stdout).toMatch(/src\/a\.js:2:\d+ +warning +Collects device\.android_id/);
    expect(plain.stdout + plain.stderr).not.toMatch(STACK_TRACE);
    const debug = await runCli(['scan', root, '--debug'], { env });
    expect(debug.status).toBe(0);
    expect(debug.stdout).toMatch(/please report it\nTypeError: Cannot read properties of undefined[^\n]*\n\s+at injectTestFault/);
  });

  it('is not cached: the next scan analyses the file again', async () => {
    const root = writeProject(PROJECT);
    const failed = await scanJson(root, 'analyse:src/faulty.js', ['--cache']);
    expect(failed.report.diagnostics).toHaveLength(1);
    const again = await scanJson(root, '', ['--cache']);
    expect(again.report.diagnostics).toEqual([]);
    expect(filesOf(again.report.inventory.collections)).toEqual(['src/a.js', 'src/faulty.js', 'src/z.js']);
  });
});

describe('an internal error while linking one file', () => {
  it('is reported on that file, and the other files are linked and checked', async () => {
    const root = writeProject(PROJECT);
    const { status, report } = await scanJson(root, 'link:src/faulty.js');
    expect(status).toBe(0);
    expect(filesOf(report.inventory.collections)).toEqual(['src/a.js', 'src/z.js']);
    expect(report.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.message])).toEqual([['src/faulty.js', expect.stringMatching(INTERNAL_ERROR)]]);
  });
});
