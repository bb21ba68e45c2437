import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { GIT_ENV, tempRepo } from './git-repo.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;

/** A wrapper in its own file: callers of deviceId() collect device.id through it. */
const WRAPPER = [IMPORT, 'export function deviceId() {', '  return DeviceInfo.getUniqueId();', '}', ''].join('\n');

/** A manifest that declares device.id for analytics with consent "analytics", so guards matter. */
const MANIFEST = [
  'version: 1',
  'app:',
  '  name: Test',
  'consents:',
  '  analytics:',
  '    mode: opt-in',
  'categories:',
  // getUniqueId is the Android ID on Android: both categories are collected.
  ...['device.id', 'device.android_id'].flatMap((id) => [`  - id: ${id}`, '    uses:', '      - purposes: [analytics]', '        basis: consent', '        consent: analytics']),
  '',
].join('\n');

async function scanJson(root: string, ...args: string[]) {
  const run = await runCli(['scan', '--format', 'json', '--fail-on', 'never', ...args], { cwd: root, env: GIT_ENV });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status).toBe(0);
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number; via?: { file: string }[] }[] };
  return { ...run, report, findings: report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`) };
}

describe('scan --staged', () => {
  it('reports a staged new file, not the committed files around it, and resolves a wrapper in an unchanged file', async () => {
    const repo = tempRepo({ 'src/device.ts': WRAPPER, 'src/old.ts': `${IMPORT}\nexport const old = DeviceInfo.getMacAddress();\n` });
    repo.commitAll('initial');
    repo.write('src/screen.ts', `import { deviceId } from './device';\n\nexport const id = deviceId();\n`);
    repo.git('add', 'src/screen.ts');
    const { findings, report, stderr } = await scanJson(repo.root, '--staged');
    expect(findings).toEqual(['require-purpose src/screen.ts:3']);
    // The collection happens in the unchanged wrapper; the finding at the call site says so.
    expect(report.findings[0]!.via?.map((step) => step.file)).toEqual(['src/device.ts']);
    expect(stderr).toMatch(/reporting findings on the lines of the staged changes \(1 changed file\)/);
    // The full scan still sees the committed finding.
    expect((await scanJson(repo.root)).findings).toEqual(['require-purpose src/old.ts:2', 'require-purpose src/screen.ts:3']);
  });

  it('analyses the staged version of a partially staged file, with its line numbers', async () => {
    const repo = tempRepo({ 'src/a.ts': `${IMPORT}\n\nexport function load() {\n  return 1;\n}\n` });
    repo.commitAll('initial');
    const staged = `${IMPORT}\n\nexport function load() {\n  const id = DeviceInfo.getUniqueId();\n  return id;\n}\n`;
    repo.write('src/a.ts', staged);
    repo.git('add', 'src/a.ts');
    // Unstaged edits on top: a line pushes everything down, another collection is added.
    repo.write('src/a.ts', `// unstaged header\n${staged}export const mac = DeviceInfo.getMacAddress();\n`);
    const { findings } = await scanJson(repo.root, '--staged');
    expect(findings).toEqual(['require-purpose src/a.ts:4']);
    // Without --staged the working tree is what counts.
    expect((await scanJson(repo.root)).findings).toEqual(['require-purpose src/a.ts:5', 'require-purpose src/a.ts:8']);
  });

  it('does not let an unstaged consent guard hide a staged collection', async () => {
    const guarded = [
      IMPORT,
      `import { hasConsent } from './consent';`,
      'export async function load() {',
      `  if (!(await hasConsent('analytics'))) return;`,
      '  // @privacy-purpose analytics',
      '  return DeviceInfo.getUniqueId();',
      '}',
      '',
    ].join('\n');
    const unguarded = guarded.replace(`  if (!(await hasConsent('analytics'))) return;\n`, '');
    const repo = tempRepo({
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
      'src/consent.ts': 'export async function hasConsent(key: string) { return key.length > 0; }\n',
      'src/a.ts': 'export const nothing = 1;\n',
    });
    repo.commitAll('initial');
    repo.write('src/a.ts', unguarded);
    repo.git('add', 'src/a.ts');
    repo.write('src/a.ts', guarded);
    expect((await scanJson(repo.root, '--staged')).findings).toEqual(['require-consent-check src/a.ts:5']);
    expect((await scanJson(repo.root)).findings).toEqual([]);
  });

  it('reports only the changed lines of a renamed file', async () => {
    const before = `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\n`;
    const repo = tempRepo({ 'src/old-name.ts': before });
    repo.commitAll('initial');
    repo.git('mv', 'src/old-name.ts', 'src/new-name.ts');
    repo.write('src/new-name.ts', `${before}export const mac = DeviceInfo.getMacAddress();\n`);
    repo.git('add', 'src/new-name.ts');
    expect((await scanJson(repo.root, '--staged')).findings).toEqual(['require-purpose src/new-name.ts:3']);
  });

  it('does not report a finding on an unchanged line of a changed file', async () => {
    const repo = tempRepo({ 'src/a.ts': `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\nexport const two = 2;\n` });
    repo.commitAll('initial');
    repo.write('src/a.ts', `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\nexport const two = 3;\n`);
    repo.git('add', 'src/a.ts');
    const { findings, report } = await scanJson(repo.root, '--staged');
    expect(findings).toEqual([]);
    expect(report).toMatchObject({ inventory: { collections: [] } });
  });

  it('works before the first commit: everything staged is new', async () => {
    const repo = tempRepo({ 'src/a.ts': `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\n`, 'src/b.ts': `${IMPORT}\nexport const mac = DeviceInfo.getMacAddress();\n` });
    repo.git('add', 'src/a.ts');
    // b.ts is not staged, so it is not part of what would be committed.
    const { findings, report } = await scanJson(repo.root, '--staged');
    expect(findings).toEqual(['require-purpose src/a.ts:2']);
    expect(new Set((report as unknown as { inventory: { collections: { file: string }[] } }).inventory.collections.map((site) => site.file))).toEqual(new Set(['src/a.ts']));
  });

  it('still analyses a staged file deleted from the working tree', async () => {
    const repo = tempRepo({ 'src/device.ts': WRAPPER });
    repo.commitAll('initial');
    repo.write('src/screen.ts', `import { deviceId } from './device';\nexport const id = deviceId();\n`);
    repo.git('add', 'src/screen.ts');
    repo.remove('src/device.ts'); // deleted on disk, the deletion not staged: the commit keeps it
    expect((await scanJson(repo.root, '--staged')).findings).toEqual(['require-purpose src/screen.ts:2']);
  });

  it('turns the cache on and leaves stale baseline entries out', async () => {
    const repo = tempRepo({ 'src/a.ts': `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\n` });
    repo.commitAll('initial');
    expect((await runCli(['baseline', '--no-cache'], { cwd: repo.root, env: GIT_ENV })).status).toBe(0);
    repo.write('src/a.ts', `${IMPORT}\nexport const other = 1;\n`); // fixes the baselined finding
    repo.write('src/b.ts', `${IMPORT}\nexport const mac = DeviceInfo.getMacAddress();\n`);
    repo.git('add', '--all');
    const { report, findings } = await scanJson(repo.root, '--staged', '--baseline', '.privlint-baseline.json');
    expect(findings).toEqual(['require-purpose src/b.ts:2']);
    expect(report).toMatchObject({ baseline: { accepted: 0, stale: [] } });
    expect(existsSync(path.join(repo.root, '.privlint-cache'))).toBe(true);
    const full = await scanJson(repo.root, '--baseline', '.privlint-baseline.json');
    expect(full.report).toMatchObject({ baseline: { stale: [{ ruleId: 'require-purpose', file: 'src/a.ts' }] } });
  });

  it('fails on a staged finding with exit code 1, and passes when nothing staged has one', async () => {
    const repo = tempRepo({ 'src/a.ts': `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\n` });
    repo.commitAll('initial');
    repo.write('src/b.ts', 'export const b = 1;\n');
    repo.git('add', 'src/b.ts');
    expect((await runCli(['scan', '--staged', '--fail-on', 'warning'], { cwd: repo.root, env: GIT_ENV })).status).toBe(0);
    repo.write('src/c.ts', `${IMPORT}\nexport const mac = DeviceInfo.getMacAddress();\n`);
    repo.git('add', 'src/c.ts');
    const failing = await runCli(['scan', '--staged', '--fail-on', 'warning'], { cwd: repo.root, env: GIT_ENV });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/src\/c\.ts:2:\d+ {2}warning/);
    expect(failing.stdout).not.toMatch(/src\/a\.ts/);
  });

  it('reports every finding when the staged change touches the manifest or the config: the policy every line is checked against changed', async () => {
    const repo = tempRepo({
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': '{}\n',
      'README.md': 'An app.\n',
      'src/a.ts': `${IMPORT}\n// @privacy-purpose analytics\nexport const id = DeviceInfo.getUniqueId();\n`,
    });
    repo.commitAll('initial');
    const undeclared = (findings: string[]) => findings.filter((finding) => finding.startsWith('no-undeclared-collection'));
    // Another file changes: the unchanged src/a.ts is not reported.
    repo.write('README.md', 'An app, with a README.\n');
    repo.git('add', 'README.md');
    expect((await scanJson(repo.root, '--staged')).findings).toEqual([]);
    // The manifest stops declaring what src/a.ts collects: that is this commit's doing.
    repo.write('privacy-manifest.yaml', `${MANIFEST.slice(0, MANIFEST.indexOf('categories:'))}categories: []\n`);
    repo.git('add', 'privacy-manifest.yaml');
    const manifestChange = await scanJson(repo.root, '--staged');
    // device.id and device.android_id (getUniqueId on Android): one finding at the place, listing both.
    expect(undeclared(manifestChange.findings)).toEqual(['no-undeclared-collection src/a.ts:3']);
    expect(manifestChange.stderr).toContain('privlint: the staged changes change privacy-manifest.yaml: reporting every finding (2 changed files)\n');
    // So does a config change (here: the rule turned back on at its default).
    repo.git('reset', '--quiet', '--', 'privacy-manifest.yaml');
    repo.git('checkout', '--', 'privacy-manifest.yaml');
    repo.write('privlint.config.json', '{ "rules": { "require-purpose": "warning" } }\n');
    repo.git('add', 'privlint.config.json');
    const configChange = await scanJson(repo.root, '--staged');
    expect(configChange.stderr).toContain('privlint: the staged changes change privlint.config.json: reporting every finding (2 changed files)\n');
    expect(configChange.findings).toEqual((await scanJson(repo.root)).findings.filter((finding) => !finding.startsWith('no-undeclared-collection')));
    expect(configChange.findings.length).toBeGreaterThan(0);
  });
});

