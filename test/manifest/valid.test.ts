import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/types.js';
import { categoryCovers } from '../../src/taxonomy/index.js';
import { VALID_DIR, validFixtures, XIAOMI } from './fixture-files.js';

/** 1-based line and column of `token` on the first line of `file` that ends with `lineEnd`. */
function positionOf(file: string, lineEnd: string, token: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.trimEnd().endsWith(lineEnd));
  if (index < 0) throw new Error(`${lineEnd} not in ${file}`);
  return { line: index + 1, column: lines[index]!.lastIndexOf(token) + 1 };
}

const ids = (entries: { id: string }[]) => entries.map((entry) => entry.id);

describe('valid manifests load', () => {
  const files = [...validFixtures(), XIAOMI];

  it('finds the valid fixtures', () => {
    expect(validFixtures().map((file) => path.basename(file))).toEqual(expect.arrayContaining(['full.json', 'full.yaml', 'minimal.yaml']));
  });

  it.each(files.map((file) => [path.relative(path.dirname(VALID_DIR), file), file] as const))('%s loads with loadManifest', (_name, file) => {
    const manifest = loadManifest(file);
    expect(manifest.version).toBe(1);
    expect(manifest.file).toBe(path.resolve(file));
    expect(manifest.app.name.length).toBeGreaterThan(0);
  });
});

describe('the Xiaomi policy transcription', () => {
  const manifest: Manifest = loadManifest(XIAOMI);

  it('has the app, the policy and the counts the file declares', () => {
    expect(manifest.app.name).toMatch(/^Xiaomi/);
    expect(manifest.policy).toMatchObject({ language: 'sv', date: '2019-09-04', url: 'https://privacy.mi.com/all/sv_SE/' });
    expect(manifest.categories).toHaveLength(27);
    expect(manifest.recipients).toHaveLength(5);
    expect(manifest.consents.size).toBe(8);
    expect(manifest.residency).toHaveLength(3);
  });

  it('declares the device identifiers and precise location the policy names', () => {
    expect(ids(manifest.categories)).toEqual(
      expect.arrayContaining(['device.imei', 'device.imsi', 'device.advertising_id', 'device.android_id', 'device.mac_address', 'location.precise']),
    );
    expect(new Set(ids(manifest.categories)).size).toBe(manifest.categories.length);
  });

  it('keeps advertising on the IMEI and the advertising id behind the opt-in "ads" consent', () => {
    expect(manifest.consents.get('ads')).toMatchObject({ key: 'ads', mode: 'opt-in' });
    expect(manifest.consents.get('marketing')?.mode).toBe('opt-out');
    expect(manifest.consents.get('user_experience_program')?.mode).toBe('opt-in');
    for (const id of ['device.imei', 'device.advertising_id']) {
      const category = manifest.categories.find((candidate) => candidate.id === id)!;
      const advertising = category.uses.filter((use) => use.purposes.includes('advertising'));
      expect(advertising.length, id).toBeGreaterThan(0);
      for (const use of advertising) expect(use, id).toMatchObject({ basis: 'consent', consent: 'ads' });
    }
  });

  it('names the five third parties of section 8, all as third parties', () => {
    expect(ids(manifest.recipients).sort()).toEqual(['avast', 'cheetah-mobile', 'facebook', 'google', 'tencent']);
    for (const recipient of manifest.recipients) expect(recipient.role, recipient.id).toBe('third_party');
    const google = manifest.recipients.find((recipient) => recipient.id === 'google')!;
    expect(google.packages).toContain('react-native-google-mobile-ads');
    expect(google.domains).toContain('*.doubleclick.net');
    expect(google.shares).toHaveLength(1);
    expect(google.shares[0]).toMatchObject({ categories: ['device.advertising_id', 'web.cookies', 'usage.events'], purposes: ['advertising'], consent: 'ads' });
    // Vendors without an npm SDK and without stated data: no packages, no shares.
    for (const id of ['avast', 'tencent', 'cheetah-mobile']) {
      const recipient = manifest.recipients.find((candidate) => candidate.id === id)!;
      expect(recipient.packages, id).toEqual([]);
      expect(recipient.shares, id).toEqual([]);
    }
  });

  it('has residency rules for China, Russia and India that keep data in the country', () => {
    const byRegion = new Map(manifest.residency.map((rule) => [rule.regions.join(','), rule]));
    expect([...byRegion.keys()].sort()).toEqual(['CN', 'IN', 'RU']);
    for (const [region, rule] of byRegion) {
      expect(rule.storeIn, region).toEqual([region]);
      expect(rule.transfer, region).toBe('with_safeguards');
      expect(rule.categories, region).toEqual([]);
    }
  });

  it('gives every category, use, recipient, consent and residency rule a ref into the policy text', () => {
    for (const category of manifest.categories) {
      expect(category.ref, category.id).toMatch(/\S/);
      for (const use of category.uses) expect(use.ref, `${category.id} use`).toMatch(/\S/);
    }
    for (const recipient of manifest.recipients) expect(recipient.ref, recipient.id).toMatch(/\S/);
    for (const consent of manifest.consents.values()) expect(consent.ref, consent.key).toMatch(/\S/);
    for (const rule of manifest.residency) expect(rule.ref, rule.id).toMatch(/\S/);
  });

  it('states no retention duration anywhere, as the policy states none', () => {
    expect(manifest.retention?.text).toMatch(/\S/);
    expect(manifest.retention?.duration).toBeUndefined();
    for (const category of manifest.categories) expect(category.retention?.duration, category.id).toBeUndefined();
  });

  it('remembers where each category is declared (at its id value)', () => {
    const imei = manifest.categories.find((category) => category.id === 'device.imei')!;
    expect(imei.at).toEqual({ file: path.resolve(XIAOMI), ...positionOf(XIAOMI, '- id: device.imei', 'device.imei') });
    const cheetah = manifest.recipients.find((recipient) => recipient.id === 'cheetah-mobile')!;
    expect(cheetah.at).toEqual({ file: path.resolve(XIAOMI), ...positionOf(XIAOMI, '- id: cheetah-mobile', 'cheetah-mobile') });
    const ads = manifest.consents.get('ads')!;
    expect(ads.at).toEqual({ file: path.resolve(XIAOMI), ...positionOf(XIAOMI, '  ads:', 'ads') });
  });
});

