import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePatternProblem } from '../../src/catalog/match.js';
import { loadConfig } from '../../src/config/load.js';
import { UserError } from '../../src/util/problem.js';
import { writeProject } from '../helpers/temp-project.js';

describe('package patterns: names, or * as a whole segment after the name or scope', () => {
  it('accepts names and curated globs', () => {
    for (const pattern of ['firebase', 'firebase/compat/app', '@sentry/*', 'firebase/*', '@react-native-firebase/analytics', '@acme/*/client']) {
      expect(packagePatternProblem(pattern), pattern).toBeUndefined();
    }
  });

  it('refuses a glob for a whole name and a * inside a name, saying why', () => {
    expect(packagePatternProblem('*')).toMatch(/would match every package/);
    expect(packagePatternProblem('*/client')).toMatch(/would match every package/);
    expect(packagePatternProblem('@acme')).toBeUndefined(); // not a glob: simply a name no import has
    expect(packagePatternProblem('acme-*')).toMatch(/not part of a name/);
    expect(packagePatternProblem('@*/core')).toMatch(/not part of a name/);
  });

  it('the config\'s catalog section is checked the same way, with positions', () => {
    const config = { catalog: { vendors: [{ id: 'acme', name: 'Acme' }], sdks: [{ id: 'acme', vendor: 'acme', name: 'Acme', kind: 'analytics', packages: ['acme-sdk', '*', 'acme-*'] }] } };
    const root = writeProject({ 'privlint.config.json': JSON.stringify(config, null, 2) });
    let problems: string[] = [];
    try {
      loadConfig(path.join(root, 'privlint.config.json'));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems = error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}: ${problem.message}`);
    }
    expect(problems).toEqual([
      '17:11 catalog.sdks[0].packages[1]: "*" would match every package; list package names, or a scope or subpath glob such as "@acme/*" or "firebase/*"',
      '18:11 catalog.sdks[0].packages[2]: "acme-*": * stands for a whole path segment ("@acme/*", "firebase/*"), not part of a name; list the packages by name',
    ]);
  });
});
