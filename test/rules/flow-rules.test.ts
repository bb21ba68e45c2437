// The flow rules in the editor: no-undeclared-sharing, no-unknown-destination and
// no-residency-violation report a flow when it runs within the linted file; a flow that crosses
// files is left to privlint scan (src/editor/reported-in-editor.ts), which the last test shows.
import { describe, expect, it } from 'vitest';
import noResidencyViolation from '../../rules/no-residency-violation.js';
import noUndeclaredSharing from '../../rules/no-undeclared-sharing.js';
import noUnknownDestination from '../../rules/no-unknown-destination.js';
import noUnusedSuppression from '../../rules/no-unused-suppression.js';
import { scan } from '../../src/scan.js';
import { writeProject } from '../helpers/temp-project.js';
import { code, fileIn, ruleTester } from './rule-tester.js';

const MANIFEST = `version: 1
app: { name: Flow rule tests }
consents: { analytics: { mode: opt-in } }
categories:
  - id: device.id
    uses: [{ purposes: [analytics, fraud_prevention], basis: legitimate_interest }]
  - id: device.android_id
    uses: [{ purposes: [analytics, fraud_prevention], basis: legitimate_interest }]
  - id: location.precise
    uses: [{ purposes: [app_functionality], basis: contract }]
  # What the Mixpanel SDK collects on its own (privlint's catalog).
  - id: device.info
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  - id: location.coarse
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  - id: network.ip_address
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
  - id: usage.events
    uses: [{ purposes: [analytics], basis: legitimate_interest }]
recipients:
  - id: mixpanel
    role: processor
    packages: [mixpanel-browser]
    domains: [mixpanel.com]
    shares: [{ categories: [device.id, usage.events], purposes: [analytics], consent: analytics }]
first_party: { domains: [api.shop.example] }
residency:
  - id: china
    regions: [CN]
    store_in: [CN]
    endpoints: [api.shop.example.cn]
`;

const LOCATION = `import * as Location from 'expo-location';`;
const MIXPANEL = `import mixpanel from 'mixpanel-browser';`;
const GUARD = `declare function hasConsent(key: string): Promise<boolean>;`;

const PROJECT = writeProject({
  'package.json': JSON.stringify({ name: 'flow-rule-tests', private: true }),
  'privacy-manifest.yaml': MANIFEST,
  'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
  // A wrapper on disk: a flow from it into another file crosses files.
  'src/lib/position.ts': code(LOCATION, `// @privacy-purpose app_functionality`, `export async function position() {`, `  return (await Location.getCurrentPositionAsync()).coords;`, `}`, ``),
  // A helper that drops what it is given: nothing catalogued in it, so the editor does not read it.
  'src/lib/drop.ts': code(`export function redact(_value: unknown) {`, `  return 'redacted';`, `}`, ``),
});
const file = (relative: string) => fileIn(PROJECT, relative);
const REDACTED = code(
  LOCATION,
  `import { redact } from './lib/drop';`,
  `// @privacy-purpose app_functionality`,
  `export async function f() {`,
  `  const { coords } = await Location.getCurrentPositionAsync();`,
  `  await fetch('https://collector.example.org/e', { method: 'POST', body: redact(coords) });`,
  `}`,
);

ruleTester.run('no-undeclared-sharing', noUndeclaredSharing, {
  valid: [
    {
      name: 'a category the recipient is declared to receive, for that purpose, after consent',
      filename: file('src/identify.ts'),
      code: code(`import DeviceInfo from 'react-native-device-info';`, MIXPANEL, GUARD, `// @privacy-purpose analytics`, `export async function identify() {`, `  const id = await DeviceInfo.getUniqueId();`, `  if (await hasConsent('analytics')) mixpanel.identify(id);`, `}`),
    },
    {
      name: 'near-miss: a value named like the data that no source produced',
      filename: file('src/near.ts'),
      code: code(MIXPANEL, GUARD, `export async function f() {`, `  const coords = { latitude: 0, longitude: 0 };`, `  if (await hasConsent('analytics')) mixpanel.track('x', { lat: coords.latitude });`, `}`),
    },
    {
      name: 'a flow from another file is left to privlint scan',
      filename: file('src/cross.ts'),
      code: code(MIXPANEL, GUARD, `import { position } from './lib/position';`, `export async function f() {`, `  const coords = await position();`, `  if (await hasConsent('analytics')) mixpanel.track('x', { lat: coords.latitude });`, `}`),
    },
  ],
  invalid: [
    {
      name: 'a category the recipient is not declared to receive, reported at the SDK call',
      filename: file('src/nearby.ts'),
      code: code(LOCATION, MIXPANEL, GUARD, `// @privacy-purpose app_functionality`, `export async function nearby() {`, `  const { coords } = await Location.getCurrentPositionAsync();`, `  if (await hasConsent('analytics')) mixpanel.track('nearby', { lat: coords.latitude });`, `}`),
      errors: [{ messageId: 'undeclaredSharing', line: 7, column: 38 }],
    },
  ],
});

