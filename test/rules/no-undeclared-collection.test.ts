import rule from '../../rules/no-undeclared-collection.js';
import { code, espreeTester, file, fileIn, GUARDED_PACKAGE, NO_MANIFEST_PROJECT, ruleTester, undeclaredOwn } from './rule-tester.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
const SENTRY = '@sentry/react-native';
const sentryOwn = undeclaredOwn(SENTRY);

ruleTester.run('no-undeclared-collection', rule, {
  valid: [
    { name: 'a declared category', filename: file('src/a.ts'), code: code(IMPORT, `export const id = DeviceInfo.getUniqueId();`) },
    { name: 'an SDK whose own collection is declared', filename: file('src/a.ts'), code: code(`import analytics from '${GUARDED_PACKAGE}';`, `export const a = analytics();`) },
    {
      name: 'near-miss: a type-only import of an SDK',
      filename: file('src/a.ts'),
      code: code(`import type { ReactNativeOptions } from '${SENTRY}';`, `export const options: ReactNativeOptions = {};`),
    },
    {
      name: 'near-miss: the API name in a string and a comment',
      filename: file('src/a.ts'),
      code: code(`// DeviceInfo.getMacAddress() reads the MAC address`, `export const label = 'getMacAddress';`),
    },
    {
      name: 'near-miss: a project object named like the module',
      filename: file('src/a.ts'),
      code: code(`const DeviceInfo = { getMacAddress: () => '00:00' };`, `export const mac = DeviceInfo.getMacAddress();`),
    },
    { name: 'without a manifest the rule is silent', filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'), code: code(IMPORT, `export const mac = DeviceInfo.getMacAddress();`) },
    {
      name: 'privlint-disable for the whole file',
      filename: file('src/a.ts'),
      code: code(`// privlint-disable no-undeclared-collection -- debug screen, not shipped`, IMPORT, `export const mac = DeviceInfo.getMacAddress();`),
    },
  ],
  invalid: [
    {
      name: 'a category the manifest does not declare',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export const mac = DeviceInfo.getMacAddress();`),
      errors: [{ messageId: 'undeclaredCategory', line: 2, column: 20, endLine: 2, endColumn: 46 }],
    },
    {
      name: 'undeclared contacts, nested',
      filename: file('src/a.ts'),
      code: code(`import * as Contacts from 'expo-contacts';`, `export async function all() {`, `  return (await Contacts.getContactsAsync()).data;`, `}`),
      errors: [{ messageId: 'undeclaredCategory', line: 3, column: 17 }],
    },
    {
      name: 'an SDK that collects undeclared categories on its own: one finding at the import, listing them',
      filename: file('src/a.ts'),
      code: code(`import * as Sentry from '${SENTRY}';`, `Sentry.init({});`),
      errors: [{ messageId: 'undeclaredSdkCollection' as const, line: 1, column: 25, endLine: 1, endColumn: 47 }],
    },
    {
      name: 'the finding names every category the SDK collects that the manifest does not declare',
      filename: file('src/b.ts'),
      code: code(`import * as Sentry from '${SENTRY}';`, `Sentry.init({});`),
      errors: [{ message: new RegExp(`collects ${sentryOwn.join('(, | and )')} on its own, which the manifest does not declare\\. Fix: declare ${sentryOwn.join('(, | and )')} under categories`), line: 1 } as never],
    },
  ],
});

espreeTester.run('no-undeclared-collection (espree)', rule as never, {
  valid: [
    {
      name: 'near-miss: a JSDoc import() type of an SDK (.js)',
      filename: file('src/a.js'),
      code: code(`/** @param {import('${SENTRY}').ReactNativeOptions} options */`, `export function configure(options) { return options; }`),
    },
  ],
  invalid: [
    {
      name: 'require() of an SDK (.cjs)',
      filename: file('src/a.cjs'),
      code: code(`const Sentry = require('${SENTRY}');`, `Sentry.init({});`),
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ messageId: 'undeclaredSdkCollection', line: 1, column: 24 }],
    },
    {
      name: 'undeclared category (.jsx)',
      filename: file('src/a.jsx'),
      code: code(IMPORT, `export const Mac = () => <b>{DeviceInfo.getMacAddress()}</b>;`),
      errors: [{ messageId: 'undeclaredCategory', line: 2, column: 30 }],
    },
  ],
});
