// privlint scan --fix: certain fixes only, only with the flag, and then what is left is reported.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const MANIFEST = `version: 1
app: { name: Shop }
consents:
  analytics: { mode: opt-in }
categories:
  - id: device.android_id
    uses:
      - purposes: [analytics]
        basis: consent
        consent: analytics
  - id: device.id
    uses:
      - purposes: [analytics]
        basis: consent
        consent: analytics
`;

const SOURCE = [
  `import DeviceInfo from 'react-native-device-info';`,
  `export async function load() {`,
  `  // @privacy-purpose analytcs`,
  `  const id = await DeviceInfo.getUniqueId(); // privlint-disable-line require-purpose -- legacy`,
  `  return id;`,
  `}`,
  ``,
].join('\r\n');

const FIXED = [
  `import DeviceInfo from 'react-native-device-info';`,
  `export async function load() {`,
  `  // @privacy-purpose analytics`,
  `  const id = await DeviceInfo.getUniqueId();`,
  `  return id;`,
  `}`,
  ``,
].join('\r\n');

/** Every file under a folder with its bytes, to prove nothing changed. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (name === '.privlint-cache') continue;
      if (statSync(file).isDirectory()) walk(file);
      else out[path.relative(root, file)] = readFileSync(file, 'base64');
    }
  };
  walk(root);
  return out;
}

const copies: string[] = [];
afterAll(() => copies.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('privlint scan --fix', () => {
  it('changes no file without the flag; JSON says what the fix would be', async () => {
    const root = writeProject({ 'privacy-manifest.yaml': MANIFEST, 'src/a.ts': SOURCE });
    const before = snapshot(root);
    const scanned = await runCli(['scan', '--no-cache'], { cwd: root });
    expect(scanned.status).toBe(1);
    expect(scanned.stdout).toContain('privlint/declared-purpose');
    const json = JSON.parse((await runCli(['scan', '--no-cache', '--format', 'json'], { cwd: root })).stdout);
    expect(json.findings.find((finding: { ruleId: string }) => finding.ruleId === 'declared-purpose').fix).toEqual({
      description: 'Replace "analytcs" with "analytics".',
      edits: [{ file: 'src/a.ts', line: 3, column: 23, endLine: 3, endColumn: 31, text: 'analytics' }],
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('writes the one close purpose and removes the unused suppression, keeps CRLF, then reports what is left', async () => {
    const root = writeProject({ 'privacy-manifest.yaml': MANIFEST, 'src/a.ts': SOURCE });
    const fixed = await runCli(['scan', '--fix', '--no-cache', '--format', 'json'], { cwd: root });
    expect(fixed.stderr).toBe('privlint: fixed 2 findings in src/a.ts\n');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(FIXED);
    // Left: the consent check, which has a suggestion in the editor but no certain fix.
    const left = JSON.parse(fixed.stdout).findings.map((finding: { ruleId: string; line: number }) => `${finding.ruleId}:${finding.line}`);
    expect(left).toEqual(['require-consent-check:4']);
    expect(fixed.status).toBe(1);
    const again = await runCli(['scan', '--fix', '--no-cache'], { cwd: root });
    expect(again.stderr).toBe('privlint: fixed 0 findings\n');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(FIXED);
  });

  it('leaves a fixture app with nothing certain to fix exactly as it was (on a temp copy)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'privlint-fix-'));
    copies.push(root);
    cpSync(path.join(REPO_ROOT, 'fixtures/apps/web-news'), root, { recursive: true });
    const before = snapshot(root);
    const run = await runCli(['scan', '--fix', '--no-cache', '--fail-on', 'never'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('privlint: fixed 0 findings\n');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses --staged and --watch, whose files are not the ones it would write', async () => {
    const root = writeProject({ 'privacy-manifest.yaml': MANIFEST, 'src/a.ts': SOURCE });
    expect(await runCli(['scan', '--fix', '--staged'], { cwd: root })).toMatchObject({ status: 2, stderr: expect.stringContaining('--fix changes the working tree') });
    expect(await runCli(['scan', '--fix', '--watch'], { cwd: root })).toMatchObject({ status: 2, stderr: expect.stringContaining('--fix and --watch do not go together') });
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(SOURCE);
  });
});
