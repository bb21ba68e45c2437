import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

/** Each SDK call with the consent keys it is guarded by and the switches found for its SDK. */
function sdkCalls(files: Record<string, string>): string[] {
  const result = scanProject(files);
  return result.inventory.sdkCalls.map((call) => {
    const switches = (call.switches ?? []).map((note) => `${note.callee}@${note.file}:${note.line}=${note.value}[${note.keys.join(',')}]`);
    return `${call.file}:${call.line} ${call.callee} ${call.consentKeys.join(',') || '-'}${switches.length ? ` ${switches.join(' ')}` : ''}`;
  });
}

describe('collection switches guard every call of the SDK they switch', () => {
  it('a Firebase Analytics switch given the preference guards the SDK in other files (ESM, await)', () => {
    expect(
      sdkCalls({
        'src/privacy.ts': [`import analytics from '@react-native-firebase/analytics';`, `export async function apply(allowed: boolean) {`, `  await analytics().setAnalyticsCollectionEnabled(allowed);`, `}`].join('\n'),
        'src/screen.ts': [`import analytics from '@react-native-firebase/analytics';`, `export const open = () => analytics().logEvent('open');`].join('\n'),
      }),
    ).toEqual([
      'src/privacy.ts:3 analytics().setAnalyticsCollectionEnabled analytics analytics().setAnalyticsCollectionEnabled@src/privacy.ts:3=preference[analytics]',
      'src/screen.ts:2 analytics().logEvent analytics analytics().setAnalyticsCollectionEnabled@src/privacy.ts:3=preference[analytics]',
    ]);
  });

  it('a switch given a guard call proves that guard\'s key; one set to true proves nothing (near miss), unless a consent check guards it', () => {
    const sdk = `import crashlytics from '@react-native-firebase/crashlytics';`;
    const consent = `declare function hasConsent(key: string): Promise<boolean>;`;
    const config = JSON.stringify({ guards: [{ call: 'hasConsent', keyArgument: 0 }] });
    expect(sdkCalls({ 'a.ts': [sdk, consent, `export async function f() { await crashlytics().setCrashlyticsCollectionEnabled(await hasConsent('crash')); crashlytics().log('x'); }`].join('\n'), 'privlint.config.json': config })).toEqual([
      "a.ts:3 crashlytics().setCrashlyticsCollectionEnabled crash crashlytics().setCrashlyticsCollectionEnabled@a.ts:3=preference[crash]",
      "a.ts:3 crashlytics().log crash crashlytics().setCrashlyticsCollectionEnabled@a.ts:3=preference[crash]",
    ]);
    expect(sdkCalls({ 'a.ts': [sdk, `export function f() { crashlytics().setCrashlyticsCollectionEnabled(true); crashlytics().log('x'); }`].join('\n') })).toEqual([
      'a.ts:2 crashlytics().setCrashlyticsCollectionEnabled - crashlytics().setCrashlyticsCollectionEnabled@a.ts:2=on[]',
      'a.ts:2 crashlytics().log - crashlytics().setCrashlyticsCollectionEnabled@a.ts:2=on[]',
    ]);
    expect(
      sdkCalls({ 'a.ts': [sdk, consent, `export async function f() { if (await hasConsent('crash')) await crashlytics().setCrashlyticsCollectionEnabled(true); crashlytics().log('x'); }`].join('\n'), 'privlint.config.json': config }),
    ).toEqual([
      'a.ts:3 crashlytics().setCrashlyticsCollectionEnabled crash crashlytics().setCrashlyticsCollectionEnabled@a.ts:3=on[crash]',
      'a.ts:3 crashlytics().log crash crashlytics().setCrashlyticsCollectionEnabled@a.ts:3=on[crash]',
    ]);
  });

  it('Sentry enabled / beforeSend and Bugsnag onError (CommonJS); a beforeSend that never drops is not a switch', () => {
    expect(
      sdkCalls({
        'a.cjs': [`const Sentry = require('@sentry/browser');`, `const settings = require('./settings.cjs');`, `Sentry.init({ dsn: 'x', beforeSend(event) { return settings.crashReports ? event : null; } });`, `Sentry.captureMessage('m');`].join('\n'),
        'settings.cjs': `module.exports = { crashReports: false };`,
      }),
    ).toEqual([
      'a.cjs:3 Sentry.init crash_reports Sentry.init@a.cjs:3=preference[crash_reports]',
      'a.cjs:4 Sentry.captureMessage crash_reports Sentry.init@a.cjs:3=preference[crash_reports]',
    ]);
    expect(sdkCalls({ 'a.ts': [`import * as Sentry from '@sentry/react-native';`, `Sentry.init({ dsn: 'x', beforeSend: (event) => event });`].join('\n') })).toEqual([
      'a.ts:2 Sentry.init - Sentry.init@a.ts:2=on[]',
    ]);
    expect(sdkCalls({ 'a.ts': [`import * as Sentry from '@sentry/react';`, `export function start(optedIn: boolean) { Sentry.init({ dsn: 'x', enabled: optedIn }); }`].join('\n') })).toEqual([
      'a.ts:2 Sentry.init crash_reports Sentry.init@a.ts:2=preference[crash_reports]',
    ]);
    expect(sdkCalls({ 'a.js': [`const Bugsnag = require('@bugsnag/js').default;`, `const { allowed } = require('./prefs');`, `Bugsnag.start({ apiKey: 'k', onError: () => allowed() });`].join('\n'), 'prefs.js': 'exports.allowed = () => false;' })).toEqual([
      'a.js:3 Bugsnag.start crash_reports Bugsnag.start@a.js:3=preference[crash_reports]',
    ]);
  });

  it('Consent Mode defaults make gtag calls consent-gated for each type set to denied; Mixpanel opt-out and opt-in', () => {
    expect(sdkCalls({ 'a.js': [`gtag('consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied', functionality_storage: 'granted' });`, `gtag('event', 'purchase');`].join('\n') })).toEqual([
      "a.js:1 gtag ad_storage,analytics_storage gtag@a.js:1=off[ad_storage,analytics_storage]",
      "a.js:2 gtag ad_storage,analytics_storage gtag@a.js:1=off[ad_storage,analytics_storage]",
    ]);
    // near miss: every type granted by default
    expect(sdkCalls({ 'a.js': [`gtag('consent', 'default', { analytics_storage: 'granted' });`, `gtag('event', 'purchase');`].join('\n') })).toEqual([
      'a.js:1 gtag - gtag@a.js:1=on[]',
      'a.js:2 gtag - gtag@a.js:1=on[]',
    ]);
    const mixpanel = `import mixpanel from 'mixpanel-browser';`;
    expect(sdkCalls({ 'a.ts': [mixpanel, `mixpanel.init('t', { opt_out_tracking_by_default: true });`, `mixpanel.track('x');`].join('\n') })).toEqual([
      'a.ts:2 mixpanel.init analytics mixpanel.init@a.ts:2=off[analytics]',
      'a.ts:3 mixpanel.track analytics mixpanel.init@a.ts:2=off[analytics]',
    ]);
    // near miss: opted back in for everyone
    expect(sdkCalls({ 'a.ts': [mixpanel, `mixpanel.init('t', { opt_out_tracking_by_default: true });`, `mixpanel.opt_in_tracking();`, `mixpanel.track('x');`].join('\n') })[2]).toBe(
      'a.ts:4 mixpanel.track - mixpanel.init@a.ts:2=off[analytics] mixpanel.opt_in_tracking@a.ts:3=on[]',
    );
    // an opt-out check guards what follows it
    expect(sdkCalls({ 'a.ts': [mixpanel, `export function t() { if (!mixpanel.has_opted_out_tracking()) mixpanel.track('x'); }`].join('\n') })).toEqual(['a.ts:2 mixpanel.track analytics']);
  });

  it('a local function named like the switch is not one (near miss)', () => {
    expect(
      sdkCalls({
        'a.ts': [
          `import analytics from '@react-native-firebase/analytics';`,
          `function setAnalyticsCollectionEnabled(on: boolean) { return on; }`,
          `export function f(pref: boolean) { setAnalyticsCollectionEnabled(pref); return analytics().logEvent('x'); }`,
        ].join('\n'),
      }),
    ).toEqual(['a.ts:3 analytics().logEvent -']);
  });
  it('a switch given a build or environment flag is on for every user of a release build, so it proves no consent (near misses: a preference, or a flag and a preference)', () => {
    const sentry = `import * as Sentry from '@sentry/react-native';`;
    const onFor = (value: string, extra = '') => sdkCalls({ 'a.ts': [sentry, `declare const isDevelopment: boolean; declare const __DEV__: boolean;${extra}`, `export function start(optedIn: boolean) { Sentry.init({ dsn: 'x', enabled: ${value} }); }`].join('\n') });
    for (const flag of ['!isDevelopment', '!__DEV__', "process.env.NODE_ENV === 'production'", "(process.env.EXPO_PUBLIC_ENV as string) !== 'dev'", "import.meta.env.PROD", "Platform.OS === 'ios' && !__DEV__"]) {
      expect(onFor(flag, ` declare const Platform: { OS: string };`), flag).toEqual(['a.ts:3 Sentry.init - Sentry.init@a.ts:3=on[]']);
    }
    expect(onFor('optedIn')).toEqual(['a.ts:3 Sentry.init crash_reports Sentry.init@a.ts:3=preference[crash_reports]']);
    expect(onFor('!isDevelopment && optedIn')).toEqual(['a.ts:3 Sentry.init crash_reports Sentry.init@a.ts:3=preference[crash_reports]']);
  });
});
