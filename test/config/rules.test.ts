import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { lintText, resetEditorSessions } from '../../src/editor/session.js';
import { scan } from '../../src/scan.js';
import { UserError } from '../../src/util/problem.js';
import { writeProject } from '../helpers/temp-project.js';

const SOURCE = `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getUniqueId();\n`;

const problemsOf = (file: string) => {
  try {
    loadConfig(file);
    return [];
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
  }
};

describe('rule severities in the config', () => {
  beforeEach(() => resetEditorSessions());

  it('takes ids with the ESLint prefix privlint/ as the same rules, in scan and in the editor', () => {
    const root = writeProject({ 'privlint.config.json': '{ "rules": { "privlint/require-purpose": "off" } }\n', 'src/id.ts': SOURCE });
    expect(loadConfig(path.join(root, 'privlint.config.json')).rules).toEqual({ 'require-purpose': 'off' });
    const withoutPrefix = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": "off" } }\n', 'src/id.ts': SOURCE });
    const unconfigured = writeProject({ 'src/id.ts': SOURCE });
    const ruleIds = (root: string) => scan({ paths: [root], cwd: root }).findings.map((finding) => finding.ruleId);
    expect(ruleIds(unconfigured)).toContain('require-purpose');
    expect(ruleIds(root)).toEqual(ruleIds(withoutPrefix));
    expect(ruleIds(root)).not.toContain('require-purpose');
    const file = path.join(root, 'src/id.ts');
    expect(lintText(file, SOURCE, { cwd: root }).findings.map((finding) => finding.ruleId)).not.toContain('require-purpose');
  });

  it('the prefixed form changes a severity too', () => {
    const root = writeProject({ 'privlint.config.json': '{ "rules": { "privlint/require-purpose": "error" } }\n', 'src/id.ts': SOURCE });
    const finding = scan({ paths: [root], cwd: root }).findings.find((candidate) => candidate.ruleId === 'require-purpose');
    expect(finding?.severity).toBe('error');
  });

  it('a rule named twice, with and without the prefix, is an error at the second', () => {
    const root = writeProject({ 'privlint.config.json': '{\n  "rules": {\n    "require-purpose": "off",\n    "privlint/require-purpose": "error"\n  }\n}\n' });
    expect(problemsOf(path.join(root, 'privlint.config.json'))).toEqual(['4:5 "privlint/require-purpose" is the same rule as "require-purpose" (line 3); keep one of them']);
  });

  it('an unknown prefixed rule gets a did-you-mean without the prefix doubled', () => {
    const root = writeProject({ 'privlint.config.json': '{ "rules": { "privlint/require-purpse": "off" } }\n' });
    expect(problemsOf(path.join(root, 'privlint.config.json'))).toEqual(['1:14 unknown rule "privlint/require-purpse"; did you mean "require-purpose"?']);
  });

  it('accepts ESLint\'s levels ("warn", 0, 1, 2) beside privlint\'s, in JSON and YAML, as privlint\'s words', () => {
    const json = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": "warn", "declared-purpose": 0, "no-undeclared-sdk": 1, "privlint/no-unused-suppression": 2, "no-unused-declaration": "note" } }\n' });
    expect(loadConfig(path.join(json, 'privlint.config.json')).rules).toEqual({
      'require-purpose': 'warning',
      'declared-purpose': 'off',
      'no-undeclared-sdk': 'warning',
      'no-unused-suppression': 'error',
      'no-unused-declaration': 'note',
    });
    const yaml = writeProject({ 'privlint.config.yaml': 'rules:\n  require-purpose: 2\n  privlint/declared-purpose: warn\n  no-undeclared-sdk: off\n' });
    expect(loadConfig(path.join(yaml, 'privlint.config.yaml')).rules).toEqual({ 'require-purpose': 'error', 'declared-purpose': 'warning', 'no-undeclared-sdk': 'off' });
  });

  it('ESLint\'s levels change what scan and the editor report', () => {
    const raised = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": 2 } }\n', 'src/id.ts': SOURCE });
    expect(scan({ paths: [raised], cwd: raised }).findings.find((finding) => finding.ruleId === 'require-purpose')?.severity).toBe('error');
    const silenced = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": 0 } }\n', 'src/id.ts': SOURCE });
    expect(scan({ paths: [silenced], cwd: silenced }).findings.map((finding) => finding.ruleId)).not.toContain('require-purpose');
    expect(lintText(path.join(silenced, 'src/id.ts'), SOURCE, { cwd: silenced }).findings.map((finding) => finding.ruleId)).not.toContain('require-purpose');
    const warned = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": "warn" } }\n', 'src/id.ts': SOURCE });
    expect(scan({ paths: [warned], cwd: warned }).findings.find((finding) => finding.ruleId === 'require-purpose')?.severity).toBe('warning');
  });

  it('a level neither privlint nor ESLint knows is an error with the accepted levels or a did-you-mean', () => {
    const misspelt = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": "warnign" } }\n' });
    expect(problemsOf(path.join(misspelt, 'privlint.config.json'))).toEqual(['1:33 unknown severity "warnign"; did you mean "warning"?']);
    const number = writeProject({ 'privlint.config.json': '{ "rules": { "require-purpose": 3 } }\n' });
    expect(problemsOf(path.join(number, 'privlint.config.json'))).toEqual(['1:33 unknown severity 3; expected one of: error, warning, note, off, warn, 0, 1, 2']);
  });
});
