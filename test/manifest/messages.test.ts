import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';
import { parseStructured } from '../../src/structured/tree.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { scanProject, writeProject } from '../helpers/temp-project.js';

const problemsOf = (text: string, file = '/tmp/m.yaml') => {
  const result = parseManifest(text, file);
  return result.ok ? [] : result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path ?? ''}: ${problem.message}`);
};

describe('messages that say what and where', () => {
  it('a duplicate key names the key, its path and the line of its first occurrence', () => {
    const parsed = parseStructured('app:\n  name: A\n  name: B\nlist:\n  - { id: x, id: y }\n', 'a.yaml');
    expect(parsed.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}: ${problem.message}`)).toEqual([
      '3:3 app.name: duplicate key "name" (first at line 2); keep one of them',
      '5:14 list[0].id: duplicate key "id" (first at line 5); keep one of them',
    ]);
  });

  it('an id that breaks its pattern says what an id looks like, and suggests the lower-case spelling', () => {
    const text = 'version: 1\napp: { name: A }\ncategories: []\nrecipients:\n  - id: Google\n    role: third_party\n';
    expect(problemsOf(text)).toEqual([
      `5:9 recipients[0].id: "Google" is not valid here (a lower-case id: letters, digits, - and _, such as google or cheetah-mobile; by convention the vendor id of privlint's catalog); did you mean "google"?`,
    ]);
  });

  it('calls a JSON file\'s syntax errors JSON errors, and a YAML file\'s YAML errors', () => {
    expect(problemsOf('{ "version": 1, }x', '/tmp/m.json')[0]).toMatch(/: JSON syntax error: /);
    expect(problemsOf('version: [1\n', '/tmp/m.yaml')[0]).toMatch(/: YAML syntax error: /);
  });

  it('an empty or comment-only config says so and where the format is described', async () => {
    const empty = writeProject({ 'privlint.config.json': '', 'a.ts': 'export {};\n' });
    const emptyRun = await runCli(['scan', empty]);
    expect(emptyRun.status).toBe(2);
    expect(emptyRun.stderr).toMatch(/privlint\.config\.json: the config file is empty; see docs\/config\.md/);
    const comments = writeProject({ 'privlint.config.yaml': '# later\n', 'a.ts': 'export {};\n' });
    const commentsRun = await runCli(['scan', comments]);
    expect(commentsRun.status).toBe(2);
    expect(commentsRun.stderr).toMatch(/privlint\.config\.yaml: the config file has only comments/);
    expect(commentsRun.stderr).not.toMatch(/0 problems/);
  });

  it('a config whose manifest does not exist points at the line and column of "manifest"', async () => {
    const root = writeProject({ 'privlint.config.json': '{\n  "manifest": "nope.yaml"\n}\n', 'a.ts': 'export {};\n' });
    const { status, stderr } = await runCli(['scan', root]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/privlint\.config\.json:2:15 {2}manifest: no such file .*nope\.yaml; the path is relative to the config's folder/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('privlint manifest --help lists the subcommands and exits 0', async () => {
    const { status, stdout } = await runCli(['manifest', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/manifest check {2}Validate a policy manifest/);
    expect((await runCli(['manifest'])).status).toBe(2);
  });

  it('a did-you-mean ends its sentence (no "?."), and the help offers the purpose meant', () => {
    const result = scanProject({ 'a.ts': `import DeviceInfo from 'react-native-device-info';\n// @privacy-purpose analytcs\nexport const a = DeviceInfo.getSerialNumber();\n` });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'declared-purpose')!;
    expect(finding.message).toMatch(/did you mean "analytics"\?$/);
    expect(finding.help).toBe('The annotation is at a.ts:2. Fix: use "analytics", or another purpose from docs/taxonomy.md.');
  });
});