describe('the minimal manifest', () => {
  const manifest = loadManifest(path.join(VALID_DIR, 'minimal.yaml'));

  it('has only the three required keys: no categories, recipients, consents or residency', () => {
    expect(manifest.app).toEqual({ name: 'Minimal' });
    expect(manifest.policy).toBeUndefined();
    expect(manifest.categories).toEqual([]);
    expect(manifest.recipients).toEqual([]);
    expect(manifest.consents.size).toBe(0);
    expect(manifest.residency).toEqual([]);
    expect(manifest.firstPartyDomains).toEqual([]);
    expect(manifest.retention).toBeUndefined();
  });
});

describe('the full YAML manifest', () => {
  const file = path.join(VALID_DIR, 'full.yaml');
  const manifest = loadManifest(file);

  it('has the declared counts and consent modes', () => {
    expect(ids(manifest.categories)).toEqual(['device', 'device.advertising_id', 'location.precise', 'identity.email', 'usage.events']);
    expect(ids(manifest.recipients)).toEqual(['google', 'mailer']);
    expect([...manifest.consents.keys()]).toEqual(['ads', 'marketing_email']);
    expect(manifest.consents.get('ads')?.mode).toBe('opt-in');
    expect(manifest.consents.get('marketing_email')?.mode).toBe('opt-out');
    expect(ids(manifest.residency)).toEqual(['eea', 'russia', 'us']);
    expect(manifest.firstPartyDomains).toEqual(['example.com', '*.example.com']);
    expect(manifest.retention).toEqual({ text: 'Kept as long as needed for the purpose, then deleted.', duration: 'P2Y', ref: '6 Retention' });
  });

  it('uses every legal basis, both recipient roles and every transfer value, as its header says', () => {
    const bases = new Set(manifest.categories.flatMap((category) => category.uses.map((use) => use.basis)));
    expect([...bases].sort()).toEqual(['consent', 'contract', 'legal_obligation', 'legitimate_interest', 'public_interest', 'vital_interest']);
    expect(manifest.recipients.map((recipient) => recipient.role).sort()).toEqual(['processor', 'third_party']);
    expect(manifest.residency.map((rule) => rule.transfer).sort()).toEqual(['allowed', 'forbidden', 'with_safeguards']);
  });

  it('maps snake_case keys to the model (store_in, policy_url) and keeps retention per category', () => {
    const us = manifest.residency.find((rule) => rule.id === 'us')!;
    expect(us).toMatchObject({ regions: ['US', 'CA'], storeIn: ['US'], endpoints: [], categories: [] });
    expect(manifest.recipients[0]!.policyUrl).toBe('https://policies.google.com/privacy');
    const email = manifest.categories.find((category) => category.id === 'identity.email')!;
    expect(email.retention?.duration).toBe('P1Y');
    // A use may state its own retention (issue 2: "per category or use"); the app its ref.
    expect(email.uses[1]!.retention).toEqual({ text: 'Removed from the mailing list at once when the user opts out.', ref: '5 Marketing' });
    expect(email.uses[0]!.retention).toBeUndefined();
    expect(manifest.app).toEqual({ name: 'Full Example', description: 'A fictional shopping app whose manifest exercises the whole format.', ref: '1 Who we are' });
    expect(email.uses).toHaveLength(3);
    expect(email.uses[1]).toMatchObject({ purposes: ['marketing'], basis: 'legitimate_interest', consent: 'marketing_email' });
  });

  it('lets the parent category "device" cover its children but not other branches', () => {
    const declared = ids(manifest.categories);
    const covering = (category: string) => declared.filter((id) => categoryCovers(id, category));
    expect(covering('device.imei')).toEqual(['device']);
    expect(covering('device.android_id')).toEqual(['device']);
    expect(covering('device.advertising_id')).toEqual(['device', 'device.advertising_id']);
    expect(covering('location.coarse')).toEqual([]);
    expect(categoryCovers('device', 'device')).toBe(true);
    expect(categoryCovers('device', 'devices.x')).toBe(false);
    expect(categoryCovers('device.imei', 'device')).toBe(false);
  });

  it('records the position of a consent key where it is written in a use', () => {
    const advertising = manifest.categories.find((category) => category.id === 'device.advertising_id')!;
    const [use] = advertising.uses;
    expect(use!.consent).toBe('ads');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[use!.consentAt!.line - 1]!.slice(use!.consentAt!.column - 1)).toBe('ads');
  });
});

