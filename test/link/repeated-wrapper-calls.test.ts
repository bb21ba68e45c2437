import { describe, expect, it } from 'vitest';
import { toJsonReport } from '../../src/report/json.js';
import { scanProject } from '../helpers/temp-project.js';
import type { ScanResult } from '../../src/scan.js';

const lines = (result: ScanResult) => result.inventory.sdkCalls.map((call) => `${call.file}:${call.line} ${call.callee}${call.alsoAt ? ` also ${call.alsoAt.map((place) => place.line).join(',')}` : ''}`);

const monitoring = [
  `import * as Sentry from '@sentry/react-native';`,
  `export function reportError(error: unknown) {`,
  `  Sentry.captureException(error);`,
  `}`,
  ``,
].join('\n');

describe('calls of one SDK wrapper in one file are one inventory entry', () => {
  it('a helper called three times in a file is listed once, with the other places in alsoAt', () => {
    const result = scanProject({
      'src/monitoring.ts': monitoring,
      'src/api.ts': [
        `import { reportError } from './monitoring';`,
        `export async function getUser(id: string) {`,
        `  try { return await fetch('/users/' + id); } catch (error) { reportError(error); }`,
        `}`,
        `export async function getOrders(id: string) {`,
        `  try { return await fetch('/orders/' + id); } catch (error) { reportError(error); }`,
        `}`,
        `export function onCrash(error: Error) {`,
        `  reportError(error);`,
        `}`,
        ``,
      ].join('\n'),
      'src/cart.ts': `import { reportError } from './monitoring';\nexport const fail = (error: Error) => reportError(error);\n`,
    });
    expect(lines(result)).toEqual(['src/api.ts:3 reportError also 6,9', 'src/cart.ts:2 reportError', 'src/monitoring.ts:3 Sentry.captureException']);
    const json = toJsonReport(result) as { inventory: { sdks: { file: string; site: string; alsoAt?: unknown }[] } };
    expect(json.inventory.sdks.find((use) => use.file === 'src/api.ts' && use.site === 'call')?.alsoAt).toEqual([
      { line: 6, column: 64 },
      { line: 9, column: 3 },
    ]);
  });

  it('direct SDK calls, which the consent check judges one by one, stay one a place', () => {
    const result = scanProject({
      'src/api.ts': [
        `import * as Sentry from '@sentry/react-native';`,
        `export function a(error: Error) { Sentry.captureException(error); }`,
        `export function b(error: Error) { Sentry.captureException(error); }`,
        ``,
      ].join('\n'),
    });
    expect(lines(result)).toEqual(['src/api.ts:2 Sentry.captureException', 'src/api.ts:3 Sentry.captureException']);
  });

  it('a wrapper call whose chain passes through another wrapper call of the file is a place of that deeper call', () => {
    const result = scanProject({
      'src/monitoring.ts': monitoring,
      'src/main.ts': [
        `import { reportError } from './monitoring';`,
        `export function launch() {`,
        `  checkStats();`,
        `}`,
        `function checkStats() {`,
        `  reportError(new Error('stats'));`,
        `}`,
        ``,
      ].join('\n'),
      'src/other.ts': [
        `import { reportError } from './monitoring';`,
        `import { launch } from './main';`,
        `export function start() {`,
        `  launch();`,
        `  reportError(new Error('start'));`,
        `}`,
        ``,
      ].join('\n'),
    });
    // main.ts:3 reaches Sentry through main.ts:6, which is listed: one entry. other.ts's two calls end in the same SDK call: one entry too.
    expect(lines(result)).toEqual(['src/main.ts:6 reportError also 3', 'src/monitoring.ts:3 Sentry.captureException', 'src/other.ts:4 launch also 5']);
  });

  it("wrappers of one file that end in one and the same SDK call are one entry; another SDK call of the same API is another", () => {
    const result = scanProject({
      'src/analytics.ts': [
        `import analytics from '@react-native-firebase/analytics';`,
        `const log = (name: string, params?: object) => analytics().logEvent(name, params);`,
        `export const tracker = {`,
        `  logLogin: () => log('login'),`,
        `  logShare: (id: string) => log('share', { id }),`,
        `};`,
        `export function logCrashScreen() {`,
        `  analytics().logEvent('crash_screen');`,
        `}`,
        ``,
      ].join('\n'),
      'src/screen.ts': [
        `import { tracker, logCrashScreen } from './analytics';`,
        `export function onLogin() {`,
        `  tracker.logLogin();`,
        `}`,
        `export function onShare(id: string) {`,
        `  tracker.logShare(id);`,
        `}`,
        `export function onCrash() {`,
        `  logCrashScreen();`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(lines(result).filter((line) => line.startsWith('src/screen.ts'))).toEqual(['src/screen.ts:3 tracker.logLogin also 6', 'src/screen.ts:9 logCrashScreen']);
  });

  it('a wrapper call whose chain passes through a direct SDK call of the file is a place of that call, which stays its own entry', () => {
    const result = scanProject({
      'src/errors.ts': [
        `import * as Sentry from '@sentry/react-native';`,
        `function report(error: unknown) {`,
        `  Sentry.captureException(error);`,
        `}`,
        `export function onSaveFailed(error: Error) {`,
        `  report(error);`,
        `}`,
        `export function onLoadFailed(error: Error) {`,
        `  Sentry.captureException(error);`,
        `}`,
        ``,
      ].join('\n'),
    });
    // errors.ts:6 reaches the SDK through errors.ts:3; errors.ts:9 is another direct call, not on its chain.
    expect(lines(result)).toEqual(['src/errors.ts:3 Sentry.captureException also 6', 'src/errors.ts:9 Sentry.captureException']);
  });
});
