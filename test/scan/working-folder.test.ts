import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { scan } from '../../src/scan.js';
import { type CliRun, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

// Output paths are relative to the scan root, never to the process's working folder: the API, the
// editor and `privlint serve` run wherever their host process happens to be.
const PROJECT = {
  'tsconfig.json': '{ "compilerOptions": { "paths": ',
  'src/broken.ts': 'export const = ;\n',
  'src/ok.ts': `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getAndroidId();\n`,
};

describe('the same scan from different working folders', () => {
  const started = process.cwd();
  afterEach(() => process.chdir(started));

  it('gives identical output through the API, whatever process.cwd() is', () => {
    const root = writeProject(PROJECT);
    // Two levels below the temp folder: where a path relative to the process's folder reads `../../privlint-test-…`.
    const nested = path.join(writeProject({ 'a/.keep': '' }), 'a');
    const outputs = [REPO_ROOT, path.join(root, 'src'), nested].map((folder) => {
      process.chdir(folder);
      return formatJson(scan({ paths: [root], cwd: path.dirname(root) }));
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    const report = JSON.parse(outputs[0]!);
    expect(report.diagnostics.map((diagnostic: { file: string }) => diagnostic.file).sort()).toEqual(['src/broken.ts', 'tsconfig.json']);
  });

  it('names the broken tsconfig by its path from the given cwd, not from the process', () => {
    const root = writeProject(PROJECT);
    process.chdir(tmpdir());
    const result = scan({ cwd: root });
    expect(result.inventory.diagnostics.map((diagnostic) => diagnostic.file)).toContain('tsconfig.json');
  });

  it('gives identical JSON from the CLI run in three folders', async () => {
    const root = writeProject(PROJECT);
    const outputs: CliRun[] = [];
    for (const cwd of [REPO_ROOT, root, tmpdir()]) outputs.push(await runCli(['scan', root, '--format', 'json'], { cwd }));
    for (const output of outputs) expect(output.status).toBe(0);
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout);
    expect(JSON.parse(outputs[0]!.stdout).diagnostics.map((diagnostic: { file: string }) => diagnostic.file).sort()).toEqual(['src/broken.ts', 'tsconfig.json']);
  });
});