describe('the full JSON manifest', () => {
  const file = path.join(VALID_DIR, 'full.json');
  const manifest = loadManifest(file);

  it('loads JSON with the same model as YAML', () => {
    expect(manifest.app).toEqual({ name: 'JSON Example', description: 'The same format written as JSON.' });
    expect(ids(manifest.categories)).toEqual(['usage.events', 'diagnostics.crash', 'identity.account_id']);
    expect(ids(manifest.recipients)).toEqual(['sentry']);
    expect(manifest.recipients[0]).toMatchObject({ role: 'processor', packages: ['@sentry/*'], domains: ['*.ingest.sentry.io'] });
    expect(manifest.consents.get('analytics')?.mode).toBe('opt-in');
    expect(manifest.residency).toHaveLength(1);
    expect(manifest.residency[0]).toMatchObject({ id: 'eu', regions: ['EU'], storeIn: ['EU'], categories: ['usage.events'] });
    expect(manifest.categories[0]!.retention?.duration).toBe('P14M');
  });

  it('reports positions as line and column in the JSON text', () => {
    const crash = manifest.categories.find((category) => category.id === 'diagnostics.crash')!;
    expect(crash.at).toEqual({ file: path.resolve(file), ...positionOf(file, '"id": "diagnostics.crash",', '"diagnostics.crash"') });
  });
});
