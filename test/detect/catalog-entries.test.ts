import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

describe('catalog entries', () => {
  it('knows expo-contacts/next, getAppSetId and the Capacitor push registration token', () => {
    const result = scanProject({
      'a.ts': [
        `import { Contact } from 'expo-contacts/next';`,
        `import { getAppSetId } from 'react-native-device-info';`,
        `import { PushNotifications } from '@capacitor/push-notifications';`,
        `export const all = Contact.getAll();`,
        `export const details = Contact.getAllDetails(['phones']);`,
        `export const set = getAppSetId();`,
        `PushNotifications.addListener('registration', (token) => { send(token.value); });`,
        `PushNotifications.addListener('pushNotificationReceived', (notification) => { show(notification.title); });`,
        `declare function send(value: string): void;`,
        `declare function show(value: string | undefined): void;`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'a.ts:4 contacts expo-contacts/next#Contact.getAll',
      'a.ts:5 contacts expo-contacts/next#Contact.getAllDetails',
      'a.ts:6 device.id react-native-device-info#getAppSetId',
      'a.ts:7 device.push_token @capacitor/push-notifications#PushNotifications.addListener()=>1:0.value',
    ]);
  });

  it('knows the bare firebase package, the compat core and every @sentry/* package', () => {
    const result = scanProject({
      'a.ts': [
        `import firebase from 'firebase';`,
        `import compat from 'firebase/compat/app';`,
        `import { getAnalytics } from 'firebase/analytics';`,
        `import * as Sentry from '@sentry/sveltekit';`,
        `import sentryx from 'sentryx';`,
        `export const all = [firebase, compat, getAnalytics, Sentry, sentryx];`,
      ].join('\n'),
    });
    expect(result.inventory.sdks.map((use) => `${use.package} ${use.sdk}`)).toEqual([
      'firebase firebase-backend',
      'firebase/compat/app firebase-backend',
      'firebase/analytics firebase-analytics',
      '@sentry/sveltekit sentry',
    ]);
  });

  it('skips build output and vendored native folders by default', () => {
    const source = `import DeviceInfo from 'react-native-device-info';\nexport const s = DeviceInfo.getSerialNumber();\n`;
    const result = scanProject({
      'src/a.ts': source,
      'web-build/static/js/main.js': source,
      'ios/Pods/Some/index.js': source,
      'android/app/build/generated/x.js': source,
      '.output/server/index.mjs': source,
      '.nuxt/app.js': source,
      '.svelte-kit/output/server.js': source,
      '.vercel/output/functions/f.js': source,
    });
    expect(result.inventory.collections.map((site) => site.file)).toEqual(['src/a.ts']);
  });
});
