import rule from '../../rules/no-undeclared-sdk.js';
import { code, espreeTester, file, fileIn, GUARDED_PACKAGE, NO_MANIFEST_PROJECT, ruleTester } from './rule-tester.js';

ruleTester.run('no-undeclared-sdk', rule, {
  valid: [
    { name: 'an SDK a recipient lists', filename: file('src/a.ts'), code: code(`import analytics from '${GUARDED_PACKAGE}';`, `export const a = analytics();`) },
    { name: 'near-miss: a type-only import of an unlisted SDK', filename: file('src/a.ts'), code: code(`import type { Mixpanel } from 'mixpanel';`, `export let client: Mixpanel | undefined;`) },
    { name: 'near-miss: an inline type-only specifier', filename: file('src/a.ts'), code: code(`import { type Mixpanel } from 'mixpanel';`, `export let client: Mixpanel | undefined;`) },
    {
      name: 'near-miss: a project module and a project function called track()',
      filename: file('src/a.ts'),
      code: code(`import { track } from './analytics';`, `export const done = track('checkout');`),
    },
    {
      name: 'a global SDK matches the recipient named after its vendor',
      filename: file('src/a.ts'),
      code: code(`declare const gtag: (...args: unknown[]) => void;`, `export const pageView = (path: string) => gtag('event', 'page_view', { page_path: path });`),
    },
    { name: 'near-miss: a package whose name only contains an SDK name', filename: file('src/a.ts'), code: code(`import round from 'decimal-adjust';`, `export const r = round(1.005, 2);`) },
    { name: 'without a manifest the rule is silent', filename: fileIn(NO_MANIFEST_PROJECT, 'src/a.ts'), code: code(`import Mixpanel from 'mixpanel';`, `export const m = Mixpanel.init('token');`) },
    {
      name: 'privlint-disable-next-line with a reason',
      filename: file('src/a.ts'),
      code: code(`// privlint-disable-next-line no-undeclared-sdk -- removed in the next release`, `import Mixpanel from 'mixpanel';`, `export const m = Mixpanel;`),
    },
  ],
  invalid: [
    {
      name: 'an SDK no recipient lists, reported at the module specifier',
      filename: file('src/a.ts'),
      code: code(`import Mixpanel from 'mixpanel';`, `export const m = Mixpanel.init('token');`),
      errors: [{ messageId: 'undeclaredSdk', line: 1, column: 22, endLine: 1, endColumn: 32 }],
    },
    {
      name: 'a side-effect import',
      filename: file('src/a.ts'),
      code: code(`import 'posthog-js';`),
      errors: [{ messageId: 'undeclaredSdk', line: 1, column: 8 }],
    },
  ],
});

espreeTester.run('no-undeclared-sdk (espree)', rule as never, {
  valid: [{ name: 'a listed SDK (.mjs)', filename: file('src/a.mjs'), code: code(`import analytics from '${GUARDED_PACKAGE}';`, `export default analytics;`) }],
  invalid: [
    {
      name: 'require() (.cjs)',
      filename: file('src/a.cjs'),
      code: code(`const Mixpanel = require('mixpanel');`, `module.exports = Mixpanel.init('token');`),
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ messageId: 'undeclaredSdk', line: 1, column: 26 }],
    },
    {
      name: 'an SDK global (.js)',
      filename: file('src/a.js'),
      code: code(`export function purchase(value) {`, `  window.fbq('track', 'Purchase', { value, currency: 'EUR' });`, `}`),
      errors: [{ messageId: 'undeclaredSdk', line: 2, column: 3 }],
    },
  ],
});