describe('scan --changed-since', () => {
  it('reports what a branch changed since its merge base, not what the other branch did since', async () => {
    const repo = tempRepo({ 'src/device.ts': WRAPPER, 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' });
    repo.commitAll('initial');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write('src/a.ts', `import { deviceId } from './device';\nexport const a = 1;\nexport const id = deviceId();\n`);
    repo.commitAll('feature work');
    repo.git('checkout', '--quiet', 'main');
    repo.write('src/b.ts', `${IMPORT}\nexport const b = DeviceInfo.getMacAddress();\n`);
    repo.commitAll('main moves on');
    repo.git('checkout', '--quiet', 'feature');
    repo.git('merge', '--quiet', '--no-edit', 'main');
    // An uncommitted, untracked file counts as changed too.
    repo.write('src/new.ts', `${IMPORT}\nexport const serial = DeviceInfo.getSerialNumber();\n`);
    const { findings, stderr } = await scanJson(repo.root, '--changed-since', 'main');
    expect(findings).toEqual(['require-purpose src/a.ts:3', 'require-purpose src/new.ts:2']);
    expect(stderr).toMatch(/changes since main \(merge base [0-9a-f]{8}\) \(2 changed files\)/);
  });

  it('explains an unknown ref with exit code 2', async () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    repo.commitAll('initial');
    const run = await runCli(['scan', '--changed-since', 'origin/nope'], { cwd: repo.root, env: GIT_ENV });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--changed-since: unknown git ref "origin\/nope".*fetch-depth: 0/s);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses --staged together with --changed-since', async () => {
    const repo = tempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const run = await runCli(['scan', '--staged', '--changed-since', 'main'], { cwd: repo.root, env: GIT_ENV });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--staged and --changed-since contradict each other/);
  });
});

describe('outside a git repository', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'privlint-no-git-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(path.join(folder, 'a.ts'), `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\n`);

  for (const flags of [['--staged'], ['--changed-since', 'main']]) {
    it(`${flags[0]} fails with a clear message and exit code 2`, async () => {
      // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
      const run = await runCli(['scan', ...flags], { cwd: folder, env: { ...GIT_ENV, GIT_CEILING_DIRECTORIES: path.dirname(folder) } });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${flags[0]} needs a git repository, and .* is not inside one`));
      expect(run.stderr).not.toMatch(STACK_TRACE);
    });
  }
});
