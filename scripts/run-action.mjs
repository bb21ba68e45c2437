#!/usr/bin/env node
// Run action.yml's steps on this machine the way a GitHub runner runs a composite action, to test the
// action without GitHub: every `run` step with `bash --noprofile --norc -eo pipefail`, in order, with
// the environment a runner sets (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, RUNNER_TEMP, the inputs as INPUT_<NAME>, …), `${{ }}` expressions and `if:`
// conditions evaluated from the inputs, the github context and earlier steps' outputs. Steps that
// `uses:` another action are not run (that needs GitHub): they are reported with their inputs.
//
//   node scripts/run-action.mjs [--workspace DIR] [--action-path DIR] [--event NAME] [--fork] [--input NAME=VALUE ...]
//
// --workspace: the checked-out repository to scan (default: the current folder); --action-path: the
// action's checkout (default: this repository); --event: github.event_name (default push); --fork: the
// pull request comes from a fork. The exit code is the action's: that of the first step that failed.
// test/ci/action-run.test.ts runs it on temporary repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const THIS_REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} RunActionOptions
 * @property {string} [workspace] The checked-out repository to scan (GITHUB_WORKSPACE); default the current folder.
 * @property {string} [actionPath] The action's checkout (GITHUB_ACTION_PATH); default this repository.
 * @property {Record<string, string>} [inputs]
 * @property {string} [event] github.event_name; default "push".
 * @property {string} [repository] github.repository; default "octo-org/octo-repo".
 * @property {boolean} [fork] The pull request comes from another repository.
 * @property {string} [runnerTemp]
 * @property {Record<string, string | undefined>} [env]
 * @property {'pipe' | 'inherit'} [stdio]
 * @property {number} [timeout] Per step, in milliseconds.
 */

/**
 * @typedef {object} StepResult
 * @property {string} name
 * @property {string} [id]
 * @property {boolean} skipped
 * @property {string} [uses] A `uses:` step, not run: the action and its evaluated `with:`.
 * @property {Record<string, string>} [with]
 * @property {number} [status]
 * @property {string} [stdout]
 * @property {string} [stderr]
 * @property {Record<string, string>} [outputs]
 * @property {string} [error]
 */

/**
 * @typedef {object} ActionRun
 * @property {number} status The action's exit code: that of the first step that failed, else 0.
 * @property {StepResult[]} steps
 * @property {Record<string, string>} outputs
 * @property {string} summary What the steps wrote to GITHUB_STEP_SUMMARY.
 * @property {string} runnerTemp
 */

/**
 * The environment variable GitHub gives an input: INPUT_ and the name in upper case, spaces as underscores (hyphens stay).
 * @param {string} name
 * @returns {string}
 */
export const inputVariable = (name) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/**
 * Run the action. Options: workspace, actionPath, inputs ({name: value}), event ('push'),
 * repository ('octo-org/octo-repo'), fork (a pull request from another repository), runnerTemp (a new
 * temp folder), env (added to every step's environment), stdio ('pipe' to capture, 'inherit' to show),
 * timeout (per step, ms). Returns { status, steps: [{ name, id, skipped, uses, with, status, stdout,
 * stderr, outputs }], outputs, summary, runnerTemp }.
 * @param {RunActionOptions} [options]
 * @returns {ActionRun}
 */
