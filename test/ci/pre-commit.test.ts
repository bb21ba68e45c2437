import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_FILE_NAMES } from '../../src/config/load.js';
import { MANIFEST_FILE_NAMES } from '../../src/manifest/load.js';
import { SOURCE_EXTENSIONS } from '../../src/project/discover.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { GIT_ENV, tempRepo } from './git-repo.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  require_serial: boolean;
  files: string;
  minimum_pre_commit_version: string;
}

const [HOOK, ...others] = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const PACKAGE = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('.pre-commit-hooks.yaml', () => {
  it('declares one node hook that runs privlint scan --staged once, on its own', () => {
    expect(others).toEqual([]);
    expect(HOOK).toMatchObject({ id: 'privlint', language: 'node', entry: 'privlint scan --staged', pass_filenames: false, require_serial: true });
    // The entry's command is the package's binary, which pre-commit puts on PATH after npm install -g.
    expect(Object.keys(PACKAGE.bin)).toContain(HOOK!.entry.split(' ')[0]);
  });

  it('runs for every extension privlint analyses, and when the manifest or the config changes, and for nothing else', () => {
    const files = new RegExp(HOOK!.files);
    for (const extension of SOURCE_EXTENSIONS) expect(`src/App.${extension}`).toMatch(files);
    for (const name of [...MANIFEST_FILE_NAMES, ...CONFIG_FILE_NAMES]) {
      expect(name).toMatch(files);
      expect(`apps/mobile/${name}`).toMatch(files);
    }
    for (const other of ['README.md', 'docs/privacy-manifest.yaml.md', 'my-privacy-manifest.yaml', 'src/styles.css', 'src/app.tsx.snap', '.privlint-baseline.json']) expect(other).not.toMatch(files);
  });

  it('declares the oldest pre-commit it works with (Debian bookworm has 3.0.4)', () => {
    expect(HOOK!.minimum_pre_commit_version).toBe('3.0.0');
  });

  it('can be installed the way pre-commit installs node hooks: npm pack builds dist/ (prepack), the package ships it, and nothing runs on install', () => {
    expect(PACKAGE.scripts.prepack).toBe('node scripts/build.mjs');
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(PACKAGE.scripts, script).not.toHaveProperty(script);
    expect(PACKAGE.files).toContain('dist/src');
    expect(PACKAGE.bin.privlint).toMatch(/^dist\/src\//);
    // pre-commit installs the file whose name npm pack prints: the prepack script must not print there.
    expect(readFileSync(path.join(REPO_ROOT, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
  });

  it('fails a commit that stages a finding, with only the staged lines reported', async () => {
    const repo = tempRepo({ 'src/old.ts': `import DeviceInfo from 'react-native-device-info';\nexport const old = DeviceInfo.getUniqueId();\n` });
    repo.commitAll('initial');
    repo.write('src/new.ts', `import DeviceInfo from 'react-native-device-info';\nexport const mac = DeviceInfo.getMacAddress();\n`);
    repo.git('add', 'src/new.ts');
    const run = await runCli([...HOOK!.entry.split(' ').slice(1), '--fail-on', 'warning'], { cwd: repo.root, env: GIT_ENV });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/src\/new\.ts:2:\d+ {2}warning/);
    expect(run.stdout).not.toContain('src/old.ts');
  });
});
