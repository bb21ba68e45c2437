import { describe, expect, it } from 'vitest';
import { scanProject } from '../helpers/temp-project.js';

const uses = (result: ReturnType<typeof scanProject>) => result.inventory.sdks.map((use) => `${use.file}:${use.line}:${use.column} ${use.package} ${use.sdk}`);

describe('SDKs named as plugins in app configuration', () => {
  it('reads Expo config plugins in app.json (a subpath of the package, a [name, options] pair) and skips the app’s own plugin files', () => {
    const result = scanProject({
      'app.json': [
        `{`,
        `  "expo": {`,
        `    "name": "shop",`,
        `    "plugins": [`,
        `      "@sentry/react-native/expo",`,
        `      ["expo-notifications", { "icon": "./icon.png" }],`,
        `      "./plugins/withSomething",`,
        `      "expo-router"`,
        `    ]`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    expect(uses(result)).toEqual(['app.json:5:7 @sentry/react-native sentry', 'app.json:6:8 expo-notifications expo-notifications']);
  });

  it('reads the plugins of app.config.ts, also from a config function', () => {
    const result = scanProject({
      'app.config.ts': [
        `import type { ExpoConfig, ConfigContext } from 'expo/config';`,
        `export default ({ config }: ConfigContext): ExpoConfig => ({`,
        `  ...config,`,
        `  name: 'shop',`,
        `  plugins: [`,
        `    ['expo-notifications', { sounds: [] }],`,
        `    '@react-native-firebase/app',`,
        `  ],`,
        `});`,
      ].join('\n'),
    });
    expect(uses(result)).toEqual(['app.config.ts:6:6 expo-notifications expo-notifications', 'app.config.ts:7:5 @react-native-firebase/app firebase-backend']);
  });

  it('reads Capacitor plugin settings by the name the plugin registers, and registerPlugin(name) in code', () => {
    const result = scanProject({
      'capacitor.config.ts': [
        `import type { CapacitorConfig } from '@capacitor/cli';`,
        `const config: CapacitorConfig = {`,
        `  appId: 'com.example.shop',`,
        `  plugins: {`,
        `    SplashScreen: { launchShowDuration: 0 },`,
        `    FirebaseMessaging: { presentationOptions: ['alert'] },`,
        `  },`,
        `};`,
        `export default config;`,
      ].join('\n'),
      'capacitor.config.json': `{\n  "appId": "com.example.shop",\n  "plugins": {\n    "PushNotifications": { "presentationOptions": ["badge"] }\n  }\n}\n`,
      'src/push.ts': [
        `import { registerPlugin } from '@capacitor/core';`,
        `export const FirebaseMessaging = registerPlugin<{ getToken(): Promise<{ token: string }> }>('FirebaseMessaging');`,
        `export const Other = registerPlugin('MyOwnPlugin');`,
      ].join('\n'),
    });
    expect(uses(result)).toEqual([
      'capacitor.config.json:4:5 @capacitor/push-notifications platform-push-libraries',
      'capacitor.config.ts:6:5 @capacitor-firebase/messaging firebase-messaging',
      'src/push.ts:2:93 @capacitor-firebase/messaging firebase-messaging',
    ]);
  });

  it('reads Cordova plugins in config.xml, not in comments', () => {
    const result = scanProject({
      'config.xml': [
        `<?xml version='1.0' encoding='utf-8'?>`,
        `<widget id="com.example.shop" version="1.0.0" xmlns="http://www.w3.org/ns/widgets">`,
        `    <!-- <plugin name="cordova-plugin-facebook-connect" spec="1" /> -->`,
        `    <plugin name="cordova-plugin-firebasex" spec="^16.0.0" />`,
        `    <plugin name="cordova-plugin-statusbar" spec="2" />`,
        `</widget>`,
      ].join('\n'),
    });
    expect(uses(result)).toEqual(['config.xml:4:18 cordova-plugin-firebasex firebase-cordova-x']);
  });
});
