// A file privlint does not analyse — nested too deeply, a bug in privlint, skipped as `privlint scan`
// skips it — gets one message saying so, and never ends the lint run or hides another file's findings.
import { afterEach, describe, expect, it } from 'vitest';
import { resetEditorSessions } from '../../src/editor/session.js';
import { scan } from '../../src/scan.js';
import { TEST_FAULT_VARIABLE } from '../../src/util/test-fault.js';
import { deepFiles, NORMAL_FILE, TOO_DEEP } from '../helpers/deep-nesting.js';
import { writeProject } from '../helpers/temp-project.js';
import { lintProject } from './eslint-helpers.js';

const PACKAGE = { 'package.json': JSON.stringify({ name: 'not-analysed', private: true }) };
const NORMAL_FINDING = expect.objectContaining({ line: 2, ruleId: 'privlint/require-purpose', message: expect.stringMatching(/^Collects device\.android_id/) });

afterEach(() => {
  delete process.env[TEST_FAULT_VARIABLE];
  resetEditorSessions();
});

describe('ESLint on files privlint does not analyse', () => {
  it('reports deep nesting on the file itself, and lints the other files', async () => {
    const root = writeProject({ ...PACKAGE, ...deepFiles('js'), ...deepFiles('ts'), ...NORMAL_FILE });
    const messages = await lintProject(root);
    expect(messages['src/ok.js']).toEqual([NORMAL_FINDING]);
    for (const file of ['chain', 'sum', 'else-if', 'members']) {
      // espree reads the JavaScript: privlint says it did not analyse it, once, on line 1.
      expect(messages[`src/deep/${file}.js`], file).toEqual([{ line: 1, column: 1, ruleId: 'privlint/no-undeclared-collection', fatal: false, message: expect.stringMatching(TOO_DEEP) }]);
      // @typescript-eslint/parser itself overflows on the TypeScript: ESLint's own parse error, and privlint is never asked.
      expect(messages[`src/deep/${file}.ts`]!.map((message) => message.fatal), file).toEqual([true]);
    }
  });

  it('reports an internal error on the file it happened in, and lints the other files', async () => {
    const root = writeProject({ ...PACKAGE, ...NORMAL_FILE, 'src/faulty.js': NORMAL_FILE['src/ok.js'] });
    process.env[TEST_FAULT_VARIABLE] = 'analyse:src/faulty.js';
    const messages = await lintProject(root);
    expect(messages['src/ok.js']).toEqual([NORMAL_FINDING]);
    expect(messages['src/faulty.js']).toEqual([
      {
        line: 1,
        column: 1,
        ruleId: 'privlint/no-undeclared-collection',
        fatal: false,
        message: expect.stringMatching(/^privlint could not analyse this file \(internal error: Cannot read properties of undefined .*\); please report it$/),
      },
    ]);
  });

  it('skips a minified file and a file over 1 MB as privlint scan does, with the same note', async () => {
    const root = writeProject({
      ...PACKAGE,
      ...NORMAL_FILE,
      'src/vendor/bundle.js': `import DeviceInfo from 'react-native-device-info';var a=[${Array.from({ length: 1200 }, (_, i) => `DeviceInfo.getAndroidId(${i})`).join(',')}];\n`,
      'src/generated.js': `import DeviceInfo from 'react-native-device-info';\n${Array.from({ length: 10_000 }, (_, i) => `export const generated${i} = ${i}; // ${'-'.repeat(80)}\n`).join('')}DeviceInfo.getAndroidId();\n`,
    });
    const messages = await lintProject(root);
    expect(messages['src/ok.js']).toEqual([NORMAL_FINDING]);
    expect(messages['src/vendor/bundle.js']).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringMatching(/^privlint skipped: looks minified \(\d+ characters a line on average/) })]);
    expect(messages['src/generated.js']).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringMatching(/^privlint skipped: larger than 1 MB/) })]);
    // The very notes of `privlint scan`.
    const notes = Object.fromEntries(scan({ cwd: root }).inventory.diagnostics.map((diagnostic) => [diagnostic.file, `privlint ${diagnostic.message}`]));
    expect(notes).toEqual({ 'src/vendor/bundle.js': messages['src/vendor/bundle.js']![0]!.message, 'src/generated.js': messages['src/generated.js']![0]!.message });
  });
});
