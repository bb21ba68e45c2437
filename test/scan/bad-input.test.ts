import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { scanProject, writeProject } from '../helpers/temp-project.js';

const DEVICE_INFO = `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getAndroidId();\n`;

describe('scan on bad input', () => {
  it('reports a file with a syntax error in diagnostics and scans the rest', () => {
    const result = scanProject({ 'src/broken.ts': 'export const = ;\nfunction (\n', 'src/ok.ts': DEVICE_INFO });
    expect(result.inventory.collections.map((site) => site.file)).toEqual(['src/ok.ts']);
    expect(result.inventory.diagnostics).toHaveLength(1);
    const [diagnostic] = result.inventory.diagnostics;
    expect(diagnostic).toMatchObject({ file: 'src/broken.ts', line: 1, severity: 'warning' });
    expect(diagnostic!.message).toMatch(/cannot parse this file: .+; it was not analysed/);
  });

  it('prints the parse problem as a warning in text output with file:line:column, and exits by the findings', async () => {
    const root = writeProject({ 'src/broken.ts': 'const x = {;\n', 'src/ok.ts': 'export const y = 1;\n' });
    const { status, stdout, stderr } = await runCli(['scan', root]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/src\/broken\.ts:1:\d+ +warning +cannot parse this file/);
    // The summary does not claim a clean scan when a file could not be analysed.
    expect(stdout).toMatch(/! No privacy findings in what could be analysed \(2 files scanned \(1 with a warning above\)/);
    expect(stderr).toBe('');
  });

  it('skips binary, minified, oversized and non-UTF-8 files with a note, and none crashes', async () => {
    const root = writeProject({ 'src/ok.ts': DEVICE_INFO });
    writeFileSync(path.join(root, 'src/blob.js'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
    writeFileSync(path.join(root, 'src/bundle.js'), `var a=${'1+'.repeat(6000)}1;\n`);
    writeFileSync(path.join(root, 'src/huge.ts'), `// ${'x'.repeat(80)}\n`.repeat(14000));
    writeFileSync(path.join(root, 'src/latin1.ts'), Buffer.from('// caf\xe9\nexport const z = 1;\n', 'latin1'));
    const { status, stdout } = await runCli(['scan', root, '--format', 'json']);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    const byFile = Object.fromEntries(report.diagnostics.map((diagnostic: { file: string; message: string }) => [diagnostic.file, diagnostic.message]));
    expect(byFile['src/blob.js']).toMatch(/binary/);
    expect(byFile['src/bundle.js']).toMatch(/minified/);
    expect(byFile['src/huge.ts']).toMatch(/larger than 1 MB/);
    expect(byFile['src/latin1.ts']).toMatch(/not valid UTF-8/);
    expect(report.inventory.collections).toHaveLength(1);
  });

  it('exits 2 with one clear line for a missing path', async () => {
    const { status, stderr } = await runCli(['scan', 'no/such/folder']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^privlint: no\/such\/folder: no such file or folder/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 2 for an empty folder, saying there is nothing to scan', async () => {
    const root = writeProject({ 'README.md': '# empty\n' });
    const { status, stderr } = await runCli(['scan', root]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/no JavaScript or TypeScript files to scan/);
  });

  it('survives a symlink loop inside the project and refuses one given as the path', async () => {
    const root = writeProject({ 'src/ok.ts': DEVICE_INFO });
    symlinkSync(path.join(root, 'src'), path.join(root, 'src/loop'));
    symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
    const inside = await runCli(['scan', path.join(root, 'src'), '--format', 'json']);
    expect(inside.status).toBe(0);
    expect(JSON.parse(inside.stdout).inventory.collections).toHaveLength(1);
    // Not followed, and said so: a link is never silently dropped.
    expect(JSON.parse(inside.stdout).diagnostics.map((diagnostic: { file: string; message: string }) => `${diagnostic.file} ${diagnostic.message}`)).toEqual([
      expect.stringMatching(/^loop not followed: a symbolic link to a folder/),
    ]);
    const given = await runCli(['scan', path.join(root, 'self')]);
    expect(given.status).toBe(2);
    expect(given.stderr).toMatch(/symbolic link loop|no such file/);
    expect(given.stderr).not.toMatch(STACK_TRACE);
  });

  it('reports a broken tsconfig as a warning and still scans', () => {
    const result = scanProject({ 'tsconfig.json': '{ "compilerOptions": { "paths": ', 'src/ok.ts': DEVICE_INFO });
    expect(result.inventory.collections).toHaveLength(1);
    expect(result.inventory.diagnostics.map((diagnostic) => diagnostic.file)).toContain('tsconfig.json');
    expect(result.inventory.diagnostics.find((diagnostic) => diagnostic.file === 'tsconfig.json')!.severity).toBe('note');
  });

  it('exits 2 for an invalid manifest, listing every problem with file:line:column', async () => {
    const root = writeProject({
      'privacy-manifest.yaml': 'version: 1\napp: { name: X }\ncategories:\n  - id: device.imie\n    uses: []\n',
      'src/ok.ts': DEVICE_INFO,
    });
    const { status, stderr } = await runCli(['scan', root]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/privacy-manifest\.yaml:4:9 +categories\[0\]\.id: unknown data category "device\.imie"; did you mean "device\.imei"\?/);
    expect(stderr).toMatch(/privacy-manifest\.yaml:5:11 +categories\[0\]\.uses: needs at least 1 item/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 2 for an invalid config with file:line:column', async () => {
    const root = writeProject({ 'privlint.config.json': '{\n  "guards": [{ "call": "hasConsent", "module": "./x" }],\n  "rulez": {}\n}\n', 'src/ok.ts': DEVICE_INFO });
    const { status, stderr } = await runCli(['scan', root]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/privlint\.config\.json:2:14 +guards\[0\]: a guard names exactly one of/);
    expect(stderr).toMatch(/privlint\.config\.json:3:3 +rulez: unknown key "rulez"; did you mean "rules"\?/);
  });

  it('validates catalog extensions and flow budgets in the config like the rest of it', async () => {
    const config = '{\n  "flows": { "maxSteps": 0 },\n  "catalog": { "sinks": [{ "module": "@acme/track", "calls": [{ "nam": "send" }] }] }\n}\n';
    const root = writeProject({ 'privlint.config.json': config, 'src/ok.ts': DEVICE_INFO });
    const { status, stderr } = await runCli(['scan', root]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/privlint\.config\.json:2:26 +flows\.maxSteps: must be at least 1, found 0/);
    expect(stderr).toMatch(/privlint\.config\.json:3:\d+ +catalog\.sinks\[0\]\.calls\[0\]/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 2 on bad flags with the usage line', async () => {
    const bad = await runCli(['scan', '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of text, json/);
    const unknown = await runCli(['scan', '--fial-on', 'warning']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --fial-on; did you mean "--fail-on"\?/);
  });

  it('exits 1 when findings reach --fail-on, 0 below it', async () => {
    const root = writeProject({ 'src/ok.ts': DEVICE_INFO });
    mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/x/index.js'), DEVICE_INFO);
    expect((await runCli(['scan', root])).status).toBe(0);
    expect((await runCli(['scan', root, '--fail-on', 'warning'])).status).toBe(1);
    const json = JSON.parse((await runCli(['scan', root, '--format', 'json'])).stdout);
    expect(json.inventory.collections.map((site: { file: string }) => site.file)).toEqual(['src/ok.ts']);
  });

  it('notes symbolic links to folders and source files it does not follow, and a loop', async () => {
    const root = writeProject({ 'src/ok.ts': DEVICE_INFO, 'shared/lib.ts': DEVICE_INFO, 'notes.md': '# n\n' });
    symlinkSync(path.join(root, 'shared'), path.join(root, 'src/shared'));
    symlinkSync(path.join(root, 'shared/lib.ts'), path.join(root, 'src/lib-link.ts'));
    symlinkSync(path.join(root, 'notes.md'), path.join(root, 'src/notes.md'));
    symlinkSync(path.join(root, 'src/a'), path.join(root, 'src/b'));
    symlinkSync(path.join(root, 'src/b'), path.join(root, 'src/a'));
    const report = JSON.parse((await runCli(['scan', path.join(root, 'src'), '--format', 'json'])).stdout);
    expect(report.diagnostics.map((diagnostic: { file: string; severity: string; message: string }) => `${diagnostic.file} ${diagnostic.severity} ${diagnostic.message.split(' (')[0]!.split(';')[0]}`)).toEqual([
      'a note not followed: a symbolic link loop',
      'b note not followed: a symbolic link loop',
      'lib-link.ts note not followed: a symbolic link to a source file',
      'shared note not followed: a symbolic link to a folder',
    ]);
  });

  it('decodes UTF-16 files with a byte-order mark instead of skipping them as binary', async () => {
    const root = writeProject({ 'src/ok.ts': 'export const x = 1;\n' });
    const text = `import DeviceInfo from 'react-native-device-info';\nexport const s = DeviceInfo.getSerialNumber();\n`;
    writeFileSync(path.join(root, 'src/le.ts'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const report = JSON.parse((await runCli(['scan', root, '--format', 'json'])).stdout);
    expect(report.inventory.collections.map((site: { file: string; line: number; column: number }) => `${site.file}:${site.line}:${site.column}`)).toEqual(['src/le.ts:2:18']);
    expect(report.diagnostics.map((diagnostic: { file: string; message: string }) => `${diagnostic.file} ${diagnostic.message}`)).toEqual([
      expect.stringMatching(/^src\/le\.ts UTF-16 file: analysed/),
    ]);
  });

  it('shows code frames of UTF-16 files and fingerprints them as the same text in UTF-8', async () => {
    const text = `import DeviceInfo from 'react-native-device-info';\nexport const s = DeviceInfo.getSerialNumber();\n`;
    const encodings: Record<string, Buffer> = {
      'utf-8': Buffer.from(text, 'utf8'),
      'utf-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf-16le': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16be': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    };
    const fingerprints = new Map<string, string[]>();
    for (const [encoding, bytes] of Object.entries(encodings)) {
      const root = writeProject({});
      mkdirSync(path.join(root, 'src'));
      writeFileSync(path.join(root, 'src/a.ts'), bytes);
      const { stdout } = await runCli(['scan', root]);
      expect(stdout, encoding).toContain('> 2 | export const s = DeviceInfo.getSerialNumber();');
      const report = JSON.parse((await runCli(['scan', root, '--format', 'json'])).stdout);
      fingerprints.set(encoding, report.findings.map((finding: { fingerprint: string }) => finding.fingerprint));
    }
    expect(fingerprints.get('utf-8')!.length).toBeGreaterThan(0);
    for (const [encoding, list] of fingerprints) expect(list, encoding).toEqual(fingerprints.get('utf-8'));
  });

  it('names a manifest outside the scan root in messages as the headings name it', async () => {
    const root = writeProject({
      'policies/app.yaml': 'version: 1\napp: { name: t }\ncategories:\n  - id: device.serial\n    uses: [{ purposes: [analytics], basis: legitimate_interest }]\n',
      'apps/one/src/a.ts': `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose advertising\nexport const s = DeviceInfo.getSerialNumber();\n`,
    });
    const { stdout } = await runCli(['scan', '.', '--manifest', '../../policies/app.yaml'], { cwd: path.join(root, 'apps/one') });
    expect(stdout).toContain('\n    The annotation is at src/a.ts:2. ../../policies/app.yaml does not declare advertising for device.serial.');
    expect(stdout).not.toMatch(/\/apps\/one\/\.\.\//);
  });
});
