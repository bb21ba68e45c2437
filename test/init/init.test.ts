// `privlint init`: a draft manifest that works at once — inferred purposes, bases, consent keys and
// roles, each marked `# privlint: proposed` — and a config with the consent guards the code uses, so
// the first `privlint scan` checks consent for real; comments point to the places in the code, and
// nothing is overwritten without --force.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';
import { displayPath } from '../../src/util/paths.js';
import { REPO_ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

/** A copy of a fixture app without its manifest (and, fresh, without its config either). */
function copyOf(app: string, { fresh = false } = {}): string {
  const root = writeProject({});
  cpSync(path.join(REPO_ROOT, 'fixtures/apps', app), root, { recursive: true });
  rmSync(path.join(root, 'privacy-manifest.yaml'), { force: true });
  if (fresh) rmSync(path.join(root, 'privlint.config.json'), { force: true });
  return root;
}

const MARKER = ' # privlint: proposed';

describe('privlint init on a fresh copy of rn-shop (no manifest, no config)', async () => {
  const root = copyOf('rn-shop', { fresh: true });
  const manifest = path.join(root, 'privacy-manifest.yaml');
  const first = await runCli(['init'], { cwd: root });
  const draft = existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';

  it('writes privacy-manifest.yaml and privlint.config.json, and says what it wrote', () => {
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const proposals = draft.split('\n').filter((line) => line.endsWith(MARKER)).length;
    expect(first.stdout).toBe(
      [
        'Wrote privacy-manifest.yaml: a draft with 12 data categories, 2 recipients and 4 consent keys.',
        'Wrote privlint.config.json: 2 consent guards found in the code (canShowAds() for "ads", hasConsent(key)).',
        `Its ${proposals} values marked "# privlint: proposed" (purposes, legal bases, consent keys and modes, recipient roles and shares) are privlint's guesses;`,
        'privlint scan checks the code against them now, and a person who knows the privacy policy must confirm or change each one.',
        'Next: privlint scan, and privlint manifest check privacy-manifest.yaml to list the proposals left.',
        '',
      ].join('\n'),
    );
  });

  it('configures the guards the code calls before collecting: hasConsent(key) and the fixed-key canShowAds()', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'privlint.config.json'), 'utf8'))).toEqual({
      guards: [
        { call: 'canShowAds', key: 'ads' },
        { call: 'hasConsent', keyArgument: 0 },
      ],
    });
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
    // The keys the code checks (ads, analytics, location) and the one proposed for the annotated marketing use.
    expect(Object.keys(data.consents)).toEqual(['ads', 'analytics', 'location', 'marketing']);
  });

  it('proposes purposes, bases, consent keys and modes, roles and shares, each marked, and leaves no TODO', () => {
    expect(draft).not.toContain('TODO');
    // Annotated analytics → opt-in consent under the key the code checks; fraud prevention needs none.
    expect(draft).toContain(
      [
        '  - id: device.id',
        '    uses:',
        `      - purposes: [notifications]${MARKER}`,
        `        basis: contract${MARKER}`,
        `      - purposes: [analytics]${MARKER}`,
        `        basis: consent${MARKER}`,
        `        consent: analytics${MARKER}`,
      ].join('\n'),
    );
    expect(draft).toContain(`      - purposes: [fraud_prevention]${MARKER}\n        basis: legitimate_interest${MARKER}\n`);
    // The code checks "location" where it collects the precise location: the use is consent-based.
    expect(draft).toContain(`  - id: location.precise\n    uses:\n      - purposes: [app_functionality]${MARKER}\n        basis: consent${MARKER}\n        consent: location${MARKER}\n`);
    expect(draft).toContain(`  ads:\n    mode: opt-in${MARKER}\n`);
    // An attribution vendor uses the data for its own ends; its SDK's own collection is shared for advertising, behind "ads".
    expect(draft).toContain(`  - id: appsflyer\n    name: AppsFlyer\n    # processor: processes data on your behalf, under contract; third_party: uses it for its own purposes too\n    role: third_party${MARKER}\n`);
    expect(draft).toContain(`      - categories: [device.id, device.advertising_id, device.info, network.ip_address, usage.events]\n        purposes: [advertising]${MARKER}\n        consent: ads${MARKER}\n`);
    expect(draft).toContain('  #     src/services/api.ts:21 react-native-device-info#getCarrier\n  - id: network.carrier\n');
    expect(draft).toContain('  # checked at src/screens/StoreLocatorScreen.tsx:26\n  location:\n');
    expect(draft).toContain('#   api.nordicshop.example (src/services/api.ts:26, src/services/api.ts:34)');
    expect(draft.split('\n')[0]).toBe(`# yaml-language-server: $schema=${path.relative(root, path.join(REPO_ROOT, 'schema/privacy-manifest.schema.json')).split(path.sep).join('/')}`);
  });

  it('validates as written; privlint manifest check lists the unconfirmed proposals as notes at their line and column', async () => {
    const result = parseManifest(draft, manifest);
    expect(result.ok ? [] : result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([]);
    const proposals = result.ok ? result.manifest.proposals! : [];
    expect(proposals).toHaveLength(draft.split('\n').filter((line) => line.endsWith(MARKER)).length);
    const check = await runCli(['manifest', 'check'], { cwd: root });
    expect(check.status).toBe(0);
    expect(check.stderr).toBe('');
    const line = draft.split('\n').findIndex((text) => text === `        consent: location${MARKER}`) + 1;
    const index = parse(draft).categories.findIndex((category: { id: string }) => category.id === 'location.precise');
    expect(check.stdout).toContain(
      `privacy-manifest.yaml:${line}:18  note  categories[${index}].uses[0].consent: location is a proposal of privlint init; confirm it by deleting its "# privlint: proposed" comment, or change it\n`,
    );
    expect(check.stdout).toContain(`\n${proposals.length} proposals to confirm: `);
  });

  it('deleting a marker confirms the value: it is no longer a proposal', () => {
    const confirmed = draft.replace(`  ads:\n    mode: opt-in${MARKER}\n`, '  ads:\n    mode: opt-in\n');
    const before = parseManifest(draft, manifest);
    const after = parseManifest(confirmed, manifest);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(before.manifest.proposals!.some((proposal) => proposal.path === 'consents.ads.mode')).toBe(true);
    expect(after.manifest.proposals!.some((proposal) => proposal.path === 'consents.ads.mode')).toBe(false);
    expect(after.manifest.proposals).toHaveLength(before.manifest.proposals!.length - 1);
  });

  it('the first privlint scan after it, with no edit, reports the consent gaps: exit 1, one finding per rule per place', async () => {
    const scan = await runCli(['scan', '--format', 'json'], { cwd: root });
    expect(scan.stderr).not.toMatch(STACK_TRACE);
    expect(scan.status).toBe(1);
    const findings = JSON.parse(scan.stdout).findings as { ruleId: string; file: string; line: number; column: number; message: string }[];
    // No problem with the manifest or the config: every category and SDK is declared.
    expect(findings.filter((finding) => ['no-undeclared-collection', 'no-undeclared-sdk', 'no-undeclared-sharing'].includes(finding.ruleId))).toEqual([]);
    // The consent gaps EXPECTED.md lists (and the marketing use of the push token the code annotates).
    expect(findings.filter((finding) => finding.ruleId === 'require-consent-check').map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      'src/screens/ProductScreen.tsx:36',
      'src/screens/StoreLocatorScreen.tsx:39',
      'src/services/ads.ts:23',
      'src/services/analytics.ts:45',
      'src/services/attribution.ts:7',
      'src/services/attribution.ts:21',
      'src/services/push.ts:18',
    ]);
    const places = findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it('never overwrites an existing manifest without --force', async () => {
    const copy = copyOf('rn-shop', { fresh: true });
    const mine = path.join(copy, 'privacy-manifest.yaml');
    writeFileSync(mine, 'version: 1\napp: { name: Mine }\ncategories: []\n');
    const again = await runCli(['init'], { cwd: copy });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('privlint: privacy-manifest.yaml already exists; privlint init does not overwrite a manifest. Pass --force to replace it, or --output FILE to write the draft elsewhere.\n');
    expect(readFileSync(mine, 'utf8')).toBe('version: 1\napp: { name: Mine }\ncategories: []\n');
    expect(existsSync(path.join(copy, 'privlint.config.json'))).toBe(false);
    // Nor a privacy-manifest.json beside it.
    rmSync(mine);
    writeFileSync(path.join(copy, 'privacy-manifest.json'), '{}');
    expect((await runCli(['init'], { cwd: copy })).stderr).toContain('privacy-manifest.json already exists');
    rmSync(path.join(copy, 'privacy-manifest.json'));

    writeFileSync(mine, 'broken: [');
    const forced = await runCli(['init', '--force'], { cwd: copy });
    expect(forced.status).toBe(0);
    expect(readFileSync(mine, 'utf8')).toBe(draft);
  });

  it('writes to standard output with --output -, and nowhere else', async () => {
    const other = copyOf('rn-shop', { fresh: true });
    const run = await runCli(['init', '--output', '-', '--quiet'], { cwd: other });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  - id: network.carrier\n');
    expect(existsSync(path.join(other, 'privacy-manifest.yaml'))).toBe(false);
    expect(existsSync(path.join(other, 'privlint.config.json'))).toBe(false);
  });
});

