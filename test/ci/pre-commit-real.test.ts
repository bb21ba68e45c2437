// The pre-commit hook as users get it: the real pre-commit (Debian's package, 3.0.4 on bookworm)
// runs `pre-commit try-repo <clone of privlint> privlint` in a project with staged changes. It
// installs the hook the way it installs every node hook — npm install in the clone, npm pack (whose
// output it reads as the tarball's name), npm install -g of the tarball into its own environment —
// then runs privlint scan --staged. That install is done once for the whole file (it needs the npm
// registry, or npm's cache, for privlint's dependencies).
// Without pre-commit the test is skipped, unless PRIVLINT_REQUIRE_PRE_COMMIT=1 (.ci/run sets it).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, snapshotRepository } from '../helpers/repo-snapshot.js';
import { GIT_ENV, tempRepo, type TempRepo } from './git-repo.js';

const PRE_COMMIT = process.env.PRIVLINT_PRE_COMMIT ?? 'pre-commit';
const probe = spawnSync(PRE_COMMIT, ['--version'], { encoding: 'utf8' });
const available = probe.status === 0;
const required = process.env.PRIVLINT_REQUIRE_PRE_COMMIT === '1';
const INSTALL_TIMEOUT = 300_000;

if (!available) {
  const why = `${PRE_COMMIT} is not installed (Debian: apt-get install pre-commit)`;
  if (required) {
    describe('the pre-commit hook under the real pre-commit', () => {
      it('needs pre-commit, because PRIVLINT_REQUIRE_PRE_COMMIT=1', () => {
        throw new Error(`${why}; .ci/run installs it`);
      });
    });
  } else {
    console.warn(`Skipping test/ci/pre-commit-real.test.ts: ${why}. Set PRIVLINT_REQUIRE_PRE_COMMIT=1 to make this a failure.`);
  }
}

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
const MANIFEST = [
  'version: 1',
  'app:',
  '  name: Hook test',
  'categories:',
  '  - id: device.info',
  '    uses:',
  '      - purposes: [diagnostics]',
  '        basis: legitimate_interest',
  '',
].join('\n');
interface PreCommitRun {
  status: number | null;
  output: string;
}
/** pre-commit's own failure (a hook that could not be installed), as opposed to a hook that failed. */
const UNEXPECTED = /An unexpected error has occurred|CalledProcessError/;
const FIXED = `export const id = () => 'anonymous';\n`;
/** Collects a device identifier the manifest does not declare. */
const COLLECTS = `${IMPORT}\n// @privacy-purpose analytics\nexport const id = () => DeviceInfo.getUniqueId();\n`;

