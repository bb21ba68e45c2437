import rule from '../../rules/no-unused-suppression.js';
import { code, file, fileIn, NO_MANIFEST_PROJECT, ruleTester } from './rule-tester.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;

ruleTester.run('no-unused-suppression', rule, {
  valid: [
    {
      name: 'a suppression that silences a finding',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// privlint-disable-next-line require-purpose -- legacy, reviewed in PRIV-3`, `export const id = DeviceInfo.getUniqueId();`),
    },
    {
      name: 'the privlint/ prefix is accepted',
      filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'),
      code: code(IMPORT, `// privlint-disable-next-line privlint/require-purpose -- legacy`, `export const id = DeviceInfo.getUniqueId();`),
    },
    { name: 'near-miss: the directive inside a string', filename: file('src/a.ts'), code: code(IMPORT, `export const doc = '// privlint-disable-next-line require-purpose';`) },
    {
      name: 'a JSX comment that silences a finding on the next line',
      filename: file('src/Screen.tsx'),
      code: code(
        IMPORT,
        `export const Screen = () => (`,
        `  <View>`,
        `    {/* privlint-disable-next-line require-purpose -- debug screen, PRIV-9 */}`,
        `    <Text>{DeviceInfo.getUniqueId()}</Text>`,
        `  </View>`,
        `);`,
      ),
    },
    {
      name: 'near-miss: JSX text that reads like a directive is not one',
      filename: file('src/Help.tsx'),
      code: code(IMPORT, `export const Help = () => <Text>// privlint-disable-next-line require-purpose -- on screen</Text>;`),
    },
  ],
  invalid: [
    {
      name: 'a suppression with nothing to silence on the next line',
      filename: file('src/a.ts'),
      code: code(IMPORT, `  // privlint-disable-next-line require-purpose -- stale`, `export const name = DeviceInfo.name;`),
      output: code(IMPORT, `export const name = DeviceInfo.name;`),
      errors: [{ messageId: 'unusedSuppression', line: 2, column: 3 }],
    },
    {
      name: 'the fix removes a trailing comment and the space before it, and keeps the code',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export const name = DeviceInfo.name; // privlint-disable-line require-purpose -- stale`, `export const other = 1;`),
      output: code(IMPORT, `export const name = DeviceInfo.name;`, `export const other = 1;`),
      errors: [{ messageId: 'unusedSuppression', line: 2, column: 38 }],
    },
    {
      name: 'the fix removes a comment on the last line of a file without a newline',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export const name = DeviceInfo.name;`, `// privlint-disable require-purpose -- stale`),
      output: code(IMPORT, `export const name = DeviceInfo.name;`),
      errors: [{ messageId: 'unusedSuppression', line: 3, column: 1 }],
    },
    {
      name: 'a suppression without a reason is ignored and reported',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// @privacy-purpose fraud_prevention`, `// privlint-disable-next-line no-undeclared-sdk`, `export const id = DeviceInfo.getUniqueId();`),
      errors: [{ messageId: 'invalidSuppression', line: 3, column: 1 }],
    },
    {
      name: 'an unknown rule',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// privlint-disable require-purpse -- typo`, `export const id = DeviceInfo.getUniqueId();`),
      errors: [{ messageId: 'invalidSuppression', line: 2, column: 1 }],
    },
    {
      name: 'a JSX comment with nothing to silence',
      filename: file('src/Screen.tsx'),
      code: code(IMPORT, `export const Screen = () => (`, `  <View>`, `    {/* privlint-disable-next-line require-purpose -- stale */}`, `    <Text>plain</Text>`, `  </View>`, `);`),
      output: code(IMPORT, `export const Screen = () => (`, `  <View>`, `    <Text>plain</Text>`, `  </View>`, `);`),
      errors: [{ messageId: 'unusedSuppression', line: 4, column: 6 }],
    },
    {
      name: 'a directive without a rule says a rule name is required',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// privlint-disable -- legacy`, `export const id = 1;`),
      errors: [
        {
          messageId: 'invalidSuppression',
          line: 2,
          column: 1,
          data: { message: 'This privlint-disable comment is ignored: it names no rule. Fix: a rule name is required: write `privlint-disable <rule> -- reason` (privlint never disables every rule at once).' },
        },
      ],
    },
  ],
});
