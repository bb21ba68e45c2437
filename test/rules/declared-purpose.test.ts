import rule from '../../rules/declared-purpose.js';
import { code, espreeTester, file, fileIn, NO_MANIFEST_PROJECT, ruleTester } from './rule-tester.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
// getUniqueId is device.id, and device.android_id on Android (catalog `also`): a purpose neither
// declares is one finding at the place, naming both categories and each one's declaration to fix.
const annotated = (purposes: string) => code(IMPORT, `// @privacy-purpose ${purposes}`, `export const id = DeviceInfo.getUniqueId();`);

ruleTester.run('declared-purpose', rule, {
  valid: [
    { name: 'a purpose the manifest declares for the category', filename: file('src/a.ts'), code: annotated('fraud_prevention') },
    { name: 'several declared purposes', filename: file('src/a.ts'), code: annotated('analytics, fraud_prevention') },
    { name: 'no annotation (that is require-purpose)', filename: file('src/a.ts'), code: code(IMPORT, `export const id = DeviceInfo.getUniqueId();`) },
    {
      name: 'near-miss: an annotation above code that collects nothing',
      filename: file('src/a.ts'),
      code: code(`// @privacy-purpose advertising`, `export const deviceId = 'IMEI-placeholder';`),
    },
    {
      name: 'near-miss: a project function named like the API under a wrong purpose',
      filename: file('src/a.ts'),
      code: code(`const DeviceInfo = { getUniqueId: () => 'local' };`, `// @privacy-purpose advertising`, `export const id = DeviceInfo.getUniqueId();`),
    },
    { name: 'without a manifest, any known purpose is accepted', filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'), code: annotated('advertising') },
    {
      name: 'privlint-disable-next-line silences it',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// @privacy-purpose advertising`, `// privlint-disable-next-line declared-purpose -- policy update pending (PRIV-7)`, `export const id = DeviceInfo.getUniqueId();`),
    },
  ],
  invalid: [
    {
      name: 'a purpose the manifest does not declare for the category',
      filename: file('src/a.ts'),
      code: annotated('advertising'),
      errors: [{ messageId: 'undeclaredPurpose', line: 3, column: 19, endLine: 3, endColumn: 43 }],
    },
    {
      name: 'one finding for the two categories of getUniqueId, naming both',
      filename: file('src/a.ts'),
      code: annotated('advertising'),
      errors: [
        {
          message:
            'Collects device.android_id and device.id (react-native-device-info#getUniqueId) for advertising, which the manifest does not declare for them. ' +
            'The annotation is at src/a.ts:2. privacy-manifest.yaml does not declare advertising for device.android_id and device.id. ' +
            'Fix: declare the purpose under device.android_id (line 17) and device.id (line 10) if the policy allows it, or correct the annotation.',
        } as never, // ESLint's RuleTester compares `message`; typescript-eslint's types only know messageId
      ],
    },
    {
      name: 'a typo in a purpose: the fix writes the one close purpose',
      filename: file('src/a.ts'),
      code: annotated('analytcs'),
      output: annotated('analytics'),
      errors: [{ messageId: 'unknownPurpose', line: 3, column: 19 }],
    },
    {
      name: 'a typo written twice is fixed in both places, the other purposes kept',
      filename: file('src/a.ts'),
      code: annotated('fraud_prevention, analytcs, analytcs -- checkout'),
      output: annotated('fraud_prevention, analytics, analytics -- checkout'),
      errors: [{ messageId: 'unknownPurpose', line: 3, column: 19 }],
    },
    {
      name: 'no fix when no purpose, or more than one, is close: the change would be a guess',
      filename: file('src/a.ts'),
      code: annotated('tracking'),
      output: null,
      errors: [{ messageId: 'unknownPurpose', line: 3, column: 19 }],
    },
    {
      name: 'one finding for every wrong purpose at the place: the undeclared purpose leads, the typo is mentioned',
      filename: file('src/a.ts'),
      code: annotated('fraud_prevention, advertising, marketting'),
      output: annotated('fraud_prevention, advertising, marketing'),
      errors: [{ line: 3, column: 19, message: /for advertising, which the manifest does not declare for them\. .* Also here: Unknown purpose "marketting" for device\.id \(react-native-device-info#getUniqueId\); did you mean "marketing"\? The annotation is at src\/a\.ts:2\. Fix: use "marketing", or another purpose from docs\/taxonomy\.md\.$/ } as never],
    },
    {
      name: 'JSDoc purpose on the enclosing function',
      filename: file('src/a.ts'),
      code: code(IMPORT, `/** @privacy-purpose advertising */`, `export function f() {`, `  return DeviceInfo.getUniqueId();`, `}`),
      errors: [{ messageId: 'undeclaredPurpose', line: 4, column: 10 }],
    },
    {
      name: 'a purpose not declared for location.precise',
      filename: file('src/location.ts'),
      code: code(`import * as Location from 'expo-location';`, `export async function here() {`, `  // @privacy-purpose analytics`, `  return Location.getCurrentPositionAsync();`, `}`),
      errors: [{ messageId: 'undeclaredPurpose', line: 4, column: 10 }],
    },
    {
      name: 'without a manifest an unknown purpose is still reported, and fixed',
      filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'),
      code: annotated('analytcs'),
      output: annotated('analytics'),
      errors: [{ messageId: 'unknownPurpose', line: 3, column: 19 }],
    },
  ],
});

espreeTester.run('declared-purpose (espree)', rule as never, {
  valid: [{ name: 'declared purpose (.mjs)', filename: file('src/a.mjs'), code: annotated('analytics') }],
  invalid: [
    {
      name: 'undeclared purpose (.js)',
      filename: file('src/a.js'),
      code: annotated('advertising'),
      errors: [{ messageId: 'undeclaredPurpose', line: 3, column: 19 }],
    },
  ],
});