ruleTester.run('no-unknown-destination', noUnknownDestination, {
  valid: [
    {
      name: 'a first-party host',
      filename: file('src/ok.ts'),
      code: code(LOCATION, `// @privacy-purpose app_functionality`, `export async function f() {`, `  const { coords } = await Location.getCurrentPositionAsync();`, `  await fetch('https://api.shop.example/stores', { method: 'POST', body: JSON.stringify(coords) });`, `}`),
    },
    {
      name: 'near-miss: the value goes through a helper in a file the editor does not read, which drops it (as privlint scan sees)',
      filename: file('src/redacted.ts'),
      code: REDACTED,
    },
    {
      name: 'near-miss: the source value is discarded before the request',
      filename: file('src/discard.ts'),
      code: code(LOCATION, `// @privacy-purpose app_functionality`, `export async function f() {`, `  await Location.getCurrentPositionAsync();`, `  await fetch('https://collector.example.org/ping', { method: 'POST', body: 'hello' });`, `}`),
    },
  ],
  invalid: [
    {
      name: 'a host that is neither first party nor a recipient domain',
      filename: file('src/collector.ts'),
      code: code(LOCATION, `// @privacy-purpose app_functionality`, `export async function f() {`, `  const { coords } = await Location.getCurrentPositionAsync();`, `  await fetch('https://collector.example.org/e', { method: 'POST', body: JSON.stringify(coords) });`, `}`),
      errors: [{ messageId: 'unknownDestination', line: 5, column: 9 }],
    },
  ],
});

ruleTester.run('no-residency-violation', noResidencyViolation, {
  valid: [
    {
      name: 'the restricted region has an endpoint the residency rule allows',
      filename: file('src/regions-ok.ts'),
      code: code(
        LOCATION,
        `const HOSTS = { CN: 'api.shop.example.cn', US: 'api.shop.example', DEFAULT: 'api.shop.example' };`,
        `// @privacy-purpose app_functionality`,
        `export async function f(region: string) {`,
        `  const { coords } = await Location.getCurrentPositionAsync();`,
        '  await fetch(`https://${HOSTS[region]}/stores`, { method: \'POST\', body: JSON.stringify(coords) });',
        `}`,
      ),
    },
  ],
  invalid: [
    {
      name: 'the restricted region falls back to an endpoint outside it',
      filename: file('src/regions.ts'),
      code: code(
        LOCATION,
        `const HOSTS = { US: 'api.shop.example', DEFAULT: 'api.shop.example' };`,
        `// @privacy-purpose app_functionality`,
        `export async function f(region: string) {`,
        `  const { coords } = await Location.getCurrentPositionAsync();`,
        '  await fetch(`https://${HOSTS[region]}/stores`, { method: \'POST\', body: JSON.stringify(coords) });',
        `}`,
      ),
      errors: [{ messageId: 'residencyViolation', line: 6, column: 9 }],
    },
  ],
});

ruleTester.run('no-unused-suppression (directives for flow rules)', noUnusedSuppression, {
  valid: [
    {
      name: 'a directive above a sink whose flow comes from another file: scan judges it (it is used there)',
      filename: file('src/cross-suppressed.ts'),
      code: code(
        MIXPANEL,
        GUARD,
        `import { position } from './lib/position';`,
        `export async function f() {`,
        `  const coords = await position();`,
        `  // privlint-disable-next-line no-undeclared-sharing -- approved in PRIV-7`,
        `  if (await hasConsent('analytics')) mixpanel.track('x', { lat: coords.latitude });`,
        `}`,
      ),
    },
  ],
  invalid: [
    {
      name: 'a directive for a flow rule above a line without a sink suppresses nothing, in the editor too',
      filename: file('src/stale.ts'),
      code: code(`// privlint-disable-next-line no-undeclared-sharing -- approved in PRIV-7`, `export const nothing = 1;`),
      output: `export const nothing = 1;`,
      errors: [{ messageId: 'unusedSuppression', line: 1 }],
    },
  ],
});

describe('a flow across files', () => {
  it('is reported by privlint scan, which the editor leaves it to', () => {
    const root = writeProject({
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
      'src/lib/position.ts': code(LOCATION, `// @privacy-purpose app_functionality`, `export async function position() {`, `  return (await Location.getCurrentPositionAsync()).coords;`, `}`, ``),
      'src/cross.ts': code(MIXPANEL, GUARD, `import { position } from './lib/position';`, `export async function f() {`, `  const coords = await position();`, `  if (await hasConsent('analytics')) mixpanel.track('x', { lat: coords.latitude });`, `}`, ``),
    });
    const sharing = scan({ cwd: root }).findings.filter((finding) => finding.ruleId === 'no-undeclared-sharing');
    expect(sharing.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/cross.ts:6']);
    expect(new Set(sharing[0]!.flow!.map((step) => step.file))).toEqual(new Set(['src/lib/position.ts', 'src/cross.ts']));
  });

  it('through a helper that drops the value is no flow for privlint scan either', () => {
    const root = writeProject({
      'privacy-manifest.yaml': MANIFEST,
      'src/lib/drop.ts': code(`export function redact(_value: unknown) {`, `  return 'redacted';`, `}`, ``),
      'src/redacted.ts': REDACTED,
    });
    expect(scan({ cwd: root }).inventory.flows).toEqual([]);
  });

  it('is silenced by a privlint-disable comment in privlint scan, which then reports no unused suppression', () => {
    const root = writeProject({
      'privacy-manifest.yaml': MANIFEST,
      'privlint.config.json': JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] }),
      'src/lib/position.ts': code(LOCATION, `// @privacy-purpose app_functionality`, `export async function position() {`, `  return (await Location.getCurrentPositionAsync()).coords;`, `}`, ``),
      'src/cross.ts': code(MIXPANEL, GUARD, `import { position } from './lib/position';`, `export async function f() {`, `  const coords = await position();`, `  // privlint-disable-next-line no-undeclared-sharing -- approved in PRIV-7`, `  if (await hasConsent('analytics')) mixpanel.track('x', { lat: coords.latitude });`, `}`, ``),
    });
    const result = scan({ cwd: root });
    expect(result.findings.filter((finding) => finding.ruleId === 'no-undeclared-sharing' || finding.ruleId === 'no-unused-suppression')).toEqual([]);
    expect(result.suppressed.map((finding) => finding.ruleId)).toEqual(['no-undeclared-sharing']);
  });
});
