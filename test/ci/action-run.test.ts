// The GitHub Action end to end, without GitHub: scripts/run-action.mjs runs action.yml's steps as a
// runner does (the environment GitHub sets, expressions, `if:` conditions) from a fresh copy of this
// repository as the action's checkout — no node_modules/, no dist/, as `uses: <owner>/privlint@<ref>`
// gets it — on a temporary git repository that has no privlint of its own. With `privlint: auto` the
// action builds privlint from its own checkout (npm ci from the lockfile, then the build), needing no
// privlint from the registry. That build is done once for the file; later runs reuse it, as a second
// run in the same job does.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, inputVariable, runAction, type ActionRun } from '../../scripts/run-action.mjs';
import { snapshotRepository } from '../helpers/repo-snapshot.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';
import { tempRepo, type TempRepo } from './git-repo.js';

const PACKAGE_VERSION = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

const MANIFEST = ['version: 1', 'app:', '  name: Action test', 'categories:', '  - id: device.info', '    uses:', '      - purposes: [diagnostics]', '        basis: legitimate_interest', ''].join('\n');
const COLLECTS = `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytics\nexport const id = () => DeviceInfo.getUniqueId();\n`;
const BUILD_TIMEOUT = 300_000;

describe('the action run as a runner runs it, on a repository without privlint', () => {
  let temp: string;
  let actionPath: string;
  let workspace: TempRepo;
  let first: ActionRun;
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  const run = (options: Parameters<typeof runAction>[0] = {}) => {
    const runnerTemp = mkdtempSync(path.join(temp, 'runner-'));
    // npm's cache answers for privlint's dependencies when it has them.
    return runAction({ actionPath, workspace: workspace.root, runnerTemp, env: { NO_COLOR: '1', npm_config_prefer_offline: 'true' }, timeout: BUILD_TIMEOUT, ...options });
  };
  const step = (result: ActionRun, name: string) => result.steps.find((candidate) => candidate.id === name || candidate.name === name)!;

  beforeAll(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'privlint-action-run-'));
    actionPath = snapshotRepository(path.join(temp, 'action'));
    workspace = tempRepo({ 'privacy-manifest.yaml': MANIFEST, 'src/app.ts': 'export const app = 1;\n', 'src/track.ts': COLLECTS, 'packages/web/src/page.ts': 'export const page = 1;\n' });
    workspace.commitAll('initial');
    first = run();
  }, BUILD_TIMEOUT);

  it('with privlint: auto, builds privlint from the action\'s own checkout (no registry) and runs it', () => {
    expect(existsSync(path.join(actionPath, 'node_modules')) && existsSync(path.join(actionPath, 'dist'))).toBe(true);
    const setup = step(first, 'setup');
    expect(setup.stderr).toMatch(/added \d+ packages/); // npm ci in the action's checkout
    expect(setup.stderr).not.toMatch(/privlint@|E404/);
    expect(setup.status).toBe(0);
    expect(setup.stdout).toBe(`${PACKAGE_VERSION}\n`);
    expect(setup.outputs).toEqual({ entry: path.join(actionPath, 'dist/src/cli/bin.js') });
  });

  it('writes SARIF that validates, the job summary, hands the SARIF to upload-sarif, and only then fails the job', () => {
    const scan = step(first, 'scan');
    expect(scan.status).toBe(0);
    expect(scan.outputs).toEqual({ 'exit-code': '1', 'sarif-file': './privlint.sarif' });
    const sarif = readFileSync(path.join(workspace.root, 'privlint.sarif'), 'utf8');
    expect(validateSarif(sarif)).toEqual([]);
    const results = JSON.parse(sarif).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.map((result) => `${result.ruleId} ${result.locations[0]!.physicalLocation.artifactLocation.uri}`)).toContain('no-undeclared-collection src/track.ts');
    expect(first.summary).toMatch(/^## privlint: \d+ errors?, /);
    expect(first.summary).toContain('`src/track.ts:3`');
    expect(step(first, 'Upload to code scanning')).toMatchObject({ skipped: false, uses: 'github/codeql-action/upload-sarif@v4', with: { sarif_file: './privlint.sarif' } });
    expect(step(first, 'Note a pull request from a fork')).toMatchObject({ skipped: true });
    const fail = step(first, 'Fail on findings');
    expect(fail.stdout).toBe('::error title=privlint::privlint found findings at or above "error"; see the job summary and code scanning.\n');
    expect(fail.status).toBe(1);
    expect(first.status).toBe(1);
    expect(first.outputs).toEqual({ 'sarif-file': './privlint.sarif', 'exit-code': '1' });
  });

  it('reuses the build in a second run; a pull request from a fork skips the upload with a notice; fail-on never passes', () => {
    const second = run({ event: 'pull_request', fork: true, inputs: { 'fail-on': 'never' } });
    expect(step(second, 'setup').stderr).not.toMatch(/added \d+ packages/);
    expect(step(second, 'Upload to code scanning')).toMatchObject({ skipped: true });
    expect(step(second, 'Note a pull request from a fork').stdout).toMatch(/^::notice title=privlint::Pull request from a fork/);
    expect(step(second, 'Fail on findings')).toMatchObject({ skipped: true });
    expect(second.outputs).toEqual({ 'sarif-file': './privlint.sarif', 'exit-code': '0' });
    expect(second.status).toBe(0);
  });

  it('runs in a working-directory of a monorepo, with its own SARIF file and category', () => {
    const web = run({ inputs: { 'working-directory': 'packages/web', category: 'web', upload: 'false', summary: 'false' } });
    expect(web.status).toBe(0);
    expect(web.outputs).toEqual({ 'sarif-file': 'packages/web/privlint.sarif', 'exit-code': '0' });
    expect(JSON.parse(readFileSync(path.join(workspace.root, 'packages/web/privlint.sarif'), 'utf8')).runs[0].automationDetails.id).toBe('web/');
    expect(step(web, 'Upload to code scanning')).toMatchObject({ skipped: true });
    expect(web.summary).toBe('');
  });

  it('stops at a usage error with exit code 2 and uploads nothing', () => {
    const bad = run({ inputs: { 'fail-on': 'sometimes' } });
    expect(step(bad, 'scan').stderr).toMatch(/--fail-on must be one of error, warning, note, never; got "sometimes"/);
    expect(bad.status).toBe(2);
    expect(step(bad, 'Upload to code scanning')).toMatchObject({ skipped: true });
  });
});

describe('scripts/run-action.mjs', () => {
  it('names inputs as GitHub does and evaluates the action\'s conditions', () => {
    expect(inputVariable('working-directory')).toBe('INPUT_WORKING-DIRECTORY');
    expect(inputVariable('fail on')).toBe('INPUT_FAIL_ON');
    const context = {
      inputs: { upload: 'true' },
      github: { event_name: 'pull_request', repository: 'o/r', event: { pull_request: { head: { repo: { full_name: 'someone/r' } } } } },
      steps: { scan: { outputs: { 'exit-code': '1' } } },
    };
    const upload = "inputs.upload == 'true' && !(github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository)";
    expect(evaluate(upload, context)).toBe(false);
    expect(evaluate(upload, { ...context, github: { ...context.github, event_name: 'push' } })).toBe(true);
    expect(evaluate("steps.scan.outputs.exit-code == '1'", context)).toBe(true);
    expect(evaluate("inputs.upload == 'TRUE'", context)).toBe(true); // GitHub compares strings ignoring case
    expect(evaluate('success() && inputs.missing', context, true)).toBe(false);
    expect(() => evaluate('inputs.upload === 1', context)).toThrow(/cannot read/);
  });
});
