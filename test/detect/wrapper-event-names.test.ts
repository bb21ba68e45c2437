import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// An event name a catalogued listener is keyed on, given through the app's own wrapper.

describe('a listener keyed on an event name passed through a wrapper', () => {
  it('is a site where the wrapper is called with the catalogued name, not with another event', () => {
    const result = scanProject({
      'src/notifications.ts': [
        `import { DeviceEventEmitter } from 'react-native';`,
        `import PushNotificationIOS from '@react-native-community/push-notification-ios';`,
        `export class Listener {`,
        `  listen(name: string, handler: (value: unknown) => void) {`,
        `    DeviceEventEmitter.addListener(name, handler);`,
        `  }`,
        `  listenIOS(args: { name: string; handler: (value: unknown) => void }) {`,
        `    const { name, handler } = args;`,
        `    PushNotificationIOS.addEventListener(name as never, handler);`,
        `  }`,
        `  start(onToken: (token: unknown) => void, onOpen: (value: unknown) => void) {`,
        `    this.listen('notificationOpened', onOpen);`,
        `    this.listen('remoteNotificationsRegistered', onToken);`,
        `    this.listenIOS({ name: 'localNotification', handler: onOpen });`,
        `    this.listenIOS({ name: 'register', handler: onToken });`,
        `  }`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/notifications.ts:13 device.push_token react-native#DeviceEventEmitter.addListener',
      'src/notifications.ts:15 device.push_token @react-native-community/push-notification-ios#default.addEventListener',
    ]);
  });
});
