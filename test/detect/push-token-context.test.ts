import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// A bare `token` is a push token only where the file or function sending it is named for push notifications.

describe('a bare token sent from push-notification code', () => {
  it('is a push token in a file or function named for push, not an auth token elsewhere', () => {
    const result = scanProject({
      'src/api/savePushToken.ts': [
        `import { apiPost } from './client';`,
        `export default async (auth: string, token: string) => apiPost(auth, 'devices', { token });`,
      ].join('\n'),
      'src/api/notify.ts': [
        `import { apiPost } from './client';`,
        `export const sendTestNotification = (auth: string, params: { token: string }) => apiPost(auth, 'test', { token: params.token });`,
      ].join('\n'),
      'src/api/session.ts': [
        `import { apiPost } from './client';`,
        `export const refreshSession = (auth: string, token: string) => apiPost(auth, 'session', { token });`,
      ].join('\n'),
      'src/api/client.ts': `export const apiPost = (auth: string, path: string, body: object) => fetch(path, { method: 'POST', headers: { auth }, body: JSON.stringify(body) });\n`,
    });
    expect(sites(result)).toEqual([
      'src/api/notify.ts:2 device.push_token name:params.token',
      'src/api/savePushToken.ts:2 device.push_token name:token',
    ]);
  });
});
