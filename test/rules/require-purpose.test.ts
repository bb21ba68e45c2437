import rule from '../../rules/require-purpose.js';
import { code, espreeTester, file, fileIn, NO_MANIFEST_PROJECT, ruleTester } from './rule-tester.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
// The manifest declares device.id for fraud_prevention, then analytics: one suggestion each, in that order.
const DEVICE_ID_PURPOSES = ['fraud_prevention', 'analytics'];

/** The suggestions for a site whose statement starts on `line` (1-based) with `indent`. */
function suggestions(source: string, line: number, indent: string, purposes = DEVICE_ID_PURPOSES) {
  const lines = source.split('\n');
  return purposes.map((purpose) => ({
    messageId: 'addPurpose' as const,
    data: { purpose },
    output: [...lines.slice(0, line - 1), `${indent}// @privacy-purpose ${purpose}`, ...lines.slice(line - 1)].join('\n'),
  }));
}

const topLevel = code(IMPORT, `export const id = DeviceInfo.getUniqueId();`);
const nested = code(
  IMPORT,
  `export function load() {`,
  `    if (Math.random() > 0.5) {`,
  `        const id =`,
  `            DeviceInfo.getUniqueId();`,
  `        return id;`,
  `    }`,
  `}`,
);
const tabs = code(IMPORT, `export function load() {`, `\treturn {`, `\t\tid: DeviceInfo.getUniqueId(),`, `\t};`, `}`);
const trailingComment = code(IMPORT, `export const id = DeviceInfo.getUniqueId(); // @privacy-purpose analytics`);
const contacts = code(`import * as Contacts from 'expo-contacts';`, `export async function all() {`, `  const { data } = await Contacts.getContactsAsync();`, `  return data;`, `}`);
const throughWrapper = code(`import { getDeviceId } from '../lib/ids';`, ``, `export const id = getDeviceId();`);
const jsx = code(IMPORT, `export function Id() {`, `  return <Text>{DeviceInfo.getUniqueId()}</Text>;`, `}`);

