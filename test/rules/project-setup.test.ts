// How the rules find, load and report the manifest and config: settings.privlint, discovery,
// reload on change, a broken manifest on line 1 (once per file), no manifest, inline disables,
// and the same meaning with or without type information. Uses ESLint's Linter with the plugin's
// flat configs, as a user's eslint.config.js would.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../rules/index.js';
import rule from '../../rules/no-undeclared-sdk.js';
import { rules } from '../../rules/index.js';
import { scan } from '../../src/scan.js';
import { writeProject } from '../helpers/temp-project.js';
import { BROKEN_PROJECT, code, CONFIG, fileIn, MANIFEST, NO_MANIFEST_PROJECT, PROJECT, ruleTester, undeclaredOwn } from './rule-tester.js';

type Config = Linter.Config;
const recommended = plugin.configs.recommended as unknown as Config;
const strict = plugin.configs.strict as unknown as Config;
const tsFiles: Config = { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser as unknown as Linter.Parser } };

function lint(root: string, relative: string, text: string, configs: Config[] = [tsFiles, recommended], linterOptions: Config['linterOptions'] = {}) {
  const linter = new Linter({ cwd: root });
  return linter.verify(text, [...configs, { linterOptions }], { filename: path.join(root, relative) });
}

const view = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.messageId ?? ''}`.trim());

const UNANNOTATED = code(`import DeviceInfo from 'react-native-device-info';`, `export const id = DeviceInfo.getUniqueId();`);
const MAC = code(`import DeviceInfo from 'react-native-device-info';`, `// @privacy-purpose fraud_prevention`, `export const mac = DeviceInfo.getMacAddress();`);
const EVERYTHING = code(
  `import DeviceInfo from 'react-native-device-info';`,
  `import Mixpanel from 'mixpanel';`,
  `export const mac = DeviceInfo.getMacAddress();`,
  `// @privacy-purpose analytcs`,
  `export const id = DeviceInfo.getUniqueId();`,
);

afterEach(() => {
  vi.useRealTimers();
});

describe('a broken manifest', () => {
  ruleTester.run('every rule reports it on line 1 when it is the only privlint rule', rule, {
    valid: [],
    invalid: [{ name: 'no-undeclared-sdk', filename: fileIn(BROKEN_PROJECT, 'src/a.ts'), code: EVERYTHING, errors: [{ messageId: 'setupError', line: 1, column: 1 }] }],
  });

  it('is reported once, on line 1, by the first enabled privlint rule, whatever the file contains', () => {
    for (const text of [EVERYTHING, `export const nothing = 1;\n`]) {
      const messages = lint(BROKEN_PROJECT, 'src/a.ts', text, [tsFiles, strict]);
      expect(view(messages)).toEqual([`1:1 privlint/${Object.keys(rules)[0]} setupError`]);
      expect(messages[0]!.message).toMatch(/^privlint cannot check this file: .*privacy-manifest\.yaml: the manifest has \d+ problems?\n/);
      expect(messages[0]!.message).toMatch(/privacy-manifest\.yaml:\d+:\d+ /);
    }
  });

  it('is reported by whichever privlint rule is enabled first', () => {
    const onlyDeclaredPurpose: Config = { rules: { 'privlint/declared-purpose': 'warn' }, plugins: { privlint: plugin as never } };
    expect(view(lint(BROKEN_PROJECT, 'src/a.ts', EVERYTHING, [tsFiles, onlyDeclaredPurpose]))).toEqual(['1:1 privlint/declared-purpose setupError']);
  });

  it('is reported again on every lint of the file, not just the first', () => {
    expect(view(lint(BROKEN_PROJECT, 'src/b.ts', UNANNOTATED))).toHaveLength(1);
    expect(view(lint(BROKEN_PROJECT, 'src/b.ts', UNANNOTATED))).toHaveLength(1);
  });

  it('covers a broken privlint config too', () => {
    const root = writeProject({ 'privlint.config.json': `{ "guards": [{ "cal": "hasConsent" }] }\n`, 'privacy-manifest.yaml': MANIFEST });
    const messages = lint(root, 'src/a.ts', UNANNOTATED);
    expect(view(messages)).toEqual([`1:1 privlint/${Object.keys(rules)[0]} setupError`]);
    expect(messages[0]!.message).toContain('privlint.config.json');
  });
});

describe('no manifest', () => {
  it('require-purpose and declared-purpose (unknown purposes) still report; the manifest rules stay silent', () => {
    expect(view(lint(NO_MANIFEST_PROJECT, 'src/a.ts', EVERYTHING))).toEqual([
      '3:20 privlint/require-purpose missingPurpose',
      '5:19 privlint/declared-purpose unknownPurpose',
    ]);
  });

  it('the same file with a manifest gets the manifest rules too', () => {
    expect(view(lint(PROJECT, 'src/a.ts', EVERYTHING)).sort()).toEqual(
      [
        '2:22 privlint/no-undeclared-sdk undeclaredSdk',
        ...undeclaredOwn('mixpanel').map(() => '2:22 privlint/no-undeclared-collection undeclaredSdkCollection'),
        '3:20 privlint/no-undeclared-collection undeclaredCategory',
        '3:20 privlint/require-purpose missingPurpose',
        '5:19 privlint/declared-purpose unknownPurpose',
      ].sort(),
    );
  });
});

