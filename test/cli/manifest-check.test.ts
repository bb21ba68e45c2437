// `privlint manifest check`, `--help` and `--version`, run through the built binary as a user runs
// them: exit codes, what lands on stdout and stderr, and never a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/util/paths.js';
import { REPO_ROOT, runCli, STACK_TRACE, type CliRun } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const scratch = mkdtempSync(path.join(tmpdir(), 'privlint-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A user mistake: exit 2, one clear message on stderr, nothing on stdout, no stack trace. */
function expectUserError(result: CliRun, message: string | RegExp) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(typeof message === 'string' ? message : message);
  expect(result.stderr).toMatch(/^privlint: /);
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).not.toContain('internal error');
}

describe('privlint manifest check', () => {
  it('accepts the reference manifest: exit 0 and a one-line summary on stdout', async () => {
    const result = await runCli(['manifest', 'check', 'fixtures/policies/xiaomi.yaml']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✓ fixtures/policies/xiaomi.yaml is a valid privacy manifest (27 categories, 5 recipients, 8 consent keys, 3 residency rules).\n');
  });

  it('finds privacy-manifest.yaml by walking up from the working folder when no FILE is given', async () => {
    const result = await runCli(['manifest', 'check'], { cwd: path.join(REPO_ROOT, 'fixtures/apps/rn-shop/src') });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✓ \.\.\/privacy-manifest\.yaml is a valid privacy manifest \(\d+ categories/);
  });

  it('rejects an invalid manifest: exit 2, every problem as file:line:column  path: message, no stack trace', async () => {
    const result = await runCli(['manifest', 'check', 'fixtures/manifests/invalid/unknown-category.yaml']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'privlint: fixtures/manifests/invalid/unknown-category.yaml: the manifest has 1 problem\n' +
        '  fixtures/manifests/invalid/unknown-category.yaml:6:9  categories[0].id: unknown data category "device.imie"; did you mean "device.imei"?\n',
    );
  });

  it('lists several problems one per line, sorted by position', async () => {
    const file = path.join(scratch, 'several.yaml');
    writeFileSync(
      file,
      ['version: 1', 'app:', '  name: Demo', 'categories:', '  - id: device.imie', '    uses:', '      - purposes: [analytcs]', '        basis: consent', 'recipents: []', ''].join('\n'),
    );
    const result = await runCli(['manifest', 'check', file]);
    const shown = displayPath(file, REPO_ROOT); // how messages name it from the working folder
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`privlint: ${shown}: the manifest has 3 problems`);
    expect(lines.slice(1)).toEqual([
      `  ${shown}:5:9  categories[0].id: unknown data category "device.imie"; did you mean "device.imei"?`,
      `  ${shown}:7:20  categories[0].uses[0].purposes[0]: unknown purpose "analytcs"; did you mean "analytics"?`,
      `  ${shown}:9:1  recipents: unknown key "recipents"; did you mean "recipients"?`,
    ]);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('reports a YAML syntax error with its position', async () => {
    const result = await runCli(['manifest', 'check', 'fixtures/manifests/invalid/yaml-syntax.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ {2}fixtures\/manifests\/invalid\/yaml-syntax\.yaml:9:9 {2}YAML syntax error: /m);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('a missing file is one clear line, exit 2', async () => {
    const result = await runCli(['manifest', 'check', 'no-such-manifest.yaml']);
    expectUserError(result, 'privlint: no-such-manifest.yaml: no such manifest file; check the path.\n');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a folder, an empty file and a binary file are each one clear line, exit 2', async () => {
    expectUserError(await runCli(['manifest', 'check', 'fixtures']), 'privlint: fixtures: is a directory, not a manifest file; pass the path of the file itself.\n');
    const empty = path.join(scratch, 'empty.yaml');
    writeFileSync(empty, '');
    expectUserError(await runCli(['manifest', 'check', empty]), /the manifest file is empty/);
    const binary = path.join(scratch, 'binary.yaml');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe]));
    expectUserError(await runCli(['manifest', 'check', binary]), /looks like a binary file/);
  });

  it('without FILE and with no manifest upwards, it says how to pass one (exit 2)', async () => {
    const result = await runCli(['manifest', 'check'], { cwd: scratch });
    expectUserError(result, 'no privacy-manifest.yaml found in this folder or its parents; pass the file: privlint manifest check FILE');
  });

  it('usage mistakes: two files, an unknown option, a misspelt subcommand (exit 2)', async () => {
    expectUserError(await runCli(['manifest', 'check', 'a.yaml', 'b.yaml']), 'manifest check takes one FILE');
    expectUserError(await runCli(['manifest', 'check', '--strict']), 'unknown option --strict\nusage: privlint manifest check [FILE]\n');
    expectUserError(await runCli(['manifest', 'chek']), 'unknown command "manifest chek"; did you mean "check"?');
  });

  it('--help prints the usage and exit codes on stdout, exit 0', async () => {
    const result = await runCli(['manifest', 'check', '--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('privlint manifest check — Validate a policy manifest and explain every problem');
    expect(result.stdout).toContain('Usage: privlint manifest check [FILE]');
    expect(result.stdout).toContain('Exit codes: 0 the manifest is valid, 2 it is not');
    expect((await runCli(['manifest', 'check', '-h'])).stdout).toBe(result.stdout);
  });
});

describe('privlint --help and --version', () => {
  it('--version prints the package version, exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${pkg.version}\n`);
      expect(result.stderr).toBe('');
    }
  });

  it('--help lists every command with its summary, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^privlint ${pkg.version.replace(/\./g, '\\.')} — `));
    for (const command of ['scan', 'baseline', 'merge', 'manifest check', 'report', 'init', 'export apple-privacy-manifest', 'export play-data-safety']) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
    }
    expect(result.stdout).toContain('Exit codes: 0 success, 1 when findings are at or above --fail-on, 2 usage, config or manifest error.');
    expect((await runCli(['-h'])).stdout).toBe(result.stdout);
  });

  it('with no command, it prints the help and exits 2 (a usage mistake)', async () => {
    const result = await runCli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe((await runCli(['--help'])).stdout);
  });

  it('an unknown command suggests the closest one, exit 2', async () => {
    expectUserError(await runCli(['sacn']), 'privlint: unknown command "sacn"; did you mean "scan"?; run privlint --help for the list\n');
  });
});