ruleTester.run('require-purpose', rule, {
  valid: [
    {
      name: 'silenced by a privlint-disable comment in JSX',
      filename: file('src/Id.tsx'),
      code: code(IMPORT, `export const Id = () => (`, `  <View>`, `    {/* privlint-disable-next-line require-purpose -- debug screen, PRIV-9 */}`, `    <Text>{DeviceInfo.getUniqueId()}</Text>`, `  </View>`, `);`),
    },
    { name: 'annotated statement', filename: file('src/a.ts'), code: code(IMPORT, `// @privacy-purpose fraud_prevention`, `export const id = DeviceInfo.getUniqueId();`) },
    {
      name: 'annotated with a reason in a block comment, nested',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export function f() {`, `  /* @privacy-purpose analytics -- product metrics */`, `  return DeviceInfo.getUniqueId();`, `}`),
    },
    { name: 'JSDoc purpose on the enclosing function', filename: file('src/a.ts'), code: code(IMPORT, `/** @privacy-purpose fraud_prevention */`, `export function f() { return DeviceInfo.getUniqueId(); }`) },
    { name: 'near-miss: a project function named like the API', filename: file('src/a.ts'), code: code(`function getUniqueId() { return 'local'; }`, `export const id = getUniqueId();`) },
    {
      name: 'near-miss: a parameter shadows the imported module',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export function f(DeviceInfo: { getUniqueId(): string }) { return DeviceInfo.getUniqueId(); }`),
    },
    {
      name: "near-miss: a router's location and window.location",
      filename: file('src/screens/route.tsx'),
      code: code(`import { useLocation } from 'react-router-dom';`, `export function Page() {`, `  const location = useLocation();`, `  return <a href={window.location.href}>{location.pathname}</a>;`, `}`),
    },
    {
      name: 'near-miss: IMEI and the API name in a string and in a comment',
      filename: file('src/a.ts'),
      code: code(`// DeviceInfo.getUniqueId() would return the IMEI here`, `export const label = 'IMEI: DeviceInfo.getImei()';`, `export const help = \`Call getUniqueId() to read the IMEI\`;`),
    },
    { name: 'near-miss: a deviceId made with uuid', filename: file('src/a.ts'), code: code(`import { v4 as uuidv4 } from 'uuid';`, `export const deviceId = uuidv4();`) },
    {
      name: 'near-miss: permission requests are not collection',
      filename: file('src/a.ts'),
      code: code(`import * as Location from 'expo-location';`, `export const ask = () => Location.requestForegroundPermissionsAsync();`),
    },
    {
      name: 'privlint-disable-next-line with a reason',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// privlint-disable-next-line require-purpose -- migrated code, purpose review in PRIV-12`, `export const id = DeviceInfo.getUniqueId();`),
    },
    { name: 'a file with no catalogued module', filename: file('src/plain.ts'), code: code(`export const add = (a: number, b: number) => a + b;`) },
  ],
  invalid: [
    {
      name: 'unannotated top-level statement: one suggestion per declared purpose',
      filename: file('src/a.ts'),
      code: topLevel,
      errors: [{ messageId: 'missingPurpose', line: 2, column: 19, endLine: 2, endColumn: 43, suggestions: suggestions(topLevel, 2, '') }],
    },
    {
      name: 'the annotation goes above the statement, with its indentation, when the call is on a later line',
      filename: file('src/a.ts'),
      code: nested,
      errors: [{ messageId: 'missingPurpose', line: 5, column: 13, suggestions: suggestions(nested, 4, '        ') }],
    },
    {
      name: 'tab indentation is kept',
      filename: file('src/a.ts'),
      code: tabs,
      errors: [{ messageId: 'missingPurpose', line: 4, column: 7, suggestions: suggestions(tabs, 3, '\t') }],
    },
    {
      name: 'near-miss: a trailing comment is not an annotation',
      filename: file('src/a.ts'),
      code: trailingComment,
      errors: [{ messageId: 'missingPurpose', line: 2, column: 19, suggestions: suggestions(trailingComment, 2, '') }],
    },
    {
      name: 'a category the manifest does not declare: no suggestions to offer',
      filename: file('src/a.ts'),
      code: contacts,
      errors: [{ messageId: 'missingPurpose', line: 3, column: 26, suggestions: [] }],
    },
    {
      name: 'a call to a wrapper defined in another file (seen through the project index)',
      filename: file('src/screens/profile.ts'),
      code: throughWrapper,
      errors: [{ messageId: 'missingPurpose', line: 3, column: 19, suggestions: suggestions(throughWrapper, 3, '') }],
    },
    {
      name: 'TSX',
      filename: file('src/screens/id.tsx'),
      code: jsx,
      errors: [{ messageId: 'missingPurpose', line: 3, column: 17, suggestions: suggestions(jsx, 3, '  ') }],
    },
    {
      name: 'without a manifest the rule still reports, with no suggestions',
      filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'),
      code: topLevel,
      errors: [{ messageId: 'missingPurpose', line: 2, column: 19, suggestions: [] }],
    },
  ],
});

const js = code(
  `import DeviceInfo from 'react-native-device-info';`,
  `export function Id() {`,
  `  const id = DeviceInfo.getUniqueId();`,
  `  return <span>{id}</span>;`,
  `}`,
);
const cjs = code(`const DeviceInfo = require('react-native-device-info');`, `module.exports = () => DeviceInfo.getUniqueId();`);

espreeTester.run('require-purpose (espree)', rule as never, {
  valid: [
    { name: 'annotated (.jsx)', filename: file('src/a.jsx'), code: code(`import DeviceInfo from 'react-native-device-info';`, `// @privacy-purpose analytics`, `export const id = DeviceInfo.getUniqueId();`) },
    { name: 'near-miss: IMEI in a comment and a string (.js)', filename: file('src/a.js'), code: code(`// getUniqueId() reads the IMEI`, `export const imei = 'IMEI';`) },
  ],
  invalid: [
    {
      name: 'unannotated, in JSX (.jsx)',
      filename: file('src/id.jsx'),
      code: js,
      errors: [{ messageId: 'missingPurpose', line: 3, column: 14, suggestions: suggestions(js, 3, '  ') }],
    },
    {
      name: 'unannotated, CommonJS require (.cjs)',
      filename: file('src/id.cjs'),
      code: cjs,
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ messageId: 'missingPurpose', line: 2, column: 24, suggestions: suggestions(cjs, 2, '') }],
    },
  ],
});