export function runAction(options = {}) {
  const actionPath = path.resolve(options.actionPath ?? THIS_REPOSITORY);
  const workspace = path.resolve(options.workspace ?? process.cwd());
  const action = parseYaml(readFileSync(path.join(actionPath, 'action.yml'), 'utf8'));
  if (action.runs?.using !== 'composite') throw new Error(`${actionPath}/action.yml is not a composite action`);
  const runnerTemp = options.runnerTemp ?? mkdtempSync(path.join(tmpdir(), 'privlint-runner-'));
  mkdirSync(runnerTemp, { recursive: true });
  const files = /** @type {Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string>} */ (Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((name) => [name, path.join(runnerTemp, `${name.toLowerCase()}.txt`)])));
  writeFileSync(files.GITHUB_STEP_SUMMARY, '');

  const unknown = Object.keys(options.inputs ?? {}).filter((name) => !(name in (action.inputs ?? {})));
  if (unknown.length > 0) throw new Error(`action.yml has no input ${unknown.join(', ')}`);
  const inputs = Object.fromEntries(Object.entries(action.inputs ?? {}).map(([name, input]) => [name, String(options.inputs?.[name] ?? input.default ?? '')]));
  const event = options.event ?? 'push';
  const repository = options.repository ?? 'octo-org/octo-repo';
  const sha = gitHead(workspace);
  const github = {
    action_path: actionPath,
    workspace,
    event_name: event,
    repository,
    sha,
    ref: event === 'pull_request' ? 'refs/pull/1/merge' : 'refs/heads/main',
    server_url: 'https://github.com',
    event: event === 'pull_request' ? { pull_request: { number: 1, head: { repo: { full_name: options.fork ? 'someone/fork' : repository } } } } : {},
  };
  const runner = { os: 'Linux', temp: runnerTemp };
  /** @type {Record<string, { outputs: Record<string, string>, outcome: string, conclusion: string }>} */
  const stepsContext = {};
  const baseEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: actionPath,
    GITHUB_EVENT_NAME: event,
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: sha,
    GITHUB_REF: github.ref,
    GITHUB_SERVER_URL: github.server_url,
    GITHUB_RUN_ID: '1',
    GITHUB_JOB: 'privlint',
    RUNNER_OS: runner.os,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ENV: files.GITHUB_ENV,
    GITHUB_PATH: files.GITHUB_PATH,
    GITHUB_STATE: files.GITHUB_STATE,
    GITHUB_STEP_SUMMARY: files.GITHUB_STEP_SUMMARY,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])),
    ...options.env,
  };

  /** @type {StepResult[]} */
  const results = [];
  let failed = false;
  let status = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${index + 1}`;
    const context = { inputs, github, runner, steps: stepsContext, env: baseEnv };
    const condition = step.if === undefined ? 'success()' : String(step.if).replace(/^\s*\$\{\{([\s\S]*)\}\}\s*$/, '$1');
    const withStatus = /\b(success|failure|always|cancelled)\(\)/.test(condition) ? condition : `success() && (${condition})`;
    if (!truthy(evaluate(withStatus, context, failed))) {
      results.push({ name, id: step.id, skipped: true });
      if (step.id) stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    if (step.uses) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), context)]));
      results.push({ name, id: step.id, skipped: false, uses: step.uses, with: given, status: 0, outputs: {} });
      if (options.stdio === 'inherit') process.stderr.write(`::group::${name}\nnot run here (needs GitHub): ${step.uses} with ${JSON.stringify(given)}\n::endgroup::\n`);
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`step "${name}": only shell: bash is supported, not ${step.shell}`);
    const script = path.join(runnerTemp, `step-${index + 1}.sh`);
    writeFileSync(script, step.run);
    writeFileSync(files.GITHUB_OUTPUT, '');
    const env = { ...baseEnv, GITHUB_OUTPUT: files.GITHUB_OUTPUT, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, interpolate(String(value), context)])) };
    const cwd = path.resolve(workspace, interpolate(step['working-directory'] ?? '.', context));
    if (options.stdio === 'inherit') process.stderr.write(`::group::${name}\n`);
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: options.stdio === 'inherit' ? 'inherit' : 'pipe',
      timeout: options.timeout ?? 600_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (options.stdio === 'inherit') process.stderr.write('::endgroup::\n');
    const outputs = readOutputs(files.GITHUB_OUTPUT);
    const code = run.status ?? 1;
    results.push({ name, id: step.id, skipped: false, status: code, stdout: run.stdout ?? '', stderr: run.stderr ?? '', outputs, ...(run.error ? { error: run.error.message } : {}) });
    if (step.id) stepsContext[step.id] = { outputs, outcome: code === 0 ? 'success' : 'failure', conclusion: code === 0 ? 'success' : 'failure' };
    if (code !== 0 && !failed) {
      failed = true;
      status = code;
    }
  }
  const context = { inputs, github, runner, steps: stepsContext, env: baseEnv };
  const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, output]) => [name, interpolate(String(output.value ?? ''), context)]));
  return { status, steps: results, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), runnerTemp };
}

/**
 * @param {string} folder
 * @returns {string} the commit checked out, or forty zeros outside a repository
 */
function gitHead(folder) {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '0000000000000000000000000000000000000000';
  }
}

/**
 * GITHUB_OUTPUT's two forms: `name=value`, and `name<<DELIMITER` … `DELIMITER`.
 * @param {string} file
 * @returns {Record<string, string>}
 */
function readOutputs(file) {
  /** @type {Record<string, string>} */
  const outputs = {};
  if (!existsSync(file)) return outputs;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = /** @type {string} */ (lines[index]);
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      // Both groups always take part in a match.
      const end = lines.indexOf(/** @type {string} */ (heredoc[2]), index + 1);
      outputs[/** @type {string} */ (heredoc[1])] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * Replace every `${{ expression }}` in a string with its value.
 * @param {string} text
 * @param {object} context
 * @returns {string}
 */
function interpolate(text, context) {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, /** @type {string} */ expression) => {
    const value = evaluate(expression, context, false);
    return value === null || value === undefined ? '' : String(value);
  });
}

const truthy = (/** @type {unknown} */ value) => value !== null && value !== undefined && value !== false && value !== '' && value !== 0;

/**
 * The part of GitHub's expression language composite actions use here: context paths
 * (inputs.working-directory, steps.scan.outputs.exit-code, github.event.pull_request.head.repo.full_name),
 * 'strings', numbers, true/false/null, == and != (strings compared ignoring case, as GitHub does),
 * !, && and ||, parentheses, and success() failure() always() cancelled().
 * @param {string} expression
 * @param {object} context the contexts by name (inputs, github, runner, steps, env)
 * @param {boolean} [failed] an earlier step failed
 * @returns {unknown}
 */
export function evaluate(expression, context, failed = false) {
  const tokens = [...expression.matchAll(/\s*('(?:[^']|'')*'|==|!=|&&|\|\||[!()]|[A-Za-z_][\w.-]*|\d+(?:\.\d+)?)/gy)].map((match) => match[1]);
  if (tokens.join('').replace(/\s/g, '') !== expression.replace(/\s/g, '')) throw new Error(`cannot read the expression: ${expression}`);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const expect = (/** @type {string} */ token) => {
    if (next() !== token) throw new Error(`expected ${token} in: ${expression}`);
  };
  const equal = (/** @type {unknown} */ a, /** @type {unknown} */ b) => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b || (a ?? '') === (b ?? ''));
  /** @returns {unknown} */
  const or = () => {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  /** @returns {unknown} */
  const and = () => {
    let value = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  /** @returns {unknown} */
  const comparison = () => {
    const left = unary();
    if (peek() === '==' || peek() === '!=') {
      const operator = next();
      const right = unary();
      return operator === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  /** @returns {unknown} */
  const unary = () => {
    if (peek() === '!') {
      next();
      return !truthy(unary());
    }
    return primary();
  };
  /** @returns {unknown} */
  const primary = () => {
    const token = next();
    if (token === undefined) throw new Error(`unexpected end of: ${expression}`);
    if (token === '(') {
      const value = or();
      expect(')');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      next();
      expect(')');
      const status = /** @type {Record<string, boolean>} */ ({ success: !failed, failure: failed, always: true, cancelled: false })[token];
      if (status === undefined) throw new Error(`the function ${token}() is not supported here`);
      return status;
    }
    /** @type {unknown} */
    let value = context;
    for (const key of token.split('.')) value = value === null || value === undefined ? undefined : /** @type {Record<string, unknown>} */ (value)[key];
    return value ?? null;
  };
  const value = or();
  if (position !== tokens.length) throw new Error(`cannot read the expression: ${expression}`);
  return value;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  /** @type {RunActionOptions & { inputs: Record<string, string> }} */
  const options = { inputs: {}, stdio: 'inherit' };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = () => {
      const given = args[++index];
      if (given === undefined) throw new Error(`${arg} needs a value`);
      return given;
    };
    if (arg === '--workspace') options.workspace = value();
    else if (arg === '--action-path') options.actionPath = value();
    else if (arg === '--event') options.event = value();
    else if (arg === '--fork') options.fork = true;
    else if (arg === '--input') {
      const pair = value();
      if (!pair.includes('=')) throw new Error(`--input takes NAME=VALUE; got ${pair}`);
      options.inputs[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('node scripts/run-action.mjs [--workspace DIR] [--action-path DIR] [--event NAME] [--fork] [--input NAME=VALUE ...]\n');
      process.exit(0);
    } else {
      process.stderr.write(`run-action: unknown argument ${arg}\n`);
      process.exit(2);
    }
  }
  const result = runAction(options);
  for (const step of result.steps) {
    const how = step.skipped ? 'skipped' : step.uses ? `not run (uses ${step.uses})` : `exit code ${step.status}`;
    process.stderr.write(`run-action: ${step.name}: ${how}\n`);
  }
  process.stderr.write(`run-action: outputs ${JSON.stringify(result.outputs)}; job summary in ${path.join(result.runnerTemp, 'github_step_summary.txt')}\n`);
  process.exit(result.status);
}
