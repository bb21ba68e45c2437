import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { UserError } from '../../src/util/problem.js';
import { writeProject } from '../helpers/temp-project.js';

const problemsOf = (text: string) => {
  const root = writeProject({ 'privlint.config.yaml': text });
  try {
    loadConfig(path.join(root, 'privlint.config.yaml'));
    return [];
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}: ${problem.message}`);
  }
};

describe('config messages name what a value is', () => {
  it('an unknown data category in the catalog extension, as in the manifest', () => {
    const text = [
      'catalog:',
      '  modules:',
      '    - module: "@acme/device"',
      '      platform: react-native',
      '      apis:',
      '        - { name: readImei, kind: call, category: device.imie, confidence: high }',
      '  sdks:',
      '    - id: acme-analytics',
      '      name: Acme Analytics',
      '      packages: ["@acme/analytics"]',
      '      vendor: acme',
      '      kind: analytics',
      '      collects: [device.advertsing_id]',
      '',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      '6:51 catalog.modules[0].apis[0].category: unknown data category "device.imie"; did you mean "device.imei"?',
      '13:18 catalog.sdks[0].collects[0]: unknown data category "device.advertsing_id"; did you mean "device.advertising_id"?',
    ]);
  });

  it('an unknown severity in rules, and an unknown platform', () => {
    expect(problemsOf('rules:\n  require-purpose: erorr\n')).toEqual(['2:20 rules.require-purpose: unknown severity "erorr"; did you mean "error"?']);
    expect(problemsOf('catalog:\n  modules:\n    - module: x\n      platform: reactnative\n      apis: []\n')).toEqual([
      expect.stringMatching(/^4:17 catalog\.modules\[0\]\.platform: unknown platform "reactnative"; did you mean "react-native"\?$/),
    ]);
  });
});
