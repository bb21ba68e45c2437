import { describe, expect, it } from 'vitest';
import { scanProject, sites } from '../helpers/temp-project.js';

// The Push API's subscription (its endpoint URL and keys) is the browser's push token (catalog web.yaml).

describe('a Web Push subscription', () => {
  it('is a push token where a service worker registration subscribes, awaited, in .then or in the worker', () => {
    const result = scanProject({
      'src/push.ts': [
        `export async function enable(key: string) {`,
        `  const registration = await navigator.serviceWorker.ready;`,
        `  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });`,
        `  await fetch('/api/push-subscriptions', { method: 'POST', body: JSON.stringify(subscription) });`,
        `}`,
        `export const enableLater = () => navigator.serviceWorker.ready.then((registration) => registration.pushManager.subscribe({ userVisibleOnly: true }));`,
      ].join('\n'),
      'src/sw.js': [
        `self.addEventListener('pushsubscriptionchange', async () => {`,
        `  const subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true });`,
        `  await fetch('/api/push-subscriptions', { method: 'PUT', body: JSON.stringify(subscription) });`,
        `});`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual([
      'src/push.ts:3 device.push_token navigator.serviceWorker.ready.pushManager.subscribe',
      'src/push.ts:6 device.push_token navigator.serviceWorker.ready.then()=>0:0.pushManager.subscribe',
      'src/sw.js:2 device.push_token registration.pushManager.subscribe',
    ]);
  });

  it('read back with getSubscription is one only where it is sent, not where it is only asked whether one exists', () => {
    const result = scanProject({
      'src/push.ts': [
        `export async function sync() {`,
        `  const registration = await navigator.serviceWorker.register('/sw.js');`,
        `  if (await registration.pushManager.getSubscription()) console.info('subscribed');`,
        `  const current = await registration.pushManager.getSubscription();`,
        `  await fetch('/api/push-subscriptions', { method: 'POST', body: JSON.stringify(current) });`,
        `}`,
      ].join('\n'),
    });
    expect(sites(result)).toEqual(['src/push.ts:4 device.push_token navigator.serviceWorker.register().pushManager.getSubscription']);
  });
});
