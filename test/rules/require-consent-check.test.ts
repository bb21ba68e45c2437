import { readFileSync } from 'node:fs';
import rule from '../../rules/require-consent-check.js';
import { code, espreeTester, file, fileIn, GUARDED_PACKAGE, NO_MANIFEST_PROJECT, ruleTester } from './rule-tester.js';

const IMPORT = `import DeviceInfo from 'react-native-device-info';`;
const HAS_CONSENT = `declare function hasConsent(key: string): Promise<boolean>;`;
const ANALYTICS = `import analytics from '${GUARDED_PACKAGE}';`;
const onDisk = (relative: string) => readFileSync(file(relative), 'utf8');

ruleTester.run('require-consent-check', rule, {
  valid: [
    {
      name: 'guarded by the consent key the purpose requires',
      filename: file('src/a.ts'),
      code: code(IMPORT, HAS_CONSENT, `export async function f() {`, `  if (await hasConsent('analytics')) {`, `    // @privacy-purpose analytics`, `    return DeviceInfo.getUniqueId();`, `  }`, `}`),
    },
    {
      name: 'an early return guards what follows',
      filename: file('src/a.ts'),
      code: code(IMPORT, HAS_CONSENT, `export async function f() {`, `  if (!(await hasConsent('analytics'))) return null;`, `  // @privacy-purpose analytics`, `  return DeviceInfo.getUniqueId();`, `}`),
    },
    {
      name: 'a purpose whose legal basis needs no consent',
      filename: file('src/a.ts'),
      code: code(IMPORT, `// @privacy-purpose fraud_prevention`, `export const id = DeviceInfo.getUniqueId();`),
    },
    {
      name: 'unannotated, and not every declared use needs consent',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export const id = DeviceInfo.getUniqueId();`),
    },
    {
      name: '@privacy-requires-consent on the enclosing function',
      filename: file('src/a.ts'),
      code: code(IMPORT, `/** @privacy-requires-consent analytics */`, `export function f() {`, `  // @privacy-purpose analytics`, `  return DeviceInfo.getUniqueId();`, `}`),
    },
    {
      name: 'an SDK call under the consent guard',
      filename: file('src/a.ts'),
      code: code(ANALYTICS, HAS_CONSENT, `export async function open() {`, `  if (await hasConsent('analytics')) await analytics().logEvent('open');`, `}`),
    },
    {
      name: 'every caller, in another file, is guarded (seen through the project index)',
      filename: file('src/lib/report.ts'),
      code: onDisk('src/lib/report.ts'),
    },
    {
      name: 'near-miss: a project function called analytics()',
      filename: file('src/a.ts'),
      code: code(`function analytics() { return { logEvent(name: string) { return name; } }; }`, `export const r = analytics().logEvent('open');`),
    },
    {
      name: 'near-miss: a type-only import of the SDK',
      filename: file('src/a.ts'),
      code: code(`import type { FirebaseAnalyticsTypes } from '${GUARDED_PACKAGE}';`, `export type Event = FirebaseAnalyticsTypes.Module;`),
    },
    {
      name: 'without a manifest nothing requires consent',
      filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'),
      code: code(IMPORT, `// @privacy-purpose analytics`, `export const id = DeviceInfo.getUniqueId();`),
    },
  ],
  invalid: [
    {
      name: 'unguarded collection for a purpose that needs consent',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export function f() {`, `  // @privacy-purpose analytics`, `  return DeviceInfo.getUniqueId();`, `}`),
      errors: [{ messageId: 'collectionWithoutConsent', line: 4, column: 10, endLine: 4, endColumn: 34 }],
    },
    {
      name: 'near-miss: guarded by another consent key',
      filename: file('src/a.ts'),
      code: code(IMPORT, HAS_CONSENT, `export async function f() {`, `  if (await hasConsent('location')) {`, `    // @privacy-purpose analytics`, `    return DeviceInfo.getUniqueId();`, `  }`, `}`),
      errors: [
        {
          messageId: 'collectionWithoutConsent',
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: "hasConsent('analytics')" },
              output: code(IMPORT, HAS_CONSENT, `export async function f() {`, `  if (await hasConsent('location')) {`, `    // @privacy-purpose analytics`, `    if (await hasConsent('analytics')) {`, `      return DeviceInfo.getUniqueId();`, `    }`, `  }`, `}`),
            },
          ],
        },
      ],
    },
    {
      name: 'the suggestion for a declaration returns early before it (wrapping would hide its name from the rest)',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export async function f() {`, `  // @privacy-purpose analytics`, `  const id = await DeviceInfo.getUniqueId();`, `  return id;`, `}`),
      errors: [
        {
          messageId: 'collectionWithoutConsent',
          line: 4,
          suggestions: [
            {
              messageId: 'returnUnlessGuard',
              data: { guard: "hasConsent('analytics')" },
              output: code(IMPORT, `export async function f() {`, `  // @privacy-purpose analytics`, `  if (!(await hasConsent('analytics'))) return;`, `  const id = await DeviceInfo.getUniqueId();`, `  return id;`, `}`),
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion outside an async function, where the guard cannot be awaited',
      filename: file('src/a.ts'),
      code: code(IMPORT, `export function f() {`, `  // @privacy-purpose analytics`, `  return DeviceInfo.getUniqueId();`, `}`),
      errors: [{ messageId: 'collectionWithoutConsent', line: 4, suggestions: [] }],
    },
    {
      name: 'unannotated, and every declared use needs consent',
      filename: file('src/location.ts'),
      code: code(`import * as Location from 'expo-location';`, `export const here = () => Location.getCurrentPositionAsync();`),
      errors: [{ messageId: 'collectionWithoutConsent', line: 2, column: 27 }],
    },
    {
      name: 'an SDK call without the consent its recipient requires',
      filename: file('src/a.ts'),
      code: code(ANALYTICS, `export async function open() {`, `  await analytics().logEvent('open');`, `}`),
      errors: [
        {
          messageId: 'sdkCallWithoutConsent',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInGuard',
              data: { guard: "hasConsent('analytics')" },
              output: code(ANALYTICS, `export async function open() {`, `  if (await hasConsent('analytics')) {`, `    await analytics().logEvent('open');`, `  }`, `}`),
            },
          ],
        },
      ],
    },
    {
      name: 'one unguarded call site in this file makes the function unguarded, despite the guarded caller elsewhere',
      filename: file('src/lib/report.ts'),
      code: `${onDisk('src/lib/report.ts')}export const eager = reportDevice();\n`,
      errors: [{ messageId: 'collectionWithoutConsent', line: 4, column: 14 }],
    },
  ],
});

espreeTester.run('require-consent-check (espree)', rule as never, {
  valid: [
    {
      name: 'guarded (.jsx)',
      filename: file('src/a.jsx'),
      code: code(ANALYTICS, `export async function open() {`, `  if (await hasConsent('analytics')) analytics().logEvent('open');`, `}`),
    },
  ],
  invalid: [
    {
      name: 'unguarded SDK call (.js)',
      filename: file('src/a.js'),
      code: code(ANALYTICS, `export const open = () => analytics().logEvent('open');`),
      errors: [{ messageId: 'sdkCallWithoutConsent', line: 2, column: 27 }],
    },
  ],
});
