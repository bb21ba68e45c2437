// Shared set-up for the RuleTester suites: vitest hooks, a throw-away project on disk with a
// manifest and a config (the rules resolve the project from the linted file's path, as in an
// editor), and helpers that read the catalog so expectations follow catalog changes.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as CoreRuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { CatalogIndex } from '../../src/catalog/match.js';
import { categoryCovers } from '../../src/taxonomy/index.js';
import { writeProject } from '../helpers/temp-project.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

// ESLint's own RuleTester (its default parser is espree), for plain JavaScript files.
const core = CoreRuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown };
core.describe = describe;
core.it = it;
core.itOnly = it.only;

/** @typescript-eslint/parser without type information (the RuleTester default). */
export const ruleTester = new RuleTester();

/** ESLint's default parser (espree), ES modules and JSX, as a plain JavaScript project has it. */
export const espreeTester = new CoreRuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});

const catalog = new CatalogIndex(loadCatalog());

/** What an SDK collects on its own according to privlint's catalog. */
export function sdkCollects(specifier: string): string[] {
  const sdk = catalog.sdkForSpecifier(specifier);
  if (!sdk) throw new Error(`${specifier} is not a catalogued SDK`);
  return sdk.collects;
}

export const GUARDED_PACKAGE = '@react-native-firebase/analytics';

// device.android_id: the test code's getUniqueId is the Android ID on Android (catalog `also`).
const DECLARED = ['device.id', 'device.android_id', 'location.precise'];
// The SDK the manifest lists collects some categories on its own; declare those too, so that
// importing it is clean for no-undeclared-collection whatever the catalog says it collects.
const sdkOwn = sdkCollects(GUARDED_PACKAGE).filter((category) => !DECLARED.some((declared) => categoryCovers(declared, category)));

/** Every category the test manifest declares. */
export const DECLARED_CATEGORIES = [...DECLARED, ...sdkOwn];

/** The categories an SDK collects on its own that the test manifest does not declare. */
export function undeclaredOwn(specifier: string): string[] {
  return sdkCollects(specifier).filter((category) => !DECLARED_CATEGORIES.some((declared) => categoryCovers(declared, category)));
}

/** Categories the test code collects that the manifest must NOT declare. */
export const UNDECLARED = ['device.mac_address', 'contacts'];
for (const category of UNDECLARED) {
  if (sdkOwn.some((own) => categoryCovers(own, category))) throw new Error(`test manifest: ${GUARDED_PACKAGE} now collects ${category}; pick another undeclared category`);
}

export const MANIFEST = `version: 1
app:
  name: Rule tests
consents:
  analytics:
    mode: opt-in
  location:
    mode: opt-in
categories:
  - id: device.id
    uses:
      - purposes: [fraud_prevention]
        basis: legitimate_interest
      - purposes: [analytics]
        basis: consent
        consent: analytics
  - id: device.android_id
    uses:
      - purposes: [fraud_prevention]
        basis: legitimate_interest
      - purposes: [analytics]
        basis: consent
        consent: analytics
  - id: location.precise
    uses:
      - purposes: [app_functionality]
        basis: consent
        consent: location
${sdkOwn.map((category) => `  - id: ${category}\n    uses:\n      - purposes: [analytics]\n        basis: consent\n        consent: analytics\n`).join('')}recipients:
  - id: google
    role: processor
    packages: ["${GUARDED_PACKAGE}"]
    shares:
      - categories: [device.id]
        purposes: [analytics]
        consent: analytics
`;

export const CONFIG = JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] });

/** A wrapper and a guarded caller on disk: the project index must see them when another file is linted. */
const ON_DISK = {
  'src/lib/ids.ts': [
    `import DeviceInfo from 'react-native-device-info';`,
    `export function getDeviceId() {`,
    `  return DeviceInfo.getUniqueId();`,
    `}`,
    ``,
  ].join('\n'),
  'src/lib/report.ts': [
    `import DeviceInfo from 'react-native-device-info';`,
    `export function reportDevice() {`,
    `  // @privacy-purpose analytics`,
    `  const id = DeviceInfo.getUniqueId();`,
    `  console.log(id);`,
    `}`,
    ``,
  ].join('\n'),
  'src/screens/home.ts': [
    `import { reportDevice } from '../lib/report';`,
    `declare function hasConsent(key: string): Promise<boolean>;`,
    `export async function onOpen() {`,
    `  if (await hasConsent('analytics')) reportDevice();`,
    `}`,
    ``,
  ].join('\n'),
};

/** The project with a manifest and a config: package.json, privacy-manifest.yaml, privlint.config.json. */
export const PROJECT = writeProject({
  'package.json': JSON.stringify({ name: 'rule-tests', private: true }),
  'privacy-manifest.yaml': MANIFEST,
  'privlint.config.json': CONFIG,
  ...ON_DISK,
});

/** A project with a package.json and no manifest or config. */
export const NO_MANIFEST_PROJECT = writeProject({ 'package.json': JSON.stringify({ name: 'no-manifest', private: true }) });

/** A project whose manifest is invalid (a use without a basis, an unknown key). */
export const BROKEN_PROJECT = writeProject({
  'package.json': JSON.stringify({ name: 'broken', private: true }),
  'privacy-manifest.yaml': `version: 1\napp:\n  name: Broken\ncategories:\n  - id: device.id\n    uses:\n      - purposes: [analytics]\n    colour: blue\n`,
});

/** A file path inside a project (the rules find the manifest from it). */
export function fileIn(root: string, relative: string): string {
  return path.join(root, relative);
}

/** A file in the project with a manifest. */
export const file = (relative: string) => fileIn(PROJECT, relative);

/** Lines joined with \n (test code reads better as an array of lines). */
export const code = (...lines: string[]) => lines.join('\n');