describe('settings.privlint', () => {
  const root = writeProject({
    'package.json': '{"name":"custom-paths","private":true}',
    'policy/app-privacy.yaml': MANIFEST,
    'tools/privlint.json': CONFIG,
    // A manifest that discovery would find, which settings must override.
    'privacy-manifest.yaml': MANIFEST.replace('  - id: device.id\n', '  - id: device.mac_address\n    uses:\n      - purposes: [fraud_prevention]\n        basis: legitimate_interest\n  - id: device.id\n'),
  });
  const withSettings: Config = { settings: { privlint: { manifest: 'policy/app-privacy.yaml', config: 'tools/privlint.json' } } };

  it('discovery finds privacy-manifest.yaml by walking up from the linted file', () => {
    expect(view(lint(root, 'src/deep/down/a.ts', MAC))).toEqual([]);
  });

  it('settings name the manifest and config (relative to ESLint cwd) and win over discovery', () => {
    expect(view(lint(root, 'src/a.ts', MAC, [tsFiles, recommended, withSettings]))).toEqual(['3:20 privlint/no-undeclared-collection undeclaredCategory']);
  });

  it('the config from settings provides the guards', () => {
    const guarded = code(
      `import DeviceInfo from 'react-native-device-info';`,
      `declare function hasConsent(key: string): boolean;`,
      `// @privacy-purpose analytics`,
      `export const id = hasConsent('analytics') ? DeviceInfo.getUniqueId() : null;`,
    );
    expect(view(lint(root, 'src/a.ts', guarded, [tsFiles, recommended, withSettings]))).toEqual([]);
  });

  it('a settings path that does not exist is a setup error', () => {
    const messages = lint(root, 'src/a.ts', MAC, [tsFiles, recommended, { settings: { privlint: { manifest: 'policy/missing.yaml' } } }]);
    expect(view(messages)).toEqual([`1:1 privlint/${Object.keys(rules)[0]} setupError`]);
    expect(messages[0]!.message).toContain('missing.yaml');
  });
});

describe('reload when the manifest or config changes on disk', () => {
  it('picks up a new declaration and a fixed manifest without restarting ESLint', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const root = writeProject({ 'package.json': '{"name":"reload","private":true}', 'privacy-manifest.yaml': MANIFEST });
    expect(view(lint(root, 'src/a.ts', MAC))).toEqual(['3:20 privlint/no-undeclared-collection undeclaredCategory']);

    writeFileSync(path.join(root, 'privacy-manifest.yaml'), 'version: 1\ncategories: 7\n');
    vi.setSystemTime(Date.now() + 1500);
    expect(view(lint(root, 'src/a.ts', MAC))).toEqual([`1:1 privlint/${Object.keys(rules)[0]} setupError`]);

    writeFileSync(path.join(root, 'privacy-manifest.yaml'), MANIFEST.replace('categories:\n', 'categories:\n  - id: device.mac_address\n    uses:\n      - purposes: [fraud_prevention]\n        basis: legitimate_interest\n'));
    vi.setSystemTime(Date.now() + 1500);
    expect(view(lint(root, 'src/a.ts', MAC))).toEqual([]);
  });

  // The config names the manifest: the editor must watch that file even while it is broken.
  it('notices a fix to a broken manifest that the config points to', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const root = writeProject({
      'package.json': '{"name":"reload-config-manifest","private":true}',
      'privlint.config.json': JSON.stringify({ manifest: 'policy/app.yaml' }),
      'policy/app.yaml': 'version: 1\ncategories: 7\n',
    });
    expect(view(lint(root, 'src/a.ts', MAC))).toEqual([`1:1 privlint/${Object.keys(rules)[0]} setupError`]);
    writeFileSync(path.join(root, 'policy/app.yaml'), MANIFEST);
    vi.setSystemTime(Date.now() + 1500);
    expect(view(lint(root, 'src/a.ts', MAC))).toEqual(['3:20 privlint/no-undeclared-collection undeclaredCategory']);
  });
});

describe('files privlint scan does not analyse', () => {
  const root = writeProject({
    'package.json': '{"name":"ignores","private":true}',
    'privacy-manifest.yaml': MANIFEST,
    'privlint.config.json': JSON.stringify({ ignore: ['src/generated/**'] }),
    'src/generated/ids.ts': UNANNOTATED,
    'dist/ids.ts': UNANNOTATED,
    'src/app.ts': `export const app = 1;\n`,
  });

  // The config's "ignore" list and the default ignores (dist/, build/, .d.ts …) hold in the editor too.
  it('are not reported in the editor either (config ignore list, build output)', () => {
    expect(scan({ cwd: root }).files.map((file) => path.relative(root, file))).toEqual(['src/app.ts']);
    expect(view(lint(root, 'src/generated/ids.ts', UNANNOTATED))).toEqual([]);
    expect(view(lint(root, 'dist/ids.ts', UNANNOTATED))).toEqual([]);
  });
});

