// The config's `ignore` patterns are relative to the config file's folder (as .gitignore and
// ESLint's ignores are), so they mean the same files whatever folder is scanned.
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintText, resetEditorSessions } from '../../src/editor/session.js';
import { scan } from '../../src/scan.js';
import { writeProject } from '../helpers/temp-project.js';

const UNANNOTATED = `import DeviceInfo from 'react-native-device-info';\nexport const id = DeviceInfo.getUniqueId();\n`;

const project = () =>
  writeProject({
    'privlint.config.json': JSON.stringify({ ignore: ['src/generated/**', '*.stories.ts'] }),
    'src/generated/ids.ts': UNANNOTATED,
    'src/app.ts': UNANNOTATED,
    'src/ui/button.stories.ts': UNANNOTATED,
    'tools/generated/ids.ts': UNANNOTATED, // `src/generated/**` is anchored at the config's folder
  });

const scanned = (root: string, paths: string[], cwd: string) => scan({ paths, cwd }).files.map((file) => path.relative(root, file).split(path.sep).join('/'));

describe('ignore patterns in the config', () => {
  beforeEach(() => resetEditorSessions());

  it('match paths relative to the config file, whether the project or a subfolder is scanned', () => {
    const root = project();
    expect(scanned(root, [root], root)).toEqual(['src/app.ts', 'tools/generated/ids.ts']);
    expect(scanned(root, [path.join(root, 'src')], root)).toEqual(['src/app.ts']);
    expect(scanned(root, ['.'], path.join(root, 'src'))).toEqual(['src/app.ts']);
    expect(scanned(root, [path.join(root, 'src/generated'), path.join(root, 'src/app.ts')], root)).toEqual(['src/app.ts']);
  });

  it('with --config from elsewhere, still relative to the config file', () => {
    const root = project();
    const files = scan({ paths: [path.join(root, 'src')], cwd: path.join(root, 'tools'), config: '../privlint.config.json' }).files;
    expect(files.map((file) => path.relative(root, file).split(path.sep).join('/'))).toEqual(['src/app.ts']);
  });

  it('the editor skips the same files, also when ESLint runs in a subfolder with settings.privlint.config', () => {
    const root = project();
    const cwd = path.join(root, 'src');
    const ruleIds = (relative: string) => lintText(path.join(root, relative), UNANNOTATED, { cwd, config: '../privlint.config.json' }).findings.map((finding) => finding.ruleId);
    expect(ruleIds('src/app.ts')).toContain('require-purpose');
    expect(ruleIds('src/generated/ids.ts')).toEqual([]);
    expect(ruleIds('src/ui/button.stories.ts')).toEqual([]);
  });
});

describe('.gitignore files', () => {
  // Found by the scan's one walk of the tree, and looked up between the scan's root and each folder
  // scanned below it, so that a subfolder is scanned as it is when the whole project is.
  const gitProject = () =>
    writeProject({
      '.gitignore': 'src/out/\n',
      'src/.gitignore': 'generated.ts\n',
      'src/app/.gitignore': 'local.ts\n',
      'src/app/main.ts': UNANNOTATED,
      'src/app/local.ts': UNANNOTATED,
      'src/app/generated.ts': UNANNOTATED,
      'src/out/bundle.ts': UNANNOTATED,
      'src/.storybook/.gitignore': '*\n', // in a dot folder, which is never scanned: rules nothing else
      'src/other.ts': UNANNOTATED,
    });

  it('rule on the files below them, whether the project, a subfolder or two subfolders are scanned', () => {
    const root = gitProject();
    expect(scanned(root, [root], root)).toEqual(['src/app/main.ts', 'src/other.ts']);
    expect(scanned(root, [path.join(root, 'src/app')], root)).toEqual(['src/app/main.ts']);
    expect(scanned(root, [path.join(root, 'src/app'), path.join(root, 'src/out')], root)).toEqual(['src/app/main.ts']);
  });
});

describe('test code', () => {
  const files = {
    'src/app.ts': UNANNOTATED,
    'src/app.test.ts': UNANNOTATED,
    'src/__tests__/device.ts': UNANNOTATED,
    'src/__mocks__/react-native-device-info.ts': UNANNOTATED,
    'src/button.stories.tsx': UNANNOTATED,
    'packages/core/test/helpers.ts': UNANNOTATED,
    'e2e/login.ts': UNANNOTATED,
    'src/testing-utils.ts': UNANNOTATED, // a name that merely starts with "test" is code
  };

  it('is left out of a scan by default, and of what the editor reports', () => {
    const root = writeProject(files);
    expect(scanned(root, [root], root)).toEqual(['src/app.ts', 'src/testing-utils.ts']);
    const ruleIds = (relative: string) => lintText(path.join(root, relative), UNANNOTATED, { cwd: root }).findings.map((finding) => finding.ruleId);
    expect(ruleIds('src/app.ts')).toContain('require-purpose');
    expect(ruleIds('src/app.test.ts')).toEqual([]);
  });

  it('is scanned with "tests": true', () => {
    const root = writeProject({ ...files, 'privlint.config.json': JSON.stringify({ tests: true }) });
    expect(scanned(root, [root], root)).toHaveLength(Object.keys(files).length);
  });
});
