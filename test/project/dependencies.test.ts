import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { packageKnowledge } from '../../src/catalog/known-packages.js';
import { formatJson } from '../../src/report/json.js';
import { unrecognisedLine } from '../../src/report/text.js';
import { formatMarkdownSummary } from '../../src/report/markdown-summary.js';
import { scan } from '../../src/scan.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { writeProject } from '../helpers/temp-project.js';

const SOURCE = "import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getMacAddress();\n";
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('third-party dependencies privlint does not recognise', () => {
  it('knows catalogued packages (SDK globs, sources, sinks, models) and the no-data list, and nothing else', () => {
    const knows = packageKnowledge(loadCatalog());
    expect(['@sentry/react-native', 'react-native-device-info', 'axios', 'express', 'firebase', 'react', '@types/node', '@babel/runtime', 'lodash'].map(knows)).toEqual([
      'catalog',
      'catalog',
      'catalog',
      'catalog',
      'catalog',
      'no-data',
      'no-data',
      'no-data',
      'no-data',
    ]);
    expect(['left-pad-analytics', 'expo-constants', '@types'].map(knows)).toEqual([undefined, undefined, undefined]);
  });

  it("lists a monorepo's runtime dependencies that are third party and unknown: not devDependencies, workspace packages or local paths", () => {
    const root = writeProject({
      'package.json': json({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'], dependencies: { 'left-pad-analytics': '^1.0.0' } }),
      'apps/mobile/package.json': json({
        name: '@shop/mobile',
        dependencies: {
          '@shop/ui': 'workspace:*',
          '@shop/tracking': '^2.0.0', // a workspace package by name, whatever the range
          'local-thing': 'file:../../vendor/local-thing',
          'react-native-device-info': '^14.0.2',
          react: '18.3.1',
          'mystery-sdk': '^3.1.0',
          'aliased': 'npm:@acme/beacon@^1.2.0',
        },
        devDependencies: { 'dev-only-sdk': '^1.0.0' },
      }),
      'packages/ui/package.json': json({ name: '@shop/ui', dependencies: { 'mystery-sdk': '^3.0.0' } }),
      'packages/tracking/package.json': json({ name: '@shop/tracking' }),
      'node_modules/mystery-sdk/package.json': json({ name: 'mystery-sdk', dependencies: { 'deep-dependency': '1.0.0' } }),
      'apps/mobile/src/a.ts': SOURCE,
    });
    const result = scan({ paths: [root], cwd: root });
    expect(result.dependencies).toEqual({
      packageFiles: ['apps/mobile/package.json', 'package.json', 'packages/tracking/package.json', 'packages/ui/package.json'],
      unrecognised: [
        { package: '@acme/beacon', version: 'npm:@acme/beacon@^1.2.0', packageJson: 'apps/mobile/package.json' },
        { package: 'left-pad-analytics', version: '^1.0.0', packageJson: 'package.json' },
        { package: 'mystery-sdk', version: '^3.1.0', packageJson: 'apps/mobile/package.json' },
        { package: 'mystery-sdk', version: '^3.0.0', packageJson: 'packages/ui/package.json' },
      ],
    });
    expect(unrecognisedLine(result)).toBe(
      "! 3 third-party packages not recognised, so not judged (privlint's catalog does not say what they send): @acme/beacon, left-pad-analytics, mystery-sdk",
    );
    expect(JSON.parse(formatJson(result)).inventory.dependencies).toEqual(result.dependencies);
    expect(formatMarkdownSummary(result)).toContain('**Not judged:** 3 third-party packages privlint does not recognise, so it cannot say what they send: `@acme/beacon`, `left-pad-analytics`, `mystery-sdk`.');
  });

  it("reads the package.json above a scanned src folder, and the config's catalog makes a package known", () => {
    const root = writeProject({
      'package.json': json({ name: 'app', dependencies: { 'mystery-sdk': '^3.1.0', 'other-sdk': '1.0.0' } }),
      'privlint.config.json': json({ catalog: { vendors: [{ id: 'mystery', name: 'Mystery Inc.' }], sdks: [{ id: 'mystery', vendor: 'mystery', name: 'Mystery', kind: 'analytics', packages: ['mystery-sdk'] }] } }),
      'src/a.ts': SOURCE,
    });
    const result = scan({ paths: [path.join(root, 'src')], cwd: root });
    expect(result.dependencies).toEqual({ packageFiles: ['../package.json'], unrecognised: [{ package: 'other-sdk', version: '1.0.0', packageJson: '../package.json' }] });
    expect(unrecognisedLine(result)).toBe("! 1 third-party package not recognised, so not judged (privlint's catalog does not say what it sends): other-sdk");
  });

  it('says when a package.json cannot be read, and lists nothing when there is no package.json', () => {
    const broken = writeProject({ 'package.json': '{ "dependencies": ', 'src/a.ts': SOURCE });
    const result = scan({ paths: [broken], cwd: broken });
    expect(result.dependencies).toEqual({ packageFiles: [], unrecognised: [] });
    expect(result.inventory.diagnostics).toContainEqual({ file: 'package.json', line: 1, column: 1, severity: 'warning', message: 'not valid JSON: its dependencies were not checked for SDKs privlint does not recognise' });
    const none = writeProject({ 'src/a.ts': SOURCE });
    expect(scan({ paths: [none], cwd: none }).dependencies).toEqual({ packageFiles: [], unrecognised: [] });
    expect(unrecognisedLine(scan({ paths: [none], cwd: none }))).toBeUndefined();
  });

  it('lists what the fixture apps depend on that privlint cannot judge', () => {
    const unrecognised = (app: string) => scan({ paths: [path.join(REPO_ROOT, 'fixtures/apps', app)] }).dependencies?.unrecognised.map((dependency) => dependency.package);
    expect(unrecognised('xiaomi-demo')).toEqual(['expo']);
    expect(unrecognised('expo-fit')).toEqual(['@config-plugins/react-native-branch', 'expo', 'expo-constants', 'expo-crypto', 'expo-router']);
    expect(unrecognised('rn-shop')).toEqual([]);
  });
});
