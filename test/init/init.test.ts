// `privlint init`: a draft manifest from what the code collects, with TODOs that fail validation
// until a person fills them, comments pointing to the places, and no overwriting without --force.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';
import { displayPath } from '../../src/util/paths.js';
import { REPO_ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

/** A copy of a fixture app without its manifest. */
function copyOf(app: string): string {
  const root = writeProject({});
  cpSync(path.join(REPO_ROOT, 'fixtures/apps', app), root, { recursive: true });
  rmSync(path.join(root, 'privacy-manifest.yaml'), { force: true });
  return root;
}

/** What a person does: replace each TODO with a real answer. */
function fillTodos(text: string): string {
  return text
    .replace(/purposes: \[TODO\]/g, 'purposes: [analytics]')
    .replace(/basis: TODO/g, 'basis: legitimate_interest')
    .replace(/mode: TODO/g, 'mode: opt-in')
    .replace(/role: TODO/g, 'role: third_party');
}

describe('privlint init on rn-shop', async () => {
  const root = copyOf('rn-shop');
  const manifest = path.join(root, 'privacy-manifest.yaml');
  const first = await runCli(['init', '--quiet'], { cwd: root });
  const draft = existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';

  it('writes privacy-manifest.yaml and says what to do next', () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      [
        'Wrote privacy-manifest.yaml: a draft with 12 data categories, 2 recipients and 3 consent keys.',
        'Next: replace its 31 TODOs (purposes, legal bases, consent modes, recipient roles) with what your privacy policy says,',
        'then run: privlint manifest check privacy-manifest.yaml',
        '',
      ].join('\n'),
    );
    expect(first.stderr).toBe('');
  });

  it('lists every category the code collects (EXPECTED.md: sites and SDKs on their own) and every SDK vendor', () => {
    const data = parse(draft) as { categories: { id: string }[]; recipients: { id: string; packages: string[] }[]; consents: Record<string, unknown> };
    expect(data.categories.map((category) => category.id)).toEqual([
      'device.id',
      'device.push_token',
      'device.android_id',
      'device.advertising_id',
      'device.info',
      'network.ip_address',
      'network.carrier',
      'location.precise',
      'location.coarse',
      'usage.events',
      'diagnostics.crash',
      'diagnostics.performance',
    ]);
    expect(data.recipients.map((recipient) => [recipient.id, recipient.packages])).toEqual([
      ['appsflyer', ['react-native-appsflyer']],
      ['google', ['@react-native-firebase/analytics', '@react-native-firebase/messaging', 'react-native-google-mobile-ads']],
    ]);
    // The keys the code checks: hasConsent('ads' | 'analytics' | 'location') and the canShowAds module guard.
    expect(Object.keys(data.consents)).toEqual(['ads', 'analytics', 'location']);
  });

  it('marks purposes, legal bases, consent modes and roles TODO, and points to the places in comments', () => {
    expect(draft).toMatch(/^ {6}- purposes: \[TODO\] # the code's annotations say: app_functionality\. One or more of: app_functionality, authentication,/m);
    expect(draft.match(/^ +basis: TODO # consent, contract, legitimate_interest/gm)).toHaveLength(12);
    expect(draft.match(/^ +mode: TODO # opt-in/gm)).toHaveLength(3);
    expect(draft.match(/^ +role: TODO # processor/gm)).toHaveLength(2);
    // 12 categories × (purposes + basis), 3 consent modes, 2 roles, 2 shares' purposes.
    const values = draft.split('\n').map((line) => line.replace(/(^|\s)#.*$/, '')).join('\n');
    expect(values.match(/TODO/g)).toHaveLength(31);
    expect(draft).toContain('  # network.carrier: Mobile carrier data');
    expect(draft).toContain('  #     src/services/api.ts:21 react-native-device-info#getCarrier\n  - id: network.carrier\n');
    expect(draft).toContain('  #     src/screens/StoreLocatorScreen.tsx:26 react-native-geolocation-service#getCurrentPosition\n');
    expect(draft).toContain('  # checked at src/screens/StoreLocatorScreen.tsx:26\n  location:\n');
    expect(draft).toContain('  # AppsFlyer: imported at src/services/attribution.ts:1\n');
    // Each share's purposes TODO says which purposes SDKs of its recipient's kinds usually serve (catalog/kinds.ts).
    expect(draft).toContain('        purposes: [TODO] # why it receives them (one or more purposes, as above); usual for its attribution SDK: advertising\n');
    expect(draft).toContain('        purposes: [TODO] # why it receives them (one or more purposes, as above); usual for its ads, analytics and push SDKs: advertising, analytics, notifications\n');
    expect(draft).toContain('#   api.nordicshop.example (src/services/api.ts:26, src/services/api.ts:34)');
    expect(draft.split('\n')[0]).toBe(`# yaml-language-server: $schema=${path.relative(root, path.join(REPO_ROOT, 'schema/privacy-manifest.schema.json')).split(path.sep).join('/')}`);
  });

  it('fails privlint manifest check while a TODO is left, each at its line and column', async () => {
    const check = await runCli(['manifest', 'check', 'privacy-manifest.yaml'], { cwd: root });
    expect(check.status).toBe(2);
    expect(check.stdout + check.stderr).not.toMatch(STACK_TRACE);
    const todoLine = draft.split('\n').findIndex((line) => line.includes('mode: TODO')) + 1;
    expect(check.stdout + check.stderr).toContain(`privacy-manifest.yaml:${todoLine}:11`);
  });

  it('validates once the TODOs are filled, and privlint scan then uses it', async () => {
    const filled = fillTodos(draft);
    expect(filled.split('\n').filter((line) => !line.trimStart().startsWith('#') && line.includes('TODO'))).toEqual([]);
    const result = parseManifest(filled, manifest);
    expect(result.ok ? [] : result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([]);
    writeFileSync(manifest, filled);
    const scan = await runCli(['scan', '--format', 'json', '--fail-on', 'never', '--quiet'], { cwd: root });
    expect(scan.status).toBe(0);
    const findings = JSON.parse(scan.stdout).findings as { ruleId: string }[];
    // Every collected category and SDK is now declared.
    expect(findings.filter((finding) => finding.ruleId === 'no-undeclared-collection' || finding.ruleId === 'no-undeclared-sdk')).toEqual([]);
  });

  it('never overwrites an existing manifest without --force', async () => {
    writeFileSync(manifest, 'version: 1\napp: { name: Mine }\ncategories: []\n');
    const again = await runCli(['init'], { cwd: root });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('privlint: privacy-manifest.yaml already exists; privlint init does not overwrite a manifest. Pass --force to replace it, or --output FILE to write the draft elsewhere.\n');
    expect(readFileSync(manifest, 'utf8')).toBe('version: 1\napp: { name: Mine }\ncategories: []\n');
    // Nor a privacy-manifest.json beside it.
    rmSync(manifest);
    writeFileSync(path.join(root, 'privacy-manifest.json'), '{}');
    expect((await runCli(['init'], { cwd: root })).stderr).toContain('privacy-manifest.json already exists');
    rmSync(path.join(root, 'privacy-manifest.json'));

    writeFileSync(manifest, 'broken: [');
    const forced = await runCli(['init', '--force', '--quiet'], { cwd: root });
    expect(forced.status).toBe(0);
    expect(readFileSync(manifest, 'utf8')).toBe(draft);
  });

  it('writes to standard output with --output -, and nowhere else', async () => {
    const other = copyOf('rn-shop');
    const run = await runCli(['init', '--output', '-', '--quiet'], { cwd: other });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  - id: network.carrier\n');
    expect(existsSync(path.join(other, 'privacy-manifest.yaml'))).toBe(false);
  });
});

describe('privlint init when the config names the manifest', () => {
  // xiaomi-demo's privlint.config.json says "manifest": "../../policies/xiaomi.yaml".
  function xiaomiDemo(manifestExists: boolean) {
    const root = writeProject({});
    const app = path.join(root, 'apps/demo');
    cpSync(path.join(REPO_ROOT, 'fixtures/apps/xiaomi-demo'), app, { recursive: true });
    if (manifestExists) cpSync(path.join(REPO_ROOT, 'fixtures/policies/xiaomi.yaml'), path.join(root, 'policies/xiaomi.yaml'));
    return { root, app, configured: path.join(root, 'policies/xiaomi.yaml') };
  }

  it('writes the draft where the config points, so privlint scan reads it', async () => {
    const { app, configured } = xiaomiDemo(false);
    const run = await runCli(['init', '--quiet'], { cwd: app });
    expect(run.status).toBe(0);
    // Paths near the working folder are shown relative to it (../../policies/xiaomi.yaml).
    expect(run.stdout.startsWith(`Wrote ${displayPath(configured, app)} (the manifest privlint.config.json names): a draft with 15 data categories`)).toBe(true);
    expect(readFileSync(configured, 'utf8')).toContain('  - id: device.serial\n');
    expect(existsSync(path.join(app, 'privacy-manifest.yaml'))).toBe(false);
  });

  it('refuses to replace that manifest without --force, and says which config names it', async () => {
    const { app, configured } = xiaomiDemo(true);
    const before = readFileSync(configured, 'utf8');
    const run = await runCli(['init'], { cwd: app });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `privlint: ${displayPath(configured, app)} already exists (privlint.config.json names it as the manifest); privlint init does not overwrite a manifest. Pass --force to replace it, or --output FILE to write the draft elsewhere.\n`,
    );
    expect(readFileSync(configured, 'utf8')).toBe(before);
  });

  it('warns that a draft written elsewhere with --output is not the one scans read', async () => {
    const { app, configured } = xiaomiDemo(true);
    const run = await runCli(['init', '--output', 'privacy-manifest.yaml', '--quiet'], { cwd: app });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(app, 'privacy-manifest.yaml'))).toBe(true);
    expect(run.stderr).toBe(
      `privlint: warning: privlint.config.json names ${displayPath(configured, app)} as the manifest, so privlint scan keeps reading that file, not privacy-manifest.yaml; change "manifest" in the config to use the draft\n`,
    );
  });
});

describe('privlint init mistakes', () => {
  it('a missing folder, two paths, an output that is a folder: exit 2 with a message', async () => {
    const root = copyOf('node-api');
    expect(await runCli(['init', 'nope'], { cwd: root })).toMatchObject({ status: 2, stderr: 'privlint: nope: no such file or folder; check the path you passed to privlint init\n' });
    expect((await runCli(['init', 'src', 'server.js'], { cwd: root })).stderr).toContain('init takes one PATH');
    const folder = await runCli(['init', '--output', 'src'], { cwd: root });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('src is a folder; pass the manifest file to write, e.g. --output src/privacy-manifest.yaml');
  });
});
