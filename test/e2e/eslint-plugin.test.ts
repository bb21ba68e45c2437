// End to end, the way a user installs the plugin: `npm pack` this package, install the tarball with
// ESLint 10 and @typescript-eslint/parser into a fresh project (and with ESLint 9 into a second one:
// the peer range is ^9 || ^10),
// write an eslint.config.js that uses privlint.configs.recommended, and run `npx eslint .`.
// Needs the build (npm test runs it first) and the npm registry (or a warm npm cache).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const INSTALL_TIMEOUT_MS = 600_000;
const work = mkdtempSync(path.join(tmpdir(), 'privlint-e2e-'));
const project = path.join(work, 'app');
const project9 = path.join(work, 'app-eslint9');

/** The environment for child npm/npx: without the npm_* variables of an outer `npm test`. */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_'))),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CI: '1',
};

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `run`, without blocking: the two installs below mostly wait on npm, so they run at once. */
function runAsync(command: string, args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, timeout: INSTALL_TIMEOUT_MS, shell: process.platform === 'win32', stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

// getUniqueId is device.id, and device.android_id on Android (the catalog's `also`): both declared.
const MANIFEST = `version: 1
app:
  name: E2E app
categories:
  - id: device.id
    uses:
      - purposes: [fraud_prevention]
        basis: legitimate_interest
  - id: device.android_id
    uses:
      - purposes: [fraud_prevention]
        basis: legitimate_interest
`;

const BROKEN_MANIFEST = `version: 1
app:
  name: E2E app
categories:
  - id: device.id
    uses:
      - purposes: [fraud_prevention]
    colour: blue
`;

const APP = [
  `import DeviceInfo from 'react-native-device-info';`,
  ``,
  `// @privacy-purpose fraud_prevention`,
  `export const mac = DeviceInfo.getMacAddress();`,
  `export const id = DeviceInfo.getUniqueId();`,
  `// eslint-disable-next-line privlint/require-purpose -- reviewed in PRIV-1`,
  `export const sameId = DeviceInfo.getUniqueId();`,
  ``,
].join('\n');

const ESLINT_CONFIG = `import tsParser from '@typescript-eslint/parser';
import privlint from 'privlint/eslint-plugin';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  privlint.configs.recommended,
];
`;

beforeAll(async () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const plugin = pkg.exports['./eslint-plugin'].default;
  if (!existsSync(path.join(REPO_ROOT, plugin))) throw new Error(`${plugin} is missing: build first (npm run build; npm test does it)`);
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], REPO_ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = path.join(work, JSON.parse(packed.stdout)[0].filename);

  const projects = [[project, 'eslint@^10'], [project9, 'eslint@^9']] as const;
  await Promise.all(
    projects.map(async ([folder, eslint]) => {
      mkdirSync(path.join(folder, 'src'), { recursive: true });
      writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: path.basename(folder), version: '1.0.0', private: true, type: 'module' }, null, 2));
      const installed = await runAsync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', tarball, eslint, '@typescript-eslint/parser'], folder);
      if (installed.status !== 0) throw new Error(`npm install ${eslint} failed:\n${installed.stderr}`);
      writeFileSync(path.join(folder, 'eslint.config.js'), ESLINT_CONFIG);
      writeFileSync(path.join(folder, 'privacy-manifest.yaml'), MANIFEST);
      writeFileSync(path.join(folder, 'src/app.ts'), APP);
      writeFileSync(path.join(folder, 'src/math.ts'), `export const add = (a: number, b: number) => a + b;\n`);
    }),
  );
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** ESLint's stylish output, grouped by file: "src/app.ts" → ["4:20 error … privlint/rule", …]. */
function byFile(stdout: string, root = project): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(root)) {
      current = path.relative(root, line.trim()).split(path.sep).join('/');
      out[current] = [];
    } else if (current && /^\s+\d+:\d+\s/.test(line)) {
      out[current]!.push(line.trim().replace(/\s{2,}/g, '  '));
    } else if (line.trim() === '') {
      current = undefined;
    }
  }
  return out;
}

