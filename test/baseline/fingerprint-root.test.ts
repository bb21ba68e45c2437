import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';
import { GIT_ENV, tempRepo } from '../ci/git-repo.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
const SOURCE = `${IMPORT}\nexport const id = DeviceInfo.getUniqueId();\n`;
const MANIFEST = 'version: 1\napp:\n  name: Test\ncategories: []\n';

const fingerprints = (cwd: string, ...paths: string[]) => scan({ cwd, paths }).findings.map((finding) => finding.fingerprint);

describe('fingerprints do not depend on the folder scanned', () => {
  it('in a git repository: a baseline made at the top matches a scan of a subfolder', async () => {
    const repo = tempRepo({ 'src/a.ts': SOURCE, 'lib/b.ts': SOURCE });
    expect((await runCli(['baseline'], { cwd: repo.root, env: GIT_ENV })).status).toBe(0);
    const sub = await runCli(['scan', 'src', '--baseline', '.privlint-baseline.json', '--format', 'json', '--fail-on', 'never'], { cwd: repo.root, env: GIT_ENV });
    const report = JSON.parse(sub.stdout);
    expect(report.findings).toEqual([]);
    expect(report.baseline.accepted).toBe(1);
    // From inside the subfolder too.
    const inside = await runCli(['scan', '--baseline', '../.privlint-baseline.json', '--format', 'json', '--fail-on', 'never'], { cwd: path.join(repo.root, 'src'), env: GIT_ENV });
    expect(JSON.parse(inside.stdout).baseline.accepted).toBe(1);
  });

  it('outside git: paths are relative to the folder of the manifest (or config)', () => {
    const root = writeProject({ 'privacy-manifest.yaml': MANIFEST, 'src/a.ts': SOURCE });
    expect(fingerprints(root, 'src')).toEqual(fingerprints(root, '.'));
    expect(fingerprints(path.join(root, 'src'))).toEqual(fingerprints(root));
  });

  it('still tell the same line in two files apart', () => {
    const root = writeProject({ 'privacy-manifest.yaml': MANIFEST, 'src/a.ts': SOURCE, 'src/b.ts': SOURCE });
    const [a, b] = scan({ cwd: root }).findings.filter((finding) => finding.ruleId === 'no-undeclared-collection');
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });
});

describe('occurrences count within the enclosing function', () => {
  const body = (name: string) => [`export function ${name}() {`, '  return DeviceInfo.getUniqueId();', '}'];

  it('a copy of a line added in another function above does not change the fingerprint below', () => {
    const root = writeProject({ 'src/a.ts': [IMPORT, ...body('second'), ''].join('\n') });
    const [before] = scan({ cwd: root }).findings;
    writeFileSync(path.join(root, 'src/a.ts'), [IMPORT, ...body('first'), ...body('second'), ''].join('\n'));
    const after = scan({ cwd: root }).findings;
    expect(after).toHaveLength(2);
    expect(after[1]!.line).toBe(before!.line + 3);
    expect(after[1]!.fingerprint).toBe(before!.fingerprint);
    expect(after[0]!.fingerprint).not.toBe(before!.fingerprint);
  });

  it('identical lines in the same function still get different fingerprints', () => {
    const root = writeProject({ 'src/a.ts': [IMPORT, 'export function both() {', '  DeviceInfo.getUniqueId();', '  DeviceInfo.getUniqueId();', '}', ''].join('\n') });
    const [first, second] = scan({ cwd: root }).findings;
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });

  it('functions of the same name in different classes are different scopes', () => {
    const klass = (name: string) => [`export class ${name} {`, '  id() {', '    return DeviceInfo.getUniqueId();', '  }', '}'];
    const root = writeProject({ 'src/a.ts': [IMPORT, ...klass('B'), ''].join('\n') });
    const [before] = scan({ cwd: root }).findings;
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src/a.ts'), [IMPORT, ...klass('A'), ...klass('B'), ''].join('\n'));
    const after = scan({ cwd: root }).findings;
    expect(after.map((finding) => finding.fingerprint)).toContain(before!.fingerprint);
    expect(new Set(after.map((finding) => finding.fingerprint)).size).toBe(2);
  });
});