describe('wrappers and guards reached through a barrel (export … from)', () => {
  const report = code(
    `import DeviceInfo from 'react-native-device-info';`,
    `export function reportDevice() {`,
    `  // @privacy-purpose analytics`,
    `  const id = DeviceInfo.getUniqueId();`,
    `  console.log(id);`,
    `}`,
    ``,
  );
  const wrapper = code(`import DeviceInfo from 'react-native-device-info';`, `export function deviceId() {`, `  return DeviceInfo.getUniqueId();`, `}`, ``);
  const root = writeProject({
    'package.json': '{"name":"barrels","private":true}',
    'privacy-manifest.yaml': MANIFEST,
    'privlint.config.json': CONFIG,
    'src/lib/report.ts': report,
    'src/lib/ids.ts': wrapper,
    'src/lib/index.ts': `export { reportDevice } from './report';\nexport { deviceId } from './ids';\n`,
    'src/screens/home.ts': code(
      `import { reportDevice, deviceId } from '../lib';`,
      `declare function hasConsent(key: string): Promise<boolean>;`,
      `export async function onOpen() {`,
      `  if (await hasConsent('analytics')) reportDevice();`,
      `  // @privacy-purpose analytics`,
      `  return deviceId();`,
      `}`,
      ``,
    ),
  });
  const scanned = (relative: string) =>
    scan({ cwd: root })
      .findings.filter((finding) => finding.file === relative && finding.ruleId !== 'no-unused-declaration')
      .map((finding) => `${finding.line}:${finding.column} privlint/${finding.ruleId} ${finding.kind}`);

  // `export … from` links the barrel to its modules, so the editor sees the guarded caller of
  // report.ts (no finding, as in scan) and the wrapper behind the barrel (a finding, as in scan).
  it('are seen by the editor as by privlint scan', () => {
    expect(scanned('src/lib/report.ts')).toEqual([]);
    expect(view(lint(root, 'src/lib/report.ts', report))).toEqual([]);
    const home = readFileSync(path.join(root, 'src/screens/home.ts'), 'utf8');
    expect(scanned('src/screens/home.ts')).toEqual(['6:10 privlint/require-consent-check collectionWithoutConsent']);
    expect(view(lint(root, 'src/screens/home.ts', home))).toEqual(['6:10 privlint/require-consent-check collectionWithoutConsent']);
  });
});

describe('inline disables', () => {
  it('eslint-disable-next-line privlint/<rule> -- reason silences one finding and counts as used', () => {
    const text = code(`import DeviceInfo from 'react-native-device-info';`, `// eslint-disable-next-line privlint/require-purpose -- reviewed in PRIV-9`, `export const id = DeviceInfo.getUniqueId();`);
    expect(view(lint(PROJECT, 'src/a.ts', text, undefined, { reportUnusedDisableDirectives: 'error' }))).toEqual([]);
  });

  it('an eslint-disable for a privlint rule with nothing to silence is reported as unused by ESLint', () => {
    const text = code(`// eslint-disable-next-line privlint/require-purpose -- stale`, `export const id = 1;`);
    const messages = lint(PROJECT, 'src/a.ts', text, undefined, { reportUnusedDisableDirectives: 'error' });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.ruleId).toBeNull();
    expect(messages[0]!.message).toContain("Unused eslint-disable directive (no problems were reported from 'privlint/require-purpose')");
  });

  it('privlint-disable-next-line comments are honoured by the rules (and by privlint scan)', () => {
    const text = code(`import DeviceInfo from 'react-native-device-info';`, `// privlint-disable-next-line require-purpose -- reviewed in PRIV-9`, `export const id = DeviceInfo.getUniqueId();`);
    expect(view(lint(PROJECT, 'src/a.ts', text))).toEqual([]);
  });
});

describe('type information', () => {
  it('does not change what the rules report (the engine never uses it)', () => {
    const root = writeProject({
      'package.json': '{"name":"typed","private":true}',
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': CONFIG,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' }, include: ['src'] }),
      'src/a.ts': EVERYTHING,
    });
    const typed: Config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: root } },
    };
    const untyped = lint(root, 'src/a.ts', EVERYTHING);
    const withTypes = lint(root, 'src/a.ts', EVERYTHING, [typed, strict]);
    expect(untyped.length).toBeGreaterThan(0);
    expect(withTypes.map(({ line, column, ruleId, message }) => ({ line, column, ruleId, message }))).toEqual(
      untyped.map(({ line, column, ruleId, message }) => ({ line, column, ruleId, message })),
    );
  });
});