describe('privlint/eslint-plugin installed from the packed tarball', () => {
  it('is importable as privlint/eslint-plugin, with meta, rules and configs', () => {
    const script = `import p from 'privlint/eslint-plugin'; console.log(JSON.stringify({ meta: p.meta, rules: Object.keys(p.rules), configs: Object.keys(p.configs), same: p.configs['flat/recommended'] === p.configs.recommended }));`;
    const result = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const loaded = JSON.parse(result.stdout);
    expect(loaded.meta).toEqual({ name: 'privlint', version: expect.any(String), namespace: 'privlint' });
    expect(loaded.rules).toEqual(expect.arrayContaining(['require-purpose', 'declared-purpose', 'require-consent-check', 'no-undeclared-collection', 'no-undeclared-sdk']));
    expect(loaded.configs).toEqual(expect.arrayContaining(['recommended', 'flat/recommended', 'strict']));
    expect(loaded.same).toBe(true);
    expect(existsSync(path.join(project, 'node_modules/privlint/dist/rules/index.d.ts'))).toBe(true);
  });

  it('npx eslint . reports the undeclared collection and the unannotated site, and exits 1', () => {
    const result = run('npx', ['eslint', '.']);
    expect(result.stderr).not.toMatch(/error|\n\s+at /i);
    expect(result.status).toBe(1);
    const files = byFile(result.stdout);
    expect(Object.keys(files)).toEqual(['src/app.ts']);
    expect(files['src/app.ts']).toEqual([
      expect.stringMatching(/^4:20 {2}error {2}Collects device\.mac_address \(react-native-device-info#getMacAddress\), which the manifest does not declare\. Fix: .*privacy-manifest\.yaml.* {2}privlint\/no-undeclared-collection$/),
      expect.stringMatching(/^5:19 {2}warning {2}Collects device\.id \(react-native-device-info#getUniqueId\) without a declared purpose\..*fraud_prevention.* {2}privlint\/require-purpose$/),
    ]);
    expect(result.stdout).toContain('2 problems (1 error, 1 warning)');
  });

  it('a broken manifest is reported on the first line of each linted file, and nothing else', () => {
    writeFileSync(path.join(project, 'privacy-manifest.yaml'), BROKEN_MANIFEST);
    try {
      const result = run('npx', ['eslint', '.']);
      expect(result.status).toBe(1);
      const files = byFile(result.stdout);
      expect(Object.keys(files).sort()).toEqual(['eslint.config.js', 'src/app.ts', 'src/math.ts']);
      const setupError = expect.stringMatching(/^1:1 {2}error {2}privlint cannot check this file: privacy-manifest\.yaml: the manifest has 2 problems$/);
      expect(files['eslint.config.js']).toEqual([setupError]);
      expect(files['src/math.ts']).toEqual([setupError]);
      // Nothing is checked, so ESLint finds the eslint-disable comment unused (its default is to warn).
      expect(files['src/app.ts']).toEqual([setupError, expect.stringMatching(/^6:1 {2}warning {2}Unused eslint-disable directive/)]);
      // The problems follow on their own lines, with file:line:column.
      expect(result.stdout).toMatch(/^privacy-manifest\.yaml:7:9 {2}categories\[0\]\.uses\[0\]: missing required key "basis"$/m);
      expect(result.stdout).toMatch(/^privacy-manifest\.yaml:8:5 {2}categories\[0\]\.colour: unknown key "colour"/m);
    } finally {
      writeFileSync(path.join(project, 'privacy-manifest.yaml'), MANIFEST);
    }
  });
});

describe('with ESLint 9', () => {
  it('reports exactly what ESLint 10 reports', () => {
    const version = run('npx', ['eslint', '--version'], project9);
    expect(version.stdout.trim()).toMatch(/^v9\./);
    const nine = run('npx', ['eslint', '.'], project9);
    const ten = run('npx', ['eslint', '.']);
    expect(nine.status).toBe(1);
    expect(byFile(nine.stdout, project9)).toEqual(byFile(ten.stdout));
    expect(Object.keys(byFile(nine.stdout, project9))).toEqual(['src/app.ts']);
  });
});