describe.runIf(available)(`the pre-commit hook under the real pre-commit (${probe.stdout?.trim()})`, () => {
  let temp: string;
  let clone: string;
  /** Where try-repo runs, with a violation staged; and a copy where the violation was fixed before staging again. */
  let tried: TempRepo;
  let fixed: TempRepo;
  /** A project with docs/ci.md's .pre-commit-config.yaml (this clone for https://github.com/privlint/privlint). */
  let configured: TempRepo;
  let tryRepo: PreCommitRun;
  let tryRepoFixed: PreCommitRun;
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  const env = () =>
    childEnv({
      ...GIT_ENV,
      // A store of this file's own, so the configured hook is installed from this clone (try-repo makes a new one each time).
      PRE_COMMIT_HOME: path.join(temp, 'pre-commit-home'),
      // npm's cache answers for privlint's dependencies when it has them (the installs, not the registry, are under test).
      npm_config_prefer_offline: 'true',
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
    });
  /** pre-commit in a project, on what is staged there. */
  const preCommit = (repo: TempRepo, ...args: string[]) =>
    new Promise<PreCommitRun>((resolve, reject) => {
      const child = spawn(PRE_COMMIT, [...args, '--color', 'never'], { cwd: repo.root, env: env(), timeout: INSTALL_TIMEOUT });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, output }));
    });

  beforeAll(async () => {
    temp = mkdtempSync(path.join(tmpdir(), 'privlint-pre-commit-'));
    clone = snapshotRepository(path.join(temp, 'privlint'), { commit: true });
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();
    const files = { 'privacy-manifest.yaml': MANIFEST, 'src/app.ts': 'export const app = 1;\n', 'README.md': 'An app.\n' };
    tried = tempRepo(files);
    fixed = tempRepo(files);
    for (const repo of [tried, fixed]) {
      repo.commitAll('initial');
      repo.write('src/track.ts', COLLECTS);
      repo.git('add', 'src/track.ts');
    }
    fixed.write('src/track.ts', FIXED);
    fixed.git('add', 'src/track.ts');
    configured = tempRepo({ ...files, '.pre-commit-config.yaml': `repos:\n  - repo: ${clone}\n    rev: ${rev}\n    hooks:\n      - id: privlint\n` });
    configured.commitAll('initial');
    // The installs (each: npm install, npm pack, npm install -g; try-repo installs every time) at
    // once: they mostly wait on npm.
    const installed = preCommit(configured, 'install-hooks');
    [tryRepo, tryRepoFixed] = await Promise.all([preCommit(tried, 'try-repo', clone, 'privlint'), preCommit(fixed, 'try-repo', clone, 'privlint')]);
    const install = await installed;
    expect(install.output).not.toMatch(UNEXPECTED);
    expect(install.status).toBe(0);
  }, INSTALL_TIMEOUT);

  it('try-repo installs the hook from a clone and fails a commit that stages a violation, showing privlint\'s message', () => {
    expect(tryRepo.output).not.toMatch(UNEXPECTED);
    expect(tryRepo.output).toMatch(/^privlint\.+Failed$/m);
    expect(tryRepo.output).toMatch(/^- exit code: 1$/m);
    expect(tryRepo.output).toMatch(/src\/track\.ts:3:\d+ {2}error {2}Collects .*, which the manifest does not declare\. {2}privlint\/no-undeclared-collection\n {4}Fix: declare .* in privacy-manifest\.yaml/);
    expect(tryRepo.output).toContain('privlint: reporting findings on the lines of the staged changes (1 changed file)');
    expect(tryRepo.status).toBe(1);
  });

  it('try-repo passes once the violation is fixed', () => {
    expect(tryRepoFixed.output).not.toMatch(UNEXPECTED);
    expect(tryRepoFixed.output).toMatch(/^privlint\.+Passed$/m);
    expect(tryRepoFixed.status).toBe(0);
  });

  it('as .pre-commit-config.yaml configures it: fails on the violation, passes once it is fixed', async () => {
    configured.write('src/track.ts', COLLECTS);
    configured.git('add', 'src/track.ts');
    const failing = await preCommit(configured, 'run');
    expect(failing.output).toMatch(/^privlint\.+Failed$/m);
    expect(failing.output).toMatch(/src\/track\.ts:3:\d+ {2}error {2}Collects .*privlint\/no-undeclared-collection/);
    expect(failing.status).toBe(1);
    configured.write('src/track.ts', FIXED);
    configured.git('add', 'src/track.ts');
    const fixed = await preCommit(configured, 'run');
    expect(fixed.output).toMatch(/^privlint\.+Passed$/m);
    expect(fixed.status).toBe(0);
  });

  it('is skipped when nothing it checks is staged', async () => {
    configured.git('commit', '--quiet', '--message', 'fixed');
    configured.write('README.md', 'An app, with more words.\n');
    configured.git('add', 'README.md');
    const run = await preCommit(configured, 'run');
    expect(run.output).toMatch(/^privlint\.+\(no files to check\)Skipped$/m);
    expect(run.status).toBe(0);
  });

  it('runs when only the manifest changes: every finding is reported, and a broken manifest fails', async () => {
    // Code that collects what the manifest does not declare, committed without the hook.
    configured.write('src/track.ts', COLLECTS);
    configured.commitAll('collect, without the hook');
    configured.write('privacy-manifest.yaml', `${MANIFEST}# reviewed\n`);
    configured.git('add', 'privacy-manifest.yaml');
    const changed = await preCommit(configured, 'run');
    expect(changed.output).toContain('privlint: the staged changes change privacy-manifest.yaml: reporting every finding (1 changed file)');
    expect(changed.output).toMatch(/src\/track\.ts:3:\d+ {2}error {2}Collects .*privlint\/no-undeclared-collection/);
    expect(changed.status).toBe(1);

    configured.write('privacy-manifest.yaml', MANIFEST.replace('version: 1', 'version: 7'));
    configured.git('add', 'privacy-manifest.yaml');
    const broken = await preCommit(configured, 'run');
    expect(broken.output).toMatch(/^- exit code: 2$/m);
    expect(broken.output).toMatch(/privacy-manifest\.yaml:1:\d+ {2}version: /);
    expect(broken.status).toBe(1);
  });
});
