import { describe, expect, it } from 'vitest';
import { deepFiles, NORMAL_FILE, TOO_DEEP } from '../helpers/deep-nesting.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { scanProject, writeProject } from '../helpers/temp-project.js';

describe('files nested deeper than the analysis follows', () => {
  it('are reported as not analysed, and the scan reports every other file (CLI)', async () => {
    const root = writeProject({ ...deepFiles('ts'), ...NORMAL_FILE });
    const { status, stdout, stderr } = await runCli(['scan', root, '--format', 'json']);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.inventory.collections.map((site: { file: string }) => site.file)).toEqual(['src/ok.js']);
    const diagnostics = report.diagnostics.map((diagnostic: { file: string; severity: string; message: string }) => [diagnostic.file, diagnostic.severity, diagnostic.message]);
    expect(diagnostics).toEqual(
      ['src/deep/chain.ts', 'src/deep/else-if.ts', 'src/deep/members.ts', 'src/deep/sum.ts'].map((file) => [file, 'warning', expect.stringMatching(TOO_DEEP)]),
    );
  });

  it('say so in the text summary, which does not claim a clean scan', async () => {
    const root = writeProject({ ...deepFiles('js'), ...NORMAL_FILE });
    const { status, stdout } = await runCli(['scan', root]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/src\/deep\/members\.js:1:1 +warning +privlint did not analyse this file/);
    expect(stdout).toMatch(/\(5 files scanned \(4 with a warning above\)/);
  });

  it('give the same result through the API on this thread', () => {
    const result = scanProject({ ...deepFiles('ts'), ...NORMAL_FILE });
    expect(result.inventory.collections.map((site) => site.file)).toEqual(['src/ok.js']);
    expect(result.inventory.diagnostics.map((diagnostic) => diagnostic.file)).toEqual(['src/deep/chain.ts', 'src/deep/else-if.ts', 'src/deep/members.ts', 'src/deep/sum.ts']);
  });
});
