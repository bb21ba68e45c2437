// The curated SDK catalog (src/catalog/data/sdks.yaml) as data: its size, the shape of every
// package pattern, who owns each package, the vendors behind the SDKs, the kinds and the purposes
// they hint at, and real import specifiers resolving through the same CatalogIndex the engine uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_KINDS as BENCH_SDK_KINDS } from '../../bench/realworld/categories.mjs';
import { SDK_KIND_PURPOSES, SDK_KINDS } from '../../src/catalog/kinds.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { CatalogIndex, packagePatternProblem } from '../../src/catalog/match.js';
import { CATALOG_SCHEMA } from '../../src/catalog/schema.js';
import { PURPOSES } from '../../src/taxonomy/index.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const catalog = loadCatalog();
const index = new CatalogIndex(catalog);
const exactPackages = catalog.sdks.flatMap((sdk) => sdk.packages.filter((pattern) => !pattern.includes('*')).map((pattern) => ({ pattern, sdk: sdk.id })));

describe('the SDK catalog', () => {
  it('has at least 250 SDK entries from at least 150 vendors', () => {
    expect(catalog.sdks.length).toBeGreaterThanOrEqual(250);
    expect(catalog.vendors.length).toBeGreaterThanOrEqual(150);
    expect(catalog.sdks.flatMap((sdk) => sdk.packages).length).toBeGreaterThanOrEqual(800);
  });

  it('has unique SDK and vendor ids', () => {
    const duplicates = (ids: string[]) => ids.filter((id, position) => ids.indexOf(id) !== position);
    expect(duplicates(catalog.sdks.map((sdk) => sdk.id))).toEqual([]);
    expect(duplicates(catalog.vendors.map((vendor) => vendor.id))).toEqual([]);
  });

  it('keeps the ids that manifests and baselines already refer to', () => {
    const ids = new Set(catalog.sdks.map((sdk) => sdk.id));
    for (const id of ['firebase-analytics', 'firebase-messaging', 'google-mobile-ads', 'facebook-sdk', 'meta-pixel', 'appsflyer', 'adjust', 'segment-client', 'mixpanel-node', 'amplitude-client', 'posthog-client', 'braze', 'onesignal', 'expo-push', 'sentry', 'datadog-apm', 'hotjar', 'intercom', 'tiktok-pixel', 'fingerprint-pro', 'wechat-js-sdk']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('lists every package as an exact name or a curated glob that the catalog\'s own check accepts', () => {
    const problems = catalog.sdks.flatMap((sdk) => sdk.packages.flatMap((pattern) => {
      const problem = packagePatternProblem(pattern);
      return problem ? [`${sdk.id}: ${problem}`] : [];
    }));
    expect(problems).toEqual([]);
    // Only whole scopes known to hold nothing but the vendor's SDKs and tooling are globbed.
    expect(catalog.sdks.flatMap((sdk) => sdk.packages.filter((pattern) => pattern.includes('*'))).sort()).toEqual(['@sentry/*', '@statsig/*']);
    // An npm name: lower case, no spaces; a scoped name has its scope and a name.
    for (const { pattern, sdk } of exactPackages) expect(pattern, sdk).toMatch(/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*(\/[a-z0-9._-]+)*$/);
  });

  it('gives each exact package and each snippet global to one SDK only', () => {
    const owners = new Map<string, string[]>();
    for (const { pattern, sdk } of exactPackages) owners.set(pattern, [...(owners.get(pattern) ?? []), sdk]);
    expect([...owners].filter(([, sdks]) => sdks.length > 1)).toEqual([]);
    const globals = catalog.sdks.flatMap((sdk) => sdk.globals);
    expect(globals.filter((name, position) => globals.indexOf(name) !== position)).toEqual([]);
    // Globals of one or two letters would catch unrelated code (window.aa, ym): only the
    // long-established snippet globals of Google Analytics (ga), Hotjar (hj), the YouTube IFrame
    // API (YT) and the Zendesk Web Widget (zE) are listed.
    expect(globals.filter((name) => name.length < 3).sort()).toEqual(['YT', 'ga', 'hj', 'zE']);
  });

  it('names an existing vendor for every SDK, and every vendor has a domain or says why not', () => {
    const vendors = new Map(catalog.vendors.map((vendor) => [vendor.id, vendor]));
    expect(catalog.sdks.filter((sdk) => !vendors.has(sdk.vendor)).map((sdk) => `${sdk.id} → ${sdk.vendor}`)).toEqual([]);
    expect(catalog.vendors.filter((vendor) => vendor.domains.length === 0 && !vendor.note).map((vendor) => vendor.id)).toEqual([]);
    // A vendor no SDK names must say why it is there (Avast and Cheetah: named by a reference policy, no npm SDK).
    const used = new Set(catalog.sdks.map((sdk) => sdk.vendor));
    expect(catalog.vendors.filter((vendor) => !used.has(vendor.id)).map((vendor) => [vendor.id, Boolean(vendor.note)])).toEqual([
      ['avast', true],
      ['cheetah', true],
    ]);
    for (const vendor of catalog.vendors) {
      if (vendor.policyUrl !== undefined) expect(vendor.policyUrl, vendor.id).toMatch(/^https:\/\/\S+$/);
      for (const domain of vendor.domains) expect(domain, vendor.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('cites a source for every SDK (a note), and gives server-side clients no collection of their own', () => {
    expect(catalog.sdks.filter((sdk) => !sdk.note?.trim()).map((sdk) => sdk.id)).toEqual([]);
    for (const id of ['stripe-server', 'hubspot-api', 'klaviyo-server', 'sendgrid', 'openai', 'anthropic', 'onesignal-node', 'intercom-node']) {
      expect(catalog.sdks.find((sdk) => sdk.id === id)?.collects, id).toEqual([]);
    }
  });

  it('uses only the kinds of kinds.ts, each with purposes that exist in the taxonomy', () => {
    const kindEnum = (CATALOG_SCHEMA.properties as Record<string, { items: { properties: { kind: { enum: string[] } } } }>).sdks!.items.properties.kind.enum;
    expect(kindEnum).toEqual([...SDK_KINDS]);
    expect(new Set(catalog.sdks.map((sdk) => sdk.kind))).toEqual(new Set(SDK_KINDS));
    const purposeIds = new Set(PURPOSES.map((entry) => entry.id));
    expect(Object.keys(SDK_KIND_PURPOSES).sort()).toEqual([...SDK_KINDS].sort());
    for (const [kind, purposes] of Object.entries(SDK_KIND_PURPOSES)) {
      for (const purpose of purposes) expect(purposeIds.has(purpose), `${kind} → ${purpose}`).toBe(true);
    }
    expect(SDK_KIND_PURPOSES.other).toEqual([]);
    // The real-world benchmark labels SDKs with the same kinds.
    expect([...BENCH_SDK_KINDS].sort()).toEqual([...SDK_KINDS].sort());
  });

  it('documents every kind where the kinds are listed', () => {
    for (const file of ['docs/json-output.md', 'docs/config.md', 'src/catalog/data/EXAMPLE-FORMAT.md', 'src/catalog/data/sdks.yaml']) {
      const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
      for (const kind of SDK_KINDS) expect(text, `${file} names ${kind}`).toMatch(new RegExp(`[\`| ]${kind}[\`|,. ]`));
    }
  });
});

describe('real imports resolve to the right SDK (CatalogIndex.sdkForSpecifier)', () => {
  const resolved = (specifier: string) => index.sdkForSpecifier(specifier)?.id;

  it.each([
    ['@segment/analytics-react-native', 'segment-client'],
    ['@segment/analytics-next', 'segment-client'],
    ['@segment/analytics-react-native-plugin-idfa', 'segment-identifier-plugins'],
    ['@segment/analytics-react-native-plugin-appsflyer', 'appsflyer'],
    ['@segment/analytics-react-native-plugin-firebase', 'firebase-analytics'],
    ['@react-native-firebase/messaging', 'firebase-messaging'],
    ['@react-native-firebase/remote-config', 'firebase-remote-config'],
    ['firebase/analytics', 'firebase-analytics'],
    ['cordova-plugin-firebasex', 'firebase-cordova-x'],
    ['posthog-react-native', 'posthog-client'],
    ['posthog-js/react', 'posthog-client'],
    ['react-native-onesignal', 'onesignal'],
    ['@amplitude/analytics-browser', 'amplitude-client'],
    ['@amplitude/plugin-session-replay-browser', 'amplitude-session-replay'],
    ['@amplitude/experiment-js-client', 'amplitude-experiment'],
    ['expo-notifications', 'expo-notifications'],
    ['@awesome-cordova-plugins/smartlook', 'smartlook'],
    ['@ionic-native/smartlook', 'smartlook'],
    ['search-insights', 'algolia-insights'],
    ['algoliasearch/lite', 'algolia-search'],
    ['@statsig/js-client', 'statsig'],
    ['@statsig/session-replay', 'statsig-session-replay'],
    ['@statsig/web-analytics', 'statsig-web-analytics'],
    ['launchdarkly-react-client-sdk', 'launchdarkly'],
    ['@growthbook/growthbook-react', 'growthbook'],
    ['rrweb', 'rrweb'],
    ['@react-native-community/push-notification-ios', 'apple-push-notifications'],
    ['react-native-notifications', 'platform-push-libraries'],
    ['@batch.com/react-native-plugin', 'batch'],
    ['@stripe/stripe-react-native', 'stripe-client'],
    ['stripe', 'stripe-server'],
    ['react-native-purchases', 'revenuecat'],
    ['@invertase/react-native-apple-authentication', 'sign-in-with-apple'],
    ['@react-native-google-signin/google-signin', 'google-sign-in'],
    ['react-native-maps', 'react-native-maps'],
    ['@vimeo/player', 'vimeo-player'],
    ['react-youtube', 'youtube-embed'],
    ['@fingerprintjs/botd', 'fingerprint-botd'],
    ['@fingerprintjs/fingerprintjs-pro-react', 'fingerprint-pro'],
    ['react-native-adjust', 'adjust'],
    ['@sentry/react-native', 'sentry'],
    ['@datadog/browser-rum', 'datadog-rum'],
    ['aws-amplify/analytics', 'aws-amplify-analytics'],
    ['@arkade-os/sdk', 'arkade'],
    ['openai', 'openai'],
  ])('%s → %s', (specifier, id) => {
    expect(resolved(specifier)).toBe(id);
  });

  it.each([
    'decimal-adjust',
    'segment-tree',
    'posthog-like',
    'sift',
    'heap',
    'heap-js',
    '@braintree/sanitize-url',
    '@bugsnag/cuid',
    '@adobe/react-spectrum',
    '@auth0/xmldom',
    '@algolia/requester-node-http',
    '@statsig',
    'statsig-nodes',
    '@sentryx/browser',
    'firebase-tools',
    'stripe-event-types',
    'openai-chat-tokens',
    'persona-like',
    'aws-amplify',
    '@fingerprintjs/fingerprintjs',
  ])('%s is no SDK', (specifier) => {
    expect(resolved(specifier)).toBeUndefined();
  });

  it('knows the snippet globals of web tags', () => {
    const byGlobal = (name: string) => index.sdkForGlobal(name)?.id;
    expect(['fbq', 'gtag', 'dataLayer', 'ttq', 'twq', 'lintrk', 'snaptr', 'pintrk', 'rdt', 'uetq', 'hj', 'clarity', '_hsq', 'zE', 'grecaptcha', 'YT'].map(byGlobal)).toEqual([
      'meta-pixel',
      'google-analytics-web',
      'google-tag-manager',
      'tiktok-pixel',
      'x-pixel',
      'linkedin-insight',
      'snap-pixel',
      'pinterest-tag',
      'reddit-pixel',
      'microsoft-uet',
      'hotjar',
      'microsoft-clarity',
      'hubspot',
      'zendesk',
      'google-recaptcha',
      'youtube-embed',
    ]);
  });
});