describe('privlint init on a fresh copy of web-news (a web app)', () => {
  it('writes the config with its consent store, and the first scan reports the consent gaps EXPECTED.md lists', async () => {
    const root = copyOf('web-news', { fresh: true });
    const init = await runCli(['init'], { cwd: root });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Wrote privlint.config.json: 1 consent guard found in the code (consentStore.isGranted(key)).');
    const scan = await runCli(['scan', '--format', 'json'], { cwd: root });
    expect(scan.stderr).toBe('');
    expect(scan.status).toBe(1);
    const findings = JSON.parse(scan.stdout).findings as { ruleId: string; file: string; line: number; message: string }[];
    expect(findings.filter((finding) => finding.ruleId === 'require-consent-check').map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      // PostHog's init: the fixture runs it cookieless under legitimate interest, but an analytics SDK is proposed opt-in.
      'src/lib/analytics.mjs:17',
      'src/lib/analytics.mjs:36',
      'src/main.jsx:15',
      'src/pages/Article.jsx:18',
      'src/pages/LocalNews.jsx:22',
    ]);
    // The consent cookie the banner reads (annotated app_functionality) needs no consent.
    expect(findings.some((finding) => finding.file === 'src/lib/consent.mjs' && finding.ruleId === 'require-consent-check')).toBe(false);
  });
});

