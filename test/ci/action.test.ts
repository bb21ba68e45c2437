import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { validateSarif } from '../helpers/sarif-validator.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const step = (id: string) => ACTION.runs.steps.find((candidate) => candidate.id === id || candidate.name === id)!;
const PACKAGE_VERSION = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

/** Every `${{ … }}` expression in a piece of the action. */
const expressions = (value: unknown): string[] => [...JSON.stringify(value ?? '').matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((match) => match[1]!);

const temp = mkdtempSync(path.join(tmpdir(), 'privlint-action-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface StepRun {
  status: number | null;
  stderr: string;
  stdout: string;
  outputs: Record<string, string>;
}

/**
 * Run one `run` step as the runner does (bash --noprofile --norc -eo pipefail), with its `env`
 * evaluated: `inputs.*` from the given inputs over the defaults, `steps.*.outputs.*` from earlier runs.
 */
function runStep(id: string, inputs: Record<string, string>, context: { steps?: Record<string, Record<string, string>>; cwd: string; runner: string }): StepRun {
  const target = step(id);
  const values = { ...Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, String(input.default ?? '')])), ...inputs };
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return values[input[1]!] ?? '';
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return context.steps?.[output[1]!]?.[output[2]!] ?? '';
      if (expression === 'github.action_path') return REPO_ROOT;
      throw new Error(`the test does not know the expression ${expression}`);
    });
  const outputFile = path.join(context.runner, `${id}-output`);
  writeFileSync(outputFile, '');
  const script = path.join(context.runner, `${id}.sh`);
  writeFileSync(script, target.run!);
  const cwd = path.resolve(context.cwd, evaluate(target['working-directory'] ?? '.'));
  const env = Object.fromEntries(Object.entries(target.env ?? {}).map(([name, value]) => [name, evaluate(value)]));
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', RUNNER_TEMP: context.runner, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: path.join(context.runner, 'summary.md'), ...env },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, outputs };
}

describe('action.yml', () => {
  it('is a composite action whose inputs are all used, and which uses no undeclared input', () => {
    expect(ACTION.runs.using).toBe('composite');
    // `if:` conditions are expressions without the ${{ }}.
    const all = [...expressions(ACTION.runs.steps), ...ACTION.runs.steps.flatMap((candidate) => (candidate.if ? [candidate.if] : []))];
    const used = new Set(all.flatMap((expression) => [...expression.matchAll(/inputs\.([\w-]+)/g)].map((match) => match[1]!)));
    expect([...used].sort()).toEqual(Object.keys(ACTION.inputs).sort());
    for (const [name, input] of Object.entries(ACTION.inputs)) expect(input.description, name).toMatch(/\w/);
  });

  it('passes inputs to scripts through env only (no ${{ }} inside a script, so no injection)', () => {
    for (const candidate of ACTION.runs.steps) if (candidate.run) expect(expressions(candidate.run), candidate.name).toEqual([]);
  });

  it('uses only flags that privlint scan --help lists', async () => {
    const help = (await runCli(['scan', '--help'])).stdout;
    const flags = new Set([...step('scan').run!.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((match) => match[0]));
    expect([...flags].sort()).toEqual(['--baseline', '--cache', '--cache-location', '--category', '--config', '--fail-on', '--format', '--manifest', '--output', '--quiet']);
    for (const flag of flags) expect(help, flag).toMatch(new RegExp(`\\s${flag}\\b`));
    for (const value of ['error', 'warning', 'note', 'never']) expect(help).toContain(value);
    expect(help).toMatch(/Output format: .*sarif.*markdown/);
  });

  it('uploads with github/codeql-action/upload-sarif, leaving the category to privlint, and fails the job afterwards', () => {
    const steps = ACTION.runs.steps;
    const upload = steps.find((candidate) => candidate.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload.with).toEqual({ sarif_file: '${{ steps.scan.outputs.sarif-file }}' });
    expect(upload.if).toMatch(/^inputs\.upload == 'true' && !\(github\.event_name == 'pull_request' && github\.event\.pull_request\.head\.repo\.full_name != github\.repository\)$/);
    const fail = step('Fail on findings');
    expect(fail.if).toBe("steps.scan.outputs.exit-code == '1'");
    expect(steps.indexOf(fail)).toBeGreaterThan(steps.indexOf(upload));
    expect(step('scan').run).toMatch(/--category "\$CATEGORY"/);
  });

  it('installs the privlint version it is released with', () => {
    expect(ACTION.inputs.version!.default).toBe(PACKAGE_VERSION);
  });
});

describe('running the action\'s steps', () => {
  const runner = path.join(temp, 'runner');
  mkdirSync(runner, { recursive: true });

  it('finds the project\'s own privlint, also from a package folder of a monorepo', () => {
    const project = path.join(temp, 'monorepo');
    mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    mkdirSync(path.join(project, 'packages', 'app'), { recursive: true });
    symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'privlint'));
    const setup = runStep('setup', { 'working-directory': 'packages/app' }, { cwd: project, runner });
    expect(setup.status).toBe(0);
    expect(setup.stdout.trim()).toBe(PACKAGE_VERSION);
    expect(setup.outputs.entry).toBe(path.join(project, 'node_modules/privlint/dist/src/cli/bin.js'));
  });

  it('refuses an unknown privlint source', () => {
    const setup = runStep('setup', { privlint: 'brew' }, { cwd: temp, runner });
    expect(setup.status).toBe(2);
    expect(setup.stdout).toContain('::error title=privlint::input privlint must be auto, action or npm; got "brew"');
  });

  it('writes SARIF that validates and the summary, and reports the exit code for the last step', () => {
    const sarifFile = path.join(temp, 'out', 'privlint.sarif');
    mkdirSync(path.dirname(sarifFile), { recursive: true });
    const scan = runStep(
      'scan',
      { paths: 'fixtures/apps/xiaomi-demo\nfixtures/apps/xiaomi-demo/src', 'sarif-file': sarifFile, category: 'xiaomi', 'fail-on': 'error' },
      { cwd: REPO_ROOT, runner, steps: { setup: { entry: path.join(REPO_ROOT, 'dist/src/cli/bin.js') } } },
    );
    expect(scan.stderr).toMatch(/wrote sarif report/);
    expect(scan.status).toBe(0); // findings do not stop the job before the upload
    expect(scan.outputs).toEqual({ 'exit-code': '1', 'sarif-file': sarifFile });
    const sarif = readFileSync(sarifFile, 'utf8');
    expect(validateSarif(sarif)).toEqual([]);
    expect(JSON.parse(sarif).runs[0].automationDetails.id).toBe('xiaomi/');
    const summary = readFileSync(path.join(runner, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^## privlint: \d+ errors?, /);
    expect(summary).toContain('### Findings by rule');
  });

  it('stops with exit code 2 on a usage error, before there is anything to upload', () => {
    const scan = runStep(
      'scan',
      { paths: 'fixtures/apps/xiaomi-demo', 'sarif-file': path.join(temp, 'never.sarif'), 'fail-on': 'sometimes' },
      { cwd: REPO_ROOT, runner, steps: { setup: { entry: path.join(REPO_ROOT, 'dist/src/cli/bin.js') } } },
    );
    expect(scan.status).toBe(2);
    expect(scan.stderr).toMatch(/--fail-on must be one of error, warning, note, never; got "sometimes"/);
    expect(scan.outputs).toEqual({ 'exit-code': '2' });
  });
});
