import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// react-native-onesignal 4.x keeps the push token on its device state (catalog react-native.yaml).

describe('the OneSignal 4.x device state', () => {
  it('yields the push token and the player id where they are read, not where only the subscription flag is', () => {
    const result = scanProject({
      'src/onesignal.ts': [
        `import OneSignal from 'react-native-onesignal';`,
        `export async function register(api: (path: string, body: object) => Promise<void>) {`,
        `  const state = await OneSignal.getDeviceState();`,
        `  if (!state.isSubscribed) return;`,
        `  await api('devices', { token: state.pushToken, player: state.userId });`,
        `}`,
        `export function watch(onChange: (subscribed: boolean, player?: string) => void) {`,
        `  OneSignal.addSubscriptionObserver((event) => onChange(event.to.isSubscribed, event.to.userId));`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/onesignal.ts:5 device.push_token react-native-onesignal#default.getDeviceState().pushToken',
      'src/onesignal.ts:5 device.push_token react-native-onesignal#default.getDeviceState().userId',
      'src/onesignal.ts:8 device.push_token react-native-onesignal#default.addSubscriptionObserver()=>0:0.to.userId',
    ]);
  });
});