describe('privlint init beside an existing config', () => {
  it('leaves the config alone, and the draft uses the keys its guards prove', async () => {
    const root = copyOf('rn-shop');
    const before = readFileSync(path.join(root, 'privlint.config.json'), 'utf8');
    const run = await runCli(['init'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('privlint.config.json');
    expect(readFileSync(path.join(root, 'privlint.config.json'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(root, 'privacy-manifest.yaml'), 'utf8')).toContain(`  location:\n    mode: opt-in${MARKER}\n`);
  });

  it('adds the guards it found to a JSON config with --force, keeping its settings', async () => {
    const root = copyOf('rn-shop');
    const config = path.join(root, 'privlint.config.json');
    writeFileSync(config, JSON.stringify({ manifest: 'privacy-manifest.yaml', ignore: ['scripts/**'] }));
    const kept = await runCli(['init'], { cwd: root });
    expect(kept.stdout).toContain('privlint.config.json already exists and was left alone (pass --force to add to its guards). Consent checks found in the code: canShowAds() for "ads", hasConsent(key).');
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ manifest: 'privacy-manifest.yaml', ignore: ['scripts/**'] });
    const forced = await runCli(['init', '--force'], { cwd: root });
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      manifest: 'privacy-manifest.yaml',
      ignore: ['scripts/**'],
      guards: [
        { call: 'canShowAds', key: 'ads' },
        { call: 'hasConsent', keyArgument: 0 },
      ],
    });
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

describe('privlint init on expo-fit, whose package.json names packages privlint does not know', () => {
  it('lists them, so a reviewer sees what the draft could not judge (rn-shop, above, has none and says nothing)', async () => {
    const root = copyOf('expo-fit', { fresh: true });
    const run = await runCli(['init'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '5 third-party packages in package.json are not in privlint\'s catalog, so the draft says nothing of what they send: @config-plugins/react-native-branch, expo, expo-constants, expo-crypto, expo-router.\n' +
        'If one sends personal data, add its recipient to the manifest, or describe it under "catalog" in privlint.config.json (docs/config.md#catalog).\n',
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
